import type { Transaction } from './client.js';
import type { TransitionRecord } from '../domain/trail.js';
import { appendAuditEvent } from './audit.js';
import { notifications } from './schema/index.js';

/**
 * Writes what one process step leaves besides its projection (domain/trail.ts) inside the
 * caller's transaction, idempotently (source keys), so a retried activity changes nothing.
 */
export async function writeTransition(tx: Transaction, record: TransitionRecord): Promise<void> {
  for (const event of record.audit) await appendAuditEvent(tx, event);
  if (record.notifications?.length) {
    await tx
      .insert(notifications)
      .values(record.notifications.map((n) => ({ ...n, data: n.data ?? null })))
      .onConflictDoNothing({ target: notifications.sourceKey });
  }
}
