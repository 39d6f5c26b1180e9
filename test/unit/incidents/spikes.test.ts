import { describe, expect, it } from 'vitest';
import { defaultIncidentPolicy } from '../../../domain/incidents/policy.js';
import { detectSpikes, spikeThreshold } from '../../../domain/incidents/spikes.js';

const policy = { ...defaultIncidentPolicy, minCount: 5, ratio: 3, baselineWindows: 4 };

describe('spikes', () => {
  it('the threshold is the larger of minCount and ratio × the baseline', () => {
    expect(spikeThreshold(0, policy)).toBe(5);
    expect(spikeThreshold(1, policy)).toBe(5);
    expect(spikeThreshold(2.5, policy)).toBe(7.5);
  });

  it('a value never seen before spikes at minCount; one with a baseline at ratio × its mean', () => {
    const spikes = detectSpikes(
      [
        { dimension: 'product', value: 'new-card', current: 5, previous: [] },
        { dimension: 'product', value: 'quiet', current: 4, previous: [0, 0, 0, 0] },
        { dimension: 'channel', value: 'hotline', current: 29, previous: [10, 10, 10, 10] }, // threshold 30
        { dimension: 'channel', value: 'app', current: 30, previous: [10, 8, 12, 10] }, // threshold 30
        { dimension: 'rootCause', value: 'fees_pricing.undisclosed', current: 8, previous: [2, 1, 0, 3] }, // mean 1.5 → threshold 5
      ],
      policy,
    );
    expect(spikes).toEqual([
      { dimension: 'rootCause', value: 'fees_pricing.undisclosed', count: 8, baseline: 1.5, threshold: 5 },
      { dimension: 'channel', value: 'app', count: 30, baseline: 10, threshold: 30 },
      { dimension: 'product', value: 'new-card', count: 5, baseline: 0, threshold: 5 },
    ]);
  });

  it('the baseline is the mean over every baseline window (a missing window counts 0)', () => {
    const [spike] = detectSpikes([{ dimension: 'product', value: 'p', current: 6, previous: [4] }], policy);
    expect(spike).toEqual({ dimension: 'product', value: 'p', count: 6, baseline: 1, threshold: 5 });
  });

  it('only the watched dimensions count, and nothing is a spike without complaints', () => {
    expect(detectSpikes([{ dimension: 'channel', value: 'app', current: 50, previous: [] }], { ...policy, dimensions: ['product'] })).toEqual([]);
    expect(detectSpikes([{ dimension: 'product', value: 'p', current: 0, previous: [] }], { ...policy, minCount: 0 })).toEqual([]);
  });
});
