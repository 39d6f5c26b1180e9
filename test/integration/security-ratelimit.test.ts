import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/** Rate limiting on /api/v1 (docs/quality-bars.md "Standard HTTP hardening"): per client IP and minute. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withoutWorker: true, env: { RATE_LIMIT_PER_MINUTE: '5' } });
});
afterAll(async () => stack?.stop());

describe('rate limiting', () => {
  it('answers the 6th request of the minute with a 429 problem document and RateLimit headers; /healthz is not limited', async () => {
    const api = stack.as(people.admin);
    for (let i = 1; i <= 5; i++) {
      const res = await api.get('/api/v1/policies/sla');
      expect(res.status, `request ${i}`).toBe(200);
      expect(res.headers.get('ratelimit-policy')).toMatch(/^"5-in-1min"; q=5; w=60/);
      // the per-IP policy first; the per-token one follows (security-defaults.test.ts)
      expect(res.headers.get('ratelimit')).toMatch(new RegExp(`^"5-in-1min"; r=${5 - i}; t=\\d+, "token-`));
    }

    const limited = await api.get('/api/v1/policies/sla');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ type: expect.any(String), title: 'Too many requests', status: 429, detail: expect.stringContaining('rate limit') });
    expect(limited.headers.get('ratelimit')).toMatch(/^"5-in-1min"; r=0; t=\d+$/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    // every /api/v1 request counts (a write, an anonymous call, the OpenAPI document), whoever makes it
    expect((await stack.as(people.agent).post('/api/v1/complaints', {})).status).toBe(429);
    expect((await stack.anonymous.get('/api/v1/openapi.json')).status).toBe(429);

    // liveness, readiness and metrics stay outside the limit
    for (let i = 0; i < 20; i++) expect((await stack.anonymous.get('/healthz')).status).toBe(200);
    expect((await stack.anonymous.get('/readyz')).status).toBe(200);
    expect((await stack.anonymous.get('/metrics')).status).toBe(200);
  });
});
