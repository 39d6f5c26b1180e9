import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Logger } from '../config/logger.js';
import type { Database } from '../db/client.js';
import { notifications } from '../db/schema/index.js';

/** Delivers one notification; throw to have it retried on the next sweep. */
export type NotificationAdapter = (n: typeof notifications.$inferSelect) => Promise<void>;

/** The default adapter writes notices to the log; a bank plugs in mail/SMS/IM here. */
export function logAdapter(logger: Logger): NotificationAdapter {
  return async (n) => {
    logger.info({ notification: { id: n.id, topic: n.topic, to: `${n.recipientKind}:${n.recipient}`, entity: `${n.entityType}/${n.entityId}` } }, n.message);
  };
}

/**
 * Sweeps the outbox and hands undelivered notices to the adapter. Rows are claimed with
 * SKIP LOCKED so several worker processes can sweep at once without sending a notice twice.
 */
export async function deliverPending(db: Database, adapter: NotificationAdapter, batch = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(notifications).where(isNull(notifications.deliveredAt)).orderBy(asc(notifications.id)).limit(batch).for('update', { skipLocked: true });
    let delivered = 0;
    for (const row of rows) {
      try {
        await adapter(row);
        await tx.update(notifications).set({ deliveredAt: sql`now()`, attempts: sql`${notifications.attempts} + 1` }).where(eq(notifications.id, row.id));
        delivered++;
      } catch {
        await tx.update(notifications).set({ attempts: sql`${notifications.attempts} + 1` }).where(eq(notifications.id, row.id));
      }
    }
    return delivered;
  });
}

/** Runs `deliverPending` every `intervalMs` until stopped. */
export function startDispatcher(db: Database, adapter: NotificationAdapter, logger: Logger, intervalMs = 2_000): { stop(): Promise<void> } {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    current = deliverPending(db, adapter).catch((err) => logger.warn({ err }, 'notification sweep failed; will retry'));
  }, intervalMs);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
