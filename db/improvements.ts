import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import type { ImprovementRecord } from '../domain/improvements/process.js';
import type { EffectivenessDimension, ImprovementView } from '../domain/improvements/types.js';
import type { TransitionRecord } from '../domain/trail.js';
import { queryRows, type Database } from './client.js';
import { improvementActions, improvementLinks, people } from './schema/index.js';
import { writeTransition } from './transition.js';

export type { ImprovementRecord } from '../domain/improvements/process.js';

/**
 * The improvement action tables (every query of them), the head of an owner department, and the
 * complaint counts the effectiveness check compares (docs/improvements.md).
 */

/**
 * One step of an action in one transaction: the projection row (only when its version is newer),
 * its links (written with the first record) and the step's audit events and notifications
 * (idempotent on source keys).
 */
export async function writeImprovementRecord(db: Database, input: { improvement: ImprovementRecord } & TransitionRecord): Promise<void> {
  const { improvement } = input;
  await db.transaction(async (tx) => {
    const { id: _id, ...changes } = improvement;
    await tx
      .insert(improvementActions)
      .values(improvement)
      .onConflictDoUpdate({ target: improvementActions.id, set: { ...changes, updatedAt: new Date() }, setWhere: sql`${improvementActions.version} < ${improvement.version}` });
    const l = improvement.view.links;
    const links = [
      ...l.complaints.map((entityId) => ({ entityType: 'complaint', entityId })),
      ...l.initiatives.map((entityId) => ({ entityType: 'initiative', entityId })),
      ...l.incidents.map((entityId) => ({ entityType: 'incident', entityId })),
    ];
    if (links.length) await tx.insert(improvementLinks).values(links.map((x) => ({ improvementId: improvement.id, ...x }))).onConflictDoNothing();
    await writeTransition(tx, { audit: input.audit, notifications: input.notifications ?? [] });
  });
}

export async function readImprovement(db: Database, id: string): Promise<ImprovementView | undefined> {
  const [row] = await db.select({ view: improvementActions.view }).from(improvementActions).where(eq(improvementActions.id, id));
  return row ? (row.view as ImprovementView) : undefined;
}

export interface BoardFilter {
  status?: string;
  ownerDepartment?: string;
  source?: string;
  overdue?: boolean;
}

/**
 * The board: actions by filter, overdue first, then by due date (at most `limit`; the board is
 * the working set of a committee, not an archive).
 */
export async function listImprovements(db: Database, filter: BoardFilter, limit: number): Promise<ImprovementView[]> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(improvementActions.status, filter.status));
  if (filter.ownerDepartment) where.push(eq(improvementActions.ownerDepartment, filter.ownerDepartment));
  if (filter.source) where.push(eq(improvementActions.sourceKind, filter.source));
  if (filter.overdue) where.push(eq(improvementActions.dueState, 'overdue'));
  const rows = await db
    .select({ view: improvementActions.view })
    .from(improvementActions)
    .where(where.length ? and(...where) : undefined)
    .orderBy(sql`(${improvementActions.dueState} = 'overdue') desc`, asc(improvementActions.due), asc(improvementActions.id))
    .limit(limit);
  return rows.map((r) => r.view as ImprovementView);
}

/** The actions raised from a source record (e.g. an initiative's post-launch review item). */
export async function improvementsFromSource(db: Database, kind: string, sourceId: string): Promise<ImprovementView[]> {
  const rows = await db.select({ view: improvementActions.view }).from(improvementActions).where(and(eq(improvementActions.sourceKind, kind), eq(improvementActions.sourceId, sourceId)));
  return rows.map((r) => r.view as ImprovementView);
}

/** The actions linked to a record or raised from it (a complaint, an initiative, an incident). */
export async function improvementsAbout(db: Database, entityType: 'complaint' | 'initiative' | 'incident', entityId: string): Promise<ImprovementView[]> {
  const linked = db.select({ id: improvementLinks.improvementId }).from(improvementLinks).where(and(eq(improvementLinks.entityType, entityType), eq(improvementLinks.entityId, entityId)));
  const rows = await db
    .select({ view: improvementActions.view })
    .from(improvementActions)
    .where(inArray(improvementActions.id, linked))
    .orderBy(asc(improvementActions.raisedAt))
    .limit(100);
  return rows.map((r) => r.view as ImprovementView);
}

/**
 * Running actions waiting on `who`: the owner's in progress, the verifier's awaiting verification
 * (supervisors: those without a verifier), and the escalated ones reaching the department head
 * (level 1+) or the chair (level 2).
 */
export async function openImprovementsFor(db: Database, who: Pick<Actor, 'userId' | 'roles'>): Promise<ImprovementView[]> {
  const mine: SQL[] = [
    and(eq(improvementActions.status, 'in_progress'), eq(improvementActions.ownerId, who.userId))!,
    and(eq(improvementActions.status, 'awaiting_verification'), eq(improvementActions.verifierId, who.userId))!,
    and(eq(improvementActions.status, 'in_progress'), sql`${improvementActions.escalationLevel} >= 1`, eq(improvementActions.departmentHeadId, who.userId))!,
    and(eq(improvementActions.status, 'in_progress'), sql`${improvementActions.escalationLevel} >= 2`, eq(improvementActions.chairUserId, who.userId))!,
  ];
  if (who.roles.includes('supervisor')) mine.push(and(eq(improvementActions.status, 'awaiting_verification'), sql`${improvementActions.verifierId} is null`)!);
  const rows = await db
    .select({ view: improvementActions.view })
    .from(improvementActions)
    .where(and(inArray(improvementActions.status, ['in_progress', 'awaiting_verification']), or(...mine)))
    .orderBy(asc(improvementActions.due))
    .limit(200);
  return rows.map((r) => r.view as ImprovementView);
}

/** The head of a department in the directory (the first by user id), if any. */
export async function departmentHead(db: Database, department: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: people.userId })
    .from(people)
    .where(and(eq(people.department, department), eq(people.departmentHead, true), eq(people.active, true)))
    .orderBy(asc(people.userId))
    .limit(1);
  return row?.userId ?? null;
}

const measureColumn: Record<EffectivenessDimension, SQL> = {
  rootCause: sql.raw('root_cause'),
  product: sql.raw('product'),
  category: sql.raw('category'),
};

/** Complaints of one root cause / product / category received in [from, to). */
export async function complaintsReceived(db: Database, dimension: EffectivenessDimension, value: string, from: string, to: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from complaints where ${measureColumn[dimension]} = ${value} and received_at >= ${from}::timestamptz and received_at < ${to}::timestamptz`,
  );
  return row?.n ?? 0;
}
