import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import type { ProposalView, TargetProposalRecord } from '../domain/targets/proposal.js';
import type { KpiTargets } from '../domain/targets/targets.js';
import type { TransitionRecord } from '../domain/trail.js';
import type { Database } from './client.js';
import { targetProposals } from './schema/index.js';
import { writePolicyIn } from './settings.js';
import { writeTransition } from './transition.js';

/**
 * The target proposals' table (every query of it) and the one place the `targets` policy is
 * written: an approved proposal's record, in the same transaction as its projection and audit.
 */

export type { TargetProposalRecord } from '../domain/targets/proposal.js';

/** An approval's write of the targets: the new policy version, audited in the policy's chain. */
export interface TargetsApplication {
  targets: KpiTargets;
  /** Who approved (the chair, or the meeting's process). */
  actor: Pick<Actor, 'userId' | 'roles'>;
  at: string;
  reason: string;
  /** Idempotency of the policy's audit event. */
  sourceKey: string;
}

/**
 * One step of a proposal in one transaction: on approval the `targets` policy first (its new
 * version goes into the proposal's view as `appliedVersion`), then the projection row (only when
 * its version is newer), then the step's audit events and notifications (idempotent on their
 * source keys). Answers the targets version an approval wrote.
 */
export async function writeTargetProposalRecord(db: Database, input: { proposal: TargetProposalRecord; apply?: TargetsApplication } & TransitionRecord): Promise<{ appliedVersion: number | null }> {
  return db.transaction(async (tx) => {
    let row = input.proposal;
    let appliedVersion: number | null = null;
    if (input.apply) {
      const a = input.apply;
      const written = await writePolicyIn(tx, 'targets', a.targets, a.actor, { reason: a.reason, sourceKey: a.sourceKey, at: new Date(a.at), extra: { proposalId: row.id, proposedBy: row.proposedBy } });
      appliedVersion = written.version;
      row = { ...row, view: { ...row.view, appliedVersion } };
    }
    const { id: _id, ...changes } = row;
    await tx
      .insert(targetProposals)
      .values(row)
      .onConflictDoUpdate({ target: targetProposals.id, set: { ...changes, updatedAt: new Date() }, setWhere: sql`${targetProposals.version} < ${row.version}` });
    await writeTransition(tx, { audit: input.audit, notifications: input.notifications ?? [] });
    return { appliedVersion };
  });
}

export async function readTargetProposal(db: Database, id: string): Promise<ProposalView | undefined> {
  const [row] = await db.select({ view: targetProposals.view }).from(targetProposals).where(eq(targetProposals.id, id));
  return row?.view as ProposalView | undefined;
}

/** Pending proposals the user decides as chair (the work inbox). */
export async function proposalsAwaiting(db: Database, chairUserId: string): Promise<ProposalView[]> {
  const rows = await db.select({ view: targetProposals.view }).from(targetProposals).where(and(eq(targetProposals.status, 'pending'), eq(targetProposals.chairUserId, chairUserId)));
  return rows.map((r) => r.view as ProposalView);
}

export interface ProposalCursor {
  proposedAt: string;
  id: string;
}

/** Proposals, newest first, optionally of one status. */
export async function listTargetProposals(db: Database, filter: { status?: string }, limit: number, cursor?: ProposalCursor): Promise<{ items: ProposalView[]; next?: ProposalCursor }> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(targetProposals.status, filter.status));
  if (cursor) where.push(sql`(${targetProposals.proposedAt}, ${targetProposals.id}) < (${cursor.proposedAt}::timestamptz, ${cursor.id})`);
  const rows = await db
    .select({ view: targetProposals.view })
    .from(targetProposals)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(targetProposals.proposedAt), desc(targetProposals.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => r.view as ProposalView);
  const last = items.at(-1);
  return { items, ...(rows.length > limit && last ? { next: { proposedAt: last.proposedAt, id: last.id } } : {}) };
}
