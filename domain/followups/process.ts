/**
 * One detractor follow-up as a process: its first state, its view and projection row, the audit
 * events and notices of its opening, its clock and its outcome.
 *
 * Workflow-safe: pure (`now` is passed in).
 */
import { systemActor, type Actor } from '../actor.js';
import { draft, notice, placeBatch, type Batch } from '../drafts.js';
import type { TransitionRecord } from '../trail.js';
import { dueEvents, followUpDueState, nextClockEvent, recordedNote, type FollowUpEvent } from './rules.js';
import type { FollowUpClock, FollowUpInput, FollowUpOutcome, FollowUpPolicy, FollowUpState, FollowUpView } from './types.js';

export const followUpEntity = 'follow_up' as const;

const iso = (ms: number) => new Date(ms).toISOString();

export function newFollowUpState(o: { policy: FollowUpPolicy; policyVersion: number; clock: FollowUpClock; supervisorIds: string[]; departmentHeadId: string | null }): FollowUpState {
  return { status: 'open', policy: o.policy, policyVersion: o.policyVersion, supervisorIds: [...o.supervisorIds], departmentHeadId: o.departmentHeadId, clock: o.clock, level: 0, outcome: null, closedAt: null, eventSeq: 0 };
}

export const followUpOpen = (state: FollowUpState) => state.status === 'open';

export function followUpView(input: FollowUpInput, state: FollowUpState): FollowUpView {
  return {
    id: input.id,
    status: state.status,
    complaintId: input.complaintId,
    source: input.source,
    kind: input.kind,
    csat: input.csat,
    nps: input.nps,
    verbatim: input.verbatim,
    respondedAt: input.respondedAt,
    department: input.department,
    supervisorIds: state.supervisorIds,
    departmentHeadId: state.departmentHeadId,
    openedAt: input.openedAt,
    due: iso(state.clock.due),
    reminderAt: iso(state.clock.reminderAt),
    dueState: followUpDueState(state.clock, followUpOpen(state)),
    escalationLevel: state.level,
    outcome: state.outcome,
    closedAt: state.closedAt,
    policyVersion: state.policyVersion,
    version: state.eventSeq,
  };
}

/** The projection row (db/followups.ts). */
export interface FollowUpRecord {
  id: string;
  workflowId: string;
  complaintId: string;
  status: string;
  department: string;
  supervisorIds: string[];
  departmentHeadId: string | null;
  openedAt: string;
  due: string;
  dueState: string;
  escalationLevel: number;
  outcome: string | null;
  closedAt: string | null;
  view: FollowUpView;
  version: number;
}

export function followUpRecord(input: FollowUpInput, workflowId: string, state: FollowUpState): FollowUpRecord {
  const view = followUpView(input, state);
  return {
    id: input.id,
    workflowId,
    complaintId: input.complaintId,
    status: state.status,
    department: input.department,
    supervisorIds: state.supervisorIds,
    departmentHeadId: state.departmentHeadId,
    openedAt: input.openedAt,
    due: view.due,
    dueState: view.dueState,
    escalationLevel: state.level,
    outcome: state.outcome?.outcome ?? null,
    closedAt: state.closedAt,
    view,
    version: view.version,
  };
}

export function placeFollowUpBatch(input: FollowUpInput, workflowId: string, state: FollowUpState, batch: Batch): Required<TransitionRecord> {
  return placeBatch(followUpEntity, input.id, workflowId, state, batch);
}

const scores = (input: FollowUpInput) => [input.nps != null ? `NPS ${input.nps}` : null, input.csat != null ? `CSAT ${input.csat}` : null].filter(Boolean).join(', ');
const reference = (input: FollowUpInput) => `detractor follow-up of complaint ${input.complaintId} (${scores(input)})`;

/** The supervisors as notice addressees (every supervisor when none is named). */
export function supervisorAddressees(state: FollowUpState): { kind: 'user' | 'role'; id: string }[] {
  return state.supervisorIds.length ? state.supervisorIds.map((id) => ({ kind: 'user' as const, id })) : [{ kind: 'role' as const, id: 'supervisor' }];
}

const summary = (state: FollowUpState) => ({ status: state.status, due: iso(state.clock.due), escalationLevel: state.level, supervisors: state.supervisorIds });

/** `follow_up.opened`: the supervisors learn of the detractor and the deadline. */
export function openedBatch(input: FollowUpInput, state: FollowUpState, now: number): Batch {
  const due = iso(state.clock.due);
  return {
    audit: [
      draft('follow_up.opened', systemActor, now, null, {
        ...summary(state),
        complaintId: input.complaintId,
        responseId: input.id,
        source: input.source,
        csat: input.csat,
        nps: input.nps,
        department: input.department,
        departmentHead: state.departmentHeadId,
        policy: state.policy,
        policyVersion: state.policyVersion,
      }),
    ],
    notes: supervisorAddressees(state).map((to) => notice(to, 'follow_up.assigned', `${reference(input)}: call the customer back and record the outcome by ${due}`, { followUpId: input.id, complaintId: input.complaintId, due })),
  };
}

/** Applies the clock events falling at or before `now` (only while open); the batch to record. */
export function advanceFollowUp(input: FollowUpInput, state: FollowUpState, now: number): Batch {
  const batch: Batch = { audit: [], notes: [] };
  if (!followUpOpen(state)) return batch;
  const { clock, events } = dueEvents(state.clock, now);
  state.clock = clock;
  for (const e of events) addEvent(input, state, e, batch);
  return batch;
}

function addEvent(input: FollowUpInput, state: FollowUpState, e: FollowUpEvent, batch: Batch): void {
  const due = iso(state.clock.due);
  const data = { followUpId: input.id, complaintId: input.complaintId, due };
  if (e.kind === 'reminder') {
    batch.audit.push(draft('follow_up.reminder_sent', systemActor, e.at, null, { due }));
    for (const to of supervisorAddressees(state)) batch.notes.push(notice(to, 'follow_up.reminder', `${reference(input)}: due by ${due}`, data));
    return;
  }
  const from = state.level;
  state.level = 1;
  const head = state.departmentHeadId ? { kind: 'user' as const, id: state.departmentHeadId } : { kind: 'role' as const, id: 'supervisor' };
  batch.audit.push(draft('follow_up.escalated', systemActor, e.at, { escalationLevel: from }, { escalationLevel: 1, departmentHead: state.departmentHeadId, due }, `no outcome recorded by ${due}: escalated to the head of ${input.department}`));
  for (const to of supervisorAddressees(state)) batch.notes.push(notice(to, 'follow_up.overdue', `${reference(input)}: it was due by ${due}`, data));
  batch.notes.push(notice(head, 'follow_up.escalated', `${reference(input)}: no outcome recorded by ${due}`, data));
}

/** When the next clock event falls due (null: none). */
export function nextFollowUpEventAt(state: FollowUpState): number | null {
  return followUpOpen(state) ? (nextClockEvent(state.clock)?.at ?? null) : null;
}

/** The outcome recorded: the follow-up closes. */
export function outcomeBatch(input: FollowUpInput, state: FollowUpState, c: { actor: Actor; outcome: FollowUpOutcome; note: string }, now: number): Batch {
  const before = summary(state);
  const note = recordedNote(c.note);
  const late = state.clock.overdueAt !== undefined;
  state.status = 'closed';
  state.closedAt = iso(now);
  state.outcome = { outcome: c.outcome, note, by: c.actor.userId, byName: c.actor.name, at: iso(now) };
  return { audit: [draft('follow_up.outcome_recorded', c.actor, now, before, { ...summary(state), outcome: c.outcome, note, late, complaintId: input.complaintId })], notes: [] };
}
