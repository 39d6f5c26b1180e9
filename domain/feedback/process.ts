/**
 * One feedback item as a process: its first state, its view and projection row, what its clock
 * events record, and how its audit events take their place in the item's chain.
 *
 * Workflow-safe: pure (`now` is passed in).
 */
import { systemActor } from '../actor.js';
import { draft, notice, placeBatch, type Batch } from '../drafts.js';
import type { TransitionRecord } from '../trail.js';
import { applyFirstResponseEvent, firstResponseOnTime, firstResponseState, nextFirstResponseEvent, type FirstResponseEvent } from './clock.js';
import type { FeedbackInput, FeedbackPolicy, FeedbackState, FeedbackView, FirstResponseClock } from './types.js';

export const feedbackEntity = 'feedback' as const;
export const feedbackWorkflowId = (id: string) => `feedback-${id}`;

const iso = (ms: number) => new Date(ms).toISOString();

export function newFeedbackState(input: FeedbackInput, o: { policy: FeedbackPolicy; policyVersion: number; clock: FirstResponseClock | null }): FeedbackState {
  return {
    status: 'open',
    ownerId: input.loggedBy.userId,
    policy: o.policy,
    policyVersion: o.policyVersion,
    clock: o.clock,
    answer: null,
    routing: null,
    response: null,
    links: { improvements: [], initiatives: input.initiativeId ? [input.initiativeId] : [] },
    credit: null,
    archive: null,
    reclassified: null,
    closedAt: null,
    eventSeq: 0,
  };
}

export const feedbackEnded = (state: FeedbackState) => state.status === 'archived' || state.status === 'reclassified';

export function feedbackView(input: FeedbackInput, state: FeedbackState): FeedbackView {
  const c = state.clock;
  return {
    id: input.id,
    kind: input.kind,
    status: state.status,
    channel: input.channel,
    description: input.description,
    receivedAt: input.receivedAt,
    initiativeId: input.initiativeId ?? null,
    customerRef: input.customerRef,
    loggedBy: { userId: input.loggedBy.userId, name: input.loggedBy.name },
    ownerId: state.ownerId,
    firstResponse: c ? { due: iso(c.due), atRiskAt: iso(c.atRiskAt), state: firstResponseState(c), metAt: c.metAt !== undefined ? iso(c.metAt) : null, onTime: firstResponseOnTime(c) } : null,
    answer: state.answer,
    routing: state.routing,
    response: state.response,
    links: state.links,
    credit: state.credit,
    archive: state.archive,
    reclassified: state.reclassified,
    reclassifiedFrom: input.reclassifiedFrom ?? null,
    closedAt: state.closedAt,
    policyVersion: state.policyVersion,
    version: state.eventSeq,
  };
}

/** The projection row (db/feedback.ts). */
export interface FeedbackRecord {
  id: string;
  workflowId: string;
  kind: string;
  status: string;
  channel: string;
  ownerId: string;
  department: string | null;
  teamLeadId: string | null;
  initiativeOwnerId: string | null;
  receivedAt: string;
  due: string | null;
  dueState: string | null;
  answeredAt: string | null;
  creditKind: string | null;
  creditId: string | null;
  complaintId: string | null;
  fromComplaintId: string | null;
  closedAt: string | null;
  view: FeedbackView;
  version: number;
}

export function feedbackRecord(input: FeedbackInput, workflowId: string, state: FeedbackState): FeedbackRecord {
  const view = feedbackView(input, state);
  return {
    id: input.id,
    workflowId,
    kind: input.kind,
    status: state.status,
    channel: input.channel,
    ownerId: state.ownerId,
    department: state.routing?.department ?? null,
    teamLeadId: state.routing?.teamLeadId ?? null,
    initiativeOwnerId: state.routing?.initiativeOwnerId ?? null,
    receivedAt: input.receivedAt,
    due: view.firstResponse?.due ?? null,
    dueState: view.firstResponse?.state ?? null,
    answeredAt: view.firstResponse?.metAt ?? null,
    creditKind: state.credit?.kind ?? null,
    creditId: state.credit?.id ?? null,
    complaintId: state.reclassified?.complaintId ?? null,
    fromComplaintId: input.reclassifiedFrom?.complaintId ?? null,
    closedAt: state.closedAt,
    view,
    version: view.version,
  };
}

/** The facts every audit event of an item shows before and after. */
export function feedbackSummary(state: FeedbackState) {
  return { status: state.status, owner: state.ownerId };
}

export const feedbackReference = (input: FeedbackInput) => `${input.kind} ${input.id.slice(0, 8)} (via ${input.channel})`;

export function placeFeedbackBatch(input: FeedbackInput, workflowId: string, state: FeedbackState, batch: Batch): Required<TransitionRecord> {
  return placeBatch(feedbackEntity, input.id, workflowId, state, batch);
}

/** `feedback.logged`: the intake facts (no customer details), the policy, the first-response target. */
export function loggedBatch(input: FeedbackInput, state: FeedbackState, now: number): Batch {
  return {
    audit: [
      draft(
        'feedback.logged',
        input.loggedBy,
        now,
        null,
        {
          ...feedbackSummary(state),
          kind: input.kind,
          channel: input.channel,
          receivedAt: input.receivedAt,
          initiativeId: input.initiativeId ?? null,
          firstResponseDue: state.clock ? iso(state.clock.due) : null,
          policyVersion: state.policyVersion,
          reclassifiedFrom: input.reclassifiedFrom ? { complaintId: input.reclassifiedFrom.complaintId } : null,
        },
        input.reclassifiedFrom?.reason,
      ),
    ],
    notes: [],
  };
}

/** The first-response events falling at or before `now`, applied in time order. */
export function advanceFirstResponse(state: FeedbackState, now: number): FirstResponseEvent[] {
  const out: FirstResponseEvent[] = [];
  if (!state.clock || feedbackEnded(state)) return out;
  for (let e = nextFirstResponseEvent(state.clock), guard = 0; e && e.at <= now && guard < 4; guard++) {
    state.clock = applyFirstResponseEvent(state.clock, e);
    out.push(e);
    e = nextFirstResponseEvent(state.clock);
  }
  return out;
}

/** The audit events and notices of the inquiry's clock: the owner hears at risk and overdue. */
export function firstResponseBatch(input: FeedbackInput, state: FeedbackState, events: FirstResponseEvent[]): Batch {
  const batch: Batch = { audit: [], notes: [] };
  if (!state.clock) return batch;
  const due = iso(state.clock.due);
  const owner = { kind: 'user' as const, id: state.ownerId };
  for (const e of events) {
    if (e.kind === 'at_risk') {
      batch.audit.push(draft('feedback.first_response_at_risk', systemActor, e.at, null, { due }));
      batch.notes.push(notice(owner, 'feedback.first_response_at_risk', `${feedbackReference(input)}: answer it by ${due}`, { feedbackId: input.id, due }));
    } else {
      batch.audit.push(draft('feedback.first_response_overdue', systemActor, e.at, null, { due }));
      batch.notes.push(notice(owner, 'feedback.first_response_overdue', `${feedbackReference(input)}: it was to be answered by ${due}`, { feedbackId: input.id, due }));
    }
  }
  return batch;
}
