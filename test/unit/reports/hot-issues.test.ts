import { describe, expect, it } from 'vitest';
import { hotIssues, type HotIssueCounts } from '../../../domain/reports/hot-issues.js';

const row = (period: 'current' | 'previous', dimension: HotIssueCounts['dimension'], value: string | null, n: number, o: Partial<HotIssueCounts> = {}): HotIssueCounts => ({
  period,
  dimension,
  value,
  n,
  repeats: 0,
  frOnTime: 0,
  frLate: 0,
  resOnTime: 0,
  resLate: 0,
  ...o,
});
const meta = { from: 'a', to: 'b', previousFrom: 'c', previousTo: 'a', timeZone: 'Asia/Shanghai', computedAt: 'd' };

describe('hot issues', () => {
  it('rank by count (ties by key), against the previous period, leaving out complaints without a value', () => {
    const h = hotIssues(
      [
        row('current', 'rootCause', 'b.x', 3, { repeats: 1, resOnTime: 1, resLate: 1 }),
        row('current', 'rootCause', 'a.y', 3),
        row('current', 'rootCause', 'c.z', 5, { frOnTime: 4, frLate: 1 }),
        row('current', 'rootCause', null, 9),
        row('previous', 'rootCause', 'b.x', 6),
        row('previous', 'rootCause', 'gone', 4),
      ],
      { received: 20, previousReceived: 10, repeats: 1, withoutRootCause: 9 },
      meta,
    );
    expect(h.rootCauses.map((i) => [i.key, i.count, i.previous, i.change, i.changeRate, i.share])).toEqual([
      ['c.z', 5, 0, 5, null, 0.25],
      ['a.y', 3, 0, 3, null, 0.15],
      ['b.x', 3, 6, -3, -0.5, 0.15],
    ]);
    expect(h.rootCauses[0]!.firstResponseOnTime).toBe(0.8);
    expect(h.rootCauses[2]).toMatchObject({ repeatShare: 0.3333, resolutionOnTime: 0.5, resolutionSettled: 2 });
    expect([h.repeatShare, h.withoutRootCause]).toEqual([0.05, 9]);
  });

  it('the worst on-time rates first, over root causes, categories and products with settled deadlines', () => {
    const h = hotIssues(
      [
        row('current', 'rootCause', 'r', 4, { resOnTime: 3, resLate: 1 }),
        row('current', 'category', 'service', 4, { resOnTime: 1, resLate: 3 }),
        row('current', 'product', 'p', 2, { resOnTime: 1, resLate: 1 }),
        row('current', 'product', 'q', 2),
        row('current', 'rootCauseGroup', 'g', 4, { resOnTime: 0, resLate: 4 }),
      ],
      { received: 4, previousReceived: 0, repeats: 0, withoutRootCause: 0 },
      meta,
      2,
    );
    expect(h.worstOnTime.map((i) => [i.dimension, i.key, i.resolutionOnTime])).toEqual([
      ['category', 'service', 0.25],
      ['product', 'p', 0.5],
    ]);
    expect(h.products.map((i) => i.key)).toEqual(['p', 'q']);
  });
});
