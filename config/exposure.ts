import { isIP } from 'node:net';
import type { Config } from './config.js';

/**
 * What the API may offer given where it listens (docs/security.md "Secure defaults"). A server
 * reachable only from this machine may run on embedded secrets and offer the development
 * sign-in; one reachable from the network may not.
 */

/** HOST is an address only this machine reaches (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1' || h === '0:0:0:0:0:0:0:1' || h.startsWith('::ffff:127.');
}

/** A peer's socket address is this machine's loopback (never a forwarded header). */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && isLoopbackHost(address);
}

/**
 * Why the development sign-in may not exist here, or undefined when it may. It hands anyone an
 * admin token, so it needs a server that verifies its own HS256 tokens, is not in production and
 * is reachable from this machine only.
 */
export function devSigninRefusal(config: Config, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (config.JWT_JWKS_URL) return 'JWT_JWKS_URL is set: tokens come from the identity provider';
  if (env.NODE_ENV === 'production') return 'NODE_ENV=production';
  if (!isLoopbackHost(config.HOST)) return `HOST=${config.HOST} listens beyond loopback`;
  return undefined;
}

/**
 * An HS256 secret anyone could guess or has seen: few distinct characters (`xxxx…`), or a
 * placeholder word. A secret from `openssl rand -base64 48` passes.
 */
export function isWeakSecret(secret: string): boolean {
  return new Set(secret).size < 16 || /change.?me|secret|password|example|placeholder|default/i.test(secret);
}

/**
 * Reasons the API must not start as configured, each saying what to set; empty when it may.
 * Beyond loopback, tokens must be verified with an identity provider's keys or an HS256 secret of
 * the operator's own (never the one generated under DATA_DIR), and never a weak one.
 */
export function startupRefusals(config: Config, env: NodeJS.ProcessEnv = process.env): string[] {
  const reasons: string[] = [];
  if (config.DEV_SIGNIN === '1') {
    const refusal = devSigninRefusal(config, env);
    if (refusal) reasons.push(`DEV_SIGNIN=1, but the development sign-in hands out admin tokens and ${refusal}: unset DEV_SIGNIN`);
  }
  if (!isLoopbackHost(config.HOST) && !config.JWT_JWKS_URL) {
    const how = 'set JWT_JWKS_URL to your identity provider\'s JWKS, or JWT_SECRET to a random secret (e.g. `openssl rand -base64 48`)';
    if (!config.JWT_SECRET) reasons.push(`HOST=${config.HOST} listens beyond loopback, but tokens would be verified with the embedded HS256 secret generated under DATA_DIR: ${how}`);
    else if (isWeakSecret(config.JWT_SECRET)) reasons.push(`HOST=${config.HOST} listens beyond loopback, but JWT_SECRET is weak (few distinct characters or a placeholder word): ${how}`);
    if (config.JWT_PREVIOUS_SECRETS.some(isWeakSecret)) reasons.push(`HOST=${config.HOST} listens beyond loopback, but JWT_PREVIOUS_SECRETS holds a weak secret: remove it`);
  }
  if (!isLoopbackHost(config.HOST)) {
    const how = 'set SURVEY_LINK_SECRET to a random secret (e.g. `openssl rand -base64 48`), the same for the API and the worker';
    if (!config.SURVEY_LINK_SECRET) reasons.push(`HOST=${config.HOST} listens beyond loopback, but customers' survey links would be signed with the embedded secret generated under DATA_DIR: ${how}`);
    else if (isWeakSecret(config.SURVEY_LINK_SECRET)) reasons.push(`HOST=${config.HOST} listens beyond loopback, but SURVEY_LINK_SECRET is weak (few distinct characters or a placeholder word): ${how}`);
  }
  return reasons;
}

/** Stops the process with the reasons on stderr when the API must not start (main/api.ts, main/start.ts). */
export function refuseUnsafeStart(config: Config, env: NodeJS.ProcessEnv = process.env): void {
  const reasons = startupRefusals(config, env);
  if (reasons.length > 0) refuseStart(reasons);
}

/** Ends the process before it serves anything, saying why on stderr (exit code 1). */
export function refuseStart(reasons: string[]): never {
  process.stderr.write(`cxgov: refusing to start:\n${reasons.map((r) => `  - ${r}`).join('\n')}\n`);
  process.exit(1);
}
