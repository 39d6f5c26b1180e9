import { describe, expect, it } from 'vitest';
import { combine } from '../../../bench/lib/combine.js';

describe('bench: combining repeated runs', () => {
  it('takes the median of every number at any depth, not the last run’s', () => {
    const out = combine([
      { perSecond: 30, p99Ms: 900, cpuMsPerItem: { worker: 20, api: 6 }, halfPeak: { p99Ms: 120, perCommandP99Ms: { intake: 100 } }, probes: [{ perSecond: 10 }, { perSecond: 1 }] },
      { perSecond: 10, p99Ms: 100, cpuMsPerItem: { worker: 40, api: 2 }, halfPeak: { p99Ms: 80, perCommandP99Ms: { intake: 300 } }, probes: [{ perSecond: 30 }, { perSecond: 3 }] },
      { perSecond: 20, p99Ms: 500, cpuMsPerItem: { worker: 30, api: 4 }, halfPeak: { p99Ms: 500, perCommandP99Ms: { intake: 200 } }, probes: [{ perSecond: 20 }, { perSecond: 2 }] },
    ]);
    expect(out).toMatchObject({
      runs: 3,
      perSecond: 20,
      p99Ms: 500,
      cpuMsPerItem: { worker: 30, api: 4 },
      halfPeak: { p99Ms: 120, perCommandP99Ms: { intake: 200 } },
      probes: [{ perSecond: 20 }, { perSecond: 2 }],
      spread: { median: 20, min: 10, max: 30 },
    });
    expect(out.each).toHaveLength(3);
  });

  it('holds a boolean only if it held in every run, keeps agreeing text, lists disagreeing text', () => {
    const out = combine([
      { allEscalated: true, shape: 'no-op', engine: 'dev' },
      { allEscalated: false, shape: 'no-op', engine: 'cluster' },
    ]);
    expect(out).toMatchObject({ allEscalated: false, shape: 'no-op', engine: ['dev', 'cluster'] });
  });

  it('a single run is itself, without a list of runs', () => {
    const out = combine([{ perSecond: 12.5, floor: { perSecond: 25 }, ratio: 0.5 }]);
    expect(out).toEqual({ runs: 1, perSecond: 12.5, floor: { perSecond: 25 }, ratio: 0.5, spread: { median: 12.5, min: 12.5, max: 12.5, runs: [12.5] } });
  });
});
