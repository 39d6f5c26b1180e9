import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Proposals to change the KPI targets (docs/reports.md, "Targets"): one row per proposal, written
 * by its approval workflow's `recordTargetProposal` activity (only when its `version` is newer).
 * The targets in force are the `targets` policy, which only an approved proposal changes.
 */
export const targetProposals = pgTable(
  'target_proposals',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    /** pending | approved | rejected | lapsed */
    status: text('status').notNull(),
    proposedBy: text('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** Null when the roster had no chair (the proposal lapsed at once). */
    chairUserId: text('chair_user_id'),
    deadline: timestamp('deadline', { withTimezone: true, mode: 'string' }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    /** The targets version the proposal would replace. */
    baseVersion: integer('base_version').notNull(),
    view: jsonb('view').notNull(),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('target_proposals_status').on(t.status), index('target_proposals_proposed').on(t.proposedAt, t.id)],
);
