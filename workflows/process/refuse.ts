import { ApplicationFailure } from '@temporalio/workflow';
import { commandErrorTypes, type CommandCheck, type RefusalCode } from '../../domain/command-errors.js';

/**
 * Refuses a command. Thrown from an update's validator, the refusal leaves nothing in history;
 * the API maps its type to 403 / 409 / 400 (domain/command-errors.ts). The message says why and
 * names the current state ("vote refused: the review is decided").
 */
export function refuse(code: RefusalCode, message: string): never {
  throw ApplicationFailure.create({ type: commandErrorTypes[code], message, nonRetryable: true });
}

/** Refuses unless a rule of domain/ allowed the command. */
export function refuseUnless(check: CommandCheck): void {
  if (!check.ok) refuse(check.code, check.message);
}
