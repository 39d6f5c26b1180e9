import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { people } from '../support/people.js';
import { createDatabase, dropDatabase } from '../support/postgres.js';
import { startApiProcess } from '../support/processes.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * The secure defaults of docs/security.md "Secure defaults", on the real API: who may tell the
 * client's address, the per-token limit, /metrics, the Host check, the access log, and what a
 * start beyond loopback refuses.
 */
const strongSecret = 'Zt8q3vYb0Lr6Wm1Kx9Pd4Hs7Jc2Nf5Ge8Ua0Qo3Ti6Vy1Rw';

/** A GET with a Host header of the test's choosing (fetch sets its own). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('who may tell the client’s address (TRUST_PROXY)', () => {
  let stack: Stack;
  let proxied: Stack;
  beforeAll(async () => {
    [stack, proxied] = await Promise.all([
      startStack({ withoutWorker: true, env: { RATE_LIMIT_PER_MINUTE: '3' } }),
      startStack({ withoutWorker: true, env: { RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: 'loopback' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([stack?.stop(), proxied?.stop()]);
  });

  it('by default nobody: a forged X-Forwarded-For does not buy a fresh rate-limit bucket', async () => {
    const statuses = [];
    for (let i = 1; i <= 4; i++) statuses.push((await stack.anonymous.get('/api/v1/openapi.json', { 'x-forwarded-for': `203.0.113.${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('with TRUST_PROXY naming the proxy, the client it names has its own bucket', async () => {
    const from = (ip: string) => proxied.anonymous.get('/api/v1/openapi.json', { 'x-forwarded-for': ip });
    expect((await from('198.51.100.7')).status).toBe(200);
    expect((await from('198.51.100.7')).status).toBe(200);
    expect((await from('198.51.100.7')).status).toBe(429);
    expect((await from('198.51.100.8')).status).toBe(200);
  });
});

describe('per-token limit, /metrics and the Host check', () => {
  const metricsToken = 'scrape-token-0123456789abcdef';
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ withoutWorker: true, env: { RATE_LIMIT_PER_TOKEN_PER_MINUTE: '2', METRICS_TOKEN: metricsToken, ALLOWED_HOSTS: 'cxgov.bank.example' } });
  });
  afterAll(async () => stack?.stop());

  it('limits each bearer token beside the per-IP limit, and names the token policy in RateLimit', async () => {
    const admin = stack.as(people.admin);
    expect((await admin.get('/api/v1/policies/sla')).status).toBe(200);
    const second = await admin.get('/api/v1/policies/sla');
    expect(second.status).toBe(200);
    expect(second.headers.get('ratelimit')).toMatch(/"token-2-in-1min"; r=0; t=\d+/);
    const third = await admin.get('/api/v1/policies/sla');
    expect(third.status).toBe(429);
    expect(third.headers.get('content-type')).toContain('application/problem+json');
    // another token from the same address, and a caller without one, are not held back
    expect((await stack.as(people.auditor).get('/api/v1/policies/sla')).status).toBe(200);
    expect((await stack.anonymous.get('/api/v1/openapi.json')).status).toBe(200);
  });

  it('serves /metrics only with the bearer token of METRICS_TOKEN', async () => {
    const none = await stack.anonymous.get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await stack.anonymous.get('/metrics', { authorization: 'Bearer not-the-token-at-all-0000' })).status).toBe(401);
    // a user's token is not the scrape token
    expect((await stack.as(people.admin).get('/metrics')).status).toBe(401);
    const ok = await stack.anonymous.get('/metrics', { authorization: `Bearer ${metricsToken}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('cxgov_http_request_duration_seconds');
  });

  it('answers only the loopback names and ALLOWED_HOSTS while listening on loopback (DNS rebinding)', async () => {
    const port = new URL(stack.url).port;
    expect(await getWithHost(`${stack.url}/healthz`, `localhost:${port}`)).toBe(200);
    expect(await getWithHost(`${stack.url}/healthz`, `127.0.0.1:${port}`)).toBe(200);
    expect(await getWithHost(`${stack.url}/healthz`, `cxgov.bank.example`)).toBe(200);
    expect(await getWithHost(`${stack.url}/healthz`, `attacker.example:${port}`)).toBe(421);
    expect(await getWithHost(`${stack.url}/api/v1/openapi.json`, 'rebind.attacker.example')).toBe(421);
  });
});

describe('the access log', () => {
  const lines: Array<Record<string, any>> = [];
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      withoutWorker: true,
      env: { LOG_LEVEL: 'info' },
      logStream: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
  });
  afterAll(async () => stack?.stop());

  it('logs each successful request at info: method, path without query, status, duration, actor — no headers, query or body', async () => {
    const read = await stack.as(people.admin).get('/api/v1/policies/sla?phone=13812345678');
    expect(read.status).toBe(200);
    const signin = await stack.anonymous.post('/api/v1/dev/tokens', { userId: 'zhaoli' });
    expect(signin.status).toBe(200);

    const access = lines.filter((l) => l.msg === 'request completed');
    const get = access.find((l) => l.req?.path === '/api/v1/policies/sla');
    expect(get).toMatchObject({ level: 30, req: { method: 'GET', path: '/api/v1/policies/sla' }, res: { statusCode: 200 }, actor: 'ada', responseTime: expect.any(Number) });
    const post = access.find((l) => l.req?.path === '/api/v1/dev/tokens');
    expect(post).toMatchObject({ level: 30, req: { method: 'POST' }, res: { statusCode: 200 } });
    expect(post).not.toHaveProperty('actor');

    const all = JSON.stringify(lines);
    expect(all).not.toContain('13812345678');
    expect(all).not.toContain('zhaoli');
    expect(all).not.toContain(signin.body.token);
    expect(all.toLowerCase()).not.toContain('authorization');
  });
});

describe('a start beyond loopback (`npm run api` with HOST=0.0.0.0)', () => {
  const role = (env: Record<string, string>) => ({ databaseUrl: '', temporalAddress: inject('temporalAddress'), taskQueue: 'cxgov-never', env });

  it('refuses to start on the embedded HS256 secret, saying what to set', async () => {
    const refused = startApiProcess(role({ HOST: '0.0.0.0', JWT_SECRET: '', DATABASE_URL: '' }));
    await expect(refused).rejects.toThrow(/refusing to start:[\s\S]*HOST=0\.0\.0\.0 listens beyond loopback[\s\S]*embedded HS256 secret[\s\S]*JWT_JWKS_URL[\s\S]*JWT_SECRET/);
  });

  it('refuses a weak JWT_SECRET there, and DEV_SIGNIN=1', async () => {
    await expect(startApiProcess(role({ HOST: '0.0.0.0', DATABASE_URL: '' }))).rejects.toThrow(/JWT_SECRET is weak/);
    await expect(startApiProcess(role({ HOST: '0.0.0.0', JWT_SECRET: strongSecret, DEV_SIGNIN: '1', DATABASE_URL: '' }))).rejects.toThrow(/DEV_SIGNIN=1[\s\S]*unset DEV_SIGNIN/);
  });

  it('starts with a secret of the operator’s own, and hands out no development token', async () => {
    const name = `cxgov_test_exposed_${randomBytes(4).toString('hex')}`;
    const databaseUrl = await createDatabase(name, inject('templateDatabase'));
    const api = await startApiProcess({ ...role({ HOST: '0.0.0.0', JWT_SECRET: strongSecret, SURVEY_LINK_SECRET: [...strongSecret].reverse().join('') }), databaseUrl });
    try {
      expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
      const res = await fetch(`${api.url}/api/v1/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'heping' }) });
      expect(res.status).toBe(404);
    } finally {
      await api.stop();
      await dropDatabase(name);
    }
  });
});
