/**
 * What a complaint looks like from outside its process: the view (queries, command answers, the
 * projection's `view` column) and the projection row the lists and the inbox filter on. Built by
 * the workflow after every step and by the intake activity for the first one.
 *
 * Workflow-safe: pure (`now` is passed in).
 */
import { clockView } from './clock.js';
import { ownerForLevel } from './escalation.js';
import { firstResponder, firstResponderTeam, type ComplaintInput, type ComplaintState } from './process.js';
import { clockViews, nextDeadline } from './sla.js';
import type { ComplaintView } from './views.js';

/** The projection row as the workflow computes it (no PII: customerRef only). */
export interface ComplaintRecord {
  id: string;
  workflowId: string;
  status: string;
  channel: string;
  category: string;
  severity: string;
  customerRef: string;
  initiativeId: string | null;
  receivedAt: string;
  ownerKind: string;
  ownerId: string;
  agentId: string;
  department: string | null;
  escalationLevel: number;
  breached: boolean;
  chairUserId: string | null;
  signedOff: boolean;
  nextDeadline: string | null;
  nextDeadlineState: string | null;
  reopenCount: number;
  repeatOf: string[];
  policyVersion: number;
  closedAt: string | null;
  view: unknown;
  version: number;
}

/** The complaint as queries, commands and the projection show it (the API adds the customer). */
export function complaintView(input: ComplaintInput, state: ComplaintState, now: number): ComplaintView {
  const clocks = clockViews(state.sla, now);
  const firstResponse = clocks.firstResponse ?? clockView(state.sla.clocks.firstResponse!, now);
  const resolution = clocks.resolution ?? clockView(state.sla.clocks.resolution!, now);
  return {
    id: input.id,
    status: state.status,
    channel: input.channel,
    category: input.category,
    severity: input.severity,
    ...(input.initiativeId ? { initiativeId: input.initiativeId } : {}),
    description: input.description,
    receivedAt: input.receivedAt,
    customerRef: input.customerRef,
    owner: state.owner,
    agentId: firstResponder(input, state),
    agentTeam: firstResponderTeam(input, state),
    department: state.department,
    escalationLevel: state.sla.level,
    escalatedTo: state.sla.level > 0 ? ownerForLevel(state.sla.level, { handlingOwner: state.owner }) : null,
    clocks: { ...clocks, firstResponse, resolution },
    deadlines: { firstResponse: firstResponse.deadline, resolution: resolution.deadline },
    paused: state.sla.pausedAt !== null,
    breaches: state.sla.breaches,
    responses: state.responses,
    transfers: state.transfers,
    reassignments: state.reassignments ?? [],
    ...(state.reclassified ? { reclassified: state.reclassified } : {}),
    resolutions: state.resolutions,
    feedback: state.feedback,
    appeals: state.appeals,
    pauses: state.pauses,
    signoff: state.signoff,
    chairUserId: state.chairUserId,
    reopenCount: state.reopenCount,
    repeatOf: state.repeatOf,
    policyVersion: state.policyVersion,
    closedAt: state.closedAt,
    rootCause: state.rootCause ?? null,
    version: state.eventSeq,
  };
}

/** The projection row: the view plus the columns lists and the inbox filter on. */
export function complaintRecord(input: ComplaintInput, workflowId: string, state: ComplaintState, view: ComplaintView): ComplaintRecord {
  const next = state.status === 'closed' ? null : nextDeadline(state.sla);
  return {
    id: input.id,
    workflowId,
    status: view.status,
    channel: view.channel,
    category: view.category,
    severity: view.severity,
    customerRef: input.customerRef,
    initiativeId: input.initiativeId ?? null,
    receivedAt: input.receivedAt,
    ownerKind: view.owner.kind,
    ownerId: view.owner.id,
    agentId: view.agentId,
    department: view.department,
    escalationLevel: view.escalationLevel,
    breached: view.breaches.length > 0,
    chairUserId: view.chairUserId,
    signedOff: view.signoff !== null,
    nextDeadline: next ? new Date(next.deadline).toISOString() : null,
    nextDeadlineState: next ? next.state : null,
    reopenCount: view.reopenCount,
    repeatOf: view.repeatOf,
    policyVersion: view.policyVersion,
    closedAt: view.closedAt,
    view,
    version: view.version,
  };
}
