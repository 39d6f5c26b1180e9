import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { systemActor } from '../../domain/actor.js';
import { clockView } from '../../domain/complaints/clock.js';
import { escalationContact, levelName, maxEscalationLevel } from '../../domain/complaints/escalation.js';
import { advanceSla, nextSlaEventAt, type SlaEvent } from '../../domain/complaints/sla.js';
import type { Duration } from '../../domain/duration.js';
import { iso, note, reference, type AuditDraft, type Batch, type NoteDraft } from './record.js';
import { summary, type Complaint, type Summary } from './state.js';

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
  const state = complaint.state;
  const before = summary(state);
  const { state: sla, events } = advanceSla(state.sla, now);
  if (events.length === 0) return { audit: [], notes: [] };
  state.sla = sla;
  await lookUpChairAtCommitteeLevel(complaint);
  const batch: Batch = { audit: [], notes: [] };
  for (const e of events) batch.audit.push(...eventAudit(complaint, e, before)), batch.notes.push(...eventNotes(complaint, e));
  closePauseEntryIfCapped(complaint, events);
  return batch;
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

/** Who hears of an escalation to `level`: the supervisor, the department head or the chair. */
export function escalationNotes(complaint: Complaint, level: number, message: string): NoteDraft[] {
  const state = complaint.state;
  const contact = escalationContact(level, { handlingOwner: state.owner, ...(state.chairUserId ? { chairUserId: state.chairUserId } : {}) });
  return [note(contact, 'complaint.escalated', message, { level, levelName: levelName(level) })];
}

function eventAudit(complaint: Complaint, e: SlaEvent, before: Summary): AuditDraft[] {
  const state = complaint.state;
  switch (e.kind) {
    case 'at_risk':
      return [{ action: 'complaint.clock_at_risk', actor: systemActor, at: e.at, reason: `${e.clock} clock at ${state.sla.settings.atRiskRatio * 100}% of its window`, before: { clock: e.clock, state: 'pending' }, after: { clock: e.clock, state: 'at_risk', deadline: clockView(state.sla.clocks[e.clock]!).deadline } }];
    case 'breach':
      return [{ action: e.window === 0 ? 'complaint.clock_breached' : 'complaint.breach_escalated', actor: systemActor, at: e.at, reason: e.reason, before: { ...before, escalationLevel: e.fromLevel }, after: { ...summary(state), clock: e.clock, window: e.window, escalationLevel: e.toLevel } }];
    case 'pause_cap':
      return [{ action: 'complaint.resumed', actor: systemActor, at: e.at, reason: 'the pause allowance of the SLA policy is used up: the clocks run again', before: { paused: true }, after: { paused: false, pausedTotalMs: state.sla.pausedTotalMs } }];
  }
}

function eventNotes(complaint: Complaint, e: SlaEvent): NoteDraft[] {
  const state = complaint.state;
  const ref = reference(complaint);
  switch (e.kind) {
    case 'at_risk': {
      const notes = [note(state.owner, 'complaint.at_risk', `${ref}: the ${e.clock} deadline is near`, { clock: e.clock })];
      if (state.sla.level > 0) notes.push(...escalationNotes(complaint, state.sla.level, `${ref}: the ${e.clock} deadline is near`));
      return notes;
    }
    case 'breach': {
      const notes = [note(state.owner, 'complaint.breached', `${ref}: ${e.reason}`, { clock: e.clock, window: e.window, level: e.toLevel })];
      if (e.escalated) notes.push(...escalationNotes(complaint, e.toLevel, `${ref} escalated to you: ${e.reason}`));
      if (e.notifyCompliance) notes.push(note({ kind: 'role', id: 'compliance_auditor' }, 'complaint.compliance_notice', `${ref}: ${e.reason}`, { clock: e.clock, level: e.toLevel }));
      return notes;
    }
    case 'pause_cap':
      return [note(state.owner, 'complaint.resumed', `${ref}: the pause allowance is used up, the clocks run again`)];
  }
}

function closePauseEntryIfCapped(complaint: Complaint, events: SlaEvent[]): void {
  const cap = events.find((e) => e.kind === 'pause_cap');
  const open = complaint.state.pauses.at(-1);
  if (cap && open && open.resumedAt === undefined) Object.assign(open, { resumedAt: iso(cap.at), resumedBy: systemActor.userId, capped: true });
}
