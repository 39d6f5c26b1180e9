import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The audit trail: append-only, hash-chained per entity. `seq` is the event's position in its
 * entity's chain and `prevHash` the hash of the event before it, so an edit, deletion or
 * reordering is found at the exact event. `sourceKey` makes writes idempotent: a retried
 * activity (workflow id + event sequence) or admin request never adds a second row.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    seq: integer('seq').notNull(),
    sourceKey: text('source_key').notNull(),
    actor: text('actor').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull(),
    action: text('action').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    hash: text('hash').notNull(),
    prevHash: text('prev_hash'),
  },
  (t) => [
    uniqueIndex('audit_events_entity_seq').on(t.entityType, t.entityId, t.seq),
    uniqueIndex('audit_events_source_key').on(t.sourceKey),
    index('audit_events_actor_at').on(t.actor, t.at),
    index('audit_events_at').on(t.at),
  ],
);

/** The newest event of each entity's chain; locked while appending so chains never fork. */
export const auditChainHeads = pgTable(
  'audit_chain_heads',
  {
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId] })],
);
