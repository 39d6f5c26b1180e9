import { describe, expect, it } from 'vitest';
import { stale, staleMessage } from '../../../scripts/openapi.js';

// The OpenAPI document in docs/ and the web UI's types generated from it are committed; the UI
// type-checks against them. This fails when the API changed and they were not made again.
describe('the committed API contract files', () => {
  // Building the document and the types takes about a second on a quiet machine, several under
  // load: a timeout above vitest's 5 s default, so a busy CI machine does not fail a correct tree.
  it('are what the current code makes', { timeout: 60_000 }, async () => {
    const files = await stale();
    expect(files, staleMessage(files)).toEqual([]);
  });
});
