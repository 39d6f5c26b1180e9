import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The report workflow and the workflow interceptors run in Temporal's sandbox: value imports only
// from the SDK's workflow-safe packages; the period arithmetic (time zones) stays in the activity.
const workflowsDir = fileURLToPath(new URL('../../../workflows/', import.meta.url));

describe('report workflow code imports only what the sandbox allows', () => {
  it.each(['report.ts', 'interceptors.ts'])('%s', (file) => {
    const source = readFileSync(`${workflowsDir}${file}`, 'utf8');
    const valueImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
    for (const s of valueImports) expect(['@temporalio/workflow', '@temporalio/common'], `${file} imports ${s}`).toContain(s);
    expect(source).not.toMatch(/domain\/calendar|domain\/reports\/periods|Math\.random|process\./);
  });
});
