import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Quorum } from '../domain/gates/review.js';
import type { ProcessEnded } from '../domain/process-end.js';
import type {
  ExtensionView,
  InitiativeView,
  PostLaunchItemView,
  PostLaunchView,
  ReviewView,
  VoteView,
} from '../domain/gates/views.js';
import type { LinkedComplaintEvent, MonitoringWindow } from '../domain/gates/post-launch.js';
import { queryRows, type Database, type Transaction } from './client.js';
import type { TransitionRecord } from '../domain/trail.js';
import { writeTransition } from './transition.js';
import { gateReviews, gateVotes, initiatives, postLaunchLinks, postLaunchReviews } from './schema/index.js';

/**
 * The initiative projections: how the workflow's views are stored (write side, used by the
 * `recordInitiative` activity) and read back into the same shapes (GET, lists, work inbox). Both
 * directions live here so the stored and served shapes cannot drift apart.
 */

/** The initiative without its reviews (they are written one at a time). */
export type InitiativeRow = Omit<InitiativeView, 'review' | 'reviews'> & { currentReviewId: string | null };

/**
 * A review as written: `seq` is its position among the initiative's reviews (1, 2, …);
 * deliverables come only with the write that opens it (they never change).
 */
export type ReviewRecord = Omit<ReviewView, 'deliverables'> & { seq: number; deliverables?: unknown };

export interface PostLaunchItemRecord extends PostLaunchItemView {
  initiativeId: string;
  windowStart: string;
  windowEnd: string;
  chair: string;
}

/** One workflow state change: projection rows plus audit events and notifications. */
export interface InitiativeRecord extends TransitionRecord {
  /** The workflow's event sequence after this change; older writes never overwrite newer ones. */
  version: number;
  initiative: InitiativeRow;
  review?: ReviewRecord;
  postLaunchItem?: PostLaunchItemRecord;
}

const date = (iso: string): Date => new Date(iso);
const optDate = (iso: string | undefined): Date | null => (iso === undefined ? null : new Date(iso));

/** Writes one change in one transaction, idempotently and version-guarded. */
export async function writeInitiativeRecord(db: Database, rec: InitiativeRecord): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertInitiative(tx, rec.initiative, rec.version);
    if (rec.review) await upsertReview(tx, rec.review, rec.version);
    if (rec.postLaunchItem) {
      const item = rec.postLaunchItem;
      await tx
        .insert(postLaunchReviews)
        .values({
          id: item.id,
          initiativeId: item.initiativeId,
          raisedAt: date(item.raisedAt),
          complaintCount: item.complaintCount,
          threshold: item.threshold,
          cause: item.cause ?? 'complaints',
          nps: item.nps ?? null,
          windowStart: date(item.windowStart),
          windowEnd: date(item.windowEnd),
          chair: item.chair,
        })
        .onConflictDoNothing();
    }
    await writeTransition(tx, { audit: rec.audit, notifications: rec.notifications });
  });
}

/** Complaints linked to a launched product, written by its post-launch monitoring. */
export interface PostLaunchLinksRecord {
  initiativeId: string;
  links: LinkedComplaintEvent[];
  window: MonitoringWindow;
}

/**
 * Post-launch links in one transaction: each (complaint, instant) once (one already there is
 * skipped: a repeated delivery), then the distinct complaints linked within the window as of
 * these links (`countLinkedComplaints`'s rule, [start, end), over the rows written up to the
 * latest of them). As of its own links, not of the table now: a write done again (its local
 * activity run again after a failed workflow task, when later links may be in the table already)
 * answers what it answered the first time.
 */
export async function writePostLaunchLinks(db: Database, rec: PostLaunchLinksRecord): Promise<{ linkedComplaints: number }> {
  if (rec.links.length === 0) return { linkedComplaints: 0 };
  return db.transaction(async (tx) => {
    await tx
      .insert(postLaunchLinks)
      .values(rec.links.map((l) => ({ initiativeId: rec.initiativeId, complaintId: l.complaintId, linkedAt: l.at })))
      .onConflictDoNothing();
    const links = sql.join(
      rec.links.map((l) => sql`(${l.complaintId}, ${l.at}::timestamptz)`),
      sql`, `,
    );
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`with latest as (
            select max(seq) as seq from post_launch_links
            where initiative_id = ${rec.initiativeId} and (complaint_id, linked_at) in (values ${links}))
          select count(distinct complaint_id)::int as n from post_launch_links
          where initiative_id = ${rec.initiativeId} and seq <= (select seq from latest)
            and linked_at >= ${rec.window.start}::timestamptz and linked_at < ${rec.window.end}::timestamptz`,
    );
    return { linkedComplaints: row?.n ?? 0 };
  });
}

async function upsertInitiative(tx: Transaction, row: InitiativeRow, version: number): Promise<void> {
  const values = {
    name: row.name,
    businessLine: row.businessLine,
    description: row.description,
    team: row.team,
    owner: row.owner,
    ownerName: row.ownerName,
    stage: row.stage,
    status: row.status,
    nextVersion: row.nextVersion,
    currentReviewId: row.currentReviewId,
    requestedChanges: row.requestedChanges,
    withdrawal: row.withdrawal,
    postLaunch: row.postLaunch,
    updatedAt: date(row.updatedAt),
    projectionVersion: version,
  };
  await tx
    .insert(initiatives)
    .values({ id: row.id, createdAt: date(row.createdAt), ...values })
    .onConflictDoUpdate({ target: initiatives.id, set: values, setWhere: sql`${initiatives.projectionVersion} < ${version}` });
}

async function upsertReview(tx: Transaction, r: ReviewRecord, version: number): Promise<void> {
  const values = {
    status: r.status,
    deadline: date(r.deadline),
    quorum: r.quorum,
    carriedComments: r.carriedComments ?? null,
    remindedAt: optDate(r.remindedAt),
    escalatedAt: optDate(r.escalatedAt),
    extension: r.extension ?? null,
    outcome: r.outcome ?? null,
    signedOffBy: r.signedOffBy ?? null,
    signOffComment: r.signOffComment ?? null,
    override: r.override ?? null,
    decidedAt: optDate(r.decidedAt),
    comments: r.comments ?? null,
    withdrawnAt: optDate(r.withdrawnAt),
    projectionVersion: version,
  };
  if (r.deliverables !== undefined) {
    await tx
      .insert(gateReviews)
      .values({
        id: r.id,
        initiativeId: r.initiativeId,
        seq: r.seq,
        stage: r.stage,
        version: r.version,
        openedAt: date(r.openedAt),
        reminderAt: date(r.reminderAt),
        submittedBy: r.submittedBy,
        chair: r.chair,
        eligible: r.eligible,
        recused: r.recused,
        deliverables: r.deliverables,
        policyVersion: r.policyVersion,
        ...values,
      })
      .onConflictDoUpdate({ target: gateReviews.id, set: values, setWhere: sql`${gateReviews.projectionVersion} < ${version}` });
  } else {
    await tx
      .update(gateReviews)
      .set(values)
      .where(and(eq(gateReviews.id, r.id), lt(gateReviews.projectionVersion, version)));
  }
  if (r.votes.length > 0) {
    await tx
      .insert(gateVotes)
      .values(
        r.votes.map((v, position) => ({
          reviewId: r.id,
          position,
          userId: v.userId,
          decision: v.decision,
          comment: v.comment,
          revision: v.revision,
          at: date(v.at),
        })),
      )
      .onConflictDoNothing();
  }
}

// ---------------------------------------------------------------------------------------------
// Read side

type InitiativeRowDb = typeof initiatives.$inferSelect;
type ReviewRowDb = typeof gateReviews.$inferSelect;
type VoteRowDb = typeof gateVotes.$inferSelect;

const iso = (d: Date): string => d.toISOString();

function reviewFromRow(r: ReviewRowDb, votes: VoteRowDb[]): ReviewView {
  const view: ReviewView = {
    id: r.id,
    initiativeId: r.initiativeId,
    stage: r.stage as ReviewView['stage'],
    version: r.version,
    status: r.status as ReviewView['status'],
    openedAt: iso(r.openedAt),
    deadline: iso(r.deadline),
    reminderAt: iso(r.reminderAt),
    submittedBy: r.submittedBy,
    chair: r.chair,
    eligible: r.eligible,
    recused: r.recused,
    votes: votes
      .sort((a, b) => a.position - b.position)
      .map((v): VoteView => ({ userId: v.userId, decision: v.decision as VoteView['decision'], comment: v.comment, at: iso(v.at), revision: v.revision })),
    quorum: r.quorum as Quorum,
    deliverables: r.deliverables,
    policyVersion: r.policyVersion,
  };
  if (r.carriedComments) view.carriedComments = r.carriedComments;
  if (r.remindedAt) view.remindedAt = iso(r.remindedAt);
  if (r.escalatedAt) view.escalatedAt = iso(r.escalatedAt);
  if (r.extension) view.extension = r.extension as ExtensionView;
  if (r.outcome) view.outcome = r.outcome as ReviewView['outcome'];
  if (r.signedOffBy) view.signedOffBy = r.signedOffBy;
  if (r.signOffComment !== null) view.signOffComment = r.signOffComment;
  if (r.override !== null) view.override = r.override;
  if (r.decidedAt) view.decidedAt = iso(r.decidedAt);
  if (r.comments) view.comments = r.comments;
  if (r.withdrawnAt) view.withdrawnAt = iso(r.withdrawnAt);
  return view;
}

function initiativeFromRow(row: InitiativeRowDb, reviews: ReviewView[]): InitiativeView {
  const live = reviews.find((r) => r.status === 'open' || r.status === 'escalated') ?? null;
  return {
    id: row.id,
    name: row.name,
    businessLine: row.businessLine as InitiativeView['businessLine'],
    description: row.description,
    team: row.team,
    owner: row.owner,
    ownerName: row.ownerName,
    stage: row.stage as InitiativeView['stage'],
    status: row.status as InitiativeView['status'],
    nextVersion: row.nextVersion,
    requestedChanges: row.requestedChanges ?? null,
    withdrawal: (row.withdrawal as InitiativeView['withdrawal']) ?? null,
    postLaunch: (row.postLaunch as PostLaunchView | null) ?? null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    review: live,
    reviews,
    ...(row.processEnded ? { processEnded: row.processEnded as ProcessEnded } : {}),
  };
}

/** Initiatives with all their reviews and votes, in the order of `rows`. */
async function assemble(db: Database, rows: InitiativeRowDb[]): Promise<InitiativeView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const reviewRows = await db.select().from(gateReviews).where(inArray(gateReviews.initiativeId, ids)).orderBy(asc(gateReviews.seq));
  const voteRows = reviewRows.length
    ? await db.select().from(gateVotes).where(inArray(gateVotes.reviewId, reviewRows.map((r) => r.id)))
    : [];
  const votesByReview = new Map<string, VoteRowDb[]>();
  for (const v of voteRows) votesByReview.set(v.reviewId, [...(votesByReview.get(v.reviewId) ?? []), v]);
  const reviewsByInitiative = new Map<string, ReviewView[]>();
  for (const r of reviewRows) {
    reviewsByInitiative.set(r.initiativeId, [...(reviewsByInitiative.get(r.initiativeId) ?? []), reviewFromRow(r, votesByReview.get(r.id) ?? [])]);
  }
  return rows.map((row) => initiativeFromRow(row, reviewsByInitiative.get(row.id) ?? []));
}

export async function readInitiative(db: Database, id: string): Promise<InitiativeView | undefined> {
  const rows = await db.select().from(initiatives).where(eq(initiatives.id, id));
  const [view] = await assemble(db, rows);
  return view;
}

/** Marks the initiative whose process ended other than by completing (audit/process-end.ts). */
export async function markInitiativeProcessEnded(tx: Transaction, id: string, ended: ProcessEnded): Promise<void> {
  await tx.update(initiatives).set({ processEnded: ended }).where(eq(initiatives.id, id));
}

/** Whether an initiative of this id was ever created (a complaint may only be linked to one that was). */
/** The name, stage and status of an initiative: how a complaint shows the product it is about. */
export async function initiativeSummary(db: Database, id: string): Promise<{ id: string; name: string; stage: string; status: string } | undefined> {
  const [row] = await db.select({ id: initiatives.id, name: initiatives.name, stage: initiatives.stage, status: initiatives.status }).from(initiatives).where(eq(initiatives.id, id));
  return row;
}

/** The committee's decision on an initiative's post-launch review item (docs/meetings.md), once a meeting took it. */
export interface PostLaunchDecision {
  decision: string;
  meetingId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  actionId: string | null;
}

export async function postLaunchDecisionOf(db: Database, initiativeId: string): Promise<PostLaunchDecision | undefined> {
  const [row] = await db.select().from(postLaunchReviews).where(eq(postLaunchReviews.initiativeId, initiativeId));
  if (!row?.decision) return undefined;
  return { decision: row.decision, meetingId: row.meetingId, decidedBy: row.decidedBy, decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null, comment: row.decisionComment, actionId: row.actionId };
}

export async function initiativeExists(db: Database, id: string): Promise<boolean> {
  const rows = await db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.id, id)).limit(1);
  return rows.length > 0;
}

export interface InitiativeFilter {
  stage?: string;
  status?: string;
}

/** Keyset cursor over (createdAt desc, id desc): newest first, stable under inserts. */
export interface InitiativeCursor {
  createdAt: string;
  id: string;
}

export async function listInitiatives(
  db: Database,
  filter: InitiativeFilter,
  limit: number,
  cursor?: InitiativeCursor,
): Promise<{ items: InitiativeView[]; next?: InitiativeCursor }> {
  const where: SQL[] = [];
  if (filter.stage) where.push(eq(initiatives.stage, filter.stage));
  if (filter.status) where.push(eq(initiatives.status, filter.status));
  if (cursor) {
    const at = new Date(cursor.createdAt);
    where.push(or(lt(initiatives.createdAt, at), and(eq(initiatives.createdAt, at), lt(initiatives.id, cursor.id)))!);
  }
  const rows = await db
    .select()
    .from(initiatives)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(initiatives.createdAt), desc(initiatives.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? { createdAt: iso(last.createdAt), id: last.id } : undefined;
  return { items: await assemble(db, page), ...(next ? { next } : {}) };
}

/** Whether `userId` is in any review's roster snapshot (eligible or recused). */
export async function isReviewMember(db: Database, userId: string, initiativeId?: string): Promise<boolean> {
  const member = sql`(${gateReviews.eligible} @> ${JSON.stringify([userId])}::jsonb or ${gateReviews.recused} @> ${JSON.stringify([userId])}::jsonb or ${gateReviews.chair} = ${userId})`;
  const rows = await db
    .select({ id: gateReviews.id })
    .from(gateReviews)
    .where(initiativeId ? and(eq(gateReviews.initiativeId, initiativeId), member) : member)
    .limit(1);
  return rows.length > 0;
}

/** Live reviews (open or escalated) that involve `userId` as an eligible voter or the chair. */
/** Initiatives whose next step is their owner's: deliverables to submit, or rework after requested changes. */
export async function initiativesAwaitingOwner(db: Database, owner: string) {
  return db
    .select({ id: initiatives.id, name: initiatives.name, stage: initiatives.stage, status: initiatives.status, description: initiatives.description, requestedChanges: initiatives.requestedChanges })
    .from(initiatives)
    .where(and(eq(initiatives.owner, owner), inArray(initiatives.status, ['in_progress', 'changes_requested']), isNull(initiatives.processEnded)))
    .orderBy(initiatives.createdAt, initiatives.id)
    .limit(200);
}

export async function liveReviewsFor(db: Database, userId: string): Promise<(ReviewView & { initiativeName: string })[]> {
  const rows = await db
    .select({ review: gateReviews, name: initiatives.name })
    .from(gateReviews)
    .innerJoin(initiatives, eq(initiatives.id, gateReviews.initiativeId))
    .where(
      and(
        inArray(gateReviews.status, ['open', 'escalated']),
        or(sql`${gateReviews.eligible} @> ${JSON.stringify([userId])}::jsonb`, eq(gateReviews.chair, userId)),
      ),
    );
  if (rows.length === 0) return [];
  const votes = await db.select().from(gateVotes).where(inArray(gateVotes.reviewId, rows.map((r) => r.review.id)));
  return rows.map(({ review, name }) => ({
    ...reviewFromRow(review, votes.filter((v) => v.reviewId === review.id)),
    initiativeName: name,
  }));
}

/**
 * The products (initiatives) a product owner follows in the reports (docs/reports.md): those of
 * their team (the initiative's `team` is the owning department) and those they own; id and name,
 * by name.
 */
export async function productsOf(db: Database, owner: { userId: string; department?: string }): Promise<{ id: string; name: string }[]> {
  const mine = owner.department ? or(eq(initiatives.team, owner.department), eq(initiatives.owner, owner.userId))! : eq(initiatives.owner, owner.userId);
  return db.select({ id: initiatives.id, name: initiatives.name }).from(initiatives).where(mine).orderBy(asc(initiatives.name), asc(initiatives.id));
}

/** Every product (initiative), id and name, by name: the report's product picker for institution-wide readers. */
export async function allProducts(db: Database): Promise<{ id: string; name: string }[]> {
  return db.select({ id: initiatives.id, name: initiatives.name }).from(initiatives).orderBy(asc(initiatives.name), asc(initiatives.id));
}
