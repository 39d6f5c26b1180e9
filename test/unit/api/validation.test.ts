import { describe, expect, it } from 'vitest';
import { IntakeSchema } from '../../../api/schemas/complaints.js';
import { fieldErrors, maxDepth, unstorable } from '../../../api/validation.js';
import { complaintInputRules } from '../../../domain/complaints/inputs.js';
import { checkForm } from '../../../domain/field-rules.js';

describe('unstorable input', () => {
  it('finds NUL and unpaired surrogates in values and keys, naming the path', () => {
    expect(unstorable({ a: 'x\u0000y', b: ['ok', '\uD800'], ['k\uDC00']: 1 }, 'body')).toEqual(
      expect.arrayContaining([
        { path: 'body.a', message: 'text must not contain the NUL character (U+0000)', code: 'invalid' },
        { path: 'body.b.1', message: 'text must be valid Unicode (an unpaired surrogate was found)', code: 'invalid' },
        { path: 'body.k\uDC00', message: 'text must be valid Unicode (an unpaired surrogate was found)', code: 'invalid' },
      ]),
    );
  });

  it('accepts every well-formed text: emoji (surrogate pairs), RTL, zero-width, control characters other than NUL', () => {
    expect(unstorable({ s: '👨‍👩‍👧‍👦 \u202Eabc \u200B\uFEFF \u0001\u001F 张三 𝕿', n: 1, t: true, z: null }, 'body')).toEqual([]);
    expect(unstorable('\uD83D\uDE00', 'query')).toEqual([]);
    expect(unstorable('\uDE00\uD83D', 'query')).toHaveLength(1);
  });

  it(`refuses nesting deeper than ${maxDepth} levels without overflowing the stack`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorable(deep, 'body')).toEqual([{ path: `body${'.0'.repeat(maxDepth)}`, message: `nested more than ${maxDepth} levels deep`, code: 'invalid' }]);
    let ok: unknown = 'leaf';
    for (let i = 0; i < maxDepth; i++) ok = { a: ok };
    expect(unstorable(ok, 'body')).toEqual([]);
  });
});

describe('field errors carry a code clients translate', () => {
  it('tells a field left out, empty, too long, misshapen, a wrong choice and an unknown field apart', () => {
    const value = { channel: 'pigeon', customer: { ref: 'C 1', name: '  ', phone: '12' }, category: 'service', severity: 'general', description: 'x'.repeat(10_001), priority: 1 };
    const result = IntakeSchema.safeParse(value);
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!, 'body', value);
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(byPath['body.channel']?.code).toBe('choice');
    expect(byPath['body.customer.ref']?.code).toBe('format');
    expect(byPath['body.customer.name']?.code).toBe('required');
    expect(byPath['body.customer.phone']?.code).toBe('format');
    expect(byPath['body.description']).toMatchObject({ code: 'too_long', limit: 10_000 });
    expect(byPath['body.priority']?.code).toBe('unknown_field');
    const missing = { channel: 'hotline', category: 'service', severity: 'general', description: 'd' };
    const m = IntakeSchema.safeParse(missing);
    expect(fieldErrors(m.error!, 'body', missing)).toEqual([expect.objectContaining({ path: 'body.customer', code: 'required' })]);
  });

  it('the web form check (domain/complaints/inputs.ts) refuses what the API schema refuses, with the same code', () => {
    const cases: Record<string, string>[] = [
      { description: 'ok', 'customer.ref': 'C-1', 'customer.name': 'Wang', 'customer.phone': '13700001111' },
      { description: ' ', 'customer.ref': 'C-1', 'customer.name': 'Wang', 'customer.phone': '13700001111' },
      { description: 'ok', 'customer.ref': 'C 1', 'customer.name': '', 'customer.phone': 'abc', 'customer.idNumber': '12' },
      { description: 'ok', 'customer.ref': '', 'customer.name': 'Wang', 'customer.phone': ' +86 137-0000-1111 ', initiativeId: 'a b' },
    ];
    for (const values of cases) {
      const body = {
        channel: 'hotline',
        category: 'service',
        severity: 'general',
        description: values.description,
        customer: { ref: values['customer.ref'], name: values['customer.name'], phone: values['customer.phone'], ...(values['customer.idNumber'] ? { idNumber: values['customer.idNumber'] } : {}) },
        ...(values.initiativeId ? { initiativeId: values.initiativeId } : {}),
      };
      const parsed = IntakeSchema.safeParse(body);
      const api = parsed.success ? [] : fieldErrors(parsed.error, '', body).map((e) => `${e.path}:${e.code}`);
      const web = checkForm(complaintInputRules.intake, values).map((e) => `${e.path}:${e.code}`);
      expect(web.sort()).toEqual(api.sort());
    }
  });
});
