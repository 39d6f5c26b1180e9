/**
 * The complaint workflow's interface: update/query definitions, command and view types. Imported
 * by the workflow and by the API, so it holds only @temporalio/workflow and domain imports.
 *
 * Customer PII never crosses this line: the workflow knows the customer by `customerRef` (the
 * institution's customer reference) and `piiRef` (the row of complaint_customers holding the
 * encrypted name, phone and id number); the API joins them back when it answers.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CommandActor } from '../domain/complaints/access.js';
import type { ClockView } from '../domain/complaints/clock.js';
import type { Breach } from '../domain/complaints/sla.js';
import type { Category, Channel, ClockName, ComplaintStatus, Owner, Severity } from '../domain/complaints/types.js';

export type { CommandActor } from '../domain/complaints/access.js';

export const complaintWorkflowId = (id: string) => `complaint-${id}`;

export interface ComplaintInput {
  id: string;
  channel: Channel;
  category: Category;
  severity: Severity;
  description: string;
  /** ISO instant; every intake clock runs from here. */
  receivedAt: string;
  initiativeId?: string;
  customerRef: string;
  /** Key of the encrypted customer row (complaint_customers). */
  piiRef: string;
  intakeBy: CommandActor;
}

export interface Compensation {
  amount: number;
  currency: 'CNY';
}

// ── Commands: every one carries the acting user ────────────────────────────────────────────────

export interface IntakeCommand {
  actor: CommandActor;
}
export interface RespondCommand {
  actor: CommandActor;
  message: string;
  channel: Channel;
}
export interface TransferCommand {
  actor: CommandActor;
  department: string;
  reason: string;
}
export interface ResolveCommand {
  actor: CommandActor;
  summary: string;
  remedy: string;
  compensation?: Compensation;
}
export interface ApprovalCommand {
  actor: CommandActor;
  approved: boolean;
  comment: string;
}
export interface SignoffCommand {
  actor: CommandActor;
  comment: string;
}
export interface FeedbackCommand {
  actor: CommandActor;
  satisfied: boolean;
  via: 'callback' | 'survey';
  comment: string;
}
export interface AppealCommand {
  actor: CommandActor;
  reason: string;
}
export interface AppealDecisionCommand {
  actor: CommandActor;
  upheld: boolean;
  decision: string;
}
export interface ReasonCommand {
  actor: CommandActor;
  reason: string;
}

// ── The view (api.md `Complaint`, without the customer, which the API adds) ─────────────────────

export interface ResponseEntry {
  at: string;
  by: string;
  message: string;
  channel: Channel;
}
export interface TransferEntry {
  at: string;
  by: string;
  from: Owner;
  department: string;
  reason: string;
}
export interface ResolutionEntry {
  at: string;
  proposedBy: string;
  summary: string;
  remedy: string;
  compensation?: Compensation;
  /** accepted: reached the customer side; awaiting_approval / approved / rejected: compensation above the limit. */
  state: 'accepted' | 'awaiting_approval' | 'approved' | 'rejected';
  source: 'handler' | 'appeal';
  approval?: { approved: boolean; by: string; at: string; comment: string };
}
export interface FeedbackEntry {
  at: string;
  by: string;
  satisfied: boolean;
  via: 'callback' | 'survey';
  comment: string;
}
export interface AppealEntry {
  at: string;
  by: string;
  reason: string;
  decision?: { upheld: boolean; decision: string; by: string; at: string };
}
export interface PauseEntry {
  at: string;
  by: string;
  reason: string;
  resumedAt?: string;
  resumedBy?: string;
  /** True when the pause cap ended it. */
  capped?: boolean;
}

export interface ComplaintView {
  id: string;
  status: ComplaintStatus;
  channel: Channel;
  category: Category;
  severity: Severity;
  initiativeId?: string;
  description: string;
  receivedAt: string;
  customerRef: string;
  /** The handling owner: the first-responder agent, or a department after a transfer. */
  owner: Owner;
  /** The first responder (首问负责人). */
  agentId: string;
  department: string | null;
  /** 0 = cs_agent, 1 = supervisor, 2 = department head, 3 = committee chair. */
  escalationLevel: number;
  /** Who must act besides the owner because of escalation (null at level 0). */
  escalatedTo: Owner | null;
  clocks: Partial<Record<ClockName, ClockView>> & { firstResponse: ClockView; resolution: ClockView };
  deadlines: { firstResponse: string; resolution: string };
  paused: boolean;
  breaches: Breach[];
  responses: ResponseEntry[];
  transfers: TransferEntry[];
  resolutions: ResolutionEntry[];
  feedback: FeedbackEntry[];
  appeals: AppealEntry[];
  pauses: PauseEntry[];
  signoff: { by: string; at: string; comment: string } | null;
  chairUserId: string | null;
  reopenCount: number;
  repeatOf: string[];
  policyVersion: number;
  closedAt: string | null;
  /** Grows with every recorded state change. */
  version: number;
}

export const intakeUpdate = defineUpdate<ComplaintView, [IntakeCommand]>('intake');
export const respondUpdate = defineUpdate<ComplaintView, [RespondCommand]>('respond');
export const transferUpdate = defineUpdate<ComplaintView, [TransferCommand]>('transfer');
export const resolveUpdate = defineUpdate<ComplaintView, [ResolveCommand]>('resolve');
export const approveUpdate = defineUpdate<ComplaintView, [ApprovalCommand]>('approve');
export const signoffUpdate = defineUpdate<ComplaintView, [SignoffCommand]>('signoff');
export const feedbackUpdate = defineUpdate<ComplaintView, [FeedbackCommand]>('feedback');
export const appealUpdate = defineUpdate<ComplaintView, [AppealCommand]>('appeal');
export const appealDecisionUpdate = defineUpdate<ComplaintView, [AppealDecisionCommand]>('appealDecision');
export const pauseUpdate = defineUpdate<ComplaintView, [ReasonCommand]>('pause');
export const resumeUpdate = defineUpdate<ComplaintView, [ReasonCommand]>('resume');
export const escalateUpdate = defineUpdate<ComplaintView, [ReasonCommand]>('escalate');

export const complaintQuery = defineQuery<ComplaintView>('complaint');
