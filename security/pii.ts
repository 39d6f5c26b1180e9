import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Customer PII at rest (docs/business-rules.md §3 "Least privilege"; docs/quality-bars.md "PII"): AES-256-GCM with a
 * fresh 96-bit IV per value, stored as `v1.<iv>.<tag>.<ciphertext>` (base64url). The associated
 * data binds a ciphertext to its row and field, so a value copied into another row or column does
 * not decrypt. The key is config/secrets.ts `piiKey` (PII_KEY).
 */
const version = 'v1';

export class PiiCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the PII key must be 32 bytes');
  }

  encrypt(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [version, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  /** Throws when the value was altered, moved to another context or encrypted with another key. */
  decrypt(sealed: string, context: string): string {
    const [v, iv, tag, ct] = sealed.split('.');
    if (v !== version || iv === undefined || tag === undefined || ct === undefined) throw new Error('not a sealed PII value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Keyed digest for equality lookups without storing the value (e.g. the same phone number). */
  lookupKey(value: string, purpose: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${value}`).digest('hex');
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

/** The first character kept (the family name in Chinese order): 张三丰 → 张**, Li Wei → L*****. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
