/**
 * The typed fields of the initiative requests (docs/http-contract.md "Initiatives and gates"): the
 * rules the API's request schemas are built from (api/schemas/initiatives.ts) and the web forms
 * check before sending. Deliverables have their own rule (deliverables.ts).
 */
import { requiredFreeText, requiredText, type FormRules } from '../field-rules.js';

export const initiativeInputRules = {
  create: { name: requiredText(200), description: requiredFreeText(10_000), team: requiredText(200) },
} as const satisfies Record<string, FormRules>;
