import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { TargetsApplication } from '../../db/targets.js';
import { placeBatch, type Batch } from '../../domain/drafts.js';
import { proposalView, targetProposalRecord, type ProposalView } from '../../domain/targets/proposal.js';
import type { TargetProposal } from './state.js';

/**
 * How a proposal's steps reach the database: the view, the projection row, the step's audit
 * events and notifications and, on approval, the targets themselves, in one local activity and
 * one transaction (idempotent on the events' source keys, version-guarded).
 */
const { recordTargetProposal } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '100ms', maximumInterval: '5s' },
});

export function viewOf(p: TargetProposal): ProposalView {
  return proposalView(p.input, p.state);
}

export async function record(p: TargetProposal, batch: Batch, apply?: Omit<TargetsApplication, 'sourceKey'>): Promise<void> {
  const placed = placeBatch('target_proposal', p.input.id, p.workflowId, p.state, batch);
  const view = viewOf(p);
  const { appliedVersion } = await recordTargetProposal({
    proposal: targetProposalRecord(view, p.workflowId),
    ...(apply ? { apply: { ...apply, sourceKey: `${p.workflowId}:targets` } } : {}),
    ...placed,
  });
  if (appliedVersion !== null) p.state.appliedVersion = appliedVersion;
}
