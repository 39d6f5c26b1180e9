import { bigint, customType, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres gives a Buffer, PGlite a Uint8Array.
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Closed workflow histories, archived so that compliance records outlive Temporal's retention
 * (architecture principle 6). `history` is the gzip of the history JSON (historyToJSON, the
 * format of Temporal's own tools); `sha256` is the hash of that JSON before compression, checked
 * on every read. One row per run; append-only (migration 0006). See audit/archive.ts.
 */
export const workflowHistories = pgTable(
  'workflow_histories',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workflowId: text('workflow_id').notNull(),
    runId: text('run_id').notNull(),
    workflowType: text('workflow_type').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    status: text('status').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }).notNull(),
    eventCount: integer('event_count').notNull(),
    history: bytea('history').notNull(),
    sha256: text('sha256').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('workflow_histories_run').on(t.workflowId, t.runId),
    index('workflow_histories_entity').on(t.entityType, t.entityId),
    index('workflow_histories_closed_at').on(t.closedAt),
  ],
);
