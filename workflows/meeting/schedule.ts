/**
 * The monthly convening (docs/meetings.md): one run per tick of the schedule `cxgov-meeting-monthly`
 * (temporal/schedules.ts). It starts the month's meeting `meeting-<yyyy-mm>` — the month of the
 * schedule's action time in the institution's zone, resolved by an activity — unless it already
 * runs or ran: a second tick, a catch-up or a manual trigger of the same month convenes nothing new.
 *
 * Deterministic: "now" is the schedule's action time (or the run's start), passed to the activity.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { log, ParentClosePolicy, proxyLocalActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { systemActor } from '../../domain/actor.js';
import { meetingWorkflowId, monthlyMeetingId } from '../../domain/meetings/process.js';
import type { MeetingInput } from '../../domain/meetings/types.js';
import type { meetingWorkflow } from './index.js';

const { meetingMonthOf } = proxyLocalActivities<Activities>({ startToCloseTimeout: '30s', retry: { initialInterval: '500ms', maximumInterval: '10s' } });

const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export async function monthlyMeetingWorkflow(input: { asOf?: string } = {}): Promise<{ meetingId: string; started: boolean }> {
  const asOf = input.asOf ?? (workflowInfo().typedSearchAttributes.get(scheduledStartTime) ?? new Date(Date.now())).toISOString();
  const month = await meetingMonthOf({ at: asOf });
  // The month is the action time's; the meeting convenes now (a catch-up run convenes late, never back-dated).
  const meeting: MeetingInput = { id: monthlyMeetingId(month), month, kind: 'monthly', convenedBy: systemActor, convenedAt: new Date(Date.now()).toISOString() };
  try {
    await startChild<typeof meetingWorkflow>('meetingWorkflow', {
      workflowId: meetingWorkflowId(meeting.id),
      args: [meeting],
      // The meeting runs its course whatever happens to this short run.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { meetingId: meeting.id, started: true };
  } catch (err) {
    log.info('the month’s meeting is already convened', { meetingId: meeting.id, error: String(err) });
    return { meetingId: meeting.id, started: false };
  }
}
