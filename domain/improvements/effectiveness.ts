/**
 * The effectiveness check (docs/improvements.md "Did it work?"): a policy period after the action
 * closed, the complaints of its measure (a root cause, a product or a category) received in that
 * period are compared with those of a period of the same length before the action was raised.
 *
 * Workflow-safe: pure.
 */
import type { EffectivenessVerdict } from './types.js';

/** The two periods compared: [raisedAt - length, raisedAt) and [closedAt, closedAt + length). */
export function comparisonPeriods(raisedAt: number, closedAt: number, checkAt: number): { before: { from: number; to: number }; after: { from: number; to: number } } {
  const length = Math.max(0, checkAt - closedAt);
  return { before: { from: raisedAt - length, to: raisedAt }, after: { from: closedAt, to: closedAt + length } };
}

/**
 * Effective when the count fell by at least `requiredFall` (a share, 0 = any fall); not measurable
 * without a measure or when there was nothing before to fall from; not effective otherwise.
 */
export function effectivenessVerdict(before: number | null, after: number | null, requiredFall: number): EffectivenessVerdict {
  if (before === null || after === null || !(before > 0) || !(after >= 0)) return 'not_measurable';
  const fall = Math.min(Math.max(requiredFall, 0), 1);
  return after < before && after <= before * (1 - fall) ? 'effective' : 'not_effective';
}
