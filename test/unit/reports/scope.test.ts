import { describe, expect, it } from 'vitest';
import { kpiProducts, kpiReader } from '../../../domain/reports/scope.js';

describe('who reads the KPIs, over which products (docs/reports.md "Who reads what")', () => {
  it('the full readers by role or committee seat, then product owners, then agents and handlers', () => {
    expect(kpiReader(['supervisor'], false)).toBe('full');
    expect(kpiReader(['compliance_auditor'], false)).toBe('full');
    expect(kpiReader(['admin'], false)).toBe('full');
    expect(kpiReader([], true)).toBe('full');
    expect(kpiReader(['product_owner'], true)).toBe('full'); // a seat on the committee reads everything
    expect(kpiReader(['product_owner', 'supervisor'], false)).toBe('full');
    expect(kpiReader(['product_owner'], false)).toBe('products');
    expect(kpiReader(['product_owner', 'cs_agent'], false)).toBe('products'); // the narrower scope wins
    expect(kpiReader(['cs_agent'], false)).toBe('institution');
    expect(kpiReader(['business_handler'], false)).toBe('institution');
    expect(kpiReader([], false)).toBe('none');
    expect(kpiReader(['auditor'], false)).toBe('none');
  });

  it('a product owner gets their products, one of them, or a refusal for another', () => {
    expect(kpiProducts('products', ['a', 'b'], undefined)).toEqual(['a', 'b']);
    expect(kpiProducts('products', [], undefined)).toEqual([]);
    expect(kpiProducts('products', ['a', 'b'], 'b')).toEqual(['b']);
    expect(kpiProducts('products', ['a', 'b'], 'c')).toBe('forbidden');
  });

  it('the other readers get every product, or the one asked for', () => {
    for (const reader of ['full', 'institution'] as const) {
      expect(kpiProducts(reader, [], undefined)).toBeUndefined();
      expect(kpiProducts(reader, [], 'c')).toEqual(['c']);
    }
  });
});
