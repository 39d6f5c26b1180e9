import { sql } from 'drizzle-orm';
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

/**
 * Periodic checkpoints over every chain head (architecture principle 6), themselves a hash chain
 * and append-only. `headsHash` is sha256 of the canonical list of all chain heads at that moment;
 * the heads are recorded outside the chain tables (`audit_checkpoint_heads`, only those that
 * changed since the previous checkpoint), so a chain later truncated or rewritten — heads and all
 * — no longer matches what was recorded. See audit/checkpoint.ts.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    entityCount: integer('entity_count').notNull(),
    headsHash: text('heads_hash').notNull(),
    prevCheckpointHash: text('prev_checkpoint_hash'),
    hash: text('hash').notNull(),
  },
  // One successor per checkpoint (and one first checkpoint): the checkpoint chain never forks.
  (t) => [
    uniqueIndex('audit_checkpoints_prev').on(t.prevCheckpointHash),
    uniqueIndex('audit_checkpoints_first').on(sql`(${t.prevCheckpointHash} is null)`).where(sql`${t.prevCheckpointHash} is null`),
    uniqueIndex('audit_checkpoints_hash').on(t.hash),
  ],
);

/** The chain heads a checkpoint recorded: those new or changed since the checkpoint before it. */
export const auditCheckpointHeads = pgTable(
  'audit_checkpoint_heads',
  {
    checkpointId: bigint('checkpoint_id', { mode: 'number' })
      .notNull()
      .references(() => auditCheckpoints.id),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId, t.checkpointId] })],
);
