import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Batch } from '../../domain/drafts.js';
import { erasureRecord, erasureView, placeErasureBatch } from '../../domain/erasure/process.js';
import type { ErasureView } from '../../domain/erasure/types.js';
import type { Erasure } from './state.js';

/**
 * How an erasure's steps reach the database: the view, the projection row and the step's audit
 * events and notifications, in one local activity and one transaction (idempotent on source
 * keys, version-guarded).
 */
const { recordErasure } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '100ms', maximumInterval: '5s' },
});

export function viewOf(e: Erasure): ErasureView {
  return erasureView(e.input, e.state);
}

/** Places the batch in the erasure's chain and writes it with the projection; a batch without audit events records nothing. */
export async function record(e: Erasure, batch: Batch): Promise<void> {
  if (batch.audit.length === 0) return;
  const placed = placeErasureBatch(e.input, e.workflowId, e.state, batch);
  await recordErasure({ erasure: erasureRecord(e.workflowId, viewOf(e)), ...placed });
}
