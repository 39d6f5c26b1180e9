/**
 * One complaint as a process: what it was started with, everything it knows, and how intake sets
 * it up. The workflow keeps this state (and carries it over continue-as-new); the intake activity
 * builds the first one with the same functions, so both always agree.
 *
 * Workflow-safe: pure.
 */
import type { Actor } from '../actor.js';
import type { SlaPolicy } from '../policies.js';
import type { RootCauseRecord } from './root-causes.js';
import type { HandlingStatus } from './rules.js';
import { newSlaState, startSlaClock, type SlaState } from './sla.js';
import type { Category, Channel, ComplaintStatus, Owner, Severity } from './types.js';
import type { AppealEntry, ComplaintReclassification, FeedbackEntry, PauseEntry, ReassignmentEntry, ResolutionEntry, ResponseEntry, TransferEntry } from './views.js';

/** What a complaint workflow is started with (no customer PII: `customerRef` and `piiRef` only). */
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
  intakeBy: Actor;
  /** Continue as new after this many commands in one run (tests; otherwise when Temporal suggests it). */
  runLimits?: { commandsPerRun: number };
}

/**
 * Everything one complaint process knows. Plain JSON: it is carried over continue-as-new as the
 * workflow's second argument, so a field is never renamed or removed (runs continued by an
 * earlier version carry the old shape).
 */
export interface ComplaintState {
  status: ComplaintStatus;
  owner: Owner;
  department: string | null;
  sla: SlaState;
  policy: SlaPolicy;
  policyVersion: number;
  responses: ResponseEntry[];
  transfers: TransferEntry[];
  resolutions: ResolutionEntry[];
  /** The status a resolution waiting for approval was proposed in, and the owner then. */
  proposal: { returnTo: HandlingStatus; owner: Owner } | null;
  feedback: FeedbackEntry[];
  appeals: AppealEntry[];
  pauses: PauseEntry[];
  signoff: { by: string; at: string; comment: string } | null;
  chairUserId: string | null;
  /** The customer has confirmed (or an appeal was dismissed): only the chair's sign-off may be missing. */
  customerConfirmed: boolean;
  reopenCount: number;
  repeatOf: string[];
  closedAt: string | null;
  /** Audit sequence: source keys are `<workflowId>:<eventSeq>`. */
  eventSeq: number;
  /** Calendar changes already applied (their ids); absent in states carried from before they were told. */
  calendarChanges?: string[];
  /** Why it happened, as the resolution named it or a supervisor corrected it (absent in runs older than root causes). */
  rootCause?: RootCauseRecord | null;
  /** The first responder since a supervisor reassigned the complaint (absent: the agent who took it, `input.intakeBy`). */
  agentId?: string;
  /** That first responder's team (their department in the directory when reassigned). */
  agentTeam?: string | null;
  /** Every reassignment, oldest first (absent in runs older than reassignment). */
  reassignments?: ReassignmentEntry[];
  /** Closed as feedback, not a complaint (docs/feedback.md "Reclassification"); absent otherwise. */
  reclassified?: ComplaintReclassification;
}


/** The complaint's first responder now: the agent a supervisor reassigned it to, else the one who took it. */
export function firstResponder(input: ComplaintInput, state: Pick<ComplaintState, 'agentId'>): string {
  return state.agentId ?? input.intakeBy.userId;
}

/** The first responder's team: the reassigned agent's department, else the intake agent's. */
export function firstResponderTeam(input: ComplaintInput, state: Pick<ComplaintState, 'agentId' | 'agentTeam'>): string | null {
  return state.agentId !== undefined ? (state.agentTeam ?? null) : (input.intakeBy.department ?? null);
}

/** What intake read through its activity: the policy in force, the deadlines, the repeats. */
export interface IntakeFacts {
  policy: SlaPolicy;
  policyVersion: number;
  receivedAt: number;
  deadlines: { firstResponse: number; resolution: number; maxPauseEnd: number; breachWindowEnd: number };
  repeatOf: string[];
}

/** A complaint just taken: with the agent, both intake clocks running from receipt. */
export function newComplaintState(input: ComplaintInput, facts: IntakeFacts): ComplaintState {
  const { receivedAt, deadlines, policy } = facts;
  let sla = newSlaState(input.severity, {
    atRiskRatio: policy.atRiskRatio,
    maxPauseMs: Math.max(0, deadlines.maxPauseEnd - receivedAt),
    breachWindowMs: Math.max(0, deadlines.breachWindowEnd - receivedAt),
  });
  sla = startSlaClock(sla, 'firstResponse', receivedAt, deadlines.firstResponse);
  sla = startSlaClock(sla, 'resolution', receivedAt, deadlines.resolution);
  return {
    status: 'open',
    owner: { kind: 'user', id: input.intakeBy.userId },
    department: null,
    sla,
    policy,
    policyVersion: facts.policyVersion,
    responses: [],
    transfers: [],
    resolutions: [],
    proposal: null,
    feedback: [],
    appeals: [],
    pauses: [],
    signoff: null,
    chairUserId: null,
    customerConfirmed: false,
    reopenCount: 0,
    repeatOf: facts.repeatOf,
    closedAt: null,
    eventSeq: 0,
    rootCause: null,
  };
}

/** The facts every audit event of a complaint shows before and after. */
export function summary(state: ComplaintState) {
  return { status: state.status, owner: state.owner, escalationLevel: state.sla.level };
}
export type Summary = ReturnType<typeof summary>;
