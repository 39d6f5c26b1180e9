import type { Config } from '../../config/config.js';
import { jwtSecret } from '../../config/secrets.js';
import type { Principal } from './roles.js';
import { signToken } from './tokens.js';

/** Signs a token for a demo user; present only in the embedded-default development setup. */
export type DevTokenSigner = (p: Principal) => Promise<string>;

/**
 * The development sign-in (`POST /api/v1/dev/tokens`) exists only when the server verifies
 * tokens with its own embedded HS256 secret: never with an identity provider (JWT_JWKS_URL)
 * and never with NODE_ENV=production, where tokens come from the bank's IdP.
 */
export function devTokenSigner(config: Config, env: NodeJS.ProcessEnv = process.env): DevTokenSigner | undefined {
  if (config.JWT_JWKS_URL || env.NODE_ENV === 'production') return undefined;
  const secret = jwtSecret(config);
  // 12 hours, or the configured maximum lifetime when shorter (a longer token would be refused).
  const expiresIn = `${Math.min(12 * 3600, config.JWT_MAX_LIFETIME_SECONDS)}s`;
  return (p) => signToken(p, { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, secret, expiresIn });
}
