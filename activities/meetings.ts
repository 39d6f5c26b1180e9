import { ApplicationFailure } from '@temporalio/activity';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { readBusinessCalendar } from '../db/calendar.js';
import type { Database } from '../db/client.js';
import { agendaFacts, writeMeetingRecord, type MeetingRecord, type PostLaunchDecision } from '../db/meetings.js';
import { readPolicy, readRoster } from '../db/settings.js';
import type { Actor } from '../domain/actor.js';
import { commandErrorTypes } from '../domain/command-errors.js';
import type { Duration } from '../domain/duration.js';
import { assembleAgenda } from '../domain/meetings/agenda.js';
import { monthBefore } from '../domain/meetings/process.js';
import type { MeetingSetup } from '../domain/meetings/types.js';
import type { TransitionRecord } from '../domain/trail.js';
import type { CommandSigner } from '../security/command-signing.js';
import { decideTargetsUpdateName, targetProposalWorkflowId, type DecideCommand, type ProposalView } from '../domain/targets/proposal.js';

/** How a process's activity sends a command to another process: the worker's Temporal client and the API's signing key. */
export interface ProcessChannel {
  temporal: Client;
  signer: CommandSigner;
}

/** The actor a meeting's process decides as, in the other families it decides for. */
export const meetingActor = (meetingId: string): Actor => ({ userId: `meeting-${meetingId}`, name: `committee meeting ${meetingId}`, roles: ['system'] });

/**
 * Side effects of the meeting family (docs/meetings.md): the month a schedule tick convenes, the
 * roster, policy and agenda a meeting convenes with, the minutes' deadlines on the business
 * calendar, the decisions a meeting sends to other families (a target proposal's decision), and
 * the record of each step in one transaction.
 */
export function meetingActivities(db: Database, channel?: ProcessChannel) {
  return {
    /** The month ('yyyy-mm') of an instant in the institution's zone. */
    async meetingMonthOf({ at }: { at: string }): Promise<string> {
      const { calendar } = await readBusinessCalendar(db);
      return calendar.localDateOf(new Date(at)).slice(0, 7);
    },

    /**
     * What a meeting convenes with, read once: the roster and its chair, the gate review policy's
     * quorum ratio, the meeting policy, and the agenda assembled from the data of the month before
     * the meeting's (domain/meetings/agenda.ts).
     */
    async assembleMeetingAgenda({ month, at }: { meetingId: string; month: string; at: string }): Promise<MeetingSetup> {
      const [roster, review, policy] = await Promise.all([readRoster(db), readPolicy(db, 'review'), readPolicy(db, 'meetings')]);
      const reviewedMonth = monthBefore(month);
      const facts = await agendaFacts(db, reviewedMonth, { hotIssues: policy.value.hotIssues, at: new Date(at) });
      return {
        roster,
        chairUserId: roster.find((m) => m.chair)?.userId ?? null,
        quorumRatio: review.value.quorumRatio,
        reviewPolicyVersion: review.version,
        policy: policy.value,
        policyVersion: policy.version,
        reviewedMonth,
        items: assembleAgenda(facts, policy.value.hotIssues),
      };
    },

    /** The minutes' reminder and escalation instants, `reminder` and `escalation` after `from` (business calendar). */
    async meetingMinutesDeadlines({ from, reminder, escalation }: { from: string; reminder: Duration; escalation: Duration }): Promise<{ reminderAt: string; escalateAt: string }> {
      const { calendar } = await readBusinessCalendar(db);
      const start = new Date(from);
      return { reminderAt: calendar.deadlineFor(start, reminder).toISOString(), escalateAt: calendar.deadlineFor(start, escalation).toISOString() };
    },

    /**
     * The meeting's decision on a target proposal, sent to the proposal's own process as the
     * committee meeting (domain/targets/proposal.ts `Decider`), signed like every command. The
     * update id is the meeting's and the item's: a retry is answered, never applied twice.
     */
    async decideTargetsForMeeting({ proposalId, meetingId, itemKey, approved, comment }: { proposalId: string; meetingId: string; itemKey: string; approved: boolean; comment: string }): Promise<{ status: string }> {
      if (!channel) throw ApplicationFailure.nonRetryable('this worker has no channel to other processes', 'NoProcessChannel');
      const workflowId = targetProposalWorkflowId(proposalId);
      const updateId = `meeting-${meetingId}:${itemKey}`;
      const command: DecideCommand = { actor: meetingActor(meetingId), approved, comment, via: { kind: 'meeting', meetingId } };
      try {
        const view = await channel.temporal.workflow.getHandle(workflowId).executeUpdate<ProposalView, [DecideCommand]>(decideTargetsUpdateName, { args: [channel.signer.sign({ workflowId, name: decideTargetsUpdateName, updateId }, command)], updateId });
        return { status: view.status };
      } catch (err) {
        const cause = err instanceof WorkflowUpdateFailedError ? (err.cause as { type?: string; message?: string } | undefined) : undefined;
        if (cause?.type && (Object.values(commandErrorTypes) as string[]).includes(cause.type)) throw ApplicationFailure.nonRetryable(`the target proposal refused the meeting's decision: ${cause.message}`, commandErrorTypes.conflict);
        throw err;
      }
    },

    async recordMeeting(input: { meeting: MeetingRecord; postLaunch?: PostLaunchDecision } & TransitionRecord): Promise<void> {
      await writeMeetingRecord(db, input);
    },
  };
}
