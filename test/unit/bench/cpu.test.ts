import { describe, expect, it } from 'vitest';
import { meanCpuShare } from '../../../bench/lib/cpu.js';

describe('meanCpuShare (a scale level over its probes of equal size)', () => {
  it('gives each process the mean of its per-item figures, which for equal counts is its CPU over all the items', () => {
    // Probes of 200 items: worker 20 then 30 ms per item is 4 s + 6 s = 10 s over 400 items, 25 ms each.
    expect(meanCpuShare([{ worker: 20, api: 6, 'temporal.history': 8.05 }, { worker: 30, api: 7, 'temporal.history': 9 }])).toEqual({ worker: 25, api: 6.5, 'temporal.history': 8.53 });
  });

  it('keeps a process that was missing in one probe at the mean of the probes that saw it, and null where none did', () => {
    expect(meanCpuShare([{ worker: 20, floorWorker: null }, { worker: 30, floorWorker: null, restarted: 4 }])).toEqual({ worker: 25, floorWorker: null, restarted: 4 });
  });
});
