import type { Batch } from '../../domain/drafts.js';
import { advanceFollowUp, nextFollowUpEventAt } from '../../domain/followups/process.js';
import type { FollowUp } from './state.js';

/**
 * The follow-up's clock (the rules: domain/followups/rules.ts): while open, the reminder to the
 * supervisors and the deadline (overdue: escalated to the department head). The deadline came
 * from the business calendar through an activity at opening, recorded in history.
 */
export function nextClockEventAt(followUp: FollowUp): number | null {
  return nextFollowUpEventAt(followUp.state);
}

export function clockEventDue(followUp: FollowUp, now: number): boolean {
  const at = nextClockEventAt(followUp);
  return at !== null && at <= now;
}

/** Applies what fell due at `now`. */
export function advanceClocks(followUp: FollowUp, now: number): Batch {
  return advanceFollowUp(followUp.input, followUp.state, now);
}
