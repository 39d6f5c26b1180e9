/**
 * One meeting as a process: its first state, its view and projection row, the minutes' clock
 * (reminder to the chair, escalation to admin and compliance) and what its events record.
 *
 * Workflow-safe: pure (`now` is passed in).
 */
import { systemActor } from '../actor.js';
import { draft, notice, type Batch } from '../drafts.js';
import { decisionsFor, itemQuorum, meetingQuorum, recusedFrom } from './rules.js';
import type { ItemView, MeetingInput, MeetingSetup, MeetingState, MeetingView, MinutesClock } from './types.js';

export const meetingEntity = 'meeting' as const;

export const meetingWorkflowId = (id: string) => `meeting-${id}`;
/** The regular meeting of a month: `<yyyy-mm>`; the chair's extra ones `<yyyy-mm>-extra-<n>`. */
export const monthlyMeetingId = (month: string) => month;
export const extraMeetingId = (month: string, n: number) => `${month}-extra-${n}`;
export const meetingIdPattern = /^\d{4}-(0[1-9]|1[0-2])(-extra-[1-9]\d{0,2})?$/;

/** The month before `month` ('yyyy-mm'): the month a meeting reviews. */
export function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${String(y - 1).padStart(4, '0')}-12` : `${String(y).padStart(4, '0')}-${String(m - 1).padStart(2, '0')}`;
}

export function newMeetingState(setup: MeetingSetup): MeetingState {
  return { ...setup, status: 'in_session', attendance: [], decisions: {}, clock: null, signedAt: null, signedBy: null, eventSeq: 0 };
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export function meetingView(input: MeetingInput, state: MeetingState): MeetingView {
  const items: ItemView[] = state.items.map((i) => ({ ...i, recused: recusedFrom(state.roster, i), quorum: itemQuorum(state, i), decisions: decisionsFor(i.kind), decision: state.decisions[i.key] ?? null }));
  const c = state.clock;
  return {
    id: input.id,
    month: input.month,
    kind: input.kind,
    reviewedMonth: state.reviewedMonth,
    status: state.status,
    convenedBy: input.convenedBy.userId,
    convenedAt: input.convenedAt,
    reason: input.reason ?? null,
    chairUserId: state.chairUserId,
    roster: state.roster,
    attendance: state.attendance,
    quorum: meetingQuorum(state),
    items,
    minutes: { readyAt: iso(c?.readyAt), reminderAt: iso(c?.reminderAt), escalateAt: iso(c?.escalateAt), remindedAt: iso(c?.remindedAt), escalatedAt: iso(c?.escalatedAt), signedAt: state.signedAt, signedBy: state.signedBy },
    policyVersion: state.policyVersion,
    version: state.eventSeq,
  };
}

/** The projection row (db/meetings.ts). */
export interface MeetingRecord {
  id: string;
  workflowId: string;
  month: string;
  kind: string;
  status: string;
  chairUserId: string | null;
  convenedAt: string;
  signedAt: string | null;
  view: MeetingView;
  version: number;
}

export function meetingRecord(view: MeetingView, workflowId: string): MeetingRecord {
  return { id: view.id, workflowId, month: view.month, kind: view.kind, status: view.status, chairUserId: view.chairUserId, convenedAt: view.convenedAt, signedAt: view.minutes.signedAt, view, version: view.version };
}

export const meetingReference = (input: MeetingInput) => `committee meeting ${input.id}`;

/** The facts every audit event of a meeting shows. */
export function meetingSummary(state: MeetingState) {
  return { status: state.status, items: state.items.length, decided: Object.keys(state.decisions).length, present: state.attendance.map((a) => a.userId) };
}

// ── the minutes' clock ──────────────────────────────────────────────────────────────────────────

/** The next clock event, or null (no clock, signed, or all done). */
export function nextMinutesEvent(state: MeetingState): { kind: 'reminder' | 'escalation'; at: number } | null {
  const c = state.clock;
  if (!c || state.status !== 'minutes_ready') return null;
  if (c.remindedAt === undefined && c.reminderAt < c.escalateAt) return { kind: 'reminder', at: c.reminderAt };
  if (c.escalatedAt === undefined) return { kind: 'escalation', at: c.escalateAt };
  return null;
}

/** Applies the clock events due at `now` (stamped with their own instant); returns what to record. */
export function advanceMinutesClock(input: MeetingInput, state: MeetingState, now: number): Batch {
  const batch: Batch = { audit: [], notes: [] };
  const ref = meetingReference(input);
  for (let e = nextMinutesEvent(state), guard = 0; e && e.at <= now && guard < 5; e = nextMinutesEvent(state), guard++) {
    const c = state.clock as MinutesClock;
    const data = { meetingId: input.id, escalateAt: iso(c.escalateAt) };
    if (e.kind === 'reminder') {
      c.remindedAt = e.at;
      batch.audit.push(draft('meeting.minutes_reminder_sent', systemActor, e.at, null, { chair: state.chairUserId, escalateAt: iso(c.escalateAt) }));
      if (state.chairUserId) batch.notes.push(notice({ kind: 'user', id: state.chairUserId }, 'meeting.minutes_reminder', `${ref}: every item is decided; the minutes wait for your signature (escalated on ${iso(c.escalateAt)})`, data));
    } else {
      c.escalatedAt = e.at;
      if (c.remindedAt === undefined) c.remindedAt = e.at;
      const what = `${ref}: the minutes are still not signed by the chair${state.chairUserId ? ` (${state.chairUserId})` : ''}, ready since ${iso(c.readyAt)}`;
      batch.audit.push(draft('meeting.minutes_escalated', systemActor, e.at, null, { chair: state.chairUserId, readyAt: iso(c.readyAt) }, 'the minutes were not signed in time: escalated to the administrators and compliance'));
      batch.notes.push(notice({ kind: 'role', id: 'admin' }, 'meeting.minutes_escalated', what, data));
      batch.notes.push(notice({ kind: 'role', id: 'compliance_auditor' }, 'meeting.minutes_escalated', what, data));
      if (state.chairUserId) batch.notes.push(notice({ kind: 'user', id: state.chairUserId }, 'meeting.minutes_escalated', what, data));
    }
  }
  return batch;
}
