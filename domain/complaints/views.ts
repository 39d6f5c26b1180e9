/**
 * What a complaint looks like to the outside: the view its workflow answers queries and commands
 * with, stored in the projection and presented by the API (which adds the customer). Plain data,
 * shared by the workflow, the database layer, the API and the web UI.
 *
 * Workflow-safe: types only.
 */
import type { ProcessEnded } from '../process-end.js';
import type { ClockView } from './clock.js';
import type { RootCause, RootCauseRecord } from './root-causes.js';
import type { Breach } from './sla.js';
import type { Category, Channel, ClockName, ComplaintStatus, Owner, Severity } from './types.js';

/** A complaint a supervisor reclassified as feedback: the kind, the feedback item opened from it, why. */
export interface ComplaintReclassification {
  kind: 'inquiry' | 'suggestion' | 'praise';
  feedbackId: string;
  reason: string;
  by: string;
  at: string;
}

export interface Compensation {
  amount: number;
  currency: 'CNY';
}

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
/** A supervisor moved the complaint from one agent (first responder) to another. */
export interface ReassignmentEntry {
  at: string;
  by: string;
  from: string;
  to: string;
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
  /** The root cause this resolution named (docs/reports.md, "Root causes"). */
  rootCause?: RootCause;
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
  /** The first responder (首问负责人): the agent who took the complaint, or the one a supervisor reassigned it to. */
  agentId: string;
  /** The first responder's team (their department at intake); null when the token named none. */
  agentTeam: string | null;
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
  /** Absent in views recorded before reassignment existed. */
  reassignments?: ReassignmentEntry[];
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
  /** Set when the process ended other than by completing (terminated, …); it then takes no more commands. */
  processEnded?: ProcessEnded;
  /** Why it happened: named by a resolution, or corrected by a supervisor; null until then. */
  rootCause: RootCauseRecord | null;
  /** Closed as feedback (docs/feedback.md "Reclassification"); absent otherwise. */
  reclassified?: ComplaintReclassification;
  /** Grows with every recorded state change. */
  version: number;
}
