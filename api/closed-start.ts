import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { conflict } from './problem.js';

/**
 * The answer to a start (update-with-start, `USE_EXISTING` + `REJECT_DUPLICATE`) that Temporal
 * refused because the process of its id already ran to an end — a retry with the same
 * Idempotency-Key, whose ids derive from the key (api/idempotency.ts):
 *
 * - the process recorded its entity: that record, as the first attempt would have answered;
 * - it ended before recording anything (it failed at its first step — e.g. an old API's unsigned
 *   start refused by a new worker during a roll, docs/operations.md — or was ended in Temporal):
 *   a 409 saying what to do. A closed process's id never starts again, so the same request can
 *   never succeed; without this it was a 500 on every retry.
 *
 * Anything else thrown by the start is thrown on.
 */
export async function viewOfClosedStart<T>(err: unknown, readRecord: () => Promise<T | undefined>, nothingRecorded = defaultNothingRecorded): Promise<T> {
  if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  const record = await readRecord();
  if (record === undefined) throw conflict(nothingRecorded);
  return record;
}

const defaultNothingRecorded =
  'the process this request starts already ran and ended before it recorded anything (it failed, or was ended in Temporal); a process never starts twice under one id, so this request cannot succeed: send it again with a new Idempotency-Key';
