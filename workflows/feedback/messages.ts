/**
 * The feedback workflow's interface: its updates and query. Imported by the workflow and by the
 * API, so it holds only @temporalio/workflow and domain imports. Workflow id `feedback-<id>`.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor.js';
import type { AnswerCommand, ArchiveCommand, CreditCommand, FeedbackView, LinkCommand, ReclassifyCommand, RespondCommand, RouteCommand } from '../../domain/feedback/types.js';

export type { AnswerCommand, ArchiveCommand, CreditCommand, FeedbackInput, FeedbackView, LinkCommand, ReclassifyCommand, RespondCommand, RouteCommand } from '../../domain/feedback/types.js';
export { feedbackWorkflowId } from '../../domain/feedback/process.js';

export const feedbackWorkflowType = 'feedbackWorkflow';

/** Answers the item once logged (the API creates it with update-with-start). */
export const loggedUpdate = defineUpdate<FeedbackView, [{ actor: Actor }]>('logged');
export const answerUpdate = defineUpdate<FeedbackView, [AnswerCommand]>('answer');
export const routeUpdate = defineUpdate<FeedbackView, [RouteCommand]>('route');
export const respondUpdate = defineUpdate<FeedbackView, [RespondCommand]>('respond');
export const linkUpdate = defineUpdate<FeedbackView, [LinkCommand]>('link');
export const creditUpdate = defineUpdate<FeedbackView, [CreditCommand]>('credit');
export const archiveUpdate = defineUpdate<FeedbackView, [ArchiveCommand]>('archive');
export const reclassifyUpdate = defineUpdate<FeedbackView, [ReclassifyCommand]>('reclassify');
export const feedbackQuery = defineQuery<FeedbackView>('feedback');
