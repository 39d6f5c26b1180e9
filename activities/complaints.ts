import type { Database } from '../db/client.js';
import { repeatCandidates, writeComplaintRecord, type ComplaintRecord, type RepeatQuery } from '../db/complaints.js';
import { readPolicy, readRoster } from '../db/settings.js';
import type { TransitionRecord } from '../db/transition.js';
import { repeatOf, resolutionWindowFor } from '../domain/complaints/rules.js';
import type { Severity } from '../domain/complaints/types.js';
import type { SlaPolicy } from '../domain/policies.js';
import { deadlineActivities } from './deadlines.js';

/** What intake needs from the database, in one local activity (one workflow activation). */
export interface IntakePreparation {
  policy: SlaPolicy;
  version: number;
  /** ISO deadlines of the policy windows counted from receipt. */
  deadlines: { firstResponse: string; resolution: string; maxPauseEnd: string; breachWindowEnd: string };
  repeats: string[];
}

/**
 * Earlier complaints of the same customer with the same category or product within the window
 * (domain `repeatOf` decides; the query only narrows the candidates).
 */
async function repeatsOf(db: Database, q: RepeatQuery): Promise<string[]> {
  const windowDays = q.windowDays ?? 30;
  const candidates = await repeatCandidates(db, { ...q, windowDays });
  return repeatOf({ id: q.id, customerRef: q.customerRef, category: q.category, initiativeId: q.initiativeId, receivedAt: q.receivedAt }, candidates, windowDays);
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
      const { value: policy, version } = await readPolicy(db, 'sla');
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
     * The KPI facts (domain/reports/facts.ts) are derived in the same write.
     */
    async recordComplaint(input: { complaint: ComplaintRecord } & TransitionRecord): Promise<void> {
      await writeComplaintRecord(db, input);
    },

    /** The committee chair on the roster now (snapshotted when a complaint reaches the committee level). */
    async committeeChair(): Promise<string | null> {
      const roster = await readRoster(db);
      return roster.find((m) => m.chair)?.userId ?? null;
    },
  };
}
