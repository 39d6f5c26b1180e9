import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configKeys } from '../../../config/config.js';

/**
 * The README's configuration table is where an operator looks for a setting: every key the
 * configuration accepts has a row there (alone or paired, e.g. `A` / `B`). (The README's other
 * tables name settings of the tests and the bench, so rows are not held to config/config.ts.)
 */
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
/** The backticked names in the first cell of each table row of the README. */
const keysInTable = new Set(
  readme
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)),
);

describe('the README’s configuration table', () => {
  it('has a row for every setting', () => {
    expect(configKeys.filter((k) => !keysInTable.has(k))).toEqual([]);
  });
});
