import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Feedback items (docs/feedback.md): one row per inquiry, suggestion or praise, written by its
 * workflow's `recordFeedback` activity (only when its `version` is newer than the stored one).
 * `view` is the whole FeedbackView; the columns are what the list, the inbox and the KPIs filter
 * on. The customer's details are sealed in complaint_customers under the item's id (`piiRef`), so
 * that erasure and key rotation cover them with the complaints'.
 */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    /** inquiry | suggestion | praise */
    kind: text('kind').notNull(),
    /** open | answered | routed | responded | credited | archived | reclassified */
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    /** The agent who logged it. */
    ownerId: text('owner_id').notNull(),
    /** A suggestion's product team (the department it was routed to). */
    department: text('department'),
    teamLeadId: text('team_lead_id'),
    initiativeOwnerId: text('initiative_owner_id'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** An inquiry's first-response due date and its state (pending | at_risk | breached | met). */
    due: timestamp('due', { withTimezone: true, mode: 'string' }),
    dueState: text('due_state'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
    /** Praise: person | department, and who. */
    creditKind: text('credit_kind'),
    creditId: text('credit_id'),
    /** Reclassified: the complaint opened from it. */
    complaintId: text('complaint_id'),
    /** Taken from a complaint reclassified as feedback. */
    fromComplaintId: text('from_complaint_id'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    view: jsonb('view').notNull(),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('feedback_items_received').on(t.receivedAt),
    index('feedback_items_status').on(t.status, t.kind),
    index('feedback_items_owner').on(t.ownerId),
    index('feedback_items_department').on(t.department),
    index('feedback_items_from_complaint').on(t.fromComplaintId),
  ],
);
