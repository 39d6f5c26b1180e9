import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Detractor follow-ups (docs/followups.md): one row per follow-up, written by its workflow's
 * `recordFollowUp` activity (only when its `version` is newer than the stored one). `view` is the
 * whole FollowUpView; the columns are what the inbox and the complaint page filter on. The id is
 * the answer's (survey_responses.id).
 */
export const followUps = pgTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    complaintId: text('complaint_id').notNull(),
    /** open | closed */
    status: text('status').notNull(),
    /** The complaint's accountable department, as snapshotted on the answer. */
    department: text('department').notNull(),
    /** The supervisors it is addressed to; empty: every supervisor. */
    supervisorIds: jsonb('supervisor_ids').$type<string[]>().notNull(),
    departmentHeadId: text('department_head_id'),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'string' }).notNull(),
    due: timestamp('due', { withTimezone: true, mode: 'string' }).notNull(),
    /** pending | at_risk | overdue | met */
    dueState: text('due_state').notNull(),
    escalationLevel: integer('escalation_level').notNull().default(0),
    /** contacted_resolved | contacted_unresolved | unreachable | no_action, once recorded */
    outcome: text('outcome'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    view: jsonb('view').notNull(),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('follow_ups_open').on(t.status, t.due), index('follow_ups_complaint').on(t.complaintId)],
);
