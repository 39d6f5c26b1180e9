import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';

/**
 * The determinism line, checked on the artefact the worker runs: the workflow bundle must not
 * carry the holiday calendar (its data changes between releases, so deadlines are computed in an
 * activity and recorded in history) nor any I/O library.
 */
describe('workflow bundle', () => {
  const code = readFileSync(inject('workflowBundlePath'), 'utf8');

  it('is built from workflows/ (module paths are visible to this check)', () => {
    expect(code).toContain('./workflows/index.ts');
  });

  it.each(['chinese-days', 'drizzle-orm', 'pg', 'express', 'jose', 'pino'])('does not include the package %s', (name) => {
    expect(code).not.toContain(`./node_modules/${name}/`);
  });

  it('does not include the business calendar module', () => {
    expect(code).not.toContain('./domain/calendar.ts');
  });
});
