import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

type CryptoKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../api/auth/tokens.js';

/**
 * Production identity: tokens signed by the bank's identity provider (RS256), verified against
 * its JWKS endpoint (JWT_JWKS_URL). The provider here is a real HTTP server on loopback.
 */
let server: Server;
let jwksUrl: string;
let privateKey: CryptoKey;
const issuer = 'https://idp.bank.example';
const audience = 'cxgov-api';

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'bank-key-1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/jwks.json`;
});
afterAll(() => server?.close());

const sign = (claims: Record<string, unknown>, opts: { kid?: string; key?: CryptoKey; iss?: string; withoutIat?: boolean } = {}) => {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'bank-key-1' })
    .setSubject('u-1001')
    .setIssuer(opts.iss ?? issuer)
    .setAudience(audience)
    .setExpirationTime('10m');
  return (opts.withoutIat ? jwt : jwt.setIssuedAt()).sign(opts.key ?? privateKey);
};

describe('tokens from an identity provider (JWKS, RS256)', () => {
  it('accepts a token signed with the provider’s key and maps its claims', async () => {
    const verify = createTokenVerifier({ issuer, audience, jwksUrl });
    const principal = await verify(await sign({ name: 'Li Wei', roles: ['supervisor'], department: 'customer-service' }));
    expect(principal).toEqual({ userId: 'u-1001', name: 'Li Wei', roles: ['supervisor'], department: 'customer-service' });
  });

  it('refuses a token signed with another key, another issuer, or HS256 with the public key as secret', async () => {
    const verify = createTokenVerifier({ issuer, audience, jwksUrl });
    const other = (await generateKeyPair("RS256")).privateKey;
    await expect(verify(await sign({ roles: [] }, { key: other }))).rejects.toThrow();
    await expect(verify(await sign({ roles: [] }, { iss: 'https://evil.example' }))).rejects.toThrow();
    await expect(verify(await sign({ roles: [] }, { withoutIat: true }))).rejects.toThrow(/iat/);
    const confused = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256', kid: 'bank-key-1' }).setSubject('x').setIssuer(issuer).setAudience(audience).setExpirationTime('10m').sign(new TextEncoder().encode('public-key-material-used-as-a-secret!!'));
    await expect(verify(confused)).rejects.toThrow();
  });
});
