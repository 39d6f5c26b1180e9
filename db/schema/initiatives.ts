import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Projections of the initiative workflows (workflows/initiative.ts), written only by the
 * `recordInitiative` activity in the same transaction as the audit events that describe each
 * change. The workflow is the source of truth; these rows serve reads (GET, lists, the work
 * inbox, reports). `projectionVersion` is the workflow's event sequence at the write, so a late
 * retry of an older write never overwrites newer state.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const initiatives = pgTable(
  'initiatives',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    businessLine: text('business_line').notNull(),
    description: text('description').notNull(),
    team: text('team').notNull(),
    owner: text('owner').notNull(),
    ownerName: text('owner_name').notNull(),
    stage: text('stage').notNull(),
    status: text('status').notNull(),
    /** Version of the next submission at this stage; null once the initiative has ended. */
    nextVersion: integer('next_version'),
    currentReviewId: text('current_review_id'),
    /** The committee's comments while changes are requested. */
    requestedChanges: jsonb('requested_changes').$type<string[]>(),
    withdrawal: jsonb('withdrawal'),
    /** Post-launch monitoring state (window, count, review item), once launched. */
    postLaunch: jsonb('post_launch'),
    /** Set when the process ended other than by completing (domain/process-end.ts); null otherwise. */
    processEnded: jsonb('process_ended'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    projectionVersion: integer('projection_version').notNull(),
  },
  (t) => [
    index('initiatives_created').on(t.createdAt, t.id),
    index('initiatives_stage_status').on(t.stage, t.status),
    index('initiatives_team').on(t.team),
  ],
);

/** One row per gate review (every submission, every version), kept after the decision. */
export const gateReviews = pgTable(
  'gate_reviews',
  {
    id: text('id').primaryKey(),
    initiativeId: text('initiative_id').notNull(),
    /** 1, 2, … in the order the reviews were opened. */
    seq: integer('seq').notNull(),
    stage: text('stage').notNull(),
    version: integer('version').notNull(),
    /** open | escalated | decided | withdrawn */
    status: text('status').notNull(),
    openedAt: ts('opened_at').notNull(),
    deadline: ts('deadline').notNull(),
    reminderAt: ts('reminder_at').notNull(),
    submittedBy: text('submitted_by').notNull(),
    chair: text('chair').notNull(),
    eligible: jsonb('eligible').$type<string[]>().notNull(),
    recused: jsonb('recused').$type<string[]>().notNull(),
    quorum: jsonb('quorum').$type<{ required: number; cast: number; met: boolean }>().notNull(),
    deliverables: jsonb('deliverables').notNull(),
    policyVersion: integer('policy_version').notNull(),
    carriedComments: jsonb('carried_comments').$type<string[]>(),
    remindedAt: ts('reminded_at'),
    escalatedAt: ts('escalated_at'),
    extension: jsonb('extension'),
    outcome: text('outcome'),
    signedOffBy: text('signed_off_by'),
    signOffComment: text('sign_off_comment'),
    override: boolean('override'),
    decidedAt: ts('decided_at'),
    comments: jsonb('comments').$type<string[]>(),
    withdrawnAt: ts('withdrawn_at'),
    projectionVersion: integer('projection_version').notNull(),
  },
  (t) => [
    uniqueIndex('gate_reviews_initiative_seq').on(t.initiativeId, t.seq),
    // The work inbox scans live reviews only.
    index('gate_reviews_live').on(t.status).where(sql`status in ('open', 'escalated')`),
    // Gate KPIs by period: submissions, decisions, escalations (domain/reports, db/kpis.ts).
    index('gate_reviews_opened').on(t.openedAt),
    index('gate_reviews_decided').on(t.decidedAt).where(sql`decided_at is not null`),
    index('gate_reviews_escalated').on(t.escalatedAt).where(sql`escalated_at is not null`),
  ],
);

/** Every vote and every revision, never updated: `position` is the order they were cast in. */
export const gateVotes = pgTable(
  'gate_votes',
  {
    reviewId: text('review_id').notNull(),
    position: integer('position').notNull(),
    userId: text('user_id').notNull(),
    decision: text('decision').notNull(),
    comment: text('comment').notNull(),
    revision: integer('revision').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.position] }),
    uniqueIndex('gate_votes_member_revision').on(t.reviewId, t.userId, t.revision),
  ],
);

/**
 * Post-launch review items: raised once per initiative when the complaints linked to the launched
 * product exceed the policy threshold within the monitoring window; for the committee.
 */
export const postLaunchReviews = pgTable(
  'post_launch_reviews',
  {
    id: text('id').primaryKey(),
    initiativeId: text('initiative_id').notNull(),
    raisedAt: ts('raised_at').notNull(),
    complaintCount: integer('complaint_count').notNull(),
    threshold: integer('threshold').notNull(),
    /** What raised it: `complaints` (over the threshold) or `nps_drop` (the product NPS fell: docs/surveys.md). */
    cause: text('cause').notNull().default('complaints'),
    /** An NPS drop's figures: { previous, current, drop, previousAnswers, currentAnswers, campaignId }. */
    nps: jsonb('nps'),
    windowStart: ts('window_start').notNull(),
    windowEnd: ts('window_end').notNull(),
    chair: text('chair').notNull(),
    /** open | decided (by a committee meeting: docs/meetings.md) */
    status: text('status').notNull().default('open'),
    /** continue | fix | withdraw, with the meeting that decided it, who, when, why, and the improvement action a fix raised. */
    decision: text('decision'),
    meetingId: text('meeting_id'),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    decisionComment: text('decision_comment'),
    actionId: text('action_id'),
  },
  (t) => [uniqueIndex('post_launch_reviews_initiative').on(t.initiativeId)],
);

/**
 * The complaints linked to a launched product, one row per distinct (complaint, instant) its
 * post-launch monitoring was signalled (docs/gates.md, "Post-launch links"): the workflow keeps only
 * the first ones and the count in the window, which `recordPostLaunchLinks` takes from here. `seq`
 * is the order the rows were written in: a write's count is the count as of its own links, so a
 * write done again (a local activity run again after a failed workflow task) answers the same.
 */
export const postLaunchLinks = pgTable(
  'post_launch_links',
  {
    initiativeId: text('initiative_id').notNull(),
    complaintId: text('complaint_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true, mode: 'string' }).notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.complaintId, t.linkedAt] })],
);
