/**
 * A proposal to change the KPI targets (docs/reports.md, "Targets"): an admin proposes, the
 * committee decides — today the chair, later also a committee meeting — within the committee's
 * review window; without a decision by the deadline the proposal lapses and the targets stay as
 * they are. Only an approval changes the `targets` policy.
 *
 * Workflow-safe: pure.
 */
import { allowed, refusal, type CommandCheck } from '../command-errors.js';
import type { Actor } from '../actor.js';
import { targetChanges, type KpiTargets, type TargetsInForce } from './targets.js';

/** The reminder instant: `ratio` of the window from `openedAt` to `deadline` (whole milliseconds). */
export function reminderAt(openedAt: number, deadline: number, ratio: number): number {
  return openedAt + Math.round(Math.max(0, deadline - openedAt) * ratio);
}

export const proposalStatuses = ['pending', 'approved', 'rejected', 'lapsed'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * Who decided: the chair through the API, or a committee meeting through its own process (which
 * sends the same update with its meeting id; docs/reports.md, "Targets").
 */
export type Decider = { kind: 'chair' } | { kind: 'meeting'; meetingId: string };

/** What a proposal's workflow is started with. */
export interface ProposalInput {
  id: string;
  targets: KpiTargets;
  reason: string;
  proposedBy: Actor;
  proposedAt: string;
}

/** What the proposal read when it opened (an activity): the targets it would replace, who decides, by when. */
export interface ProposalSetup {
  /** The targets in force when proposed (what an approval replaces). */
  base: TargetsInForce;
  /** The committee chair on the roster then; null when the roster has none (the proposal lapses at once). */
  chairUserId: string | null;
  /** The decision window and the reminder: the gate review policy's deadline and reminder ratio then. */
  deadline: string;
  reminderAt: string;
  reviewPolicyVersion: number;
}

export interface Decision {
  approved: boolean;
  by: string;
  at: string;
  comment: string;
  via: Decider;
}

export interface ProposalState extends ProposalSetup {
  status: ProposalStatus;
  reminded: boolean;
  decision: Decision | null;
  lapsedAt: string | null;
  /** The `targets` policy version the approval wrote. */
  appliedVersion: number | null;
  eventSeq: number;
}

export interface ProposalView {
  id: string;
  status: ProposalStatus;
  targets: KpiTargets;
  /** The targets in force when proposed, and what would change. */
  base: TargetsInForce;
  changes: string[];
  reason: string;
  proposedBy: string;
  proposedAt: string;
  chairUserId: string | null;
  deadline: string;
  reminderAt: string;
  decision: Decision | null;
  lapsedAt: string | null;
  appliedVersion: number | null;
  version: number;
}

export interface DecideCommand {
  actor: Actor;
  approved: boolean;
  comment: string;
  /** Omitted: the chair. */
  via?: Decider;
}

export function newProposalState(setup: ProposalSetup): ProposalState {
  return { ...setup, status: 'pending', reminded: false, decision: null, lapsedAt: null, appliedVersion: null, eventSeq: 0 };
}

export function proposalView(input: ProposalInput, state: ProposalState): ProposalView {
  return {
    id: input.id,
    status: state.status,
    targets: input.targets,
    base: state.base,
    changes: targetChanges(state.base.targets, input.targets),
    reason: input.reason,
    proposedBy: input.proposedBy.userId,
    proposedAt: input.proposedAt,
    chairUserId: state.chairUserId,
    deadline: state.deadline,
    reminderAt: state.reminderAt,
    decision: state.decision,
    lapsedAt: state.lapsedAt,
    appliedVersion: state.appliedVersion,
    version: state.eventSeq,
  };
}

/**
 * Whether `actor` may decide now. The chair decides as the chair (not their own proposal:
 * separation of duties); a meeting's decision comes from a process, never from a person's call.
 */
export function decisionCheck(input: ProposalInput, state: ProposalState, actor: Actor, via: Decider): CommandCheck {
  if (state.status !== 'pending') return refusal('conflict', `decision refused: the proposal is ${state.status}`);
  if (via.kind === 'meeting') {
    if (!actor.roles.includes('system')) return refusal('forbidden', 'only the committee meeting’s own process may record a meeting’s decision');
    if (typeof via.meetingId !== 'string' || via.meetingId === '') return refusal('invalid', 'a meeting decision names its meeting');
    return allowed;
  }
  if (state.chairUserId === null || actor.userId !== state.chairUserId) return refusal('forbidden', `only the committee chair${state.chairUserId ? ` (${state.chairUserId})` : ''} may approve or reject the targets`);
  if (actor.userId === input.proposedBy.userId) return refusal('forbidden', 'separation of duties: the chair may not decide their own proposal');
  return allowed;
}

/** When the process must wake next: the reminder, then the deadline; null once decided or lapsed. */
export function nextProposalEventAt(state: ProposalState): { kind: 'reminder' | 'deadline'; at: number } | null {
  if (state.status !== 'pending') return null;
  const deadline = Date.parse(state.deadline);
  const reminder = Date.parse(state.reminderAt);
  return !state.reminded && reminder < deadline ? { kind: 'reminder', at: reminder } : { kind: 'deadline', at: deadline };
}

/** The projection row of a proposal as its workflow computes it. */
export interface TargetProposalRecord {
  id: string;
  workflowId: string;
  status: string;
  proposedBy: string;
  proposedAt: string;
  chairUserId: string | null;
  deadline: string;
  decidedBy: string | null;
  decidedAt: string | null;
  baseVersion: number;
  view: ProposalView;
  version: number;
}

/** The projection row (db/targets.ts). */
export function targetProposalRecord(view: ProposalView, workflowId: string): TargetProposalRecord {
  return {
    id: view.id,
    workflowId,
    status: view.status,
    proposedBy: view.proposedBy,
    proposedAt: view.proposedAt,
    chairUserId: view.chairUserId,
    deadline: view.deadline,
    decidedBy: view.decision?.by ?? null,
    decidedAt: view.decision?.at ?? null,
    baseVersion: view.base.version,
    view,
    version: view.version,
  };
}


/**
 * The target-approval process as other processes address it (the workflow's message module
 * defines its updates with these names): its workflow id, and the committee's decision update,
 * which a committee meeting's activity sends by name (docs/meetings.md).
 */
export const targetProposalWorkflowId = (id: string) => `target-proposal-${id}`;
export const decideTargetsUpdateName = 'decideTargets';
