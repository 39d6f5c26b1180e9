import type { Config } from '../../config/config.js';
import { devSigninRefusal } from '../../config/exposure.js';
import { jwtSecret } from '../../config/secrets.js';
import type { Principal } from './roles.js';
import { signToken } from './tokens.js';

/** Signs a token for a demo user; present only in the embedded-default development setup. */
export type DevTokenSigner = (p: Principal) => Promise<string>;

/**
 * The development sign-in (`POST /api/v1/dev/tokens`) exists only when asked for (DEV_SIGNIN=1)
 * and the server verifies its own HS256 tokens on loopback: never with an identity provider
 * (JWT_JWKS_URL), never with NODE_ENV=production, never with HOST beyond loopback
 * (config/exposure.ts; asking for it there refuses the start).
 */
export function devTokenSigner(config: Config, env: NodeJS.ProcessEnv = process.env): DevTokenSigner | undefined {
  if (config.DEV_SIGNIN !== '1' || devSigninRefusal(config, env)) return undefined;
  const secret = jwtSecret(config);
  // 12 hours, or the configured maximum lifetime when shorter (a longer token would be refused).
  const expiresIn = `${Math.min(12 * 3600, config.JWT_MAX_LIFETIME_SECONDS)}s`;
  return (p) => signToken(p, { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, secret, expiresIn });
}
