import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Batch } from '../../domain/drafts.js';
import { followUpRecord, followUpView, placeFollowUpBatch } from '../../domain/followups/process.js';
import type { FollowUpView } from '../../domain/followups/types.js';
import type { FollowUp } from './state.js';

/**
 * How a follow-up's steps reach the database: the projection row and the step's audit events and
 * notifications, in one local activity and one transaction (idempotent on source keys,
 * version-guarded).
 */
const { recordFollowUp } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '100ms', maximumInterval: '5s' },
});

export function viewOf(followUp: FollowUp): FollowUpView {
  return followUpView(followUp.input, followUp.state);
}

/** Places the batch in the follow-up's chain and writes it with the projection; a batch without audit events records nothing. */
export async function record(followUp: FollowUp, batch: Batch): Promise<void> {
  if (batch.audit.length === 0) return;
  const placed = placeFollowUpBatch(followUp.input, followUp.workflowId, followUp.state, batch);
  await recordFollowUp({ followUp: followUpRecord(followUp.input, followUp.workflowId, followUp.state), ...placed });
}
