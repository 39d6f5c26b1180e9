import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignId, campaignPeriods, defaultNpsCampaignPolicy, npsDrop, sampleContacts } from '../../../domain/surveys/campaigns.js';

describe('product NPS campaigns', () => {
  it('look back on the period just ended, and the one before it', () => {
    expect(campaignPeriods('2026-12-01T00:00:00.000Z', { everyDays: 30 })).toEqual({
      current: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
      previous: { from: '2026-10-02T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' },
    });
    expect(campaignId('INI-1', '2026-12-01T06:00:00.000Z')).toBe('INI-1:2026-12-01');
    expect(() => campaignPeriods('yesterday', { everyDays: 30 })).toThrow(RangeError);
  });

  it('sample each customer once (their latest contact), the same people for the same campaign', () => {
    const candidates = [
      { customerRef: 'a', contactId: 'C-1', at: '2026-11-02' },
      { customerRef: 'a', contactId: 'C-2', at: '2026-11-20' },
      { customerRef: 'b', contactId: 'C-3', at: '2026-11-03' },
      { customerRef: 'c', contactId: 'C-4', at: '2026-11-04' },
    ];
    const all = sampleContacts(candidates, 10, 'INI-1:2026-12-01');
    expect(all.map((c) => c.contactId).sort()).toEqual(['C-2', 'C-3', 'C-4']);
    expect(sampleContacts([...candidates].reverse(), 2, 'INI-1:2026-12-01')).toEqual(sampleContacts(candidates, 2, 'INI-1:2026-12-01'));
    expect(sampleContacts(candidates, 0, 'x')).toEqual([]);
  });

  it('never sample more than asked nor anyone twice', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ customerRef: fc.constantFrom('a', 'b', 'c', 'd', 'e'), contactId: fc.string(), at: fc.string() })), fc.nat({ max: 6 }), (cs, size) => {
        const s = sampleContacts(cs, size, 'k');
        expect(s.length).toBeLessThanOrEqual(size);
        expect(new Set(s.map((c) => c.customerRef)).size).toBe(s.length);
      }),
    );
  });

  it('call a fall of 20 points between two periods heard by 10 customers each a drop, and nothing less', () => {
    const policy = defaultNpsCampaignPolicy;
    const before = [10, 10, 10, 10, 10, 9, 8, 8, 7, 3]; // 6 promoters, 1 detractor: +50
    const after = [10, 10, 10, 9, 8, 8, 7, 6, 5, 2]; // 4 promoters, 3 detractors: +10
    expect(npsDrop(before, after, policy)).toMatchObject({ drop: 40, previous: { score: 50 }, current: { score: 10 } });
    expect(npsDrop(before, before, policy)).toBeUndefined();
    expect(npsDrop(before, after.slice(0, 9), policy)).toBeUndefined(); // 9 answers: too few to tell
    const allPromoters = Array<number>(10).fill(10);
    expect(npsDrop(allPromoters, [...Array<number>(9).fill(10), 8], policy)).toBeUndefined(); // 100 → 90: 10 points
    expect(npsDrop(allPromoters, [...Array<number>(8).fill(10), 8, 8], policy)).toMatchObject({ drop: 20 }); // 100 → 80: exactly the threshold
  });
});
