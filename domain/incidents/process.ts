/**
 * One incident as a process: its first state, its view and projection row, what its clock events
 * do and record, and how its audit events take their place in the incident's chain. The workflow
 * calls these after every step.
 *
 * Workflow-safe: pure (`now` is passed in).
 */
import { systemActor } from '../actor.js';
import { draft, notice, placeBatch, type AuditDraft, type Batch } from '../drafts.js';
import type { TransitionRecord } from '../trail.js';
import type { IncidentStep } from './policy.js';
import { applyStepEvent, levelAfter, nextEvent, stepOpen, type StepClock, type StepEvent } from './steps.js';
import { incidentComplaintsInView, incidentComplaintsKept, type IncidentInput, type IncidentState, type IncidentView, type LinkedComplaint, type StepView } from './types.js';

export const incidentEntity = 'incident' as const;

/** A new incident: open, waiting for a response owner, its spike's complaints linked. */
export function newIncidentState(input: IncidentInput, ownerStep: StepClock): IncidentState {
  return {
    status: 'open',
    owner: null,
    assignments: [],
    plans: [],
    review: null,
    steps: { owner: ownerStep },
    level: 0,
    breaches: [],
    complaints: input.complaintIds.map((id): LinkedComplaint => ({ id, at: input.raisedAt, via: 'spike' })),
    chairUserId: null,
    closedAt: null,
    eventSeq: 0,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

function stepView(c: StepClock): StepView {
  return {
    state: c.state,
    startedAt: iso(c.startedAt),
    deadline: iso(c.deadline),
    reminderAt: iso(c.reminderAt),
    ...(c.metAt !== undefined ? { metAt: iso(c.metAt) } : {}),
    ...(c.breachedAt !== undefined ? { breachedAt: iso(c.breachedAt) } : {}),
    ...(c.climbedAt !== undefined ? { climbedAt: iso(c.climbedAt) } : {}),
  };
}

/** The step still to be done, if any (at most one runs at a time). */
export function runningStep(state: IncidentState): StepClock | undefined {
  return Object.values(state.steps).find((c): c is StepClock => c !== undefined && stepOpen(c));
}

export function incidentView(input: IncidentInput, state: IncidentState): IncidentView {
  const steps: IncidentView['steps'] = {};
  for (const [name, c] of Object.entries(state.steps) as [IncidentStep, StepClock | undefined][]) if (c) steps[name] = stepView(c);
  return {
    id: input.id,
    status: state.status,
    trigger: input.trigger,
    raisedAt: input.raisedAt,
    owner: state.owner,
    assignments: state.assignments,
    plans: state.plans,
    review: state.review,
    steps,
    nextStep: runningStep(state)?.step ?? null,
    escalationLevel: state.level,
    breaches: state.breaches,
    complaints: state.complaints.slice(0, incidentComplaintsInView),
    complaintCount: linkedCount(state),
    chairUserId: state.chairUserId,
    policyVersion: input.policyVersion,
    closedAt: state.closedAt,
    version: state.eventSeq,
  };
}

/** The projection row (db/incidents.ts). */
export interface IncidentRecord {
  id: string;
  workflowId: string;
  status: string;
  dimension: string;
  value: string;
  raisedAt: string;
  windowFrom: string;
  windowTo: string;
  count: number;
  baseline: number;
  ownerId: string | null;
  escalationLevel: number;
  nextStep: string | null;
  nextDeadline: string | null;
  nextDeadlineState: string | null;
  complaintCount: number;
  closedAt: string | null;
  view: IncidentView;
  version: number;
}

export function incidentRecord(input: IncidentInput, workflowId: string, view: IncidentView): IncidentRecord {
  const next = view.nextStep ? view.steps[view.nextStep] : undefined;
  return {
    id: input.id,
    workflowId,
    status: view.status,
    dimension: input.trigger.dimension,
    value: input.trigger.value,
    raisedAt: input.raisedAt,
    windowFrom: input.trigger.windowFrom,
    windowTo: input.trigger.windowTo,
    count: input.trigger.count,
    baseline: input.trigger.baseline,
    ownerId: view.owner?.userId ?? null,
    escalationLevel: view.escalationLevel,
    nextStep: view.nextStep,
    nextDeadline: next?.deadline ?? null,
    nextDeadlineState: next?.state ?? null,
    complaintCount: view.complaintCount,
    closedAt: view.closedAt,
    view,
    version: view.version,
  };
}

// ── linked complaints ───────────────────────────────────────────────────────────────────────────

/** How many complaints are linked: the count, or (a state from before it was kept) the whole list's length. */
export function linkedCount(state: { complaints: readonly unknown[]; complaintCount?: number | undefined }): number {
  return state.complaintCount ?? state.complaints.length;
}

/** The view as answered: the first linked complaints and the count (projection rows written before the bound may hold every link). */
export function boundedIncidentView(view: IncidentView): IncidentView {
  return { ...view, complaints: view.complaints.slice(0, incidentComplaintsInView), complaintCount: linkedCount(view) };
}

/**
 * The state as it is kept since the patch `incident-links-in-table`: the count, and only the first
 * links (every link is in `incident_complaints`, written by the record activity). A state carried
 * over from an earlier run that kept every link is brought to it here: its count is its list's
 * length, then the list is cut to the first ones.
 */
export function keepLinksInTable(state: IncidentState): void {
  state.complaintCount = linkedCount(state);
  if (state.complaints.length > incidentComplaintsKept) state.complaints = state.complaints.slice(0, incidentComplaintsKept);
}

/**
 * One step's links under the patch `incident-links-in-table`: the ids the watcher signalled, in
 * order and each once, less those the state still knows (the first ones). Those already in the
 * table are skipped by the insert (the watcher only signals unlinked complaints; one signalled
 * twice in a race is linked once), and the count afterwards is the table's as of the step's own
 * links (`recordIncident` answers it, the same when run again). The state keeps the first links
 * up to its bound.
 */
export function linkSignalled(state: IncidentState, pending: readonly { ids: readonly string[]; at: string }[], now: number): { audit: AuditDraft[]; links: { complaintId: string; at: string }[] } {
  const kept = new Set(state.complaints.map((c) => c.id));
  const seen = new Set<string>();
  const added: LinkedComplaint[] = [];
  for (const batch of pending) {
    for (const id of batch.ids) {
      if (kept.has(id) || seen.has(id)) continue;
      seen.add(id);
      added.push({ id, at: batch.at, via: 'watch' });
    }
  }
  if (added.length === 0) return { audit: [], links: [] };
  const before = linkedCount(state);
  state.complaintCount = before + added.length;
  const room = incidentComplaintsKept - state.complaints.length;
  if (room > 0) state.complaints.push(...added.slice(0, room));
  return {
    audit: [draft('incident.complaints_linked', systemActor, now, { complaints: before }, { added: added.map((c) => c.id), complaints: state.complaintCount })],
    links: added.map((c) => ({ complaintId: c.id, at: c.at })),
  };
}

/** The facts every audit event of an incident shows before and after. */
export function incidentSummary(state: IncidentState) {
  return { status: state.status, owner: state.owner?.userId ?? null, escalationLevel: state.level };
}

// ── recording ───────────────────────────────────────────────────────────────────────────────────

/** How notices name the incident. */
export const incidentReference = (input: IncidentInput) => `incident ${input.id} (${input.trigger.count} complaints, ${input.trigger.dimension} ${input.trigger.value})`;

/** `<workflowId>:<eventSeq>` per event in the incident's chain. */
export function placeIncidentBatch(input: IncidentInput, workflowId: string, state: IncidentState, batch: Batch): Required<TransitionRecord> {
  return placeBatch(incidentEntity, input.id, workflowId, state, batch);
}

// ── the raise ───────────────────────────────────────────────────────────────────────────────────

/** `incident.raised`, told to the supervisors and to compliance. */
export function raisedBatch(input: IncidentInput, state: IncidentState, now: number): Batch {
  const owner = state.steps.owner!;
  const ref = incidentReference(input);
  const what = `${ref}: ${input.trigger.count} complaints in [${input.trigger.windowFrom}, ${input.trigger.windowTo}) against a baseline of ${input.trigger.baseline} per window; name a response owner by ${iso(owner.deadline)}`;
  return {
    audit: [draft('incident.raised', systemActor, now, null, { ...incidentSummary(state), trigger: input.trigger, complaints: input.complaintIds, policyVersion: input.policyVersion, policy: input.policy, ownerDeadline: iso(owner.deadline) })],
    notes: [
      notice({ kind: 'role', id: 'supervisor' }, 'incident.raised', what, { incidentId: input.id, deadline: iso(owner.deadline) }),
      notice({ kind: 'role', id: 'compliance_auditor' }, 'incident.raised', what, { incidentId: input.id }),
    ],
  };
}

// ── clock events ────────────────────────────────────────────────────────────────────────────────

/** A step event as applied: the escalation level before and after it. */
export type AppliedStepEvent = StepEvent & { fromLevel: number; toLevel: number };

/** The events due at `now`, in time order, applied to the state (the caller looks the chair up before drafting). */
export function advanceIncidentClocks(state: IncidentState, now: number): AppliedStepEvent[] {
  const events: AppliedStepEvent[] = [];
  for (let e = nextEvent(Object.values(state.steps).filter((c): c is StepClock => c !== undefined)), guard = 0; e && e.at <= now && guard < 100; guard++) {
    state.steps[e.step] = applyStepEvent(state.steps[e.step]!, e);
    const level = levelAfter(state.level, e);
    if (e.kind !== 'reminder') state.breaches.push({ step: e.step, at: iso(e.at), level });
    events.push({ ...e, fromLevel: state.level, toLevel: level });
    state.level = level;
    e = nextEvent(Object.values(state.steps).filter((c): c is StepClock => c !== undefined));
  }
  return events;
}

const stepWhat: Record<IncidentStep, string> = { owner: 'a response owner', plan: 'the response plan', review: 'the post-incident review' };

/** Who must act on a step: the supervisors name the owner; the owner plans and reviews. */
function actorOf(state: IncidentState, step: IncidentStep): { kind: 'user' | 'role'; id: string } {
  return step === 'owner' || state.owner === null ? { kind: 'role', id: 'supervisor' } : { kind: 'user', id: state.owner.userId };
}

/** The audit events and notices of applied clock events. */
export function clockBatch(input: IncidentInput, state: IncidentState, events: AppliedStepEvent[]): Batch {
  const ref = incidentReference(input);
  const batch: Batch = { audit: [], notes: [] };
  for (const e of events) {
    const c = state.steps[e.step]!;
    const deadline = iso(c.deadline);
    if (e.kind === 'reminder') {
      batch.audit.push(draft('incident.reminder_sent', systemActor, e.at, null, { step: e.step, deadline }));
      batch.notes.push(notice(actorOf(state, e.step), 'incident.reminder', `${ref}: ${stepWhat[e.step]} is due by ${deadline}`, { step: e.step, deadline }));
    } else if (e.kind === 'breach') {
      batch.audit.push(draft('incident.escalated', systemActor, e.at, { step: e.step, escalationLevel: e.fromLevel }, { step: e.step, escalationLevel: e.toLevel, deadline }, `${stepWhat[e.step]} was not done by ${deadline}: escalated to the supervisors`));
      const what = `${ref}: ${stepWhat[e.step]} was not done by ${deadline}`;
      batch.notes.push(notice(actorOf(state, e.step), 'incident.overdue', what, { step: e.step }));
      if (e.step !== 'owner') batch.notes.push(notice({ kind: 'role', id: 'supervisor' }, 'incident.escalated', what, { step: e.step, level: 1 }));
      batch.notes.push(notice({ kind: 'role', id: 'compliance_auditor' }, 'incident.escalated', what, { step: e.step, level: 1 }));
    } else {
      batch.audit.push(draft('incident.escalated', systemActor, e.at, { step: e.step, escalationLevel: e.fromLevel }, { step: e.step, escalationLevel: e.toLevel, chair: state.chairUserId }, `${stepWhat[e.step]} still not done one escalation window after ${deadline}: escalated to the committee chair`));
      const what = `${ref}: ${stepWhat[e.step]} is still not done (due ${deadline})`;
      batch.notes.push(notice(state.chairUserId ? { kind: 'user', id: state.chairUserId } : { kind: 'role', id: 'supervisor' }, 'incident.escalated', what, { step: e.step, level: 2 }));
      batch.notes.push(notice({ kind: 'role', id: 'compliance_auditor' }, 'incident.escalated', what, { step: e.step, level: 2 }));
    }
  }
  return batch;
}
