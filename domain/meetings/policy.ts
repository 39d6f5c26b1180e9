/**
 * The committee meeting policy (docs/meetings.md): when unsigned minutes remind the chair and
 * when they escalate to the administrators and compliance, counted from the moment every agenda
 * item is decided. An admin changes it (`PUT /api/v1/policies/meetings`); a meeting snapshots it
 * when it convenes.
 *
 * Workflow-safe: pure.
 */
import type { Duration } from '../duration.js';

export interface MeetingPolicy {
  /** After this long unsigned, the chair is reminded. */
  minutesReminder: Duration;
  /** After this long unsigned, the administrators and compliance are told. */
  minutesEscalation: Duration;
  /** How many of the hottest root causes the agenda lists. */
  hotIssues: number;
}

export const defaultMeetingPolicy: MeetingPolicy = {
  minutesReminder: { amount: 2, unit: 'business_day' },
  minutesEscalation: { amount: 5, unit: 'business_day' },
  hotIssues: 3,
};
