import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Batch } from '../../domain/drafts.js';
import { improvementRecord, improvementView, placeImprovementBatch } from '../../domain/improvements/process.js';
import type { ImprovementView } from '../../domain/improvements/types.js';
import type { Improvement } from './state.js';

/**
 * How an action's steps reach the database: the projection row and the step's audit events and
 * notifications, in one local activity and one transaction (idempotent on source keys,
 * version-guarded).
 */
const { recordImprovement } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '100ms', maximumInterval: '5s' },
});

export function viewOf(improvement: Improvement): ImprovementView {
  return improvementView(improvement.input, improvement.state);
}

/** Places the batch in the action's chain and writes it with the projection; a batch without audit events records nothing. */
export async function record(improvement: Improvement, batch: Batch): Promise<void> {
  if (batch.audit.length === 0) return;
  const placed = placeImprovementBatch(improvement.input, improvement.workflowId, improvement.state, batch);
  await recordImprovement({ improvement: improvementRecord(improvement.input, improvement.workflowId, improvement.state), ...placed });
}
