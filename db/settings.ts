import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import {
  defaultCalendarSettings,
  defaultReviewPolicy,
  defaultSlaPolicy,
  type CalendarSettings,
  type CommitteeMember,
  type ReviewPolicy,
  type SlaPolicy,
} from '../domain/policies.js';
import { defaultRoutingTable, type RoutingTable } from '../domain/notifications/routing.js';
import { defaultRootCausePolicy, type RootCausePolicy } from '../domain/complaints/root-causes.js';
import { defaultIncidentPolicy, type IncidentPolicy } from '../domain/incidents/policy.js';
import { defaultKpiTargets, type KpiTargets } from '../domain/targets/targets.js';
import { defaultImprovementPolicy, type ImprovementPolicy } from '../domain/improvements/types.js';
import { defaultFollowUpPolicy, type FollowUpPolicy } from '../domain/followups/types.js';
import { defaultErasurePolicy, type ErasurePolicy } from '../domain/erasure/types.js';
import { defaultMeetingPolicy, type MeetingPolicy } from '../domain/meetings/policy.js';
import { defaultDepartmentNames, type DepartmentNames } from '../domain/departments.js';
import { defaultFeedbackPolicy, type FeedbackPolicy } from '../domain/feedback/types.js';
import type { Database, Transaction } from './client.js';
import type { AuditEntityType } from '../domain/trail.js';
import { appendAuditEvent } from './audit.js';
import { auditEvents, committeeMembers, policies } from './schema/index.js';

/**
 * Administrable settings: the committee roster, the review, SLA, root-cause and incident policies,
 * the business calendar, the notification routing table and the KPI targets. Unset settings read
 * as their defaults (domain/). Every change is written with an audit event (who, when, before,
 * after) in the same transaction. The targets change only through an approved proposal (the
 * approval workflow writes them with `writePolicyIn`, in its own transaction).
 */
export interface PolicyKinds {
  review: ReviewPolicy;
  sla: SlaPolicy;
  calendar: CalendarSettings;
  /** Who hears of which event type (docs/notifications.md). */
  notificationRouting: RoutingTable;
  rootCauses: RootCausePolicy;
  incidents: IncidentPolicy;
  targets: KpiTargets;
  /** Improvement actions' reminders, escalation and effectiveness check (docs/improvements.md). */
  improvements: ImprovementPolicy;
  /** Personal-data retention and erasure (docs/security.md "Customer data keys and erasure"). */
  erasure: ErasurePolicy;
  /** Committee meetings: the minutes' reminder and escalation (docs/meetings.md). */
  meetings: MeetingPolicy;
  /** The departments' display names in Chinese and English (domain/departments.ts). */
  departments: DepartmentNames;
  /** Detractor follow-ups: the deadline and its reminder (docs/followups.md). */
  followUps: FollowUpPolicy;
  /** Feedback: an inquiry's first-response target (docs/feedback.md). */
  feedback: FeedbackPolicy;
}
export type PolicyKind = keyof PolicyKinds;

const defaults: PolicyKinds = {
  review: defaultReviewPolicy,
  sla: defaultSlaPolicy,
  calendar: defaultCalendarSettings,
  notificationRouting: defaultRoutingTable,
  rootCauses: defaultRootCausePolicy,
  incidents: defaultIncidentPolicy,
  targets: defaultKpiTargets,
  improvements: defaultImprovementPolicy,
  erasure: defaultErasurePolicy,
  meetings: defaultMeetingPolicy,
  departments: defaultDepartmentNames,
  followUps: defaultFollowUpPolicy,
  feedback: defaultFeedbackPolicy,
};
const auditEntity: Record<PolicyKind, AuditEntityType> = { review: 'policy', sla: 'policy', calendar: 'calendar', notificationRouting: 'policy', rootCauses: 'policy', incidents: 'policy', targets: 'policy', improvements: 'policy', erasure: 'policy', meetings: 'policy', departments: 'policy', followUps: 'policy', feedback: 'policy' };

export interface Versioned<T> {
  value: T;
  version: number;
}

export async function readPolicy<K extends PolicyKind>(db: Database, kind: K): Promise<Versioned<PolicyKinds[K]>> {
  const [row] = await db.select().from(policies).where(eq(policies.kind, kind));
  return row ? { value: row.value as PolicyKinds[K], version: row.version } : { value: defaults[kind], version: 0 };
}

/**
 * Several policies in one statement, each as `readPolicy` reads it (its default, version 0, when
 * unset): the hot paths (every intake, every complaint answer) read two or three together, and
 * each statement costs both the caller and the database more than its rows.
 */
export async function readPolicies<K extends PolicyKind>(db: Database, kinds: readonly K[]): Promise<{ [P in K]: Versioned<PolicyKinds[P]> }> {
  const rows = kinds.length ? await db.select().from(policies).where(inArray(policies.kind, [...kinds])) : [];
  const read = {} as { [P in K]: Versioned<PolicyKinds[P]> };
  for (const kind of kinds) {
    const row = rows.find((r) => r.kind === kind);
    read[kind] = row ? { value: row.value as PolicyKinds[K], version: row.version } : { value: defaults[kind], version: 0 };
  }
  return read;
}

export async function writePolicy<K extends PolicyKind>(db: Database, kind: K, value: PolicyKinds[K], actor: Pick<Actor, 'userId' | 'roles'>, reason?: string): Promise<Versioned<PolicyKinds[K]>> {
  return db.transaction((tx) => writePolicyIn(tx, kind, value, actor, { reason }));
}

/**
 * Writes a policy inside the caller's transaction: the new version and its audit event
 * (`<kind>.updated`, before and after). `sourceKey` makes a retried write a no-op (the approval
 * workflow's record activity passes one); `extra` joins the audit event's `after`.
 */
export async function writePolicyIn<K extends PolicyKind>(
  tx: Transaction,
  kind: K,
  value: PolicyKinds[K],
  actor: Pick<Actor, 'userId' | 'roles'>,
  opts: { reason?: string | undefined; sourceKey?: string; at?: Date; extra?: Record<string, unknown> } = {},
): Promise<Versioned<PolicyKinds[K]>> {
  if (opts.sourceKey) {
    const [done] = await tx.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.sourceKey, opts.sourceKey));
    if (done) {
      const [row] = await tx.select().from(policies).where(eq(policies.kind, kind));
      return { value: row!.value as PolicyKinds[K], version: row!.version };
    }
  }
  const [row] = await tx.select().from(policies).where(eq(policies.kind, kind)).for('update');
  const before = row ? row.value : defaults[kind];
  const version = (row?.version ?? 0) + 1;
  await tx
    .insert(policies)
    .values({ kind, value, version, updatedBy: actor.userId })
    .onConflictDoUpdate({ target: policies.kind, set: { value, version, updatedBy: actor.userId, updatedAt: new Date() } });
  await appendAuditEvent(tx, {
    entityType: auditEntity[kind],
    entityId: kind,
    sourceKey: opts.sourceKey ?? `${kind}:${version}:${randomUUID()}`,
    actor: actor.userId,
    roles: actor.roles,
    action: `${kind}.updated`,
    at: opts.at ?? new Date(),
    before,
    after: { ...value, version, ...opts.extra },
    reason: opts.reason ?? null,
  });
  return { value, version };
}

export async function readRoster(db: Database): Promise<CommitteeMember[]> {
  const rows = await db.select().from(committeeMembers).orderBy(asc(committeeMembers.userId));
  return rows.map(({ userId, name, department, chair }) => ({ userId, name, department, chair }));
}

export async function writeRoster(db: Database, members: CommitteeMember[], actor: Pick<Actor, 'userId' | 'roles'>, reason?: string): Promise<CommitteeMember[]> {
  return db.transaction(async (tx) => {
    // Serialise roster changes: the chain head row of the roster is the lock.
    const before = await tx.select().from(committeeMembers).for('update');
    await tx.delete(committeeMembers);
    if (members.length > 0) await tx.insert(committeeMembers).values(members);
    await appendAuditEvent(tx, {
      entityType: 'committee',
      entityId: 'roster',
      sourceKey: `committee:${randomUUID()}`,
      actor: actor.userId,
      roles: actor.roles,
      action: 'committee.updated',
      at: new Date(),
      before: before.map(({ userId, name, department, chair }) => ({ userId, name, department, chair })),
      after: members,
      reason: reason ?? null,
    });
    return [...members].sort((a, b) => a.userId.localeCompare(b.userId));
  });
}
