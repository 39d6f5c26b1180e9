import crypto from 'node:crypto';

/**
 * RFC 8785 (JCS) serialisation for plain JSON values — what comes back from the database's jsonb
 * columns: objects, arrays, strings, finite numbers, booleans, null. It gives the same text as the
 * `canonicalize` package that db/audit.ts hashes with when writing (test/unit/audit/canonical.test.ts
 * checks this property over generated values), in a fraction of the time, which is what lets the
 * verifier keep up with the trail (quality.md: ≥ 50k events/s).
 *
 * Should the two ever disagree on some value, verification reports that event as broken: a
 * difference can raise a false alarm, never hide an alteration.
 */
// Characters that JSON.stringify escapes, and surrogates (never in text read from PostgreSQL; left
// to JSON.stringify so a lone one is handled exactly as there).
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;

function str(s: string): string {
  return needsEscape.test(s) ? JSON.stringify(s) : `"${s}"`;
}

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return str(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error('non-finite numbers have no JSON form');
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) {
        let s = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) s += ',';
          const v: unknown = value[i];
          s += v === undefined ? 'null' : canonicalJson(v);
        }
        return `${s}]`;
      }
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
      const o = value as Record<string, unknown>;
      const keys = Object.keys(o).sort();
      let s = '{';
      let first = true;
      for (const k of keys) {
        const v = o[k];
        if (v === undefined) continue;
        if (!first) s += ',';
        first = false;
        s += `${str(k)}:${canonicalJson(v)}`;
      }
      return `${s}}`;
    }
    default:
      throw new Error(`${typeof value} has no JSON form`);
  }
}

/** The fields of a stored audit event that its hash covers (see db/audit.ts auditHash). */
export interface StoredEvent {
  entityType: string;
  entityId: string;
  seq: number;
  actor: string;
  roles: unknown;
  action: string;
  /** Already the ISO string with milliseconds the hash was computed over. */
  at: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  prevHash: string | null;
}

/**
 * auditHash for an event read back from the database, without re-parsing its timestamp. The
 * members are written in canonical (sorted) key order by hand.
 */
export function storedEventHash(e: StoredEvent): string {
  const text =
    `{"action":${str(e.action)},"actor":${str(e.actor)},"after":${canonicalJson(e.after ?? null)},"at":${str(e.at)},` +
    `"before":${canonicalJson(e.before ?? null)},"entityId":${str(e.entityId)},"entityType":${str(e.entityType)},` +
    `"prevHash":${e.prevHash === null ? 'null' : str(e.prevHash)},"reason":${e.reason === null ? 'null' : str(e.reason)},` +
    `"roles":${canonicalJson(e.roles)},"seq":${canonicalJson(e.seq)}}`;
  return sha256hex(text);
}

// crypto.hash (one call, no Hash object) where the runtime has it (Node ≥ 20.12), else createHash.
const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
function sha256hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}
