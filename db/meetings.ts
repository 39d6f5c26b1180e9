import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AgendaFacts } from '../domain/meetings/agenda.js';
import type { MeetingRecord } from '../domain/meetings/process.js';
import type { MeetingView } from '../domain/meetings/types.js';
import type { ProposalView } from '../domain/targets/proposal.js';
import type { IncidentView } from '../domain/incidents/types.js';
import { reportPeriod } from '../domain/reports/periods.js';
import type { TransitionRecord } from '../domain/trail.js';
import type { Database } from './client.js';
import { computeHotIssues } from './hot-issues.js';
import { loadReport } from './reports.js';
import { improvementActions, incidents, initiatives, meetings, postLaunchReviews, targetProposals } from './schema/index.js';
import { readPolicy } from './settings.js';
import { writeTransition } from './transition.js';

export type { MeetingRecord } from '../domain/meetings/process.js';

/**
 * The committee meetings (every query of the `meetings` table), the decision a meeting records
 * on a post-launch review item, and the facts a meeting's agenda is assembled from
 * (docs/meetings.md).
 */

export interface PostLaunchDecision {
  itemId: string;
  decision: string;
  meetingId: string;
  decidedBy: string;
  decidedAt: string;
  comment: string;
  actionId: string | null;
}

/**
 * One meeting step in one transaction: the projection row (only when its version is newer), a
 * post-launch item's decision, and the step's audit events and notifications (idempotent on
 * source keys).
 */
export async function writeMeetingRecord(db: Database, input: { meeting: MeetingRecord; postLaunch?: PostLaunchDecision } & TransitionRecord): Promise<void> {
  const { meeting } = input;
  await db.transaction(async (tx) => {
    const { id: _id, ...changes } = meeting;
    await tx
      .insert(meetings)
      .values(meeting)
      .onConflictDoUpdate({ target: meetings.id, set: { ...changes, updatedAt: new Date() }, setWhere: sql`${meetings.version} < ${meeting.version}` });
    const d = input.postLaunch;
    if (d) {
      await tx
        .update(postLaunchReviews)
        .set({ status: 'decided', decision: d.decision, meetingId: d.meetingId, decidedBy: d.decidedBy, decidedAt: new Date(d.decidedAt), decisionComment: d.comment, actionId: d.actionId })
        .where(and(eq(postLaunchReviews.id, d.itemId), eq(postLaunchReviews.status, 'open')));
    }
    await writeTransition(tx, { audit: input.audit, notifications: input.notifications ?? [] });
  });
}

export async function readMeeting(db: Database, id: string): Promise<MeetingView | undefined> {
  const [row] = await db.select({ view: meetings.view }).from(meetings).where(eq(meetings.id, id));
  return row?.view as MeetingView | undefined;
}

/** Meetings, newest month first (a month's regular meeting before its extra ones); of one month when given. */
export async function listMeetings(db: Database, filter: { month?: string; status?: string }, limit: number): Promise<MeetingView[]> {
  const where = [];
  if (filter.month) where.push(eq(meetings.month, filter.month));
  if (filter.status) where.push(eq(meetings.status, filter.status));
  const rows = await db
    .select({ view: meetings.view })
    .from(meetings)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(meetings.month), meetings.convenedAt, meetings.id)
    .limit(limit);
  return rows.map((r) => r.view as MeetingView);
}

/** The number the next extra meeting of `month` takes (1 for the first). */
export async function nextExtraNumber(db: Database, month: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(meetings).where(and(eq(meetings.month, month), eq(meetings.kind, 'extra')));
  return (row?.n ?? 0) + 1;
}

/** Meetings not yet signed whose roster holds `userId` (the work inbox). */
export async function openMeetingsFor(db: Database, userId: string): Promise<MeetingView[]> {
  const rows = await db
    .select({ view: meetings.view })
    .from(meetings)
    .where(and(inArray(meetings.status, ['in_session', 'minutes_ready']), sql`${meetings.view}->'roster' @> ${JSON.stringify([{ userId }])}::jsonb`))
    .limit(50);
  return rows.map((r) => r.view as MeetingView);
}

/**
 * What the agenda of a meeting reviewing `reviewedMonth` is assembled from: the month's stored
 * report, its hottest root causes, the incidents still open, the post-launch review items
 * waiting for a decision (with the initiative's stake), the target proposals pending, and the
 * improvement actions not closed whose due date passed by `at` (the convening instant).
 */
export async function agendaFacts(db: Database, reviewedMonth: string, o: { hotIssues: number; at: Date }): Promise<AgendaFacts> {
  const [{ value: calendar }, { value: targets }, report] = await Promise.all([readPolicy(db, 'calendar'), readPolicy(db, 'targets'), loadReport(db, 'monthly', reviewedMonth)]);
  const period = reportPeriod('monthly', reviewedMonth, calendar.timeZone);
  const hot = await computeHotIssues(db, period, calendar, Math.max(1, o.hotIssues));
  const open = await db.select({ view: incidents.view }).from(incidents).where(inArray(incidents.status, ['open', 'assigned', 'responding'])).orderBy(incidents.raisedAt, incidents.id).limit(100);
  const items = await db
    .select({ id: postLaunchReviews.id, initiativeId: postLaunchReviews.initiativeId, complaintCount: postLaunchReviews.complaintCount, threshold: postLaunchReviews.threshold, raisedAt: postLaunchReviews.raisedAt, name: initiatives.name, team: initiatives.team, owner: initiatives.owner })
    .from(postLaunchReviews)
    .innerJoin(initiatives, eq(initiatives.id, postLaunchReviews.initiativeId))
    .where(eq(postLaunchReviews.status, 'open'))
    .orderBy(postLaunchReviews.raisedAt, postLaunchReviews.id)
    .limit(100);
  const overdue = await db
    .select({ id: improvementActions.id, ownerId: improvementActions.ownerId, due: improvementActions.due, status: improvementActions.status, view: improvementActions.view })
    .from(improvementActions)
    .where(and(inArray(improvementActions.status, ['in_progress', 'awaiting_verification']), sql`${improvementActions.due} < ${o.at.toISOString()}::timestamptz`))
    .orderBy(improvementActions.due, improvementActions.id)
    .limit(100);
  const proposals = await db.select({ view: targetProposals.view }).from(targetProposals).where(eq(targetProposals.status, 'pending')).orderBy(targetProposals.proposedAt).limit(50);
  return {
    reviewedMonth,
    report: report ? { period: report.period, generatedAt: report.generatedAt, kpis: report.kpis } : null,
    targets,
    hotIssues: hot.rootCauses.map((h) => ({ key: h.key, count: h.count, previous: h.previous, change: h.change, share: h.share, resolutionOnTime: h.resolutionOnTime })),
    incidents: open
      .map((r) => r.view as IncidentView | null)
      .filter((v): v is IncidentView => v !== null)
      .map((v) => ({ id: v.id, dimension: v.trigger.dimension, value: v.trigger.value, count: v.trigger.count, status: v.status, ownerId: v.owner?.userId ?? null, raisedAt: v.raisedAt, nextDeadline: v.nextStep ? (v.steps[v.nextStep]?.deadline ?? null) : null })),
    postLaunch: items.map((i) => ({ itemId: i.id, initiativeId: i.initiativeId, name: i.name, complaintCount: i.complaintCount, threshold: i.threshold, raisedAt: i.raisedAt.toISOString(), stake: { submitter: i.owner, owner: i.owner, team: i.team } })),
    overdueActions: overdue.map((a) => ({ id: a.id, title: (a.view as { title?: string }).title ?? a.id, ownerId: a.ownerId, due: a.due, status: a.status })),
    targetProposals: proposals.map((r) => r.view as ProposalView).map((p) => ({ id: p.id, changes: p.changes, proposedBy: p.proposedBy, deadline: p.deadline, reason: p.reason })),
  };
}
