/**
 * The voice of the customer's vocabulary (docs/surveys.md): survey invitations sent after a
 * complaint closes, after an appeal is decided and in a product's NPS campaign; the answers a
 * customer gives through the link or an agent records on a callback (回访).
 *
 * Workflow-safe: no imports, no I/O.
 */

/** Why an invitation was sent: a complaint closed, an appeal decided, a product's NPS campaign. */
export const surveyKinds = ['complaint', 'appeal', 'product_nps'] as const;
export type SurveyKind = (typeof surveyKinds)[number];

/** How an answer reached cxgov: the customer's own link, or an agent's phone callback. */
export const responseSources = ['link', 'callback'] as const;
export type ResponseSource = (typeof responseSources)[number];

/** CSAT: 1 (very dissatisfied) … 5 (very satisfied). */
export const csatMin = 1;
export const csatMax = 5;
/** NPS: 0 … 10, "how likely are you to recommend us". */
export const npsMin = 0;
export const npsMax = 10;

/** The longest "what could be better" a customer or an agent may write. */
export const verbatimMaxLength = 2000;
