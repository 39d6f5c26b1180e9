import { describe, expect, it } from 'vitest';
import { complaintInputRules } from '../../../domain/complaints/inputs.js';
import { checkForm, emailPattern } from '../../../domain/field-rules.js';
import { maskEmail } from '../../../security/pii.js';

/** The customer's optional email at intake (docs/http-contract.md "Complaints", docs/surveys.md). */
describe('the customer’s email', () => {
  it('is one address: local part, @, a dotted domain; nothing a mail server would read as more', () => {
    for (const ok of ['a@b.cn', 'li.ming+cx@bank.example', 'x_y@mail.bank-1.com.cn']) expect(emailPattern.test(ok), ok).toBe(true);
    for (const bad of ['a@b', '@b.cn', 'a b@c.cn', 'a@b@c.cn', 'a@-b.cn', '<a@b.cn>', 'a@b..cn', 'a@b.cn, c@d.cn', 'a@b.cn\nBcc: x@y.cn']) expect(emailPattern.test(bad), bad).toBe(false);
  });

  it('is optional at intake, and checked when given', () => {
    const base = { description: 'x', 'customer.ref': 'c1', 'customer.name': '张三', 'customer.phone': '13812345678' };
    expect(checkForm(complaintInputRules.intake, base)).toEqual([]);
    expect(checkForm(complaintInputRules.intake, { ...base, 'customer.email': 'zhang@bank.example' })).toEqual([]);
    expect(checkForm(complaintInputRules.intake, { ...base, 'customer.email': 'not an address' })).toEqual([expect.objectContaining({ path: 'customer.email', code: 'format' })]);
  });

  it('is masked to its first letter and domain', () => {
    expect(maskEmail('zhang.san@bank.example')).toBe('z***@bank.example');
    expect(maskEmail('broken')).toBe('***');
  });
});
