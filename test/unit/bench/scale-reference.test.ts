import { describe, expect, it } from 'vitest';
import { againstReference, changePct, pairRatios, probeOrder } from '../../../bench/lib/scale-reference.js';

describe('bench: the scale levels against a reference stack probed beside them', () => {
  it('divides each probe by the reference probe of its own pair, not by a level-wide figure', () => {
    expect(pairRatios([20, 30, 10], [25, 30, 20])).toEqual([0.8, 1, 0.5]);
  });

  it('cancels a drift of the machine that both stacks of a pair share', () => {
    // The machine runs a third slower at the last level; the filled stack is 5 % slower than the
    // reference at the first level and 12 % slower at the last: the open count's cost is the 7.4 %.
    const machine = [1, 1.1, 0.9];
    const drift = [0.67, 0.6, 0.7];
    const first = againstReference(machine.map((m) => 30 * m * 0.95), machine.map((m) => 30 * m));
    const last = againstReference(drift.map((m) => 30 * m * 0.88), drift.map((m) => 30 * m));
    expect(first).toBeCloseTo(0.95, 12);
    expect(last).toBeCloseTo(0.88, 12);
    expect(changePct(first, last)).toBe(-7.4);
  });

  it('takes the median of the pairs, so one disturbed pair does not move the level', () => {
    expect(againstReference([20, 20, 5], [20, 20, 20])).toBe(1);
  });

  it('refuses unpaired probes and a reference that measured nothing', () => {
    expect(() => pairRatios([1, 2], [1])).toThrow(/as many reference probes/);
    expect(() => pairRatios([1], [0])).toThrow(/no ratio/);
  });

  it('alternates which stack of a pair is probed first', () => {
    expect([0, 1, 2, 3].map((p) => probeOrder(p, 'filled', 'reference')[0])).toEqual(['reference', 'filled', 'reference', 'filled']);
  });
});
