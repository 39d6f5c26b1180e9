import { and, eq, gte, lte, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { deriveComplaintFacts } from '../db/complaint-facts.js';
import { complaints } from '../db/schema/index.js';
import { readPolicy, readRoster } from '../db/settings.js';
import { writeTransition, type TransitionRecord } from '../db/transition.js';
import { repeatOf, resolutionWindowFor } from '../domain/complaints/rules.js';
import type { Severity } from '../domain/complaints/types.js';
import type { SlaPolicy } from '../domain/policies.js';
import type { FactsSource } from '../domain/reports/facts.js';
import { deadlineActivities } from './deadlines.js';

/** The projection row as the workflow computes it (no PII: customerRef only). */
export interface ComplaintRecord {
  id: string;
  workflowId: string;
  status: string;
  channel: string;
  category: string;
  severity: string;
  customerRef: string;
  initiativeId: string | null;
  receivedAt: string;
  ownerKind: string;
  ownerId: string;
  agentId: string;
  department: string | null;
  escalationLevel: number;
  breached: boolean;
  chairUserId: string | null;
  signedOff: boolean;
  nextDeadline: string | null;
  nextDeadlineState: string | null;
  reopenCount: number;
  repeatOf: string[];
  policyVersion: number;
  closedAt: string | null;
  view: unknown;
  version: number;
}

export interface RepeatQuery {
  id: string;
  customerRef: string;
  category: string;
  initiativeId?: string;
  receivedAt: string;
  windowDays?: number;
}

const dayMs = 86_400_000;

/** What intake needs from the database, in one local activity (one workflow activation). */
export interface IntakePreparation {
  policy: SlaPolicy;
  version: number;
  /** ISO deadlines of the policy windows counted from receipt. */
  deadlines: { firstResponse: string; resolution: string; maxPauseEnd: string; breachWindowEnd: string };
  repeats: string[];
}

/** The SLA policy in force now and its version; the complaint keeps it for its whole life. */
async function slaPolicyNow(db: Database): Promise<{ policy: SlaPolicy; version: number }> {
  const { value, version } = await readPolicy(db, 'sla');
  return { policy: value, version };
}

/**
 * Earlier complaints of the same customer with the same category or product within the window
 * (domain `repeatOf` decides; the query only narrows the candidates).
 */
async function repeatsOf(db: Database, q: RepeatQuery): Promise<string[]> {
  const windowDays = q.windowDays ?? 30;
  const received = Date.parse(q.receivedAt);
  const from = new Date(received - windowDays * dayMs).toISOString();
  const sameThing = q.initiativeId ? or(eq(complaints.category, q.category), eq(complaints.initiativeId, q.initiativeId)) : eq(complaints.category, q.category);
  const rows = await db
    .select({ id: complaints.id, customerRef: complaints.customerRef, category: complaints.category, initiativeId: complaints.initiativeId, receivedAt: complaints.receivedAt })
    .from(complaints)
    .where(and(eq(complaints.customerRef, q.customerRef), ne(complaints.id, q.id), gte(complaints.receivedAt, from), lte(complaints.receivedAt, q.receivedAt), sameThing))
    .orderBy(complaints.receivedAt, complaints.id)
    .limit(100);
  return repeatOf(
    { id: q.id, customerRef: q.customerRef, category: q.category, initiativeId: q.initiativeId, receivedAt: q.receivedAt },
    rows.map((r) => ({ ...r, initiativeId: r.initiativeId ?? undefined })),
    windowDays,
  );
}

export function complaintActivities(db: Database) {
  const { computeDeadlines } = deadlineActivities(db);
  return {
    /**
     * Intake's reads together: the SLA policy in force (kept for the complaint's whole life), the
     * deadlines of its windows from the business calendar, and the earlier complaints this one
     * repeats. One local activity instead of three, so intake costs one workflow activation less.
     */
    async prepareIntake(q: RepeatQuery & { severity: Severity }): Promise<IntakePreparation> {
      const { policy, version } = await slaPolicyNow(db);
      const from = q.receivedAt;
      const [[firstResponse, resolution, maxPauseEnd, breachWindowEnd], repeats] = await Promise.all([
        computeDeadlines([
          { from, duration: policy.firstResponse },
          { from, duration: resolutionWindowFor(q.severity, policy) },
          { from, duration: policy.maxPause },
          { from, duration: policy.breachWindow },
        ]),
        repeatsOf(db, q),
      ]);
      return { policy, version, deadlines: { firstResponse: firstResponse!, resolution: resolution!, maxPauseEnd: maxPauseEnd!, breachWindowEnd: breachWindowEnd! }, repeats };
    },

    /**
     * Local activity: the projection row and the transition's audit events and notifications in
     * one transaction. Idempotent (audit/notification source keys) and version-guarded (an older
     * or repeated write never overwrites a newer row), so retries and late duplicates are harmless.
     * The KPI facts (domain/reports/facts.ts) are derived here from the view, in the same write.
     */
    async recordComplaint(input: { complaint: ComplaintRecord } & TransitionRecord): Promise<void> {
      const facts = await deriveComplaintFacts(db, input.complaint.view as FactsSource);
      const row = { ...input.complaint, ...facts, updatedAt: new Date() };
      await db.transaction(async (tx) => {
        const { id: _id, ...changes } = row;
        await tx
          .insert(complaints)
          .values(row)
          .onConflictDoUpdate({ target: complaints.id, set: changes, setWhere: sql`${complaints.version} < ${row.version}` });
        await writeTransition(tx, { audit: input.audit, notifications: input.notifications });
      });
    },



    /** The committee chair on the roster now (snapshotted when a complaint reaches the committee level). */
    async committeeChair(): Promise<string | null> {
      const roster = await readRoster(db);
      return roster.find((m) => m.chair)?.userId ?? null;
    },
  };
}
