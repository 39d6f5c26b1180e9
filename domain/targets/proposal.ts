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

export const proposalStatuses = ['pending', 'approved', 'rejected', 'lapsed'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * Who decided: the chair through the API, or a committee meeting through its own process (which
 * sends the same update with its meeting id; docs/reports.md, "Targets").
 */
export type Decider = { kind: 'chair' } | { kind: 'meeting'; meetingId: string };

export interface ProposalInput {
  id: string;
  targets: KpiTargets;
  reason: string;
  proposedBy: Actor;
  proposedAt: string;
  /** The targets in force when proposed (what an approval replaces). */
  base: TargetsInForce;
  /** The committee chair on the roster then: the one who decides. */
  chairUserId: string;
  /** The decision window and the reminder, from the gate review policy then. */
  deadline: string;
  reminderAt: string;
}

export interface Decision {
  approved: boolean;
  by: string;
  at: string;
  comment: string;
  via: Decider;
}

export interface ProposalState {
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
  chairUserId: string;
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

export function newProposalState(): ProposalState {
  return { status: 'pending', reminded: false, decision: null, lapsedAt: null, appliedVersion: null, eventSeq: 0 };
}

export function proposalView(input: ProposalInput, state: ProposalState): ProposalView {
  return {
    id: input.id,
    status: state.status,
    targets: input.targets,
    base: input.base,
    changes: targetChanges(input.base.targets, input.targets),
    reason: input.reason,
    proposedBy: input.proposedBy.userId,
    proposedAt: input.proposedAt,
    chairUserId: input.chairUserId,
    deadline: input.deadline,
    reminderAt: input.reminderAt,
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
  if (actor.userId !== input.chairUserId) return refusal('forbidden', `only the committee chair (${input.chairUserId}) may approve or reject the targets`);
  if (actor.userId === input.proposedBy.userId) return refusal('forbidden', 'separation of duties: the chair may not decide their own proposal');
  return allowed;
}

/** When the process must wake next: the reminder, then the deadline; null once decided or lapsed. */
export function nextProposalEventAt(input: ProposalInput, state: ProposalState): number | null {
  if (state.status !== 'pending') return null;
  return state.reminded ? Date.parse(input.deadline) : Math.min(Date.parse(input.reminderAt), Date.parse(input.deadline));
}
