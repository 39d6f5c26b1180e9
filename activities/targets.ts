import { readBusinessCalendar } from '../db/calendar.js';
import type { Database } from '../db/client.js';
import { readPolicy, readRoster } from '../db/settings.js';
import { writeTargetProposalRecord, type TargetProposalRecord, type TargetsApplication } from '../db/targets.js';
import { reminderAt, type ProposalInput, type ProposalSetup } from '../domain/targets/proposal.js';
import type { TransitionRecord } from '../domain/trail.js';

/**
 * Side effects of the target-approval workflow: what a proposal reads when it opens, the targets
 * version an approval would replace, and the record of each step (projection, audit,
 * notifications and, on approval, the targets themselves) in one transaction.
 */
export function targetActivities(db: Database) {
  return {
    /**
     * What a proposal runs under, read once when it opens: the targets in force (what an approval
     * replaces), the committee chair on the roster (who decides), and the decision window — the
     * gate review policy's deadline and reminder ratio, on the business calendar.
     */
    async openTargetProposal(input: Pick<ProposalInput, 'proposedAt'>): Promise<ProposalSetup> {
      const [targets, roster, review, { calendar }] = await Promise.all([readPolicy(db, 'targets'), readRoster(db), readPolicy(db, 'review'), readBusinessCalendar(db)]);
      const opened = Date.parse(input.proposedAt);
      const deadline = calendar.deadlineFor(new Date(opened), review.value.reviewDeadline).getTime();
      return {
        base: { targets: targets.value, version: targets.version },
        chairUserId: roster.find((m) => m.chair)?.userId ?? null,
        deadline: new Date(deadline).toISOString(),
        reminderAt: new Date(reminderAt(opened, deadline, review.value.reminderRatio)).toISOString(),
        reviewPolicyVersion: review.version,
      };
    },

    /** The version of the targets in force now (an approval refuses when they changed since the proposal). */
    async targetsVersion(): Promise<number> {
      return (await readPolicy(db, 'targets')).version;
    },

    async recordTargetProposal(input: { proposal: TargetProposalRecord; apply?: TargetsApplication } & TransitionRecord): Promise<{ appliedVersion: number | null }> {
      return writeTargetProposalRecord(db, input);
    },
  };
}
