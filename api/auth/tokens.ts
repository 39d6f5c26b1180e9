import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { Principal } from './roles.js';

/**
 * Token verification: HS256 with a shared secret (the embedded default), or RS256/ES256 against
 * an identity provider's JWKS. Issuer and audience are always checked; `alg: none` and any
 * algorithm other than the configured ones are refused by jose.
 */
export interface TokenSettings {
  issuer: string;
  audience: string;
  secret?: Uint8Array;
  jwksUrl?: string;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

export function createTokenVerifier(s: TokenSettings): TokenVerifier {
  const jwks: JWTVerifyGetKey | undefined = s.jwksUrl ? createRemoteJWKSet(new URL(s.jwksUrl)) : undefined;
  if (!jwks && !s.secret) throw new Error('token verification needs a secret or a JWKS URL');
  const options = {
    issuer: s.issuer,
    audience: s.audience,
    algorithms: jwks ? ['RS256', 'ES256', 'PS256'] : ['HS256'],
  };
  return async (token) => {
    const { payload } = jwks ? await jwtVerify(token, jwks, options) : await jwtVerify(token, s.secret!, options);
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new Error('token has no subject');
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    return {
      userId: payload.sub,
      name: typeof payload.name === 'string' ? payload.name : payload.sub,
      roles,
      department: typeof payload.department === 'string' ? payload.department : undefined,
    };
  };
}

export async function signToken(
  principal: Principal,
  s: { issuer: string; audience: string; secret: Uint8Array; expiresIn?: string },
): Promise<string> {
  return new SignJWT({ name: principal.name, roles: principal.roles, ...(principal.department ? { department: principal.department } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(s.issuer)
    .setAudience(s.audience)
    .setIssuedAt()
    .setExpirationTime(s.expiresIn ?? '12h')
    .sign(s.secret);
}
