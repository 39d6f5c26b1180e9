import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { placeInChain, type Batch } from '../../domain/complaints/events.js';
import { complaintRecord, complaintView } from '../../domain/complaints/projection.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import type { Complaint } from './state.js';

/**
 * How a complaint's steps reach the database: the view, the projection row, and one batch of
 * audit events and notifications (domain/complaints/projection.ts and events.ts build them), all
 * written by one local activity in one transaction. The activity is idempotent on the events'
 * source keys, so a retry writes nothing twice.
 */

// A short database write: local (no server round trip of its own), retried until it lands.
const { recordComplaint } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '100ms', maximumInterval: '5s' },
});

/** The complaint as queries and commands answer it, at the workflow's current instant. */
export function viewOf(complaint: Complaint): ComplaintView {
  return complaintView(complaint.input, complaint.state, Date.now());
}

/** Places the batch's events in the chain and writes them with the projection; a batch without audit events records nothing. */
export async function record(complaint: Complaint, batch: Batch): Promise<void> {
  if (batch.audit.length === 0) return;
  const { input, state, workflowId } = complaint;
  const placed = placeInChain(input, workflowId, state, batch);
  await recordComplaint({ complaint: complaintRecord(input, workflowId, state, viewOf(complaint)), ...placed });
}
