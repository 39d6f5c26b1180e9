import type { NextFunction, Request, Response } from 'express';
import { forbidden, unauthorized } from '../problem.js';
import { hasAnyRole, type Principal, type Role } from './roles.js';
import { TokenRefused, type TokenVerifier } from './tokens.js';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** Verifies the bearer token; any failure is a 401 that says what was wrong, never a 500. */
export function authenticate(verify: TokenVerifier) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    if (!header) return next(unauthorized('missing Authorization header: expected "Bearer <JWT>"'));
    const match = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/.exec(header);
    if (!match) return next(unauthorized('Authorization header must be "Bearer <JWT>"'));
    try {
      req.principal = await verify(match[1]!);
      next();
    } catch (err) {
      next(unauthorized(`invalid token: ${tokenErrorReason(err)}`));
    }
  };
}

function tokenErrorReason(err: unknown): string {
  if (err instanceof TokenRefused) return err.message;
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'signature does not verify';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `claim check failed (${(err as { claim?: string }).claim ?? 'claim'}): ${(err as Error).message}`;
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'algorithm not allowed';
    default:
      return 'malformed or unverifiable';
  }
}

/** The caller must hold at least one of the roles. */
export function requireRole(...allowed: Role[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const p = req.principal;
    if (!p) return next(unauthorized('not authenticated'));
    if (!hasAnyRole(p, allowed)) return next(forbidden(`requires one of the roles: ${allowed.join(', ')}`));
    next();
  };
}

export function principalOf(req: Request): Principal {
  if (!req.principal) throw unauthorized('not authenticated');
  return req.principal;
}
