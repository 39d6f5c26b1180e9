import type { NotificationInput } from '../trail.js';

/**
 * Notices derived from what a state change recorded rather than drafted by the process
 * (docs/notifications.md): the customer's acknowledgement and result notices, the chair's
 * sign-off request once a gate review reaches its quorum, and "report ready". Deriving them from
 * the audit events keeps them out of workflow code (and out of history): they are written with
 * the transition, in the same transaction, keyed to the event that caused them.
 *
 * Pure: no I/O.
 */

/** The part of an audit event derivation reads. */
export interface RecordedEvent {
  entityType: string;
  entityId: string;
  sourceKey: string;
  action: string;
  at: string | Date;
  after?: unknown;
  reason?: string | null;
}

export const customerNoticeKinds = ['acknowledgement', 'result', 'appeal_result', 'survey'] as const;
export type CustomerNoticeKind = (typeof customerNoticeKinds)[number];

/** A notice to the customer of one complaint, with the facts its template renders. */
export interface CustomerNotice {
  kind: CustomerNoticeKind;
  complaintId: string;
  /** Stable: the delivery's message id and the audit event's source key derive from it. */
  key: string;
  data: Record<string, unknown>;
}

/** A notice to staff, addressed like the ones processes draft. */
export type DerivedNotice = NotificationInput;

const record = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);

/**
 * The customer hears: that the complaint was received (with the first-response deadline), the
 * result once a resolution reaches them (resolved at once, or approved), and the decision on an
 * appeal. The written result carries the resolution's summary and remedy as the handler wrote
 * them for the customer.
 */
export function customerNoticeFor(e: RecordedEvent): CustomerNotice | undefined {
  if (e.entityType !== 'complaint') return undefined;
  const after = record(e.after);
  const base = { complaintId: e.entityId, key: `${e.sourceKey}:customer` };
  switch (e.action) {
    case 'complaint.received': {
      const deadlines = record(after.deadlines);
      return { ...base, kind: 'acknowledgement', data: { receivedAt: after.receivedAt ?? null, firstResponseDeadline: deadlines.firstResponse ?? null, resolutionDeadline: deadlines.resolution ?? null } };
    }
    case 'complaint.resolved':
      return { ...base, kind: 'result', data: { summary: text(after.summary, 500) ?? null, remedy: text(after.remedy, 500) ?? null } };
    case 'complaint.resolution_approved':
      return { ...base, kind: 'result', data: { summary: null, remedy: null, approved: true } };
    case 'complaint.appeal_decided':
      return { ...base, kind: 'appeal_result', data: { upheld: after.upheld === true, decision: text(after.decision, 500) ?? null } };
    default:
      return undefined;
  }
}

/**
 * The satisfaction survey's invitation to the customer (docs/surveys.md): what the template needs
 * to sign the one-time link at send time (the invitation and its end), never the link itself.
 */
export function surveyNoticeFor(e: RecordedEvent, invitation: { id: string; kind: string; expiresAt: string }): CustomerNotice {
  return { kind: 'survey', complaintId: e.entityId, key: `${e.sourceKey}:survey`, data: { invitationId: invitation.id, surveyKind: invitation.kind, expiresAt: new Date(invitation.expiresAt).toISOString() } };
}

/**
 * Staff notices no process drafts: the chair is asked to sign off when a vote brings a gate
 * review to its quorum; supervisors hear that a report is ready.
 */
export function derivedNoticesFor(e: RecordedEvent): DerivedNotice[] {
  const after = record(e.after);
  if (e.entityType === 'initiative' && (e.action === 'review.vote_cast' || e.action === 'review.vote_revised')) {
    const quorum = record(after.quorum);
    // The vote that first meets the quorum: cast == required (a revision never adds a voter).
    if (e.action === 'review.vote_cast' && quorum.met === true && quorum.cast === quorum.required) {
      return [
        {
          sourceKey: `${e.sourceKey}:signoff_requested`,
          recipientKind: 'level',
          recipient: 'committee_chair',
          topic: 'gate.signoff_requested',
          entityType: 'initiative',
          entityId: e.entityId,
          message: `The review of ${e.entityId} reached its quorum: your sign-off is requested`,
          data: { initiativeId: e.entityId, reviewId: after.reviewId ?? null, quorum },
        },
      ];
    }
    return [];
  }
  if (e.entityType === 'report' && (e.action === 'report.generated' || e.action === 'report.regenerated')) {
    return [
      {
        sourceKey: `${e.sourceKey}:report_ready`,
        recipientKind: 'role',
        recipient: 'supervisor',
        topic: 'report.ready',
        entityType: 'report',
        entityId: e.entityId,
        message: `The ${String(after.kind ?? '')} report ${String(after.period ?? e.entityId)} is ready`,
        data: { kind: after.kind ?? null, period: after.period ?? null, regenerated: e.action === 'report.regenerated' },
      },
    ];
  }
  return [];
}
