import crypto from 'node:crypto';
import { configure } from 'safe-stable-stringify';

/**
 * Canonical JSON (RFC 8785 for JSON values: keys sorted by UTF-16 code units, ECMAScript number
 * and string forms) and sha256: the form every hash the database keeps is computed over (audit
 * events in db/audit.ts, checkpoints, idempotency request hashes). It lives in db/, below the
 * writers and the verifiers (audit/); not in domain/, which workflows import and which therefore
 * has no node:crypto.
 *
 * safe-stable-stringify gives the same text as the `canonicalize` reference implementation for
 * every JSON value (test/unit/audit/canonical.test.ts checks this over generated values) at about
 * three times its speed, which keeps verification near the 50k events/s target (docs/audit.md).
 */
const stringify = configure({ deterministic: true, strict: true, circularValue: Error });

export function canonicalJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError(`${typeof value} has no JSON form`);
  return text;
}

// crypto.hash (one call, no Hash object) where the runtime has it (Node ≥ 20.12), else createHash.
const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
export function sha256hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}
