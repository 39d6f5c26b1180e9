import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Principal } from './roles.js';

/**
 * Token verification: HS256 with a shared secret (the embedded default), or RS256/ES256 against
 * an identity provider's JWKS. Issuer and audience are always checked; `alg: none` and any
 * algorithm other than the configured ones are refused by jose.
 *
 * Beyond the signature a token must be bounded (docs/security.md "Tokens"): `exp` and `iat` are
 * required, its lifetime `exp - iat` is at most `maxLifetimeSeconds` (JWT_MAX_LIFETIME_SECONDS,
 * 12 h) and `iat` is not in the future; every claim that reaches the audit trail and the
 * workflows has a bounded size. HS256 secrets rotate: tokens carry the `kid` of the secret that
 * signed them, and the verifier accepts the current secret and the previous ones still listed
 * (JWT_PREVIOUS_SECRETS) until the operator drops them — after one maximum lifetime at least.
 */
export interface TokenSettings {
  issuer: string;
  audience: string;
  /** The current HS256 secret (signs new tokens). */
  secret?: Uint8Array;
  /** Earlier HS256 secrets, still accepted (the rotation's overlap window). */
  previousSecrets?: Uint8Array[];
  jwksUrl?: string;
  /** Longest accepted `exp - iat`; default 12 h. */
  maxLifetimeSeconds?: number;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

export const defaultMaxLifetimeSeconds = 12 * 3600;
/** Bounds of the claims a principal is made of (ids are at most 200 characters everywhere in the API). */
export const claimLimits = { sub: 200, name: 200, department: 200, roles: 20, role: 64 } as const;
const clockSkewSeconds = 60;

/** A token refused for what it says (not for its signature); the message is the 401's reason. */
export class TokenRefused extends Error {
  override name = 'TokenRefused';
}

/** The `kid` of an HS256 secret: a digest of it, so a token names its key without revealing it. */
export function keyIdOf(secret: Uint8Array): string {
  return createHash('sha256').update('cxgov-jwt-kid:').update(secret).digest('base64url').slice(0, 16);
}

export function createTokenVerifier(s: TokenSettings): TokenVerifier {
  const jwks: JWTVerifyGetKey | undefined = s.jwksUrl ? createRemoteJWKSet(new URL(s.jwksUrl)) : undefined;
  if (!jwks && !s.secret) throw new Error('token verification needs a secret or a JWKS URL');
  const secrets = jwks ? [] : [s.secret!, ...(s.previousSecrets ?? [])];
  const byKid = new Map(secrets.map((k) => [keyIdOf(k), k]));
  const maxLifetime = s.maxLifetimeSeconds ?? defaultMaxLifetimeSeconds;
  const options = {
    issuer: s.issuer,
    audience: s.audience,
    algorithms: jwks ? ['RS256', 'ES256', 'PS256'] : ['HS256'],
    requiredClaims: ['exp', 'iat', 'sub'],
    clockTolerance: clockSkewSeconds,
  };

  const verifyHs256 = async (token: string): Promise<JWTPayload> => {
    const { kid } = decodeProtectedHeader(token);
    if (kid !== undefined) {
      const key = byKid.get(kid);
      if (!key) throw new TokenRefused('unknown key id (kid)');
      return (await jwtVerify(token, key, options)).payload;
    }
    // Tokens issued before kids: any configured secret may have signed them.
    let failure: unknown;
    for (const key of secrets) {
      try {
        return (await jwtVerify(token, key, options)).payload;
      } catch (err) {
        failure = err;
        if ((err as { code?: string }).code !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') break;
      }
    }
    throw failure;
  };

  return async (token) => {
    const payload = jwks ? (await jwtVerify(token, jwks, options)).payload : await verifyHs256(token);
    return principalOf(payload, maxLifetime);
  };
}

function principalOf(payload: JWTPayload, maxLifetime: number): Principal {
  const { exp, iat, sub } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number') throw new TokenRefused('exp and iat are required');
  if (iat > Date.now() / 1000 + clockSkewSeconds) throw new TokenRefused('iat lies in the future');
  if (exp - iat > maxLifetime) throw new TokenRefused(`lifetime (exp - iat) exceeds ${maxLifetime} s`);
  if (typeof sub !== 'string' || sub.length === 0) throw new TokenRefused('token has no subject');
  if (sub.length > claimLimits.sub) throw new TokenRefused(`sub is longer than ${claimLimits.sub} characters`);
  const name = boundedString(payload.name, 'name', claimLimits.name) ?? sub;
  const department = boundedString(payload.department, 'department', claimLimits.department);
  const claimed = Array.isArray(payload.roles) ? payload.roles : [];
  if (claimed.length > claimLimits.roles) throw new TokenRefused(`roles holds more than ${claimLimits.roles} entries`);
  const roles = claimed.filter((r): r is string => typeof r === 'string');
  if (roles.some((r) => r.length > claimLimits.role)) throw new TokenRefused(`roles holds an entry longer than ${claimLimits.role} characters`);
  return { userId: sub, name, roles, department };
}

function boundedString(value: unknown, claim: string, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length > max) throw new TokenRefused(`${claim} is longer than ${max} characters`);
  return value;
}

export async function signToken(
  principal: Principal,
  s: { issuer: string; audience: string; secret: Uint8Array; expiresIn?: string },
): Promise<string> {
  return new SignJWT({ name: principal.name, roles: principal.roles, ...(principal.department ? { department: principal.department } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: keyIdOf(s.secret) })
    .setSubject(principal.userId)
    .setIssuer(s.issuer)
    .setAudience(s.audience)
    .setIssuedAt()
    .setExpirationTime(s.expiresIn ?? '12h')
    .sign(s.secret);
}
