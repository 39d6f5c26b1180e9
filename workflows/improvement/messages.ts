/**
 * The improvement workflow's interface: its input, updates and query. Imported by the workflows
 * (a meeting raising an action: raise.ts) and by the API, so it holds only @temporalio/workflow
 * and domain imports.
 *
 * Workflow id: `improvement-<id>`, where `<id>` is `improvementIdFor(source)` — `<kind>.<source id>`
 * — so one source raises one action however often it is asked to.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CompleteCommand, ImprovementView, ProgressCommand, SendBackCommand, VerifyCommand } from '../../domain/improvements/types.js';

export type { CompleteCommand, ImprovementInput, ImprovementSource, ImprovementView, ProgressCommand, SendBackCommand, VerifyCommand } from '../../domain/improvements/types.js';
export { improvementIdFor, improvementWorkflowId, validSource } from '../../domain/improvements/ids.js';

export const improvementWorkflowType = 'improvementWorkflow';

/** Answers the action once raised (the API creates an action with update-with-start and answers with it). */
export const raisedUpdate = defineUpdate<ImprovementView, [{ actor: import('../../domain/actor.js').Actor }]>('raised');
export const reportProgressUpdate = defineUpdate<ImprovementView, [ProgressCommand]>('reportProgress');
export const completeUpdate = defineUpdate<ImprovementView, [CompleteCommand]>('complete');
export const verifyUpdate = defineUpdate<ImprovementView, [VerifyCommand]>('verify');
export const sendBackUpdate = defineUpdate<ImprovementView, [SendBackCommand]>('sendBack');
export const improvementQuery = defineQuery<ImprovementView>('improvement');
