import { describe, it, expect } from 'vitest';
import { defaultSlaPolicy } from '../../../domain/policies.js';
import {
  clockWindowFor,
  needsApproval,
  needsChairSignOff,
  repeatOf,
  resolutionWindowFor,
  type RepeatCandidate,
} from '../../../domain/complaints/rules.js';

const DAY = 86_400_000;

describe('windows', () => {
  it('resolution window by severity (default policy)', () => {
    expect(resolutionWindowFor('urgent', defaultSlaPolicy)).toEqual({ amount: 24, unit: 'hour' });
    expect(resolutionWindowFor('general', defaultSlaPolicy)).toEqual({ amount: 7, unit: 'business_day' });
    expect(resolutionWindowFor('major', defaultSlaPolicy)).toEqual({ amount: 15, unit: 'business_day' });
  });

  it('each clock has its policy window', () => {
    const p = defaultSlaPolicy;
    expect(clockWindowFor('firstResponse', 'major', p)).toBe(p.firstResponse);
    expect(clockWindowFor('resolution', 'major', p)).toBe(p.resolution.major);
    expect(clockWindowFor('customerFeedback', 'general', p)).toBe(p.customerFeedback);
    expect(clockWindowFor('investigation', 'general', p)).toBe(p.transferInvestigation);
    expect(clockWindowFor('appeal', 'urgent', p)).toBe(p.appealDecision);
  });
});

describe('needsApproval', () => {
  const limit = 1000;
  it('only strictly above the limit', () => {
    expect(needsApproval(undefined, limit)).toBe(false);
    expect(needsApproval({ amount: 0 }, limit)).toBe(false);
    expect(needsApproval({ amount: 999.99 }, limit)).toBe(false);
    expect(needsApproval({ amount: 1000 }, limit)).toBe(false);
    expect(needsApproval({ amount: 1000.01 }, limit)).toBe(true);
    expect(needsApproval({ amount: 50_000 }, limit)).toBe(true);
  });
});

describe('needsChairSignOff', () => {
  it('from the committee level up', () => {
    expect([0, 1, 2, 3, 4].map(needsChairSignOff)).toEqual([false, false, false, true, true]);
  });
});

describe('repeatOf', () => {
  const now = Date.parse('2025-03-31T08:00:00.000Z');
  const fresh: RepeatCandidate = { customerRef: 'C1', category: 'service', initiativeId: 'card', receivedAt: now };
  const earlier = (id: string, over: Partial<RepeatCandidate>) => ({
    id,
    customerRef: 'C1',
    category: 'service',
    receivedAt: now - DAY,
    ...over,
  });

  it('same customer, same category, within the window', () => {
    expect(repeatOf(fresh, [earlier('a', {})])).toEqual(['a']);
  });

  it('exactly 30 days before counts; 30 days + 1 ms and 31 days do not', () => {
    expect(repeatOf(fresh, [earlier('a', { receivedAt: now - 30 * DAY })])).toEqual(['a']);
    expect(repeatOf(fresh, [earlier('b', { receivedAt: now - 30 * DAY - 1 })])).toEqual([]);
    expect(repeatOf(fresh, [earlier('c', { receivedAt: now - 31 * DAY })])).toEqual([]);
  });

  it('another customer never matches', () => {
    expect(repeatOf(fresh, [earlier('a', { customerRef: 'C2' })])).toEqual([]);
    expect(repeatOf(fresh, [earlier('b', { customerRef: 'C2', initiativeId: 'card' })])).toEqual([]);
  });

  it('same product, different category matches', () => {
    expect(repeatOf(fresh, [earlier('a', { category: 'system_technical', initiativeId: 'card' })])).toEqual(['a']);
  });

  it('different product and different category does not', () => {
    expect(repeatOf(fresh, [earlier('a', { category: 'product', initiativeId: 'loan' })])).toEqual([]);
  });

  it('no product on either side is not "the same product"', () => {
    const noProduct: RepeatCandidate = { customerRef: 'C1', category: 'service', receivedAt: now };
    expect(repeatOf(noProduct, [earlier('a', { category: 'product' })])).toEqual([]);
    expect(repeatOf(fresh, [earlier('b', { category: 'product' })])).toEqual([]);
  });

  it('same category, different product still matches (category OR product)', () => {
    expect(repeatOf(fresh, [earlier('a', { initiativeId: 'loan' })])).toEqual(['a']);
  });

  it('only earlier complaints: the same instant counts, a later one does not', () => {
    expect(repeatOf(fresh, [earlier('a', { receivedAt: now })])).toEqual(['a']);
    expect(repeatOf(fresh, [earlier('b', { receivedAt: now + 1 })])).toEqual([]);
  });

  it('never matches itself when the new complaint has an id', () => {
    expect(repeatOf({ ...fresh, id: 'self' }, [earlier('self', { receivedAt: now }), earlier('a', {})])).toEqual(['a']);
  });

  it('accepts ISO strings, with offsets', () => {
    const iso: RepeatCandidate = { ...fresh, receivedAt: '2025-03-31T16:00:00+08:00' };
    expect(
      repeatOf(iso, [
        earlier('a', { receivedAt: '2025-03-01T16:00:00+08:00' }), // exactly 30 days
        earlier('b', { receivedAt: '2025-03-01T15:59:59+08:00' }),
      ]),
    ).toEqual(['a']);
  });

  it('an unparseable time matches nothing', () => {
    expect(repeatOf(fresh, [earlier('a', { receivedAt: 'yesterday' })])).toEqual([]);
  });

  it('honours a custom window and keeps input order', () => {
    const list = [earlier('x', { receivedAt: now - 2 * DAY }), earlier('y', { receivedAt: now - 8 * DAY }), earlier('z', {})];
    expect(repeatOf(fresh, list, 7)).toEqual(['x', 'z']);
    expect(repeatOf(fresh, list)).toEqual(['x', 'y', 'z']);
  });
});
