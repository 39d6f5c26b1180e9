import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Improvement actions (docs/improvements.md): one row per action, written by its workflow's
 * `recordImprovement` activity (only when its `version` is newer than the stored one). `view` is
 * the whole ImprovementView; the columns are what the board, the inbox and the source pages
 * filter on.
 */
export const improvementActions = pgTable(
  'improvement_actions',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    /** in_progress | awaiting_verification | closed */
    status: text('status').notNull(),
    /** committee | post_launch_review | hot_issue | incident | audit_finding | detractor_trend | supervisor */
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    ownerDepartment: text('owner_department').notNull(),
    ownerId: text('owner_id').notNull(),
    /** Null: the supervisors verify (a committee action raised while the roster had no chair). */
    verifierId: text('verifier_id'),
    raisedBy: text('raised_by').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'string' }).notNull(),
    due: timestamp('due', { withTimezone: true, mode: 'string' }).notNull(),
    /** pending | at_risk | overdue | met */
    dueState: text('due_state').notNull(),
    escalationLevel: integer('escalation_level').notNull().default(0),
    departmentHeadId: text('department_head_id'),
    chairUserId: text('chair_user_id'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    /** effective | not_effective | not_measurable, once checked */
    effectiveness: text('effectiveness'),
    view: jsonb('view').notNull(),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('improvement_actions_board').on(t.status, t.due),
    index('improvement_actions_source').on(t.sourceKind, t.sourceId),
    index('improvement_actions_owner').on(t.ownerId),
    index('improvement_actions_department').on(t.ownerDepartment),
  ],
);

/** The records each action is about (complaints, initiatives, incidents), for the pages of those records. */
export const improvementLinks = pgTable(
  'improvement_links',
  {
    improvementId: text('improvement_id').notNull(),
    /** complaint | initiative | incident */
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.improvementId, t.entityType, t.entityId] }), index('improvement_links_entity').on(t.entityType, t.entityId)],
);
