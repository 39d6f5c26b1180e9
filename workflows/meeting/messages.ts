/**
 * The meeting workflow's interface: its input, updates and query. Imported by the workflows and by
 * the API, so it holds only @temporalio/workflow and domain imports.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AddItemCommand, AttendCommand, DecideCommand, MeetingView, SignMinutesCommand } from '../../domain/meetings/types.js';

export type { AddItemCommand, AttendCommand, DecideCommand, MeetingInput, SignMinutesCommand } from '../../domain/meetings/types.js';
export { meetingWorkflowId } from '../../domain/meetings/process.js';

export const meetingWorkflowType = 'meetingWorkflow';

/** Answers once the meeting has convened and recorded its agenda (update-with-start of an extra meeting). */
export const conveneMeetingUpdate = defineUpdate<MeetingView, [{ actor: AttendCommand['actor'] }]>('conveneMeeting');
export const attendMeetingUpdate = defineUpdate<MeetingView, [AttendCommand]>('attendMeeting');
export const addAgendaItemUpdate = defineUpdate<MeetingView, [AddItemCommand]>('addAgendaItem');
export const decideAgendaItemUpdate = defineUpdate<MeetingView, [DecideCommand]>('decideAgendaItem');
export const signMinutesUpdate = defineUpdate<MeetingView, [SignMinutesCommand]>('signMinutes');
export const meetingQuery = defineQuery<MeetingView>('meeting');
