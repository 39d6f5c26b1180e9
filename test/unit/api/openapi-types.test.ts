import { describe, expect, it } from 'vitest';
import { stale, staleMessage } from '../../../scripts/openapi.js';

// The OpenAPI document in docs/ and the web UI's types generated from it are committed; the UI
// type-checks against them. This fails when the API changed and they were not made again.
describe('the committed API contract files', () => {
  it('are what the current code makes', async () => {
    const files = await stale();
    expect(files, staleMessage(files)).toEqual([]);
  });
});
