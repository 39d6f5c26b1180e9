/**
 * The detractor follow-up workflow's interface: its input, updates and query. Imported by the API
 * and the worker's sweeper, so it holds only @temporalio/workflow and domain imports.
 *
 * Workflow id: `followup-<response id>` (domain/followups/rules.ts): one answer, one follow-up.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor.js';
import type { FollowUpView, RecordOutcomeCommand } from '../../domain/followups/types.js';

export type { FollowUpInput, FollowUpView, RecordOutcomeCommand } from '../../domain/followups/types.js';
export { followUpWorkflowId } from '../../domain/followups/rules.js';

export const followUpWorkflowType = 'followUpWorkflow';

/** Answers the follow-up once opened (the sweeper starts it with update-with-start). */
export const openedUpdate = defineUpdate<FollowUpView, [{ actor: Actor }]>('opened');
export const recordOutcomeUpdate = defineUpdate<FollowUpView, [RecordOutcomeCommand]>('recordOutcome');
export const followUpQuery = defineQuery<FollowUpView>('followUp');
