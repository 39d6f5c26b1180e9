import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoster, demoUsers } from '../../api/auth/demo-users.js';
import { devTokenSigner } from '../../api/auth/dev-tokens.js';
import { createTokenVerifier } from '../../api/auth/tokens.js';
import { loadConfig } from '../../config/config.js';
import { startStack, testAudience, testIssuer, testSecret, type Stack } from '../support/stack.js';

/** The development sign-in of the embedded default (api/routes/dev.ts) and where it is refused. */
describe('development sign-in', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ withoutWorker: true });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lists the demo cast without a token', async () => {
    const res = await stack.anonymous.get('/api/v1/dev/users');
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { userId: string }) => u.userId)).toEqual(demoUsers.map((u) => u.userId));
    expect(res.body.items.find((u: { committee?: string }) => u.committee === 'chair')).toMatchObject({ userId: 'wangjg', title: { zh: expect.any(String), en: expect.any(String) } });
  });

  it('signs a token for a demo user that the API accepts, with the user’s roles and department', async () => {
    const res = await stack.anonymous.post('/api/v1/dev/tokens', { userId: 'zhaoli' });
    expect(res.status).toBe(200);
    const principal = await createTokenVerifier({ issuer: testIssuer, audience: testAudience, secret: testSecret })(res.body.token);
    expect(principal).toEqual({ userId: 'zhaoli', name: '赵丽', roles: ['cs_agent'], department: 'customer-service' });
    const tasks = await stack.anonymous.raw('/api/v1/tasks', { headers: { authorization: `Bearer ${res.body.token}` } });
    expect(tasks.status).toBe(200);
  });

  it('refuses unknown users and malformed requests with problem documents', async () => {
    const unknown = await stack.anonymous.post('/api/v1/dev/tokens', { userId: 'mallory' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('GET /api/v1/dev/users');
    const extra = await stack.anonymous.post('/api/v1/dev/tokens', { userId: 'zhaoli', roles: ['admin'] });
    expect(extra.status).toBe(400);
  });

  it('is documented in the OpenAPI document as needing no token', async () => {
    const doc = (await stack.anonymous.get('/api/v1/openapi.json')).body;
    expect(doc.paths['/api/v1/dev/tokens'].post.security).toEqual([]);
  });

  it('has a committee roster with exactly one chair', () => {
    expect(demoRoster().filter((m) => m.chair)).toHaveLength(1);
  });
});

describe('where development sign-in does not exist', () => {
  const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'cxgov-dev-'));

  it('is off unless DEV_SIGNIN=1, and off with an identity provider (JWT_JWKS_URL), NODE_ENV=production or HOST beyond loopback', () => {
    expect(devTokenSigner(loadConfig({ DATA_DIR: dataDir() }), {})).toBeUndefined();
    expect(devTokenSigner(loadConfig({ DATA_DIR: dataDir(), DEV_SIGNIN: '1', JWT_JWKS_URL: 'https://idp.bank.example/jwks.json' }), {})).toBeUndefined();
    expect(devTokenSigner(loadConfig({ DATA_DIR: dataDir(), DEV_SIGNIN: '1' }), { NODE_ENV: 'production' })).toBeUndefined();
    expect(devTokenSigner(loadConfig({ DATA_DIR: dataDir(), DEV_SIGNIN: '1', HOST: '0.0.0.0' }), {})).toBeUndefined();
    expect(devTokenSigner(loadConfig({ DATA_DIR: dataDir(), DEV_SIGNIN: '1' }), {})).toBeTypeOf('function');
  });

  it('answers 404 when the server has no signer, and the UI is not served from a folder without a build', async () => {
    const bare = await startStack({ withoutWorker: true, devTokens: false, webDist: dataDir() });
    try {
      const res = await bare.anonymous.post('/api/v1/dev/tokens', { userId: 'zhaoli' });
      expect(res.status).toBe(404);
      expect((await bare.anonymous.get('/api/v1/dev/users')).status).toBe(404);
      const page = await bare.anonymous.raw('/inbox', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await bare.stop();
    }
  });
});
