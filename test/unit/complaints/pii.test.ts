import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone, PiiCipher } from '../../../security/pii.js';

describe('PII encryption', () => {
  const cipher = new PiiCipher(randomBytes(32));

  it('round-trips, with a fresh IV each time and no clear text in the sealed value', () => {
    const a = cipher.encrypt('13812345678', 'c1:phone');
    const b = cipher.encrypt('13812345678', 'c1:phone');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
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
