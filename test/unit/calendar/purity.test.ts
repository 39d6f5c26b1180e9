import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The calendar's pure rules (dates, schedule, import rules, coverage, provisional, change) are
// shared with the web UI and may be imported by workflow code: no package data, no clock.
const dir = fileURLToPath(new URL('../../../domain/calendar/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('domain/calendar/ is pure', () => {
  it('covers the rule modules', () => {
    expect(files).toEqual(expect.arrayContaining(['dates.ts', 'schedule.ts', 'import-rules.ts', 'coverage.ts', 'provisional.ts', 'change.ts']));
  });

  it.each(files)('%s imports only its siblings and never reads the clock, randomness or the environment', (file) => {
    const source = readFileSync(`${dir}${file}`, 'utf8');
    const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'|\brequire\s*\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    for (const s of specifiers) expect(/^\.\/[\w-]+\.js$/.test(s ?? '') || s === '../duration.js', `${file} imports ${s}`).toBe(true);
    expect(source).not.toMatch(/Date\.now\s*\(|new Date\s*\(\s*\)|Math\.random|performance\.now|process\.|Intl\./);
  });
});
