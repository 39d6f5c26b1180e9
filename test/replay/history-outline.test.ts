import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { describe, expect, it } from 'vitest';
import { historyOutline } from '../support/run-histories.js';

/**
 * A replay that fails in a test carries its history's outline in the error (CI keeps only the
 * log): one workflow task per line, markers and signals named. Read here from a kept fixture: an
 * incident that recorded the patch incident-links-in-table and took the watcher's signals.
 */
describe('the history outline a failed replay prints', () => {
  const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'incident-links-in-table-run1@0.2.0.json');
  const outline = historyOutline(historyFromJSON(JSON.parse(readFileSync(fixture, 'utf8'))));

  it('names the patch of a patch marker, the local activity markers and the signals', () => {
    expect(outline).toContain(':MARKER_RECORDED:core_patch(incident-links-in-table)');
    expect(outline).toContain(':MARKER_RECORDED:core_local_activity');
    expect(outline).toMatch(/:WORKFLOW_EXECUTION_SIGNALED\(\S+\)/);
  });

  it('puts one workflow task per line, each line but the last ending with the task started', () => {
    const lines = outline.split('\n');
    expect(lines[0]).toMatch(/^1:WORKFLOW_EXECUTION_STARTED .*:WORKFLOW_TASK_STARTED$/);
    expect(lines.slice(0, -1).every((l) => l.endsWith(':WORKFLOW_TASK_STARTED'))).toBe(true);
    expect(lines.length).toBeGreaterThan(3);
  });
});
