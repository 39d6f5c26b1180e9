import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, keyIdOf, signToken } from '../../../api/auth/tokens.js';

/**
 * What a bearer token must be to be accepted: signed, issuer and audience, an expiry and an
 * issue time, a bounded lifetime, claims of bounded size; HS256 keys rotate with a `kid`.
 */
const issuer = 'cxgov';
const audience = 'cxgov-api';
const secret = new TextEncoder().encode('current-secret-'.padEnd(48, 'c'));
const previous = new TextEncoder().encode('previous-secret-'.padEnd(48, 'p'));
const now = () => Math.floor(Date.now() / 1000);

function token(claims: Record<string, unknown> = {}, opts: { key?: Uint8Array; kid?: string; iat?: number | null; exp?: number | null; sub?: string } = {}) {
  let jwt = new SignJWT({ name: 'Ada', roles: ['admin'], ...claims })
    .setProtectedHeader({ alg: 'HS256', ...(opts.kid ? { kid: opts.kid } : {}) })
    .setSubject(opts.sub ?? 'ada')
    .setIssuer(issuer)
    .setAudience(audience);
  if (opts.iat !== null) jwt = jwt.setIssuedAt(opts.iat ?? now());
  if (opts.exp !== null) jwt = jwt.setExpirationTime(opts.exp ?? now() + 3600);
  return jwt.sign(opts.key ?? secret);
}

const verify = createTokenVerifier({ issuer, audience, secret });
const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (err: Error) => err.message);

describe('token lifetime', () => {
  it('accepts a well-formed token', async () => {
    expect(await verify(await token())).toMatchObject({ userId: 'ada', roles: ['admin'] });
  });

  it('refuses a token without exp', async () => {
    expect(await refusal(verify(await token({}, { exp: null })))).toMatch(/exp/);
  });

  it('refuses a token without iat', async () => {
    expect(await refusal(verify(await token({}, { iat: null })))).toMatch(/iat/);
  });

  it('refuses a token expiring in 9999, and any lifetime above the cap (12 h by default)', async () => {
    expect(await refusal(verify(await token({}, { exp: Date.UTC(9999, 0, 1) / 1000 })))).toMatch(/lifetime/);
    expect(await refusal(verify(await token({}, { exp: now() + 12 * 3600 + 60 })))).toMatch(/lifetime/);
    expect(await verify(await token({}, { exp: now() + 12 * 3600 }))).toMatchObject({ userId: 'ada' });
  });

  it('takes the cap from the setting', async () => {
    const short = createTokenVerifier({ issuer, audience, secret, maxLifetimeSeconds: 600 });
    expect(await refusal(short(await token({}, { exp: now() + 900 })))).toMatch(/lifetime/);
    expect(await short(await token({}, { exp: now() + 500 }))).toMatchObject({ userId: 'ada' });
  });

  it('refuses a token issued in the future (beyond a minute of clock skew)', async () => {
    expect(await refusal(verify(await token({}, { iat: now() + 3600, exp: now() + 7200 })))).toMatch(/iat/);
  });
});

describe('claim sizes', () => {
  it('refuses an 8 kB sub', async () => {
    expect(await refusal(verify(await token({}, { sub: 'a'.repeat(8192) })))).toMatch(/sub/);
  });

  it('refuses an oversized name or department, too many roles or an oversized role', async () => {
    expect(await refusal(verify(await token({ name: 'n'.repeat(1000) })))).toMatch(/name/);
    expect(await refusal(verify(await token({ department: 'd'.repeat(1000) })))).toMatch(/department/);
    expect(await refusal(verify(await token({ roles: Array.from({ length: 100 }, (_, i) => `role${i}`) })))).toMatch(/roles/);
    expect(await refusal(verify(await token({ roles: ['r'.repeat(1000)] })))).toMatch(/roles/);
  });

  it('accepts claims at their bounds', async () => {
    const p = await verify(await token({ name: 'n'.repeat(200), department: 'd'.repeat(200), roles: Array.from({ length: 20 }, (_, i) => `role-${i}`.padEnd(64, 'x')) }, { sub: 's'.repeat(200) }));
    expect(p.userId).toHaveLength(200);
    expect(p.roles).toHaveLength(20);
  });
});

describe('HS256 key rotation (kid, previous secrets)', () => {
  it('signs with the kid of its secret', async () => {
    const t = await signToken({ userId: 'ada', name: 'Ada', roles: ['admin'] }, { issuer, audience, secret });
    const header = JSON.parse(Buffer.from(t.split('.')[0]!, 'base64url').toString('utf8'));
    expect(header.kid).toBe(keyIdOf(secret));
    expect(keyIdOf(secret)).not.toBe(keyIdOf(previous));
  });

  it('accepts tokens of a previous secret while it is listed, and not after', async () => {
    const old = await signToken({ userId: 'ada', name: 'Ada', roles: ['admin'] }, { issuer, audience, secret: previous });
    const overlapping = createTokenVerifier({ issuer, audience, secret, previousSecrets: [previous] });
    expect(await overlapping(old)).toMatchObject({ userId: 'ada' });
    expect(await overlapping(await signToken({ userId: 'bo', name: 'Bo', roles: [] }, { issuer, audience, secret }))).toMatchObject({ userId: 'bo' });
    expect(await refusal(verify(old))).not.toBe('accepted');
  });

  it('refuses an unknown kid, and a kid that names another key than the one that signed', async () => {
    const overlapping = createTokenVerifier({ issuer, audience, secret, previousSecrets: [previous] });
    expect(await refusal(overlapping(await token({}, { kid: 'nobody' })))).not.toBe('accepted');
    expect(await refusal(overlapping(await token({}, { key: previous, kid: keyIdOf(secret) })))).not.toBe('accepted');
  });

  it('still accepts a token without kid signed by any configured secret (tokens issued before kids)', async () => {
    const overlapping = createTokenVerifier({ issuer, audience, secret, previousSecrets: [previous] });
    expect(await overlapping(await token({}, { key: previous }))).toMatchObject({ userId: 'ada' });
    expect(await overlapping(await token())).toMatchObject({ userId: 'ada' });
  });
});
