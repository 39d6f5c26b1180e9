import { readBusinessCalendar } from '../db/calendar.js';
import type { Database } from '../db/client.js';
import { complaintsReceived, departmentHead, writeImprovementRecord, type ImprovementRecord } from '../db/improvements.js';
import { readPolicy, readRoster } from '../db/settings.js';
import type { Duration } from '../domain/duration.js';
import { comparisonPeriods, effectivenessVerdict } from '../domain/improvements/effectiveness.js';
import type { EffectivenessMeasure, EffectivenessResult, ImprovementPolicy } from '../domain/improvements/types.js';
import type { TransitionRecord } from '../domain/trail.js';

/**
 * Side effects of the improvement family (docs/improvements.md): what an action snapshots when
 * raised (the policy, the chair, the owner department's head), its due dates on the business
 * calendar, the effectiveness counts, and the record of each step in one transaction.
 */
export function improvementActivities(db: Database) {
  async function dueDates(from: string, dueInDays: number, policy: ImprovementPolicy): Promise<{ due: string; climbAt: string }> {
    const { calendar } = await readBusinessCalendar(db);
    const due = calendar.deadlineFor(new Date(from), { amount: dueInDays, unit: policy.dueUnit });
    return { due: due.toISOString(), climbAt: calendar.deadlineFor(due, policy.escalationWindow).toISOString() };
  }
  return {
    /** The snapshot at raise: the policy in force (unless the input carries one), the chair, the department head, the due dates. */
    async prepareImprovement(input: { raisedAt: string; dueInDays: number; ownerDepartment: string; policy?: ImprovementPolicy; policyVersion?: number }) {
      const [policy, roster, head] = await Promise.all([
        input.policy ? Promise.resolve({ value: input.policy, version: input.policyVersion ?? 0 }) : readPolicy(db, 'improvements'),
        readRoster(db),
        departmentHead(db, input.ownerDepartment),
      ]);
      const dates = await dueDates(input.raisedAt, input.dueInDays, policy.value);
      return { policy: policy.value, policyVersion: policy.version, chairUserId: roster.find((m) => m.chair)?.userId ?? null, departmentHeadId: head, ...dates };
    },

    /** A new due date `dueInDays` policy due units after `from`, and its escalation date. */
    async improvementDueDates(input: { from: string; dueInDays: number; policy: ImprovementPolicy }): Promise<{ due: string; climbAt: string }> {
      return dueDates(input.from, input.dueInDays, input.policy);
    },

    /** When the effectiveness check falls due: `after` from the close, on the business calendar. */
    async improvementCheckAt(input: { from: string; after: Duration }): Promise<string> {
      const { calendar } = await readBusinessCalendar(db);
      return calendar.deadlineFor(new Date(input.from), input.after).toISOString();
    },

    /** Complaints of the measure in the period before the raise and in the period after the close. */
    async checkImprovementEffectiveness(input: { measure: EffectivenessMeasure | null; raisedAt: string; closedAt: string; checkAt: string; requiredFall: number }): Promise<EffectivenessResult> {
      const { measure } = input;
      if (!measure) return { verdict: 'not_measurable', measure: null, before: null, after: null, at: input.checkAt };
      const p = comparisonPeriods(Date.parse(input.raisedAt), Date.parse(input.closedAt), Date.parse(input.checkAt));
      const iso = (ms: number) => new Date(ms).toISOString();
      const [before, after] = await Promise.all([
        complaintsReceived(db, measure.dimension, measure.value, iso(p.before.from), iso(p.before.to)),
        complaintsReceived(db, measure.dimension, measure.value, iso(p.after.from), iso(p.after.to)),
      ]);
      return {
        verdict: effectivenessVerdict(before, after, input.requiredFall),
        measure,
        before: { from: iso(p.before.from), to: iso(p.before.to), count: before },
        after: { from: iso(p.after.from), to: iso(p.after.to), count: after },
        at: input.checkAt,
      };
    },

    async recordImprovement(input: { improvement: ImprovementRecord } & TransitionRecord): Promise<void> {
      await writeImprovementRecord(db, input);
    },
  };
}
