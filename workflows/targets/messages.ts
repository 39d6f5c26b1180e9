/**
 * The target-approval workflow's interface: its input, updates and query. Imported by the
 * workflow and by the API (and by any process that decides for the committee, e.g. a committee
 * meeting, whose activity addresses it by the names in domain/targets/proposal.ts), so it holds only
 * @temporalio/workflow and domain imports.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor.js';
import { decideTargetsUpdateName, targetProposalWorkflowId, type DecideCommand, type ProposalInput, type ProposalView } from '../../domain/targets/proposal.js';

export type { DecideCommand, ProposalInput } from '../../domain/targets/proposal.js';

export const targetProposalWorkflowType = 'targetProposalWorkflow';
export { targetProposalWorkflowId };

export interface ProposeCommand {
  actor: Actor;
}

/** Answers once the proposal is recorded (update-with-start). */
export const proposeTargetsUpdate = defineUpdate<ProposalView, [ProposeCommand]>('proposeTargets');
/**
 * The committee's decision. The API sends it for the chair; a committee meeting's process sends
 * it too, with `via: { kind: 'meeting', meetingId }` and an actor of role `system`.
 */
export const decideTargetsUpdate = defineUpdate<ProposalView, [DecideCommand]>(decideTargetsUpdateName);
export const targetProposalQuery = defineQuery<ProposalView>('targetProposal');
