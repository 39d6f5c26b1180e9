import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../support/people.js';
import { startProcessStack, type ProcessStack } from '../support/processes.js';

/**
 * The API process starts its audit verification threads with itself (AUDIT_VERIFY_THREADS, one per
 * core when unset), so a compliance officer's first whole-trail verification does not wait for
 * them; AUDIT_VERIFY_THREADS=0 keeps verification on the API's thread. Either way the answer is the
 * same verification (test/integration/audit-verify-ranges.test.ts shows the threads' answers equal
 * the inline ones).
 */
let stack: ProcessStack;
beforeAll(async () => {
  stack = await startProcessStack({ worker: false, env: { AUDIT_VERIFY_THREADS: '2', LOG_LEVEL: 'info' } });
});
afterAll(async () => stack?.stop());

describe('the API’s audit verification threads', () => {
  it('are started with the API, as many as configured, and serve GET /audit/verify', async () => {
    expect(stack.api!.output()).toMatch(/"threads":2[,}].*audit verification threads started/);
    const verified = await stack.as(people.auditor).get('/api/v1/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, brokenCount: 0 });
  });

  it('with AUDIT_VERIFY_THREADS=0, none are started and the API verifies on its own thread', async () => {
    await stack.api!.kill();
    await stack.startApi({ AUDIT_VERIFY_THREADS: '0' });
    expect(stack.api!.output()).toContain('audit verification runs on the API thread (AUDIT_VERIFY_THREADS=0)');
    expect(stack.api!.output()).not.toContain('audit verification threads started');
    const verified = await stack.as(people.auditor).get('/api/v1/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, brokenCount: 0 });
  });
});
