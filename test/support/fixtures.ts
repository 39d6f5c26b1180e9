import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'replay', 'fixtures');
/** `sha256  file` per fixture, like `sha256sum` writes (check by hand: `cd test/replay/fixtures && sha256sum -c MANIFEST.sha256`). */
export const manifestPath = path.join(fixturesDir, 'MANIFEST.sha256');

/** The cxgov release the running code belongs to: new fixtures are named after it. */
const release: string = JSON.parse(readFileSync(path.join(fixturesDir, '..', '..', '..', 'package.json'), 'utf8')).version;

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The manifest's entries: file name → hash. */
export function readManifest(): Map<string, string> {
  const entries = new Map<string, string>();
  if (!existsSync(manifestPath)) return entries;
  for (const line of readFileSync(manifestPath, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
    if (m) entries.set(m[2]!, m[1]!);
  }
  return entries;
}

/**
 * Saves the event history of a finished (or running) workflow as a replay fixture when the
 * suite runs with UPDATE_REPLAY_FIXTURES=1. Fixtures are real histories from the integration
 * tests; test/replay/replay.test.ts replays every one against the current workflow code, so a
 * change that breaks a running process fails the suite (ship it behind a patch:
 * docs/operations.md, "Changing workflow code").
 *
 * The corpus is append-only: a history recorded by older workflow code is the proof that the
 * current code still replays it. A fixture is named `<name>@<release>.json` after the release of
 * the code that recorded it (those recorded before releases were named have no suffix), so
 * recording again after a change adds the new shapes beside the old ones; a file that exists is
 * never written over. Each new file gets its line in MANIFEST.sha256, which the replay test
 * holds every fixture to.
 *
 * `runId` picks one run of a workflow that continued as new; without it, the latest run.
 */
export async function saveReplayFixture(client: Client, workflowId: string, name: string, runId?: string): Promise<void> {
  if (process.env.UPDATE_REPLAY_FIXTURES !== '1') return;
  const fileName = `${name}@${release}.json`;
  const file = path.join(fixturesDir, fileName);
  if (existsSync(file)) return;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  const text = historyToJSON(history) + '\n';
  mkdirSync(fixturesDir, { recursive: true });
  try {
    // 'wx': never replaces a file that appeared meanwhile (another test file saving the same name)
    writeFileSync(file, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw err;
  }
  appendFileSync(manifestPath, `${sha256(text)}  ${fileName}\n`);
}
