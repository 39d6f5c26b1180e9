import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

// Partial index: the dispatcher only ever scans undelivered rows.
const pending = sql`delivered_at IS NULL`;

/**
 * The notification outbox: written in the same transaction as the state change that causes it
 * (reminder, at-risk warning, escalation, compliance notice), delivered afterwards by an adapter.
 * `sourceKey` keeps a retried activity from queueing a notice twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceKey: text('source_key').notNull(),
    /** 'user' | 'role' | 'department' | 'level' */
    recipientKind: text('recipient_kind').notNull(),
    recipient: text('recipient').notNull(),
    topic: text('topic').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    message: text('message').notNull(),
    data: jsonb('data'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    uniqueIndex('notifications_source_key').on(t.sourceKey),
    index('notifications_pending').on(t.createdAt).where(pending),
    index('notifications_entity').on(t.entityType, t.entityId),
  ],
);
