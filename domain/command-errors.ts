/**
 * Why a command was refused. Workflow update validators throw an ApplicationFailure whose `type`
 * is one of these, and the API maps them to HTTP statuses; keeping the names here keeps the two
 * sides of the determinism line agreeing.
 *
 * Workflow-safe: pure.
 */
export const commandErrorTypes = {
  forbidden: 'CommandForbidden', // → 403: the caller may not do this (not a member, recused, not the owner)
  conflict: 'CommandConflict', // → 409: not allowed in the current state
  invalid: 'CommandInvalid', // → 400: the command's content breaks a rule
} as const;
export type CommandErrorType = (typeof commandErrorTypes)[keyof typeof commandErrorTypes];

export type RefusalCode = keyof typeof commandErrorTypes;
export type Refusal = { ok: false; code: RefusalCode; message: string };
/** What a rule answers about a command: allowed, or refused with the reason. */
export type CommandCheck = { ok: true } | Refusal;

export const allowed: CommandCheck = Object.freeze({ ok: true });
export const refusal = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });
