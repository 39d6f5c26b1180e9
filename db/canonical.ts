import crypto from 'node:crypto';
import { configure } from 'safe-stable-stringify';

/**
 * Canonical JSON (RFC 8785 for JSON values: keys sorted by UTF-16 code units, ECMAScript number
 * and string forms) and the audit event hash built on it: the form every hash the database keeps
 * is computed over (audit events, checkpoints, idempotency request hashes). The writer
 * (db/audit.ts) and the verifier (audit/chain.ts) both hash through `eventHash`, so they cannot
 * drift apart. It lives in db/, below both; not in domain/, which workflows import and which
 * therefore has no node:crypto.
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

/** The fields of an audit event that its hash covers. */
export interface HashedEventFields {
  entityType: string;
  entityId: string;
  seq: number;
  actor: string;
  roles: unknown;
  action: string;
  /** ISO-8601 instant; normalised to milliseconds UTC before hashing. */
  at: string | Date;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  prevHash: string | null;
}

export function eventHash(e: HashedEventFields): string {
  return sha256hex(
    canonicalJson({
      entityType: e.entityType,
      entityId: e.entityId,
      seq: e.seq,
      actor: e.actor,
      roles: e.roles,
      action: e.action,
      at: typeof e.at === 'string' && e.at.endsWith('Z') && e.at.length === 24 ? e.at : new Date(e.at).toISOString(),
      before: e.before ?? null,
      after: e.after ?? null,
      reason: e.reason ?? null,
      prevHash: e.prevHash,
    }),
  );
}

// crypto.hash (one call, no Hash object) where the runtime has it (Node ≥ 20.12), else createHash.
const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
export function sha256hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}
