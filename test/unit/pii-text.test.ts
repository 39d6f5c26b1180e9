import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsPiiNumber, maskPiiText } from '../../domain/pii-text.js';

/** Phone, id and card numbers typed into free text: masked, and nothing else touched. */

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const sep = fc.constantFrom('', ' ', '-');

const mobile = fc
  .tuple(fc.constantFrom('', '+86', '+86 ', '0086-'), fc.constantFrom(...'3456789'), digits(1), sep, digits(4), sep, digits(4))
  .map(([prefix, second, third, s1, a, s2, b]) => `${prefix}1${second}${third}${s1}${a}${s2}${b}`);
const landline = fc
  .tuple(fc.constantFrom('010', '021', '0755', '0571', '(010)', '(0755)'), sep, fc.oneof(digits(7), digits(8)))
  .map(([area, s, n]) => `${area}${s}${n}`);
const residentId = fc.tuple(digits(17), fc.constantFrom(...'0123456789Xx')).map(([d, last]) => d + last);
const bankCard = fc.oneof(
  fc.integer({ min: 16, max: 19 }).chain((n) => digits(n)),
  fc.tuple(digits(4), sep, digits(4), sep, digits(4), sep, digits(4)).map((p) => p.join('')),
);
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const number = fc.oneof(mobile, landline, residentId, bankCard, fc.oneof(mobile, residentId).map(fullWidth));

/** Text around a number: anything but digits (Chinese, letters, punctuation, spaces, emoji). */
const prose = fc.string({ unit: fc.constantFrom(...'请致电联系我身份证号码是 abcYZ,.:;!?()*-+\n\t😀'), maxLength: 30 });
const digitsOf = (s: string) => s.replace(/[^0-9Xx\uFF10-\uFF19]/g, '');

describe('maskPiiText', () => {
  it('masks every phone, landline, id and card number in prose, keeping its last four digits', () => {
    fc.assert(
      fc.property(prose, number, prose, (before, n, after) => {
        const masked = maskPiiText(`${before}${n}${after}`);
        expect(masked).not.toContain(n);
        const nd = digitsOf(n);
        expect(digitsOf(masked)).not.toContain(nd.slice(0, -4));
        expect(masked.endsWith(after)).toBe(true);
        expect(masked.startsWith(before)).toBe(true);
        expect(masked).toContain(n.slice(-4));
        expect(holdsPiiNumber(`${before}${n}${after}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('masks several numbers in one text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(prose.filter((p) => p.length > 0), number), { minLength: 1, maxLength: 5 }), (parts) => {
        const text = parts.map(([p, n]) => p + n).join('');
        const masked = maskPiiText(text);
        for (const [, n] of parts) expect(masked).not.toContain(n);
      }),
    );
  });

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 -+()Xx*abc电话１３８') }), (s) => {
        const once = maskPiiText(s);
        expect(maskPiiText(once)).toBe(once);
        expect(holdsPiiNumber(once)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('changes only digits, each into *', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 -+()Xx电话') }), (s) => {
        const masked = maskPiiText(s);
        expect(masked).toHaveLength(s.length);
        for (let i = 0; i < s.length; i++) if (masked[i] !== s[i]) expect([s[i], masked[i]]).toEqual([expect.stringMatching(/[0-9\uFF10-\uFF19]/), '*']);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves text without such numbers as it is: amounts, dates, short references', () => {
    for (const t of ['refund 1,250.00 CNY on 2026-11-27', 'case #4711, branch 0021', 'ticket 1234567', 'called at 09:30', '退款 300 元', '']) expect(maskPiiText(t)).toBe(t);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abc 请联系,.:-') }), (s) => {
        expect(maskPiiText(s)).toBe(s);
      }),
    );
  });

  it('examples', () => {
    expect(maskPiiText('客户电话13812345678，身份证号110101199003071234')).toBe('客户电话*******5678，身份证号**************1234');
    expect(maskPiiText('call +86 138 1234 5678 or 010-12345678')).toBe('call +** *** **** 5678 or ***-****5678');
    expect(maskPiiText('ID 11010119900307123X, card 6222 0212 3456 7890')).toBe('ID **************123X, card **** **** **** 7890');
    expect(maskPiiText('全角１３８１２３４５６７８')).toBe('全角*******５６７８');
  });
});
