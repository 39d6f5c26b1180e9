import { median, round } from './stats.js';

/**
 * The scale target compares the intake at one open count with the intake at another, and the
 * levels are measured many minutes apart (an hour of filling lies between 1k and 50k). On this
 * machine the speed of every process drifts together by up to a quarter between such moments
 * (docs/performance.md, "The buffer cache measured, and the machine's drift found"), more than the
 * 10 % the target allows. So each probe of the stack being filled is paired with a probe of a
 * second stack, the reference, held near the first level and probed right beside it (which of the
 * two goes first alternates). Both probes of a pair meet the machine in the same minute; the
 * pair's ratio carries the open count's effect, and the drift, which both share, divides out.
 */

/** Each probe's rate over its reference probe's (the pairs in the order they were measured). */
export function pairRatios(rates: readonly number[], referenceRates: readonly number[]): number[] {
  if (rates.length !== referenceRates.length) throw new Error(`pairs need as many reference probes as probes (${rates.length} against ${referenceRates.length})`);
  return rates.map((rate, i) => {
    const reference = referenceRates[i]!;
    if (!(reference > 0)) throw new Error(`a reference probe measured ${reference}/s: no ratio`);
    return rate / reference;
  });
}

/** A level's figure against the reference: the median of its pairs' ratios (unrounded: changes are taken from it). */
export function againstReference(rates: readonly number[], referenceRates: readonly number[]): number {
  return median(pairRatios(rates, referenceRates));
}

/**
 * The change from one figure to another, in per cent. Of the levels' figures against the
 * reference it is the scale target's figure with the machine's drift divided out: at the first
 * level both stacks hold about as many open complaints, so its figure is what the two stacks
 * differ by at the same size (near 1 when they are alike); the last level's over it is what the
 * open complaints cost.
 */
export function changePct(from: number, to: number): number {
  return round((to / from - 1) * 100);
}

/**
 * Which stack pair `p` measures first: the reference on even pairs, so neither always follows the
 * other. `p` counts the pairs of the whole run, not of a level: restarted at every level, the
 * reference would always be probed first, right after the filled stack's fill.
 */
export function probeOrder<T>(p: number, filled: T, reference: T): [T, T] {
  return p % 2 === 0 ? [reference, filled] : [filled, reference];
}
