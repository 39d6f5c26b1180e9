import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configKeys } from '../../../config/config.js';

/**
 * The environment examples in deploy/env are what a platform team copies to /etc/cxgov. A name
 * there that its reader does not read is worse than useless: a misspelt or renamed setting is
 * ignored in silence and the process runs on the default (an open host list, a default pool).
 * So every name an example sets, or shows commented out, is one its reader reads, and every
 * environment file a systemd unit requires has its example.
 */
const deploy = new URL('../../../deploy/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, deploy), 'utf8');
const examples = readdirSync(new URL('env/', deploy)).filter((f) => f.endsWith('.env.example'));

/** The names a file sets, or shows commented out (`NAME=…`, `# NAME=…`). */
const namesSetIn = (text: string) => [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
/** The names a Temporal configuration template reads (`env "NAME"`). */
const namesReadBy = (template: string) => new Set([...template.matchAll(/env "([A-Z][A-Z0-9_]*)"/g)].map((m) => m[1]!));
const units = readdirSync(new URL('systemd/', deploy)).map((f) => ({ file: f, text: read(`systemd/${f}`) }));

const temporalReads = namesReadBy(read('temporal/config/base.yaml'));
// temporal@.service picks the service from the instance's file: `--service ${TEMPORAL_SERVICE}`.
for (const u of units) for (const m of u.text.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)) temporalReads.add(m[1]!);
const readerOf: Record<string, { reads: (name: string) => boolean; what: string }> = {
  cxgov: { reads: (n) => (configKeys as string[]).includes(n), what: 'config/config.ts' },
  temporal: { reads: (n) => temporalReads.has(n), what: 'deploy/temporal/config/base.yaml or a unit' },
  'temporal-ui': { reads: (n) => namesReadBy(read('temporal-ui/config/base.yaml')).has(n), what: 'deploy/temporal-ui/config/base.yaml' },
};
const readerFor = (example: string) => readerOf[example.startsWith('temporal-ui') ? 'temporal-ui' : example.startsWith('temporal') ? 'temporal' : 'cxgov']!;

describe('the environment examples of deploy/env', () => {
  it('are there, for cxgov, Temporal and its UI', () => {
    expect(examples).toEqual(expect.arrayContaining(['cxgov.env.example', 'cxgov-api.env.example', 'cxgov-worker.env.example', 'temporal.env.example', 'temporal-instances.env.example', 'temporal-ui.env.example']));
  });

  it.each(examples)('%s names only settings its reader reads', (example) => {
    const names = namesSetIn(read(`env/${example}`));
    expect(names.length).toBeGreaterThan(0);
    const { reads, what } = readerFor(example);
    expect(names.filter((n) => !reads(n)), `not read by ${what}`).toEqual([]);
  });

  it('and the Procfile sets only settings its processes read', () => {
    const lines = read('Procfile').split('\n').filter((l) => /^[a-z_0-9]+:/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    const unread = lines.flatMap((line) => {
      const [proc] = line.split(':');
      const { reads } = readerFor(proc!.replace(/_/g, '-'));
      return [...line.matchAll(/ ([A-Z][A-Z0-9_]*)=/g)].map((m) => m[1]!).filter((n) => !reads(n)).map((n) => `${proc}: ${n}`);
    });
    expect(unread).toEqual([]);
  });

  it('include one for every environment file a systemd unit requires', () => {
    const required = units.flatMap((u) => [...u.text.matchAll(/^EnvironmentFile=(-?)\/etc\/cxgov\/(.+)\.env$/gm)].filter((m) => m[1] !== '-').map((m) => m[2]!));
    expect(required.length).toBeGreaterThan(0);
    // An instance's file (temporal-%i.env) has one example for all instances.
    const exampleOf = (name: string) => `${name.replace('-%i', '-instances')}.env.example`;
    expect(required.map(exampleOf).filter((e) => !examples.includes(e))).toEqual([]);
  });
});
