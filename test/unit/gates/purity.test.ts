import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// These modules run inside Temporal's workflow sandbox: only other pure domain files may be
// imported, and nothing may read the clock or draw random numbers.
const dir = fileURLToPath(new URL('../../../domain/gates/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
// Sibling gate modules, and the domain files known to be pure (domain/calendar.ts, for one, is not).
const isAllowedImport = (specifier: string): boolean =>
  /^\.\/[\w-]+\.js$/.test(specifier) || ['../actor.js', '../policies.js', '../duration.js'].includes(specifier);

describe('domain/gates is workflow-safe', () => {
  it('covers the gate modules', () => {
    expect(files).toEqual(expect.arrayContaining(['deliverables.ts', 'post-launch.ts', 'review.ts', 'stages.ts']));
  });

  it.each(files)('%s imports only pure domain files and never reads the clock or randomness', (file) => {
    const source = readFileSync(`${dir}${file}`, 'utf8');
    const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'|\brequire\s*\(\s*'([^']+)'/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    for (const s of specifiers) expect(isAllowedImport(s ?? ''), `${file} imports ${s}`).toBe(true);
    expect(source).not.toMatch(/Date\.now\s*\(|new Date\s*\(\s*\)|Math\.random|performance\.now|process\./);
  });
});
