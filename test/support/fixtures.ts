import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'replay', 'fixtures');

/**
 * Saves the event history of a finished (or running) workflow as a replay fixture when the
 * suite runs with UPDATE_REPLAY_FIXTURES=1. Fixtures are real histories from the integration
 * tests; test/replay/replay.test.ts replays every one against the current workflow code, so a
 * change that breaks a running process fails the suite (use patched() or a new workflow type).
 *
 * Fixtures are append-only: a history recorded by older workflow code is the proof that the
 * current code still replays it. When a file of that name exists, it is left as it is and
 * nothing is written (to record a new shape, give it a new name).
 *
 * `runId` picks one run of a workflow that continued as new; without it, the latest run.
 */
export async function saveReplayFixture(client: Client, workflowId: string, name: string, runId?: string): Promise<void> {
  if (process.env.UPDATE_REPLAY_FIXTURES !== '1') return;
  const file = path.join(fixturesDir, `${name}.json`);
  if (existsSync(file)) return;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  mkdirSync(fixturesDir, { recursive: true });
  try {
    // 'wx': never replaces a file that appeared meanwhile (another test file saving the same name)
    writeFileSync(file, historyToJSON(history) + '\n', { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}
