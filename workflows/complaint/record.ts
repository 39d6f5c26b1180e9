import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { ComplaintRecord } from '../../db/complaints.js';
import type { AuditEventInput } from '../../db/audit.js';
import type { NotificationInput } from '../../db/transition.js';
import type { Actor } from '../../domain/actor.js';
import { clockView } from '../../domain/complaints/clock.js';
import { ownerForLevel } from '../../domain/complaints/escalation.js';
import { clockViews, nextDeadline } from '../../domain/complaints/sla.js';
import type { Owner } from '../../domain/complaints/types.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import type { Complaint } from './state.js';

/**
 * How a complaint's changes reach the database: the view, the projection row, and one batch of
 * audit events and notifications, all written by one local activity in one transaction. The
 * activity is idempotent on the events' source keys, so a retry writes nothing twice.
 */

// A short database write: local (no server round trip of its own), retried until it lands.
const { recordComplaint } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '100ms', maximumInterval: '5s' },
});

/** An audit event before it has its place in the complaint's chain. */
export interface AuditDraft {
  action: string;
  actor: Actor;
  at: number;
  reason?: string;
  before: unknown;
  after: unknown;
}
export type NoteDraft = Omit<NotificationInput, 'sourceKey' | 'entityType' | 'entityId'>;

/** What one step (a command, a clock event) records. */
export interface Batch {
  audit: AuditDraft[];
  notes: NoteDraft[];
}
/** What a step without due clock events adds (shared: callers only read it). */
export const nothingToRecord: Readonly<Batch> = Object.freeze({ audit: [], notes: [] });

export const iso = (ms: number) => new Date(ms).toISOString();

export function auditDraft(action: string, actor: Actor, at: number, before: unknown, after: unknown, reason?: string): AuditDraft {
  return { action, actor, at, before, after, ...(reason !== undefined ? { reason } : {}) };
}

export function note(to: Owner | { kind: 'role'; id: string }, topic: string, message: string, data?: unknown): NoteDraft {
  return { recipientKind: to.kind, recipient: to.id, topic, message, ...(data === undefined ? {} : { data }) };
}

/** How notices name the complaint. */
export const reference = (complaint: Complaint) => `complaint ${complaint.input.id} (${complaint.input.severity}, ${complaint.input.category})`;

/** The complaint as queries, commands and the projection show it (the API adds the customer). */
export function complaintView(complaint: Complaint): ComplaintView {
  const { input, state } = complaint;
  const now = Date.now();
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
    agentId: input.intakeBy.userId,
    department: state.department,
    escalationLevel: state.sla.level,
    escalatedTo: state.sla.level > 0 ? ownerForLevel(state.sla.level, { handlingOwner: state.owner }) : null,
    clocks: { ...clocks, firstResponse, resolution },
    deadlines: { firstResponse: firstResponse.deadline, resolution: resolution.deadline },
    paused: state.sla.pausedAt !== null,
    breaches: state.sla.breaches,
    responses: state.responses,
    transfers: state.transfers,
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
    version: state.eventSeq,
  };
}

/** The projection row: the view plus the columns lists and the inbox filter on. */
function projection(complaint: Complaint, view: ComplaintView): ComplaintRecord {
  const { input, state } = complaint;
  const next = state.status === 'closed' ? null : nextDeadline(state.sla);
  return {
    id: input.id,
    workflowId: complaint.workflowId,
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
    nextDeadline: next ? iso(next.deadline) : null,
    nextDeadlineState: next ? next.state : null,
    reopenCount: view.reopenCount,
    repeatOf: view.repeatOf,
    policyVersion: view.policyVersion,
    closedAt: view.closedAt,
    view,
    version: view.version,
  };
}

/**
 * Gives each drafted event its place in the chain (`<workflowId>:<eventSeq>`; notifications
 * `<workflowId>:<eventSeq>:n<i>`) and writes them with the projection. A batch without audit
 * events records nothing.
 */
export async function record(complaint: Complaint, batch: Batch): Promise<void> {
  if (batch.audit.length === 0) return;
  const { input, state, workflowId } = complaint;
  const audit: AuditEventInput[] = batch.audit.map((e) => ({
    entityType: 'complaint',
    entityId: input.id,
    sourceKey: `${workflowId}:${++state.eventSeq}`,
    actor: e.actor.userId,
    roles: e.actor.roles,
    action: e.action,
    at: iso(e.at),
    before: e.before,
    after: e.after,
    reason: e.reason ?? null,
  }));
  const notifications: NotificationInput[] = batch.notes.map((n, i) => ({
    ...n,
    sourceKey: `${workflowId}:${state.eventSeq}:n${i}`,
    entityType: 'complaint',
    entityId: input.id,
  }));
  await recordComplaint({ complaint: projection(complaint, complaintView(complaint)), audit, notifications });
}
