import type { Batch } from '../../domain/drafts.js';
import { nextFirstResponseEvent } from '../../domain/feedback/clock.js';
import { advanceFirstResponse, feedbackEnded, firstResponseBatch } from '../../domain/feedback/process.js';
import type { Feedback } from './state.js';

/**
 * The item's one clock (domain/feedback/clock.ts): an inquiry's first-response target, at risk and
 * overdue, told to the owner. The due date came from the business calendar at intake (recorded in
 * history); suggestions and praise have no clock.
 */
export function nextClockEventAt(feedback: Feedback): number | null {
  const s = feedback.state;
  if (!s.clock || feedbackEnded(s)) return null;
  return nextFirstResponseEvent(s.clock)?.at ?? null;
}

export function clockEventDue(feedback: Feedback, now: number): boolean {
  const at = nextClockEventAt(feedback);
  return at !== null && at <= now;
}

export function advanceClocks(feedback: Feedback, now: number): Batch {
  const { input, state } = feedback;
  return firstResponseBatch(input, state, advanceFirstResponse(state, now));
}
