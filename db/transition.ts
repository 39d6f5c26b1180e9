import type { Transaction } from './client.js';
import { appendAuditEvent, type AuditEventInput } from './audit.js';
import { writeDerivedNotices } from './notifications.js';
import { notifications } from './schema/index.js';

/**
 * What one workflow state change leaves in the database besides its projection: the audit
 * events that describe it and the notifications it causes — those the process drafted and those
 * its events imply (the customer's notices, a review's sign-off request, a report ready:
 * `writeDerivedNotices`). Written inside the caller's transaction, idempotently (source keys),
 * so a retried activity changes nothing.
 */
export interface NotificationInput {
  sourceKey: string;
  recipientKind: 'user' | 'role' | 'department' | 'level';
  recipient: string;
  topic: string;
  entityType: string;
  entityId: string;
  message: string;
  data?: unknown;
}

export interface TransitionRecord {
  audit: AuditEventInput[];
  notifications?: NotificationInput[];
}

export async function writeTransition(tx: Transaction, record: TransitionRecord): Promise<void> {
  for (const event of record.audit) await appendAuditEvent(tx, event);
  if (record.notifications?.length) {
    await tx
      .insert(notifications)
      .values(record.notifications.map((n) => ({ ...n, data: n.data ?? null })))
      .onConflictDoNothing({ target: notifications.sourceKey });
  }
  await writeDerivedNotices(tx, record.audit);
}
