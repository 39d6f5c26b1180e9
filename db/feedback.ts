import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import type { FeedbackRecord } from '../domain/feedback/process.js';
import type { FeedbackView } from '../domain/feedback/types.js';
import type { TransitionRecord } from '../domain/trail.js';
import type { Database } from './client.js';
import { feedbackItems } from './schema/index.js';
import { writeTransition } from './transition.js';

export type { FeedbackRecord } from '../domain/feedback/process.js';

/**
 * The feedback table (every query of it, docs/feedback.md). The customer's sealed details are
 * written and read through db/complaints.ts (`saveCustomer` / `readCustomer`, keyed by the item's id).
 */

/** One step of an item in one transaction: the projection row (only when its version is newer) and its audit events and notifications. */
export async function writeFeedbackRecord(db: Database, input: { feedback: FeedbackRecord } & TransitionRecord): Promise<void> {
  const { feedback } = input;
  await db.transaction(async (tx) => {
    const { id: _id, ...changes } = feedback;
    await tx
      .insert(feedbackItems)
      .values(feedback)
      .onConflictDoUpdate({ target: feedbackItems.id, set: { ...changes, updatedAt: new Date() }, setWhere: sql`${feedbackItems.version} < ${feedback.version}` });
    await writeTransition(tx, { audit: input.audit, notifications: input.notifications ?? [] });
  });
}

export async function readFeedback(db: Database, id: string): Promise<FeedbackView | undefined> {
  const [row] = await db.select({ view: feedbackItems.view }).from(feedbackItems).where(eq(feedbackItems.id, id));
  return row ? (row.view as FeedbackView) : undefined;
}

/** The feedback item taken from a complaint reclassified as feedback, if any. */
export async function feedbackFromComplaint(db: Database, complaintId: string): Promise<FeedbackView | undefined> {
  const [row] = await db.select({ view: feedbackItems.view }).from(feedbackItems).where(eq(feedbackItems.fromComplaintId, complaintId)).limit(1);
  return row ? (row.view as FeedbackView) : undefined;
}

export interface FeedbackFilter {
  kind?: string;
  status?: string;
  channel?: string;
  department?: string;
  /** Only items this user logged, or whose product team they are on (a department). */
  involving?: { userId: string; department?: string };
  /** Received before this instant (the list pages newest first). */
  before?: string;
}

/** The list, newest first (at most `limit`). */
export async function listFeedback(db: Database, filter: FeedbackFilter, limit: number): Promise<FeedbackView[]> {
  const where: SQL[] = [];
  if (filter.kind) where.push(eq(feedbackItems.kind, filter.kind));
  if (filter.status) where.push(eq(feedbackItems.status, filter.status));
  if (filter.channel) where.push(eq(feedbackItems.channel, filter.channel));
  if (filter.department) where.push(eq(feedbackItems.department, filter.department));
  if (filter.before) where.push(lt(feedbackItems.receivedAt, filter.before));
  if (filter.involving) {
    const mine: SQL[] = [eq(feedbackItems.ownerId, filter.involving.userId), eq(feedbackItems.initiativeOwnerId, filter.involving.userId), eq(feedbackItems.creditId, filter.involving.userId)];
    if (filter.involving.department) mine.push(eq(feedbackItems.department, filter.involving.department));
    where.push(or(...mine)!);
  }
  const rows = await db
    .select({ view: feedbackItems.view })
    .from(feedbackItems)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(feedbackItems.receivedAt), desc(feedbackItems.id))
    .limit(limit);
  return rows.map((r) => r.view as FeedbackView);
}

/**
 * Items waiting on `who`: their own inquiries to answer, praise to credit, suggestions to route and
 * items to archive; the suggestions routed to their department or initiative to respond to;
 * supervisors: suggestions not yet routed.
 */
export async function openFeedbackFor(db: Database, who: Pick<Actor, 'userId' | 'roles' | 'department'>): Promise<FeedbackView[]> {
  const running = inArray(feedbackItems.status, ['open', 'answered', 'routed', 'responded', 'credited']);
  const mine: SQL[] = [eq(feedbackItems.ownerId, who.userId), and(eq(feedbackItems.status, 'routed'), eq(feedbackItems.initiativeOwnerId, who.userId))!];
  if (who.department) mine.push(and(eq(feedbackItems.status, 'routed'), eq(feedbackItems.department, who.department))!);
  if (who.roles.includes('supervisor')) mine.push(and(eq(feedbackItems.status, 'open'), eq(feedbackItems.kind, 'suggestion'))!);
  const rows = await db
    .select({ view: feedbackItems.view })
    .from(feedbackItems)
    .where(and(running, or(...mine)))
    .orderBy(sql`${feedbackItems.due} asc nulls last`, desc(feedbackItems.receivedAt))
    .limit(200);
  return rows.map((r) => r.view as FeedbackView);
}
