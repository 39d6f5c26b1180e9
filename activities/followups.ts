import { readBusinessCalendar } from '../db/calendar.js';
import type { Database } from '../db/client.js';
import { departmentHead } from '../db/improvements.js';
import { activeSupervisors, writeFollowUpRecord, type FollowUpRecord } from '../db/followups.js';
import { readPolicy } from '../db/settings.js';
import { followUpAddressees } from '../domain/followups/rules.js';
import type { FollowUpPolicy } from '../domain/followups/types.js';
import type { TransitionRecord } from '../domain/trail.js';

/**
 * Side effects of the detractor follow-up family (docs/followups.md): what a follow-up snapshots
 * when it opens (the policy, the supervisors of the accountable department, its head, the
 * deadline on the business calendar), and the record of each step in one transaction.
 */
export function followUpActivities(db: Database) {
  return {
    async prepareFollowUp(input: { openedAt: string; department: string }): Promise<{ policy: FollowUpPolicy; policyVersion: number; supervisorIds: string[]; departmentHeadId: string | null; due: string }> {
      const [policy, supervisors, head, { calendar }] = await Promise.all([
        readPolicy(db, 'followUps'),
        activeSupervisors(db),
        input.department && input.department !== 'none' ? departmentHead(db, input.department) : Promise.resolve(null),
        readBusinessCalendar(db),
      ]);
      const due = calendar.deadlineFor(new Date(input.openedAt), policy.value.due).toISOString();
      return { policy: policy.value, policyVersion: policy.version, supervisorIds: followUpAddressees(input.department, supervisors), departmentHeadId: head, due };
    },

    async recordFollowUp(input: { followUp: FollowUpRecord } & TransitionRecord): Promise<void> {
      await writeFollowUpRecord(db, input);
    },
  };
}
