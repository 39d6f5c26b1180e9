import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { generateSigningKey, parseSigningKey, parseVerifyKeys, verifyKeyOf, type SigningKey } from '../security/command-signing.js';
import { PiiCipher } from '../security/pii.js';
import type { Config } from './config.js';

/** Creates DATA_DIR readable by this user only (0700): it holds generated secrets and the embedded databases. */
export function ensureDataDir(config: Config): void {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
}

/**
 * Embedded defaults for secrets: created once under DATA_DIR (mode 0600) so that a second
 * `npm start` and `npm run token` agree with the running server. Production sets them instead.
 */
function embeddedSecret(config: Config, file: string, bytes: number | (() => string)): string {
  const target = path.join(config.dataDir, file);
  if (existsSync(target)) return readFileSync(target, 'utf8').trim();
  ensureDataDir(config);
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

/** The survey links' HS256 secret (SURVEY_LINK_SECRET, or generated under DATA_DIR): the API and the worker's sender must agree. */
export function surveyLinkSecret(config: Config): Uint8Array {
  return new TextEncoder().encode(config.SURVEY_LINK_SECRET ?? embeddedSecret(config, 'survey-link-secret', 48));
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

/**
 * The current PII key: PII_KEY, else the one generated under DATA_DIR. With DATABASE_URL set, a
 * key is never generated: every API and worker of a shared database needs the same one, and a
 * replica or a lost DATA_DIR would otherwise seal new rows under a key nobody else has.
 */
export function piiKey(config: Config): Buffer {
  const file = path.join(config.dataDir, 'pii-key');
  if (!config.PII_KEY && config.DATABASE_URL && !existsSync(file)) {
    throw new Error(
      'DATABASE_URL is set but PII_KEY is not: set PII_KEY to the key that sealed this database\'s customer data (a new installation: `openssl rand -base64 32`, kept in a secret manager); cxgov does not generate one for a shared database',
    );
  }
  return decodePiiKey(config.PII_KEY ?? embeddedSecret(config, 'pii-key', 32), 'PII_KEY');
}

/** The PII keyring: the current key seals, the previous ones (PII_KEYS_PREVIOUS) only unseal (docs/security.md "Keys"). */
export function piiCipher(config: Config): PiiCipher {
  return new PiiCipher(piiKey(config), config.PII_KEYS_PREVIOUS.map((k) => decodePiiKey(k, 'each key of PII_KEYS_PREVIOUS')));
}

function decodePiiKey(value: string, name: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`);
  return key;
}

/** The erasure ledger's file (ERASURE_LEDGER, else `<BACKUP_DIR>/erasure-ledger.jsonl`), absolute. */
export function erasureLedgerPath(config: Config): string {
  return path.resolve(config.ERASURE_LEDGER ?? path.join(config.BACKUP_DIR, 'erasure-ledger.jsonl'));
}
