import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/auth/tokens.js';
import { people } from '../support/people.js';
import { startStack, testAudience, testIssuer, testSecret, type Stack } from '../support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
});
afterAll(async () => stack?.stop());

const path = '/api/v1/committee';
const withToken = (token: string) => stack.anonymous.get(path, { authorization: `Bearer ${token}` });
const claims = { name: 'Ada', roles: ['admin'] };

describe('authentication (401, never 500)', () => {
  it('refuses a request without a token', async () => {
    const res = await stack.anonymous.get(path);
    expect(res.status).toBe(401);
    expect(res.body.detail).toContain('missing Authorization header');
  });

  it('refuses a token that is not a bearer JWT', async () => {
    expect((await stack.anonymous.get(path, { authorization: 'Basic YWRhOnB3' })).status).toBe(401);
    expect((await withToken('not.a.jwt')).status).toBe(401);
  });

  it('refuses a forged signature', async () => {
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('ada').setIssuer(testIssuer).setAudience(testAudience).setExpirationTime('1h').sign(new TextEncoder().encode('another-secret-of-sufficient-length-0123456789'));
    const res = await withToken(forged);
    expect(res.status).toBe(401);
    expect(res.body.detail).toContain('signature');
  });

  it('refuses an expired token', async () => {
    const expired = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('ada').setIssuer(testIssuer).setAudience(testAudience).setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(testSecret);
    const res = await withToken(expired);
    expect(res.status).toBe(401);
    expect(res.body.detail).toContain('expired');
  });

  it('refuses alg: none', async () => {
    const unsecured = new UnsecuredJWT(claims).setSubject('ada').setIssuer(testIssuer).setAudience(testAudience).setExpirationTime('1h').encode();
    expect((await withToken(unsecured)).status).toBe(401);
  });

  it('refuses a wrong issuer or audience', async () => {
    const wrongIssuer = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('ada').setIssuer('evil').setAudience(testAudience).setExpirationTime('1h').sign(testSecret);
    const wrongAudience = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('ada').setIssuer(testIssuer).setAudience('other-api').setExpirationTime('1h').sign(testSecret);
    expect((await withToken(wrongIssuer)).status).toBe(401);
    expect((await withToken(wrongAudience)).status).toBe(401);
  });

  it('refuses a token without a subject', async () => {
    const noSub = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(testIssuer).setAudience(testAudience).setExpirationTime('1h').sign(testSecret);
    expect((await withToken(noSub)).status).toBe(401);
  });

  it('refuses a token without exp, one expiring in 9999, and one with an 8 kB sub, saying why', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const base = () => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(testIssuer).setAudience(testAudience).setIssuedAt(iat);
    const noExp = await base().setSubject('ada').sign(testSecret);
    const forever = await base().setSubject('ada').setExpirationTime(Date.UTC(9999, 0, 1) / 1000).sign(testSecret);
    const hugeSub = await base().setSubject('a'.repeat(8192)).setExpirationTime('1h').sign(testSecret);
    for (const [token, why] of [[noExp, 'exp'], [forever, 'lifetime'], [hugeSub, 'sub']] as const) {
      const res = await withToken(token);
      expect(res.status, why).toBe(401);
      expect(res.body.detail, why).toContain(why);
    }
  });

  it('accepts a valid token', async () => {
    const token = await signToken(people.admin, { issuer: testIssuer, audience: testAudience, secret: testSecret });
    expect((await withToken(token)).status).toBe(200);
  });
});

describe('authorization (403)', () => {
  it('refuses a valid token without the needed role, naming the roles', async () => {
    const res = await stack.as(people.agent).put(path, { members: [] });
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('requires one of the roles: admin');
  });

  it('refuses a token with no roles at all', async () => {
    expect((await stack.as(people.nobody).get(path)).status).toBe(403);
  });
});
