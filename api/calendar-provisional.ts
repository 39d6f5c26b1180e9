import type { BusinessCalendar } from '../domain/calendar.js';
import type { DurationUnit } from '../domain/duration.js';
import type { SlaPolicy } from '../domain/policies.js';

/**
 * `provisional: true` for the API's deadlines that rest on days without an official holiday
 * schedule (domain/calendar/provisional.ts), derived when a complaint or a review is presented
 * (api/present/deadlines.ts), from what the projection holds, on the calendar in force: the flag
 * disappears as soon as the year is imported. The complaint's own start instant of each clock is
 * not in its view, so the receipt is used: no clock starts earlier, so a deadline is never wrongly
 * called firm.
 */

/** What a complaint view needs to have for its clocks to be judged. */
export interface ComplaintClocks {
  receivedAt: string;
  severity: 'general' | 'major' | 'urgent';
  policyVersion: number;
  clocks: Record<string, { state: string; deadline: string } | undefined>;
}

const runningStates = new Set(['pending', 'at_risk', 'paused']);

/** The unit each clock counts in under an SLA policy (unknown clock: undefined, judged as working days). */
function unitOf(clock: string, severity: ComplaintClocks['severity'], policy: SlaPolicy): DurationUnit | undefined {
  switch (clock) {
    case 'firstResponse':
      return policy.firstResponse.unit;
    case 'resolution':
      return policy.resolution[severity].unit;
    case 'customerFeedback':
      return policy.customerFeedback.unit;
    case 'investigation':
      return policy.transferInvestigation.unit;
    case 'appeal':
      return policy.appealDecision.unit;
    default:
      return undefined;
  }
}

/**
 * For each running clock (pending, at risk, paused), whether its deadline is provisional. The SLA
 * policy tells the clocks' units only when it is the very version the complaint runs under
 * (`policy.version === view.policyVersion`); otherwise every clock is judged as working days.
 * Met and breached clocks are settled: never provisional.
 */
export function provisionalClocks(view: ComplaintClocks, calendar: BusinessCalendar, policy?: { version: number; value: SlaPolicy }): Record<string, boolean> {
  const from = new Date(view.receivedAt);
  const known = policy && policy.version === view.policyVersion ? policy.value : undefined;
  const flags: Record<string, boolean> = {};
  for (const [name, clock] of Object.entries(view.clocks)) {
    if (!clock) continue;
    const unit = known ? unitOf(name, view.severity, known) : undefined;
    flags[name] = runningStates.has(clock.state) && calendar.isProvisional(from, new Date(clock.deadline), unit);
  }
  return flags;
}

/** The view with `provisional` on each clock, as the API would present it. */
export function withProvisionalClocks<V extends ComplaintClocks>(view: V, flags: Record<string, boolean>): V {
  const clocks = Object.fromEntries(Object.entries(view.clocks).map(([name, clock]) => [name, clock && { ...clock, provisional: flags[name] ?? false }]));
  return { ...view, clocks };
}

/** Whether an open review's deadline is provisional (the review policy's unit when known); an escalated or decided one is settled. */
export function provisionalReview(review: { status: string; openedAt: string; deadline: string }, calendar: BusinessCalendar, unit?: DurationUnit): boolean {
  if (review.status !== 'open') return false;
  return calendar.isProvisional(new Date(review.openedAt), new Date(review.deadline), unit);
}
