import { boolean, integer, jsonb, pgTable, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';

/** The UX Management Committee as it stands now; each gate review snapshots it at submission. */
export const committeeMembers = pgTable('committee_members', {
  userId: text('user_id').primaryKey(),
  name: text('name').notNull(),
  department: text('department').notNull(),
  chair: boolean('chair').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Administrable policies, one row per kind ('review', 'sla', 'calendar'). `version` grows with
 * every change; running processes keep the version they started with.
 */
export const policies = pgTable('policies', {
  kind: text('kind').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * Idempotency-Key records for state-changing POSTs: a retry with the same key and body returns
 * the stored answer; the same key with another body is a conflict.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    body: jsonb('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] })],
);
