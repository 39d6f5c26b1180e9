import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { maxEscalationLevel } from '../../domain/complaints/escalation.js';
import { advanceClockState, clockEventsBatch, iso, type Batch } from '../../domain/complaints/events.js';
import { nextSlaEventAt } from '../../domain/complaints/sla.js';
import type { Duration } from '../../domain/duration.js';
import type { Complaint } from './state.js';

/**
 * The complaint's deadlines (the rules are in domain/complaints/sla.ts): which clock event falls
 * due next, and what happens when one does — at-risk warnings, breaches, escalation up the
 * ladder, the pause allowance running out. Events are stamped with the instant the rule says,
 * whoever woke the workflow (a timer or a command), so a late worker records the same history.
 */

// Calendar and roster reads: short database reads, local, their results recorded in history.
const { computeDeadlines, committeeChair } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

/** When the next clock event falls due (null: nothing runs). */
export function nextClockEventAt(complaint: Complaint): number | null {
  return nextSlaEventAt(complaint.state.sla);
}

/**
 * Whether a clock event falls due by `now`. Most steps find none and skip `advanceClocks`
 * altogether: every promise a workflow creates costs the SDK a stack capture, so the hot paths
 * await only what they must.
 */
export function clockEventDue(complaint: Complaint, now: number): boolean {
  const at = nextSlaEventAt(complaint.state.sla);
  return at !== null && at <= now;
}

/** Applies every clock event due at `now`; returns what to record (the chair looked up if needed). */
export async function advanceClocks(complaint: Complaint, now: number): Promise<Batch> {
  const { events, before } = advanceClockState(complaint.state, now);
  if (events.length === 0) return { audit: [], notes: [] };
  await lookUpChairAtCommitteeLevel(complaint);
  return clockEventsBatch(complaint.input, complaint.state, events, before);
}

/** The deadline `duration` after `from` on the business calendar (an activity: holiday data changes). */
export async function deadlineAfter(from: number, duration: Duration): Promise<number> {
  const [deadline] = await computeDeadlines([{ from: iso(from), duration }]);
  return Date.parse(deadline!);
}

/** The chair is snapshotted once the complaint reaches the committee level (and looked up again while unknown). */
export async function lookUpChairAtCommitteeLevel(complaint: Complaint): Promise<void> {
  const state = complaint.state;
  if (state.sla.level >= maxEscalationLevel && state.chairUserId === null) state.chairUserId = await committeeChair();
}

/** Looks the chair up now, whatever the level (a sign-off, an escalation to the chair). */
export async function lookUpChair(complaint: Complaint): Promise<void> {
  complaint.state.chairUserId = await committeeChair();
}
