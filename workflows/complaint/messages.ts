/**
 * The complaint workflow's interface: update/query definitions, command and view types. Imported
 * by the workflow and by the API, so it holds only @temporalio/workflow and domain imports.
 *
 * Customer PII never crosses this line: the workflow knows the customer by `customerRef` (the
 * institution's customer reference) and `piiRef` (the row of complaint_customers holding the
 * encrypted name, phone and id number); the API joins them back when it answers.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor.js';
import type { RootCause } from '../../domain/complaints/root-causes.js';
import type { Channel } from '../../domain/complaints/types.js';
import type { ComplaintView, Compensation } from '../../domain/complaints/views.js';
import type { ComplaintInput } from '../../domain/complaints/process.js';

export type { ComplaintInput } from '../../domain/complaints/process.js';

export const complaintWorkflowId = (id: string) => `complaint-${id}`;


// ── Commands: every one carries the acting user ────────────────────────────────────────────────

export interface IntakeCommand {
  actor: Actor;
}
export interface RespondCommand {
  actor: Actor;
  message: string;
  channel: Channel;
}
export interface TransferCommand {
  actor: Actor;
  department: string;
  reason: string;
}
export interface ResolveCommand {
  actor: Actor;
  summary: string;
  remedy: string;
  compensation?: Compensation;
  /** Checked by the API against the root-cause taxonomy in force (domain/complaints/root-causes.ts). */
  rootCause?: RootCause;
}
/** A supervisor corrects (or names) the complaint's root cause, with a reason. */
export interface CorrectRootCauseCommand {
  actor: Actor;
  rootCause: RootCause;
  reason: string;
}
/**
 * A supervisor hands the complaint to another agent (domain/complaints/reassign.ts). The API has
 * checked `toUserId` against the staff directory and adds what it found there: the agent's name
 * for the notices and their department (the first responder's team).
 */
export interface ReassignCommand {
  actor: Actor;
  toUserId: string;
  reason: string;
  toName?: string;
  toDepartment?: string | null;
}
export interface ApprovalCommand {
  actor: Actor;
  approved: boolean;
  comment: string;
}
export interface SignOffCommand {
  actor: Actor;
  comment: string;
}
export interface FeedbackCommand {
  actor: Actor;
  satisfied: boolean;
  via: 'callback' | 'survey';
  comment: string;
}
export interface AppealCommand {
  actor: Actor;
  reason: string;
}
export interface AppealDecisionCommand {
  actor: Actor;
  upheld: boolean;
  decision: string;
}
export interface ReasonCommand {
  actor: Actor;
  reason: string;
}

/**
 * A supervisor reclassifies the complaint as feedback (docs/feedback.md "Reclassification"): the
 * API chose the new feedback item's id and opens it once the complaint is closed pointing at it.
 */
export interface ReclassifyCommand {
  actor: Actor;
  kind: 'inquiry' | 'suggestion' | 'praise';
  feedbackId: string;
  reason: string;
}

export const intakeUpdate = defineUpdate<ComplaintView, [IntakeCommand]>('intake');
export const respondUpdate = defineUpdate<ComplaintView, [RespondCommand]>('respond');
export const transferUpdate = defineUpdate<ComplaintView, [TransferCommand]>('transfer');
export const resolveUpdate = defineUpdate<ComplaintView, [ResolveCommand]>('resolve');
export const approveUpdate = defineUpdate<ComplaintView, [ApprovalCommand]>('approve');
export const signOffUpdate = defineUpdate<ComplaintView, [SignOffCommand]>('signoff');
export const feedbackUpdate = defineUpdate<ComplaintView, [FeedbackCommand]>('feedback');
export const appealUpdate = defineUpdate<ComplaintView, [AppealCommand]>('appeal');
export const appealDecisionUpdate = defineUpdate<ComplaintView, [AppealDecisionCommand]>('appealDecision');
export const pauseUpdate = defineUpdate<ComplaintView, [ReasonCommand]>('pause');
export const resumeUpdate = defineUpdate<ComplaintView, [ReasonCommand]>('resume');
export const escalateUpdate = defineUpdate<ComplaintView, [ReasonCommand]>('escalate');
export const reassignUpdate = defineUpdate<ComplaintView, [ReassignCommand]>('reassign');
export const correctRootCauseUpdate = defineUpdate<ComplaintView, [CorrectRootCauseCommand]>('correctRootCause');

export const reclassifyUpdate = defineUpdate<ComplaintView, [ReclassifyCommand]>('reclassify');

export const complaintQuery = defineQuery<ComplaintView>('complaint');
