import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

/**
 * Embedded defaults for secrets: created once under DATA_DIR (mode 0600) so that a second
 * `npm start` and `npm run token` agree with the running server. Production sets them instead.
 */
function embeddedSecret(config: Config, file: string, bytes: number): string {
  const target = path.join(config.dataDir, file);
  if (existsSync(target)) return readFileSync(target, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const value = randomBytes(bytes).toString('base64');
  writeFileSync(target, value + '\n', { mode: 0o600, flag: 'wx' });
  return value;
}

export function jwtSecret(config: Config): Uint8Array {
  const secret = config.JWT_SECRET ?? embeddedSecret(config, 'jwt-secret', 48);
  return new TextEncoder().encode(secret);
}

/** HS256 secrets retired by a rotation but still accepted (JWT_PREVIOUS_SECRETS). */
export function previousJwtSecrets(config: Config): Uint8Array[] {
  return config.JWT_PREVIOUS_SECRETS.map((s) => new TextEncoder().encode(s));
}

export function piiKey(config: Config): Buffer {
  const key = Buffer.from(config.PII_KEY ?? embeddedSecret(config, 'pii-key', 32), 'base64');
  if (key.length !== 32) throw new Error('PII_KEY must be 32 bytes, base64-encoded');
  return key;
}
