/**
 * Complaint rules other than clocks and the ladder: windows, approvals, repeats, and the complaint
 * state machine (docs/business-rules.md §2). Used by the complaint workflow and by the API alike.
 *
 * Workflow-safe: pure, no imports beyond domain types.
 */
import type { Duration } from '../duration.js';
import type { SlaPolicy } from '../policies.js';
import { maxEscalationLevel } from './escalation.js';
import type { ClockName, ComplaintCommand, ComplaintStatus, Severity } from './types.js';

// ── Windows ───────────────────────────────────────────────────────────────────────────────────

export function resolutionWindowFor(severity: Severity, policy: Pick<SlaPolicy, 'resolution'>): Duration {
  return policy.resolution[severity];
}

/** The policy window behind each clock; the calendar activity turns it into a deadline. */
export function clockWindowFor(name: ClockName, severity: Severity, policy: SlaPolicy): Duration {
  switch (name) {
    case 'firstResponse':
      return policy.firstResponse;
    case 'resolution':
      return resolutionWindowFor(severity, policy);
    case 'customerFeedback':
      return policy.customerFeedback;
    case 'investigation':
      return policy.transferInvestigation;
    case 'appeal':
      return policy.appealDecision;
  }
}

// ── Approvals ─────────────────────────────────────────────────────────────────────────────────

/** Strictly above the limit ("above CNY 1,000"): exactly the limit needs no approval. */
export function needsApproval(compensation: { amount: number } | undefined, limit: number): boolean {
  return compensation !== undefined && compensation.amount > limit;
}

/** A complaint that has reached the committee level closes only with the chair's sign-off. */
export function needsChairSignOff(level: number): boolean {
  return level >= maxEscalationLevel;
}

// ── Repeat complaints ─────────────────────────────────────────────────────────────────────────

/** Epoch milliseconds or an ISO-8601 string. */
export type Instant = number | string;

export interface RepeatCandidate {
  /** Set when the new complaint is already stored, so it never matches itself. */
  id?: string;
  customerRef: string;
  category: string;
  initiativeId?: string;
  receivedAt: Instant;
}

const dayMs = 86_400_000;

/**
 * Ids of earlier complaints from the same customer with the same category OR the same product
 * (initiativeId, compared only when both have one), received within `windowDays` × 24 h before the
 * new one. Both ends inclusive: exactly 30 days before counts, a complaint received at the same
 * instant counts, one received after the new complaint does not. Result keeps the input order.
 */
export function repeatOf(
  newComplaint: RepeatCandidate,
  earlier: readonly (RepeatCandidate & { id: string })[],
  windowDays = 30,
): string[] {
  const received = toMs(newComplaint.receivedAt);
  const windowStart = received - windowDays * dayMs;
  return earlier
    .filter((e) => e.id !== newComplaint.id && e.customerRef === newComplaint.customerRef)
    .filter((e) => e.category === newComplaint.category || sameProduct(e, newComplaint))
    .filter((e) => {
      const at = toMs(e.receivedAt);
      return at >= windowStart && at <= received;
    })
    .map((e) => e.id);
}

function sameProduct(a: RepeatCandidate, b: RepeatCandidate): boolean {
  return a.initiativeId !== undefined && a.initiativeId === b.initiativeId;
}

/** Date.parse is deterministic for a given string, so this is safe in workflow code. Unparseable → NaN, which matches nothing. */
function toMs(t: Instant): number {
  return typeof t === 'number' ? t : Date.parse(t);
}

// ── State machine ─────────────────────────────────────────────────────────────────────────────

/** Statuses in which a resolution may be proposed; a rejected approval returns to one of them. */
export type HandlingStatus = 'open' | 'responded' | 'transferred' | 'reopened';

/** What the workflow learned while executing a command, where the next status depends on it. */
export interface CommandOutcomes {
  /** `needsApproval(compensation, limit)` */
  resolve: { needsApproval: boolean };
  /** `returnTo`: the status in which the rejected resolution was proposed (the handler gets it back). */
  approve: { approved: boolean; returnTo: HandlingStatus };
  /** `readyToClose`: the customer has confirmed (or an appeal was dismissed); only the sign-off was missing. */
  signoff: { readyToClose: boolean };
  /** `signOffPending`: `needsChairSignOff(level)` and the chair has not signed off yet. */
  feedback: { satisfied: boolean; signOffPending: boolean };
  appealDecision: { upheld: boolean; signOffPending: boolean };
}
type OutcomeCommand = keyof CommandOutcomes;

/** The outcome argument `nextStatus` takes for command C: required for outcome commands, absent otherwise. */
export type OutcomeArgs<C extends ComplaintCommand> = C extends OutcomeCommand
  ? [outcome: CommandOutcomes[C]]
  : [outcome?: undefined];

const SAME = 'same';
const BY_OUTCOME = 'by_outcome';
type Target = ComplaintStatus | typeof SAME | typeof BY_OUTCOME;

/**
 * THE complaint state table: status → command → next status. A command missing from a row is
 * refused (409). `same` keeps the status; `by_outcome` is decided by `outcomeTarget` below.
 *
 * Decisions:
 * - respond: allowed until closed (interim messages are always welcome). The first response takes
 *   `open` to `responded`; a response in `resolved` feeds the result back → `awaiting_customer`.
 * - transfer: from the handling statuses, and `transferred` → `transferred` to re-route to another
 *   department. Not once a resolution exists.
 * - resolve: from the handling statuses (including directly from `open`: a simple matter may be
 *   settled in the first contact) → `resolved`, or `awaiting_approval` above the compensation limit.
 * - approve: only in `awaiting_approval`; rejected → back to the status it was proposed in.
 * - feedback: in `resolved` too, because a callback can tell the result and collect the customer's
 *   answer in one call. Not satisfied → `reopened`; satisfied → `closed`, unless the chair's
 *   sign-off is still missing, then `awaiting_customer` until `signoff` closes it.
 * - signoff: once a resolution exists (`resolved`, `awaiting_customer`); closes when
 *   `readyToClose`, otherwise only records the sign-off.
 * - appeal: only after the customer was not satisfied (`reopened`).
 * - appealDecision: upheld → `resolved` (the supervisor's decision is the new resolution, fed back
 *   and confirmed as usual); dismissed → `closed` (the reconsidered position is final; closing on
 *   it is the customer's answer), or `resolved` waiting for the chair's sign-off.
 * - pause: only where the bank may be waiting on the customer (handling statuses, `resolved` while
 *   the customer cannot be reached, `in_appeal`); never in `awaiting_approval` (an internal wait)
 *   or `awaiting_customer` (no clock runs against the bank there).
 * - resume: allowed until closed, because a pause can outlive a status change (a pause taken in
 *   `open` is still running after the response); whether anything is paused is the clocks' business.
 * - escalate (manual): allowed until closed.
 * - closed is terminal.
 */
const stateTable: Record<ComplaintStatus, Partial<Record<ComplaintCommand, Target>>> = {
  open: {
    respond: 'responded', transfer: 'transferred', resolve: BY_OUTCOME,
    pause: SAME, resume: SAME, escalate: SAME,
  },
  responded: {
    respond: SAME, transfer: 'transferred', resolve: BY_OUTCOME,
    pause: SAME, resume: SAME, escalate: SAME,
  },
  transferred: {
    respond: SAME, transfer: SAME, resolve: BY_OUTCOME,
    pause: SAME, resume: SAME, escalate: SAME,
  },
  awaiting_approval: {
    respond: SAME, approve: BY_OUTCOME,
    resume: SAME, escalate: SAME,
  },
  resolved: {
    respond: 'awaiting_customer', feedback: BY_OUTCOME, signoff: BY_OUTCOME,
    pause: SAME, resume: SAME, escalate: SAME,
  },
  awaiting_customer: {
    respond: SAME, feedback: BY_OUTCOME, signoff: BY_OUTCOME,
    resume: SAME, escalate: SAME,
  },
  reopened: {
    respond: SAME, transfer: 'transferred', resolve: BY_OUTCOME, appeal: 'in_appeal',
    pause: SAME, resume: SAME, escalate: SAME,
  },
  in_appeal: {
    respond: SAME, appealDecision: BY_OUTCOME,
    pause: SAME, resume: SAME, escalate: SAME,
  },
  closed: {},
};

/** Next status for the outcome-dependent commands. */
function outcomeTarget(status: ComplaintStatus, command: OutcomeCommand, outcome: unknown): ComplaintStatus {
  switch (command) {
    case 'resolve': {
      const o = requireOutcome('resolve', outcome);
      return o.needsApproval ? 'awaiting_approval' : 'resolved';
    }
    case 'approve': {
      const o = requireOutcome('approve', outcome);
      return o.approved ? 'resolved' : o.returnTo;
    }
    case 'signoff': {
      const o = requireOutcome('signoff', outcome);
      return o.readyToClose ? 'closed' : status;
    }
    case 'feedback': {
      const o = requireOutcome('feedback', outcome);
      if (!o.satisfied) return 'reopened';
      return o.signOffPending ? 'awaiting_customer' : 'closed';
    }
    case 'appealDecision': {
      const o = requireOutcome('appealDecision', outcome);
      if (o.upheld) return 'resolved';
      return o.signOffPending ? 'resolved' : 'closed';
    }
  }
}

/** A missing outcome is a bug in the caller, not a refusal, so it throws rather than becoming a 409. */
function requireOutcome<C extends OutcomeCommand>(command: C, outcome: unknown): CommandOutcomes[C] {
  if (typeof outcome !== 'object' || outcome === null) {
    throw new Error(`nextStatus('${command}') needs an outcome`);
  }
  return outcome as CommandOutcomes[C];
}

export function allowedCommands(status: ComplaintStatus): ComplaintCommand[] {
  return Object.keys(stateTable[status]) as ComplaintCommand[];
}

export function isAllowed(status: ComplaintStatus, command: ComplaintCommand): boolean {
  return stateTable[status][command] !== undefined;
}

export function isTerminal(status: ComplaintStatus): boolean {
  return allowedCommands(status).length === 0;
}

/** Null when allowed; otherwise the 409 `detail`, naming the current status and what is allowed. */
export function refusalReason(status: ComplaintStatus, command: ComplaintCommand): string | null {
  if (isAllowed(status, command)) return null;
  const allowed = allowedCommands(status);
  return `'${command}' is not allowed while the complaint is '${status}' (allowed: ${allowed.length ? allowed.join(', ') : 'none'})`;
}

export type Transition =
  | { ok: true; status: ComplaintStatus; changed: boolean }
  | { ok: false; reason: string };

/**
 * The status after `command` in `status`, or a refusal with the 409 reason. Outcome commands
 * (resolve, approve, signoff, feedback, appealDecision) require the outcome (see `CommandOutcomes`).
 */
export function nextStatus<C extends ComplaintCommand>(
  status: ComplaintStatus,
  command: C,
  ...[outcome]: OutcomeArgs<C>
): Transition {
  const target = stateTable[status][command];
  if (target === undefined) {
    return { ok: false, reason: refusalReason(status, command) ?? `'${command}' is not allowed` };
  }
  const next = resolveTarget(target, status, command, outcome);
  return { ok: true, status: next, changed: next !== status };
}

function resolveTarget(
  target: Target,
  status: ComplaintStatus,
  command: ComplaintCommand,
  outcome: unknown,
): ComplaintStatus {
  if (target === 'same') return status;
  if (target === 'by_outcome') return outcomeTarget(status, command as OutcomeCommand, outcome);
  return target;
}
