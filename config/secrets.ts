import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { generateSigningKey, parseSigningKey, parseVerifyKeys, verifyKeyOf, type SigningKey } from '../security/command-signing.js';
import type { Config } from './config.js';

/**
 * Embedded defaults for secrets: created once under DATA_DIR (mode 0600) so that a second
 * `npm start` and `npm run token` agree with the running server. Production sets them instead.
 */
function embeddedSecret(config: Config, file: string, bytes: number | (() => string)): string {
  const target = path.join(config.dataDir, file);
  if (existsSync(target)) return readFileSync(target, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const value = typeof bytes === 'function' ? bytes() : randomBytes(bytes).toString('base64');
  try {
    writeFileSync(target, value + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process of the same DATA_DIR (the API and the worker of `npm start`) wrote it first.
    if ((err as { code?: string }).code === 'EEXIST') return readFileSync(target, 'utf8').trim();
    throw err;
  }
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

/** The API's command-signing key (COMMAND_SIGNING_KEY, or generated under DATA_DIR). */
export function commandSigningKey(config: Config): SigningKey {
  return parseSigningKey(config.COMMAND_SIGNING_KEY ?? embeddedSecret(config, 'command-signing-key', generateSigningKey));
}

/** The public keys a worker's workflows check command proofs against (`keyId → hex`). */
export function commandVerifyKeys(config: Config): Record<string, string> {
  return parseVerifyKeys(config.COMMAND_VERIFY_KEYS ?? verifyKeyOf(commandSigningKey(config)));
}

export function piiKey(config: Config): Buffer {
  const key = Buffer.from(config.PII_KEY ?? embeddedSecret(config, 'pii-key', 32), 'base64');
  if (key.length !== 32) throw new Error('PII_KEY must be 32 bytes, base64-encoded');
  return key;
}
