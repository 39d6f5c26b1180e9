import type { Lock } from './lock.js';
import { requireUpdateProof } from './proof.js';

/**
 * One entry of a process family's command table. Every family runs its entries the same way:
 *
 * 1. `validate` (with the family's own checks: the state table, who may act) in the update's
 *    validator: a refusal there leaves nothing in history.
 * 2. Under the process's lock, the checks again (a command that waited for the lock may find the
 *    state changed), then `prepare`: the activities the change needs (a deadline from the business
 *    calendar, the committee roster), before any state changes.
 * 3. The checks a last time, then `apply`: the change itself, synchronous, at one instant. It
 *    returns what to record (audit events, notifications), which the family writes with its
 *    projection in one local activity before the caller gets its answer.
 */
export interface CommandSpec<Target, C, Prepared, Applied> {
  /** Checks that need the command's content; throws a refusal (workflows/process/refuse.ts). */
  validate?: (command: C, target: Target) => void;
  /** Reads through activities, without touching state. */
  prepare?: (command: C, target: Target) => Promise<Prepared>;
  /** The change at the workflow's instant `now`; returns what the family records. */
  apply: (command: C, target: Target, now: number, prepared: Prepared) => Applied;
}

/** What a family makes of one table entry: its checks and its run under the lock. */
export interface ProcessCommand<C, R> {
  check(command: C): void;
  /** Runs under the lock: checks again, prepares, applies, records, answers. */
  execute(command: C): Promise<R>;
}

/** A process as its update handlers see it: one lock, and a registration commands wait for. */
export interface LockedProcess {
  readonly lock: Lock;
  /** Resolves once the process can take commands; undefined when it already can. */
  untilReady(): Promise<void> | undefined;
}

/**
 * The validator and handler of one update, for `setHandler(update, handler, { validator })`. The
 * validator first checks that the cxgov API authorised the command (workflows/process/proof.ts).
 */
export function updateHandlers<C, R>(locked: LockedProcess, command: ProcessCommand<C, R>): { handler: (c: C) => Promise<R>; validator: (c: C) => void } {
  return {
    validator: (c) => {
      requireUpdateProof(c);
      command.check(c);
    },
    handler: async (c) => {
      // Awaited only while the process registers: every workflow promise costs the SDK a stack capture.
      const registering = locked.untilReady();
      if (registering) await registering;
      return locked.lock.run(() => command.execute(c));
    },
  };
}
