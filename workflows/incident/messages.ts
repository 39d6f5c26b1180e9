/**
 * The incident workflow's interface: its input, updates, query and the signal the watcher sends.
 * Imported by the workflows and by the API, so it holds only @temporalio/workflow and domain imports.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AssignCommand, ComplaintsLinked, IncidentView, PlanCommand, ReviewCommand } from '../../domain/incidents/types.js';

export type { AssignCommand, ComplaintsLinked, IncidentInput, PlanCommand, ReviewCommand } from '../../domain/incidents/types.js';

export const incidentWorkflowType = 'incidentWorkflow';
export const incidentWorkflowId = (id: string) => `incident-${id}`;

export const assignOwnerUpdate = defineUpdate<IncidentView, [AssignCommand]>('assignOwner');
export const submitPlanUpdate = defineUpdate<IncidentView, [PlanCommand]>('submitPlan');
export const submitReviewUpdate = defineUpdate<IncidentView, [ReviewCommand]>('submitReview');
export const incidentQuery = defineQuery<IncidentView>('incident');
/** Complaints that matched the incident after it was raised (sent by the watcher). */
export const complaintsLinkedSignal = defineSignal<[ComplaintsLinked]>('complaintsLinked');
