import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { placeBatch, type Batch } from '../../domain/drafts.js';
import { meetingEntity, meetingRecord, meetingView } from '../../domain/meetings/process.js';
import type { MeetingView } from '../../domain/meetings/types.js';
import type { Meeting } from './state.js';

/**
 * How a meeting's steps reach the database: the view, the projection row, a post-launch item's
 * decision, and the step's audit events and notifications, in one local activity and one
 * transaction (idempotent on source keys, version-guarded).
 */
const { recordMeeting } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '100ms', maximumInterval: '5s' },
});

export function viewOf(m: Meeting): MeetingView {
  return meetingView(m.input, m.state);
}

export interface PostLaunchDecisionWrite {
  itemId: string;
  decision: string;
  meetingId: string;
  decidedBy: string;
  decidedAt: string;
  comment: string;
  actionId: string | null;
}

/** Places the batch in the meeting's chain and writes it with the projection; a batch without audit events records nothing. */
export async function record(m: Meeting, batch: Batch, postLaunch?: PostLaunchDecisionWrite): Promise<void> {
  if (batch.audit.length === 0) return;
  const placed = placeBatch(meetingEntity, m.input.id, m.workflowId, m.state, batch);
  await recordMeeting({ meeting: meetingRecord(viewOf(m), m.workflowId), ...(postLaunch ? { postLaunch } : {}), ...placed });
}
