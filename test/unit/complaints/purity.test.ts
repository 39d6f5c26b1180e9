import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// domain/complaints runs inside Temporal's workflow sandbox (and so does workflows/complaint*.ts):
// only pure domain files may be imported, and nothing may read the clock or draw random numbers.
const domainDir = fileURLToPath(new URL('../../../domain/complaints/', import.meta.url));
const workflowsDir = fileURLToPath(new URL('../../../workflows/complaint/', import.meta.url));
const domainFiles = readdirSync(domainDir).filter((f) => f.endsWith('.ts'));
const specifiers = (source: string) =>
  [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'|\brequire\s*\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');

describe('domain/complaints is workflow-safe', () => {
  it.each(domainFiles)('%s imports only pure domain files and never reads the clock or randomness', (file) => {
    const source = readFileSync(`${domainDir}${file}`, 'utf8');
    for (const s of specifiers(source)) {
      expect(/^\.\/[\w-]+\.js$/.test(s) || ['../actor.js', '../policies.js', '../duration.js', '../command-errors.js'].includes(s), `${file} imports ${s}`).toBe(true);
    }
    expect(source).not.toMatch(/Date\.now\s*\(|new Date\s*\(\s*\)|Math\.random|performance\.now|process\./);
  });
});

describe('the complaint workflow imports only what the sandbox allows', () => {
  it.each(readdirSync(workflowsDir).filter((f) => f.endsWith('.ts')))('%s', (file) => {
    const source = readFileSync(`${workflowsDir}${file}`, 'utf8');
    // value imports: @temporalio/workflow, domain modules other than the calendar, sibling workflow files
    const valueImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
    for (const s of valueImports) {
      expect(s === '@temporalio/workflow' || (/^(\.\.\/)+domain\//.test(s) && !s.includes('calendar')) || /^\.\/[\w-]+\.js$/.test(s), `${file} imports ${s}`).toBe(true);
    }
  });
});
