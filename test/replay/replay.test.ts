import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { describe, expect, it, inject } from 'vitest';
import { fixturesDir } from '../support/fixtures.js';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';

/**
 * Replays every saved history (test/replay/fixtures/*.json) against the current workflow code.
 * A nondeterminism error here means a change would break processes already running.
 */
const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith('.json')).sort();
// The corpus is append-only (test/unit/platform/replay-corpus.test.ts holds every fixture to MANIFEST.sha256).

describe('replay of recorded workflow histories', () => {
  it('has fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const file of fixtures) {
    it(`replays ${file} deterministically`, async () => {
      try {
        Runtime.install({ logger: new DefaultLogger('WARN') });
      } catch {
        // already installed in this process
      }
      const history = historyFromJSON(JSON.parse(readFileSync(path.join(fixturesDir, file), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') } }, history, path.basename(file, '.json'));
    });
  }
});
