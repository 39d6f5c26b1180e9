import { mkdirSync, writeFileSync } from 'node:fs';
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
 */
export async function saveReplayFixture(client: Client, workflowId: string, name: string): Promise<void> {
  if (process.env.UPDATE_REPLAY_FIXTURES !== '1') return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  mkdirSync(fixturesDir, { recursive: true });
  writeFileSync(path.join(fixturesDir, `${name}.json`), historyToJSON(history) + '\n');
}
