import type { Transaction } from './client.js';
import type { TransitionRecord } from '../domain/trail.js';
import { appendAuditEvent } from './audit.js';
import { writeDerivedNotices, type DerivedNoticeOptions } from './derived-notices.js';
import { notifications } from './schema/index.js';

/**
 * What one process step leaves besides its projection (domain/trail.ts): the audit events that
 * describe it and the notifications it causes — those the process drafted and those its events
 * imply (the customer's notices, a review's sign-off request, a report ready:
 * `writeDerivedNotices`). Written inside the caller's transaction, idempotently (source keys), so
 * a retried activity changes nothing.
 */
export async function writeTransition(tx: Transaction, record: TransitionRecord, o: DerivedNoticeOptions = {}): Promise<void> {
  for (const event of record.audit) await appendAuditEvent(tx, event);
  if (record.notifications?.length) {
    await tx
      .insert(notifications)
      .values(record.notifications.map((n) => ({ ...n, data: n.data ?? null })))
      .onConflictDoNothing({ target: notifications.sourceKey });
  }
  await writeDerivedNotices(tx, record.audit, o);
}
