import { workflowInfo } from '@temporalio/workflow';
import type { HandlingStatus } from '../../domain/complaints/rules.js';
import { newSlaState, startSlaClock, type SlaState } from '../../domain/complaints/sla.js';
import type { ComplaintStatus, Owner } from '../../domain/complaints/types.js';
import type { AppealEntry, FeedbackEntry, PauseEntry, ResolutionEntry, ResponseEntry, TransferEntry } from '../../domain/complaints/views.js';
import type { SlaPolicy } from '../../domain/policies.js';
import { refuse } from '../process/refuse.js';
import { Lock } from '../process/lock.js';
import type { ComplaintInput } from './messages.js';

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
  };
}

/** The facts every audit event of a complaint shows before and after. */
export function summary(state: ComplaintState) {
  return { status: state.status, owner: state.owner, escalationLevel: state.sla.level };
}
export type Summary = ReturnType<typeof summary>;

/**
 * One complaint process: its input, its state once registered, and the lock every command and
 * clock step takes.
 */
export class Complaint {
  readonly lock = new Lock();
  /** The intake is recorded: commands may run (a continued run starts recorded). */
  registered: boolean;
  /** A command changed the clocks: the clock loop looks again at what falls due next. */
  clocksChanged = false;
  /** When the clock loop's timer fires (null: it waits without one, for a command). */
  sleepingUntil: number | null = null;
  /** Commands applied in this run (the run continues as new after `input.runLimits`). */
  commandsThisRun = 0;
  private current: ComplaintState | undefined;

  constructor(
    readonly input: ComplaintInput,
    readonly workflowId: string,
    carried?: ComplaintState,
  ) {
    this.current = carried;
    this.registered = carried !== undefined;
  }

  get state(): ComplaintState {
    if (!this.current) refuse('conflict', 'the complaint is still being registered; retry shortly');
    return this.current;
  }

  set state(state: ComplaintState) {
    this.current = state;
  }

  get closed(): boolean {
    return this.state.status === 'closed';
  }

  /** The run has grown long enough to continue as new (Temporal's suggestion, or the test limit). */
  get runIsFull(): boolean {
    const limit = this.input.runLimits?.commandsPerRun;
    return workflowInfo().continueAsNewSuggested || (limit !== undefined && this.commandsThisRun >= limit);
  }
}
