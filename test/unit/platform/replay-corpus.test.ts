import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, readManifest, sha256 } from '../../support/fixtures.js';

/**
 * The replay corpus is append-only. Every fixture is a history some version of cxgov recorded,
 * and test/replay/replay.test.ts proves the current code still replays it; a fixture changed or
 * removed would silently drop that proof. MANIFEST.sha256 holds the hash of every fixture ever
 * committed: a fixture may be added (saveReplayFixture appends its line), never changed or removed.
 */
const manifest = readManifest();
const files = readdirSync(fixturesDir).filter((f) => f.endsWith('.json')).sort();

describe('the replay corpus', () => {
  it('has a manifest', () => {
    expect(manifest.size).toBeGreaterThan(0);
  });

  it.each([...manifest.keys()])('keeps %s exactly as it was recorded', (file) => {
    const text = readFileSync(path.join(fixturesDir, file));
    expect(sha256(text), `${file} changed since it was recorded: fixtures are never re-recorded; record the new shape beside it (docs/operations.md)`).toBe(manifest.get(file));
  });

  it('lists every fixture in the manifest', () => {
    const unlisted = files.filter((f) => !manifest.has(f));
    expect(unlisted, 'fixtures missing from MANIFEST.sha256 (saveReplayFixture adds the line; commit both)').toEqual([]);
  });
});
