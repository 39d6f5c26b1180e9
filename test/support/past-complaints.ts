import { randomUUID } from 'node:crypto';
import { complaintActivities } from '../../activities/complaints.js';
import type { ComplaintRecord } from '../../db/complaints.js';
import type { Database } from '../../db/client.js';

/**
 * Complaints received in the past, for KPI and report tests: the API only takes complaints
 * received now and closes them now, so these are written through the record activity's own code
 * path (`recordComplaint`, which derives the KPI facts and the working handling time with the
 * calendar), as the workflow would have written them.
 */
export interface PastComplaint {
  receivedAt: string;
  closedAt?: string;
  category: string;
  channel: string;
  severity: string;
  firstResponse: 'met' | 'breached' | 'pending';
  resolvedAt?: string;
  breaches?: { clock: string; at: string; level: number }[];
  feedback?: boolean[];
  repeatOf?: string[];
  /** The root cause its resolution named (code and group), the product it counts against. */
  rootCause?: { code: string; group: string; initiativeId?: string };
  initiativeId?: string;
  /** The first responder's team; the department it was transferred to. */
  agentTeam?: string;
  department?: string;
}

/** Writes a complaint of the past through the record activity (facts derived as in production); returns its id. */
export async function recordPastComplaint(db: Database, p: PastComplaint, agentId: string): Promise<string> {
  const id = randomUUID();
  const status = p.closedAt ? 'closed' : p.resolvedAt ? 'resolved' : p.firstResponse === 'met' ? 'responded' : 'open';
  const view = {
    id,
    status,
    channel: p.channel,
    category: p.category,
    severity: p.severity,
    description: 'historical',
    receivedAt: p.receivedAt,
    customerRef: `hist-${id}`,
    owner: { kind: 'user', id: agentId },
    agentId: agentId,
    agentTeam: p.agentTeam ?? null,
    department: p.department ?? null,
    ...(p.initiativeId ? { initiativeId: p.initiativeId } : {}),
    escalationLevel: Math.max(0, ...(p.breaches ?? []).map((b) => b.level)),
    clocks: {
      firstResponse: { state: p.firstResponse, deadline: p.receivedAt, ...(p.firstResponse === 'met' ? { metAt: p.receivedAt } : {}) },
      resolution: { state: p.resolvedAt ? 'met' : 'pending', deadline: p.receivedAt, ...(p.resolvedAt ? { metAt: p.resolvedAt } : {}) },
    },
    breaches: (p.breaches ?? []).map((b) => ({ ...b, window: 0 })),
    responses: [],
    transfers: [],
    resolutions: p.resolvedAt ? [{ at: p.resolvedAt, proposedBy: agentId, summary: 's', remedy: 'r', state: 'accepted', source: 'handler' }] : [],
    feedback: (p.feedback ?? []).map((satisfied) => ({ at: p.closedAt ?? p.receivedAt, by: agentId, satisfied, via: 'callback', comment: '' })),
    appeals: [],
    pauses: [],
    signoff: null,
    chairUserId: null,
    reopenCount: (p.feedback ?? []).filter((s) => !s).length,
    repeatOf: p.repeatOf ?? [],
    policyVersion: 0,
    closedAt: p.closedAt ?? null,
    rootCause: p.rootCause ? { code: p.rootCause.code, group: p.rootCause.group, initiativeId: p.rootCause.initiativeId ?? null, taxonomyVersion: 0, by: agentId, at: p.resolvedAt ?? p.receivedAt, via: 'resolution' } : null,
    version: 1,
  };
  const record: ComplaintRecord = {
    id,
    workflowId: `complaint-${id}`,
    status,
    channel: p.channel,
    category: p.category,
    severity: p.severity,
    customerRef: view.customerRef,
    initiativeId: p.initiativeId ?? null,
    receivedAt: new Date(p.receivedAt).toISOString(),
    ownerKind: 'user',
    ownerId: agentId,
    agentId: agentId,
    department: p.department ?? null,
    escalationLevel: view.escalationLevel,
    breached: view.breaches.length > 0,
    chairUserId: null,
    signedOff: false,
    nextDeadline: null,
    nextDeadlineState: null,
    reopenCount: view.reopenCount,
    repeatOf: view.repeatOf,
    policyVersion: 0,
    closedAt: p.closedAt ? new Date(p.closedAt).toISOString() : null,
    view,
    version: 1,
  };
  await complaintActivities(db).recordComplaint({ complaint: record, audit: [], notifications: [] });
  return id;
}
