import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import type { FollowUpRecord } from '../domain/followups/process.js';
import type { FollowUpView } from '../domain/followups/types.js';
import type { TransitionRecord } from '../domain/trail.js';
import type { Database } from './client.js';
import { followUps, people, surveyResponses } from './schema/index.js';
import { writeTransition } from './transition.js';

export type { FollowUpRecord } from '../domain/followups/process.js';

/**
 * The detractor follow-ups (docs/followups.md): every query of follow_ups, the answers the sweeper
 * opens follow-ups for (survey_responses.detractor without follow_up_id), and who a follow-up is
 * addressed to in the staff directory.
 */

/** One step of a follow-up in one transaction: the projection (only when newer), its audit events and notifications. */
export async function writeFollowUpRecord(db: Database, input: { followUp: FollowUpRecord } & TransitionRecord): Promise<void> {
  const { followUp } = input;
  await db.transaction(async (tx) => {
    const { id: _id, ...changes } = followUp;
    await tx
      .insert(followUps)
      .values(followUp)
      .onConflictDoUpdate({ target: followUps.id, set: { ...changes, updatedAt: new Date() }, setWhere: sql`${followUps.version} < ${followUp.version}` });
    await writeTransition(tx, { audit: input.audit, notifications: input.notifications ?? [] });
  });
}

export async function readFollowUp(db: Database, id: string): Promise<FollowUpView | undefined> {
  const [row] = await db.select({ view: followUps.view }).from(followUps).where(eq(followUps.id, id));
  return row ? (row.view as FollowUpView) : undefined;
}

/** The follow-ups of one complaint, newest first. */
export async function followUpsOfComplaint(db: Database, complaintId: string): Promise<FollowUpView[]> {
  const rows = await db.select({ view: followUps.view }).from(followUps).where(eq(followUps.complaintId, complaintId)).orderBy(desc(followUps.openedAt)).limit(100);
  return rows.map((r) => r.view as FollowUpView);
}

/**
 * Open follow-ups waiting on `who`: a supervisor's (addressed to them, or to every supervisor when
 * none is named), and the overdue ones reaching the department head. Soonest due first.
 */
export async function openFollowUpsFor(db: Database, who: Pick<Actor, 'userId' | 'roles'>): Promise<FollowUpView[]> {
  const mine: SQL[] = [and(sql`${followUps.escalationLevel} >= 1`, eq(followUps.departmentHeadId, who.userId))!];
  if (who.roles.includes('supervisor')) {
    mine.push(sql`${followUps.supervisorIds} @> ${JSON.stringify([who.userId])}::jsonb`);
    mine.push(sql`jsonb_array_length(${followUps.supervisorIds}) = 0`);
  }
  const rows = await db
    .select({ view: followUps.view })
    .from(followUps)
    .where(and(eq(followUps.status, 'open'), or(...mine)))
    .orderBy(asc(followUps.due), asc(followUps.id))
    .limit(200);
  return rows.map((r) => r.view as FollowUpView);
}

/** The active supervisors of the directory (user id, department, roles), for the addressees. */
export async function activeSupervisors(db: Database): Promise<{ userId: string; department: string | null; roles: string[] }[]> {
  return db
    .select({ userId: people.userId, department: people.department, roles: people.roles })
    .from(people)
    .where(and(eq(people.active, true), sql`${people.roles} @> ${JSON.stringify(['supervisor'])}::jsonb`))
    .orderBy(asc(people.userId))
    .limit(2_000);
}

/** A detractor answer that has no follow-up yet (what the sweeper opens one for). */
export interface PendingDetractor {
  id: string;
  kind: string;
  source: string;
  contactId: string;
  department: string;
  csat: number | null;
  nps: number | null;
  verbatim: string | null;
  respondedAt: string;
  recordedBy: string | null;
}

/** Detractor answers about a complaint without a follow-up, oldest first (at most `limit`). */
export async function pendingDetractors(db: Database, limit: number): Promise<PendingDetractor[]> {
  const rows = await db
    .select({
      id: surveyResponses.id,
      kind: surveyResponses.kind,
      source: surveyResponses.source,
      contactId: surveyResponses.contactId,
      department: surveyResponses.department,
      csat: surveyResponses.csat,
      nps: surveyResponses.nps,
      verbatim: surveyResponses.verbatim,
      respondedAt: surveyResponses.respondedAt,
      recordedBy: surveyResponses.recordedBy,
    })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.detractor, true), isNull(surveyResponses.followUpId), eq(surveyResponses.contactType, 'complaint')))
    .orderBy(asc(surveyResponses.respondedAt), asc(surveyResponses.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, respondedAt: new Date(r.respondedAt).toISOString() }));
}

/** The answer's follow-up is open: set once (a second sweep finds it set and leaves it). */
export async function markFollowUpOpened(db: Database, responseId: string, followUpId: string): Promise<void> {
  await db
    .update(surveyResponses)
    .set({ followUpId })
    .where(and(eq(surveyResponses.id, responseId), isNull(surveyResponses.followUpId)));
}
