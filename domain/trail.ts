/**
 * What a step of a process leaves in the record besides its projection: the audit events that
 * describe it and the notifications it causes. Plain data, built by the processes (in workflow
 * code and activities alike) and written by db/transition.ts, which gives each event its place in
 * its entity's hash chain (db/audit.ts).
 *
 * Workflow-safe: types and constants only.
 */

/**
 * The kinds of entity with an audit chain: the five of the API, generated reports, workflows of no
 * entity (a report's run, whose archived histories are chained under their workflow id), the
 * notification side (docs/notifications.md: the directory's people, the IM channels, the notices
 * to a complaint's customer), incidents, KPI target proposals, PII key runs and the PII access
 * log (domain/pii-access.ts), committee meetings.
 */
export const auditEntityTypes = ['initiative', 'complaint', 'policy', 'committee', 'calendar', 'report', 'workflow', 'person', 'im_channel', 'customer_notice', 'incident', 'target_proposal', 'pii_key', 'pii_access', 'improvement', 'meeting', 'erasure', 'legal_hold', 'survey', 'nps_campaign', 'follow_up', 'feedback'] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

/** An audit event before the chain gives it its place (seq, previous hash, hash). */
export interface AuditEventInput {
  entityType: AuditEntityType;
  entityId: string;
  /** Idempotency: the same source key is written once (e.g. `<workflowId>:<event seq>`). */
  sourceKey: string;
  actor: string;
  roles: string[];
  action: string;
  /** Any instant form; stored and hashed to the millisecond, UTC. */
  at: string | Date;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface NotificationInput {
  /** Idempotency: the same source key is queued once. */
  sourceKey: string;
  recipientKind: 'user' | 'role' | 'department' | 'level';
  recipient: string;
  topic: string;
  entityType: string;
  entityId: string;
  message: string;
  data?: unknown;
}

/** One step's audit events and notifications, written in the transaction of its projection. */
export interface TransitionRecord {
  audit: AuditEventInput[];
  notifications?: NotificationInput[];
}
