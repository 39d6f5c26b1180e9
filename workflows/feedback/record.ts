import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Batch } from '../../domain/drafts.js';
import { feedbackRecord, feedbackView, placeFeedbackBatch } from '../../domain/feedback/process.js';
import type { FeedbackView } from '../../domain/feedback/types.js';
import type { Feedback } from './state.js';

/**
 * How an item's steps reach the database: the projection row and the step's audit events and
 * notifications, in one local activity and one transaction (idempotent on source keys,
 * version-guarded).
 */
const { recordFeedback } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '100ms', maximumInterval: '5s' },
});

export function viewOf(feedback: Feedback): FeedbackView {
  return feedbackView(feedback.input, feedback.state);
}

/** Places the batch in the item's chain and writes it with the projection; a batch without audit events records nothing. */
export async function record(feedback: Feedback, batch: Batch): Promise<void> {
  if (batch.audit.length === 0) return;
  const placed = placeFeedbackBatch(feedback.input, feedback.workflowId, feedback.state, batch);
  await recordFeedback({ feedback: feedbackRecord(feedback.input, feedback.workflowId, feedback.state), ...placed });
}
