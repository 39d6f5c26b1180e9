/**
 * Spikes (docs/incidents.md): the watcher counts the complaints received in the current window
 * and in each of the `baselineWindows` windows before it, per product, root cause and channel,
 * and calls a value a spike when its current count reaches both `minCount` and `ratio` × the
 * baseline mean. A value never seen before has a baseline of 0: `minCount` alone decides.
 *
 * Workflow-safe: pure.
 */
import type { IncidentDimension, IncidentPolicy } from './policy.js';

export interface WindowCounts {
  dimension: IncidentDimension;
  value: string;
  /** Complaints in the current window. */
  current: number;
  /** Complaints in each baseline window (any order; missing windows count 0). */
  previous: number[];
}

export interface Spike {
  dimension: IncidentDimension;
  value: string;
  count: number;
  /** Mean complaints per window over the baseline windows. */
  baseline: number;
  /** The count the current window had to reach. */
  threshold: number;
}

/** The threshold a value's current window must reach. */
export function spikeThreshold(baseline: number, policy: Pick<IncidentPolicy, 'minCount' | 'ratio'>): number {
  return Math.max(policy.minCount, policy.ratio * baseline);
}

/** The spikes among the counts, strongest first (count over threshold, then count), of the watched dimensions only. */
export function detectSpikes(counts: readonly WindowCounts[], policy: Pick<IncidentPolicy, 'minCount' | 'ratio' | 'baselineWindows' | 'dimensions'>): Spike[] {
  const windows = Math.max(1, policy.baselineWindows);
  const spikes: Spike[] = [];
  for (const c of counts) {
    if (!policy.dimensions.includes(c.dimension)) continue;
    const baseline = Math.round((c.previous.reduce((a, b) => a + b, 0) / windows) * 10_000) / 10_000;
    const threshold = spikeThreshold(baseline, policy);
    if (c.current >= threshold && c.current > 0) spikes.push({ dimension: c.dimension, value: c.value, count: c.current, baseline, threshold });
  }
  return spikes.sort((a, b) => b.count / b.threshold - a.count / a.threshold || b.count - a.count || a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value));
}
