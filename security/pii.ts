import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Customer PII at rest (docs/business-rules.md §3 "Least privilege"; docs/quality-bars.md "PII"): AES-256-GCM with a
 * fresh 96-bit IV per value, stored as `v2.<keyId>.<iv>.<tag>.<ciphertext>` (base64url). The key
 * id names the key that sealed the value (a digest of it, revealing nothing); values sealed
 * before key ids (`v1.<iv>.<tag>.<ciphertext>`) still read, tried against every key of the ring.
 * The associated data binds a ciphertext to its row and field, so a value copied into another row
 * or column does not decrypt.
 *
 * The keyring (config/secrets.ts `piiCipher`): the current key (PII_KEY) seals and unseals, the
 * previous ones (PII_KEYS_PREVIOUS) only unseal, until `npm run pii:reseal` has moved every row
 * to the current key (docs/security.md "Keys").
 */
const legacy = 'v1';
const version = 'v2';

/** A value that no key of the ring opens: sealed under a key not configured, altered, or moved. */
export class PiiUnreadable extends Error {
  override name = 'PiiUnreadable';
}

/** A value sealed under a customer data key that was destroyed by an erasure (crypto-shredded). */
export class PiiErased extends PiiUnreadable {
  override name = 'PiiErased';
}

/** The key id of a PII key: a digest of it, so a sealed value names its key without revealing it. */
export function piiKeyId(key: Buffer): string {
  return createHash('sha256').update('cxgov-pii-kid:').update(key).digest('base64url').slice(0, 12);
}

export class PiiCipher {
  /** The id of the current key, which every new value is sealed under. */
  readonly keyId: string;
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly key: Buffer,
    previous: Buffer[] = [],
  ) {
    for (const k of [key, ...previous]) if (k.length !== 32) throw new Error('the PII key must be 32 bytes');
    this.keyId = piiKeyId(key);
    this.keys = new Map([key, ...previous].map((k) => [piiKeyId(k), k]));
  }

  encrypt(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [version, this.keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  /** Throws PiiUnreadable when the value was altered, moved to another context or sealed under a key not in the ring. */
  decrypt(sealed: string, context: string): string {
    const parts = sealed.split('.');
    if (parts[0] === version && parts.length === 5) {
      const [, kid, iv, tag, ct] = parts as [string, string, string, string, string];
      const key = this.keys.get(kid);
      if (!key) throw new PiiUnreadable(`sealed under PII key ${kid}, which is neither PII_KEY nor in PII_KEYS_PREVIOUS`);
      return open(key, iv, tag, ct, context);
    }
    if (parts[0] === legacy && parts.length === 4) {
      const [, iv, tag, ct] = parts as [string, string, string, string];
      for (const key of this.keys.values()) {
        try {
          return open(key, iv, tag, ct, context);
        } catch {
          // the next key of the ring
        }
      }
      throw new PiiUnreadable('sealed before key ids, and no key of PII_KEY and PII_KEYS_PREVIOUS opens it');
    }
    if (parts[0] === enveloped) throw new PiiUnreadable('sealed under a customer data key (v3): opened through its wrapped data key (db/customer-keys.ts)');
    throw new PiiUnreadable('not a sealed PII value');
  }

  /** The id of the key a value names (undefined for values sealed before key ids). */
  keyIdOf(sealed: string): string | undefined {
    const parts = sealed.split('.');
    return parts[0] === version && parts.length === 5 ? parts[1] : undefined;
  }

  /** Sealed under the current key already (a re-seal leaves it as it is). */
  isCurrent(sealed: string): boolean {
    return this.keyIdOf(sealed) === this.keyId;
  }

  /**
   * Wraps a customer data key under the current master key (docs/security.md "Customer data
   * keys"): AES-256-GCM with the key row bound as associated data (`data-key:<id>:<customerRef>`),
   * so a wrapped key copied into another row does not unwrap. The wrapped form is a `v2` value, so
   * it names the master key that wrapped it.
   */
  wrapDataKey(key: Buffer, dataKeyId: string, customerRef: string): string {
    if (key.length !== 32) throw new Error('a customer data key is 32 bytes');
    return this.encrypt(key.toString('base64url'), dataKeyContext(dataKeyId, customerRef));
  }

  /** Throws PiiUnreadable when no master key of the ring unwraps it (or it was moved to another row). */
  unwrapDataKey(wrapped: string, dataKeyId: string, customerRef: string): Buffer {
    const key = Buffer.from(this.decrypt(wrapped, dataKeyContext(dataKeyId, customerRef)), 'base64url');
    if (key.length !== 32) throw new PiiUnreadable('the unwrapped data key is not 32 bytes');
    return key;
  }

  /** Keyed digest for equality lookups without storing the value (e.g. the same phone number); current key only. */
  lookupKey(value: string, purpose: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${value}`).digest('hex');
  }
}

// ── Customer data keys (envelope encryption) ──────────────────────────────────────────────────

/**
 * Values sealed under a customer's data key: `v3.<dataKeyId>.<iv>.<tag>.<ciphertext>`. The data
 * key (random, 256-bit, one per customer) is stored only wrapped by the master key
 * (`PiiCipher.wrapDataKey`, table `customer_data_keys`); destroying the wrapped key makes every
 * value sealed under it unreadable for good (crypto-shredding, docs/security.md).
 */
const enveloped = 'v3';

export interface DataKey {
  id: string;
  key: Buffer;
}

/** A fresh data key with a random id (base64url, no dots: it is part of the sealed format). */
export function newDataKey(): DataKey {
  return { id: randomBytes(12).toString('base64url'), key: randomBytes(32) };
}

export const dataKeyContext = (dataKeyId: string, customerRef: string) => `data-key:${dataKeyId}:${customerRef}`;

export function sealUnderDataKey(dataKey: DataKey, plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [enveloped, dataKey.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** The data key a `v3` value names, or undefined for values sealed directly under a master key (v1, v2). */
export function dataKeyIdOf(sealed: string): string | undefined {
  const parts = sealed.split('.');
  return parts[0] === enveloped && parts.length === 5 ? parts[1] : undefined;
}

/** Opens a `v3` value with its (unwrapped) data key; throws PiiUnreadable when it does not. */
export function openUnderDataKey(key: Buffer, sealed: string, context: string): string {
  const parts = sealed.split('.');
  if (parts[0] !== enveloped || parts.length !== 5) throw new PiiUnreadable('not a value sealed under a customer data key');
  const [, , iv, tag, ct] = parts as [string, string, string, string, string];
  return open(key, iv, tag, ct, context);
}

function open(key: Buffer, iv: string, tag: string, ct: string, context: string): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new PiiUnreadable('does not decrypt: altered, moved to another row or field, or sealed under another key with the same id');
  }
}

// ── Masking (for roles without need, and exports) ─────────────────────────────────────────────

/**
 * 13812345678 → 138****5678; short numbers keep less. Non-digits (+86, spaces) are dropped first.
 * A value already masked (digits and `*` only) is returned as it is, so masking twice (a stored
 * masked value read through the audit endpoints) changes nothing.
 */
export function maskPhone(phone: string): string {
  if (/^[\d*]*\*[\d*]*$/.test(phone)) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) {
    const local = digits.slice(-11);
    return `${local.slice(0, 3)}****${local.slice(-4)}`;
  }
  if (digits.length > 4) return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  return '*'.repeat(digits.length);
}

/** First 3 and last 4 kept: 110101199003071234 → 110***********1234. Short values are fully masked. */
export function maskIdNumber(idNumber: string): string {
  const s = idNumber.trim();
  if (s.length <= 7) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

/** a***@bank.example: enough to tell addresses apart, not to read one. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** The first character kept (the family name in Chinese order): 张三丰 → 张**, Li Wei → L*****. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
