import { index, jsonb, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Personal-data erasure (docs/security.md "Customer data keys and erasure").
 *
 * `customer_data_keys`: one random 256-bit data key per customer (`customer_ref`), stored only
 * wrapped by the master PII key (`wrapped_key`, a `v2.<masterKeyId>…` value whose associated data
 * binds it to this row). Every customer value sealed since is `v3.<id>…` under it. An erasure
 * destroys the wrapped key (`wrapped_key` null, `erased_at`, `erasure_id`): what it sealed never
 * opens again. At most one live key per customer; a customer who comes back after an erasure gets
 * a new one.
 */
export const customerDataKeys = pgTable(
  'customer_data_keys',
  {
    id: text('id').primaryKey(),
    customerRef: text('customer_ref').notNull(),
    /** Null once erased. */
    wrappedKey: text('wrapped_key'),
    /** The master key id that wrapped it (null once erased). */
    masterKeyId: text('master_key_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    erasureId: text('erasure_id'),
  },
  (t) => [
    uniqueIndex('customer_data_keys_live').on(t.customerRef).where(sql`erased_at is null`),
    index('customer_data_keys_customer').on(t.customerRef),
    index('customer_data_keys_master').on(t.masterKeyId),
  ],
);

/**
 * Erasure requests (the projection of the erasure workflow, written by `recordErasure` only when
 * its version is newer). `view` is the whole ErasureView; the columns are what lists, the inbox
 * and the retention sweep filter on.
 */
export const erasures = pgTable(
  'erasures',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    customerRef: text('customer_ref').notNull(),
    /** requested | held | awaiting_approval | executing | completed | refused */
    status: text('status').notNull(),
    /** manual | retention */
    origin: text('origin').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'string' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    view: jsonb('view').notNull(),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('erasures_customer').on(t.customerRef, t.status), index('erasures_status').on(t.status), index('erasures_requested').on(t.requestedAt, t.id)],
);

/**
 * Legal holds (compliance): while a customer has a hold not lifted, no erasure of them executes.
 * Set and lifted by a compliance auditor with a reason, audited on the chain `legal_hold/<id>`.
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: text('id').primaryKey(),
    customerRef: text('customer_ref').notNull(),
    reason: text('reason').notNull(),
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true, mode: 'string' }).notNull(),
    liftedBy: text('lifted_by'),
    liftedAt: timestamp('lifted_at', { withTimezone: true, mode: 'string' }),
    liftReason: text('lift_reason'),
  },
  (t) => [index('legal_holds_customer').on(t.customerRef, t.liftedAt)],
);
