/**
 * Which work comes first: the one rule the work inbox, the complaint list and the web UI sort
 * by (docs/business-rules.md §2 "Deadlines"). A breached deadline before one at risk, at risk
 * before any other running deadline, soonest deadline first within each; items without a
 * running deadline last. The complaint list applies the same ranks in SQL
 * (db/complaints.ts `urgencySql`), built from `urgencyRanks` below.
 *
 * Workflow-safe: pure.
 */

/** The rank of a deadline state: lower is more urgent. A state not named here ranks as `running`. */
export const urgencyRanks = { breached: 0, at_risk: 1 } as const;
/** A running deadline that is neither breached nor at risk. */
export const runningRank = 2;
/** Nothing runs against the bank any more (a closed complaint). */
export const settledRank = 3;

export interface Urgent {
  /** The soonest running deadline (ISO-8601), or null when none runs. */
  deadline: string | null;
  /** pending, at_risk, breached (the deadline's state), if known. */
  deadlineState?: string | null;
}

export function urgencyRank(item: Urgent): number {
  const named = item.deadlineState ? (urgencyRanks as Record<string, number>)[item.deadlineState] : undefined;
  if (named !== undefined) return named;
  return item.deadline ? runningRank : settledRank;
}

/** For `Array.prototype.sort`: the most urgent first (see above). */
export function byUrgency(a: Urgent, b: Urgent): number {
  return urgencyRank(a) - urgencyRank(b) || instant(a.deadline) - instant(b.deadline);
}

function instant(deadline: string | null): number {
  const at = deadline ? Date.parse(deadline) : Number.NaN;
  return Number.isNaN(at) ? Number.MAX_SAFE_INTEGER : at;
}
