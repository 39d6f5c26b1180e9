/**
 * The typed fields of the complaint commands (docs/http-contract.md "Complaints"): the rules the
 * API's request schemas are built from (api/schemas/complaints.ts) and the web forms check before
 * sending. Choices (channel, severity, yes/no) are not here: a form offers only valid ones.
 */
import { emailRule, freeText, idNumberRule, idRule, phoneRule, requiredFreeText, requiredText, type FormRules } from '../field-rules.js';

export const customerRules = {
  ref: idRule,
  name: requiredText(200),
  phone: phoneRule,
  idNumber: idNumberRule,
  email: emailRule,
} as const;

/** By command (and `intake`), the fields by request path. */
export const complaintInputRules = {
  intake: {
    description: requiredFreeText(10_000),
    initiativeId: { ...idRule, optional: true },
    'customer.ref': customerRules.ref,
    'customer.name': customerRules.name,
    'customer.phone': customerRules.phone,
    'customer.idNumber': { ...customerRules.idNumber, optional: true },
    'customer.email': { ...customerRules.email, optional: true },
  },
  respond: { message: requiredFreeText(10_000) },
  transfer: { department: idRule, reason: requiredFreeText(2_000) },
  resolve: { summary: requiredFreeText(10_000), remedy: requiredFreeText(10_000), 'rootCause.initiativeId': { ...idRule, optional: true } },
  approve: { comment: requiredFreeText(2_000) },
  signoff: { comment: requiredFreeText(2_000) },
  feedback: { comment: freeText(2_000) },
  appeal: { reason: requiredFreeText(2_000) },
  appealDecision: { decision: requiredFreeText(10_000) },
  pause: { reason: requiredFreeText(2_000) },
  resume: { reason: { ...freeText(2_000), optional: true } },
  escalate: { reason: requiredFreeText(2_000) },
  reassign: { toUserId: idRule, reason: requiredFreeText(2_000) },
  rootCauseCorrection: { reason: requiredFreeText(2_000), initiativeId: { ...idRule, optional: true } },
} as const satisfies Record<string, FormRules>;
