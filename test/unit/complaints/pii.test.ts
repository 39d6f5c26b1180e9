import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone, PiiCipher, piiKeyId, PiiUnreadable } from '../../../security/pii.js';

/** A value as sealed before key ids: `v1.<iv>.<tag>.<ciphertext>`. */
function sealV1(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

describe('PII keyring', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const before = new PiiCipher(oldKey);
  const ring = new PiiCipher(newKey, [oldKey]);

  it('seals under the current key and names it; the id is a digest, not the key', () => {
    const sealed = ring.encrypt('13812345678', 'c1:phone');
    expect(ring.keyIdOf(sealed)).toBe(piiKeyId(newKey));
    expect(ring.isCurrent(sealed)).toBe(true);
    expect(piiKeyId(newKey)).not.toContain(newKey.toString('base64url').slice(0, 8));
  });

  it('opens values of a previous key, and values sealed before key ids under any key of the ring', () => {
    const old = before.encrypt('张三丰', 'c1:name');
    expect(ring.decrypt(old, 'c1:name')).toBe('张三丰');
    expect(ring.isCurrent(old)).toBe(false);
    expect(ring.decrypt(sealV1(oldKey, '13812345678', 'c1:phone'), 'c1:phone')).toBe('13812345678');
    expect(ring.decrypt(sealV1(newKey, '13812345678', 'c1:phone'), 'c1:phone')).toBe('13812345678');
    expect(ring.keyIdOf(sealV1(oldKey, 'x', 'c1:phone'))).toBeUndefined();
  });

  it('says which key is missing when a value names a key not in the ring', () => {
    const sealed = ring.encrypt('13812345678', 'c1:phone');
    expect(() => before.decrypt(sealed, 'c1:phone')).toThrow(PiiUnreadable);
    expect(() => before.decrypt(sealed, 'c1:phone')).toThrow(piiKeyId(newKey));
    expect(() => new PiiCipher(randomBytes(32)).decrypt(sealV1(oldKey, 'x', 'c1:phone'), 'c1:phone')).toThrow(PiiUnreadable);
  });

  it('refuses a previous key of the wrong length', () => {
    expect(() => new PiiCipher(newKey, [randomBytes(16)])).toThrow('32 bytes');
  });
});

describe('PII encryption', () => {
  const cipher = new PiiCipher(randomBytes(32));

  it('round-trips, with a fresh IV each time and no clear text in the sealed value', () => {
    const a = cipher.encrypt('13812345678', 'c1:phone');
    const b = cipher.encrypt('13812345678', 'c1:phone');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(a).toMatch(new RegExp(`^v2\\.${cipher.keyId}\\.[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    expect(cipher.decrypt(a, 'c1:phone')).toBe('13812345678');
    expect(cipher.decrypt(cipher.encrypt('张三丰', 'c1:name'), 'c1:name')).toBe('张三丰');
  });

  it('refuses a value moved to another row or field, altered, or sealed with another key', () => {
    const sealed = cipher.encrypt('110101199003071234', 'c1:idNumber');
    expect(() => cipher.decrypt(sealed, 'c2:idNumber')).toThrow();
    expect(() => cipher.decrypt(sealed, 'c1:phone')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'c1:idNumber')).toThrow();
    expect(() => new PiiCipher(randomBytes(32)).decrypt(sealed, 'c1:idNumber')).toThrow();
    expect(() => cipher.decrypt('plain text', 'c1:idNumber')).toThrow('not a sealed PII value');
  });

  it('needs a 32-byte key; lookup keys are stable and keyed', () => {
    expect(() => new PiiCipher(randomBytes(16))).toThrow();
    expect(cipher.lookupKey('13812345678', 'phone')).toBe(cipher.lookupKey('13812345678', 'phone'));
    expect(cipher.lookupKey('13812345678', 'phone')).not.toBe(new PiiCipher(randomBytes(32)).lookupKey('13812345678', 'phone'));
  });
});

describe('masking', () => {
  it('phone: 138****5678, country code and separators dropped', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('6543210')).toBe('***3210');
    expect(maskPhone('123')).toBe('***');
  });

  it('id number: first 3 and last 4', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskIdNumber('11010119900307123X')).toBe('110***********123X');
    expect(maskIdNumber('1234567')).toBe('*******');
  });

  it('name: the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('Li Wei')).toBe('L*****');
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
  });

  it('is idempotent: a value masked once stays as it is when masked again (stored masked audit values)', () => {
    for (const phone of ['13812345678', '+86 138-1234-5678', '6543210', '123']) expect(maskPhone(maskPhone(phone))).toBe(maskPhone(phone));
    for (const id of ['110101199003071234', '1234567', 'AB12345678']) expect(maskIdNumber(maskIdNumber(id))).toBe(maskIdNumber(id));
    for (const name of ['张三丰', 'Li Wei', '王']) expect(maskName(maskName(name))).toBe(maskName(name));
  });
});
