import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Committee meetings (docs/meetings.md): one row per meeting, written by the meeting workflow's
 * `recordMeeting` activity (only when its `version` is newer than the stored one). `view` is the
 * whole MeetingView (agenda, attendance, decisions, minutes); the columns are what lists and the
 * inbox filter on.
 */
export const meetings = pgTable(
  'meetings',
  {
    /** `<yyyy-mm>` or `<yyyy-mm>-extra-<n>`. */
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    month: text('month').notNull(),
    /** monthly | extra */
    kind: text('kind').notNull(),
    /** in_session | minutes_ready | signed */
    status: text('status').notNull(),
    chairUserId: text('chair_user_id'),
    convenedAt: timestamp('convened_at', { withTimezone: true, mode: 'string' }).notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'string' }),
    view: jsonb('view').notNull(),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_month').on(t.month, t.id), index('meetings_status').on(t.status)],
);
