/**
 * Why a command was refused. Workflow update validators throw an ApplicationFailure whose `type`
 * is one of these, and the API maps them to HTTP statuses; keeping the names here keeps the two
 * sides of the determinism line agreeing.
 */
export const commandErrorTypes = {
  forbidden: 'CommandForbidden', // → 403: the caller may not do this (not a member, recused, not the owner)
  conflict: 'CommandConflict', // → 409: not allowed in the current state
  invalid: 'CommandInvalid', // → 400: the command's content breaks a rule
} as const;
export type CommandErrorType = (typeof commandErrorTypes)[keyof typeof commandErrorTypes];
