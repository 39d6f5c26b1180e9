/**
 * Who may do what, when, to an initiative and its gate review (docs/business-rules.md §1, docs/http-contract.md "Initiatives
 * and gates", docs/quality-bars.md "Separation of duties"). The initiative workflow's update validators call
 * these; each refusal says why and names the current state, and its `code` maps to an HTTP status
 * (forbidden → 403, conflict → 409, invalid → 400) through domain/command-errors.ts.
 *
 * Who-you-are is always answered before the state, so a caller without standing learns nothing
 * about the process (same rule as `canVote`).
 *
 * Workflow-safe: pure functions over plain data, no clock.
 */
import type { Actor } from '../actor.js';
import { allowed, refusal, type CommandCheck } from '../command-errors.js';
import { canVote, type ReviewStatus, type VoteRecord } from './review.js';
import { isTerminalStatus, type Decision, type GateStage, type InitiativeStatus, type Stage } from './stages.js';


/** What the checks read of the caller (the API took it from the verified token). */
export type CommandActor = Pick<Actor, 'userId' | 'roles' | 'department'>;

/**
 * A review's lifecycle as the commands see it: `ReviewStatus` plus `withdrawn`, the state of a
 * review whose initiative was withdrawn before a decision (closed, no outcome).
 */
export type ReviewLifecycleStatus = ReviewStatus | 'withdrawn';

export interface InitiativeFacts {
  team: string;
  owner: string;
  stage: Stage;
  status: InitiativeStatus;
}

export interface ReviewFacts {
  stage: GateStage;
  version: number;
  status: ReviewLifecycleStatus;
  eligible: readonly string[];
  recused: readonly string[];
  /** The chair of the roster snapshot taken at submission. */
  chair: string;
  submittedBy: string;
  /** Set once the chair has extended the window (only once). */
  extendedUntil?: string;
}

const isClosed = (status: ReviewLifecycleStatus): boolean => status === 'decided' || status === 'withdrawn';

/** A product owner of the initiative's team: holds the role and belongs to the department. */
export function isTeamProductOwner(actor: CommandActor, team: string): boolean {
  return actor.roles.includes('product_owner') && actor.department === team;
}

/**
 * Submitting a stage's deliverables. Only a product owner of the initiative's team; the
 * initiative must be live, at that stage, with no review open or escalated. (The deliverables
 * themselves are judged by `validateDeliverables`.)
 */
export function submissionCheck(
  initiative: InitiativeFacts,
  currentReview: Pick<ReviewFacts, 'stage' | 'version' | 'status'> | undefined,
  actor: CommandActor,
  stage: string,
): CommandCheck {
  if (!isTeamProductOwner(actor, initiative.team)) {
    return refusal('forbidden', `submission refused: only a product owner of team "${initiative.team}" may submit`);
  }
  if (isTerminalStatus(initiative.status)) {
    return refusal('conflict', `submission refused: the initiative is ${initiative.status}`);
  }
  if (currentReview && !isClosed(currentReview.status)) {
    return refusal(
      'conflict',
      `submission refused: the review of ${currentReview.stage} version ${currentReview.version} is already ${currentReview.status}`,
    );
  }
  if (stage !== initiative.stage) {
    return refusal('conflict', `submission refused: the initiative is at stage ${initiative.stage}, not ${stage}`);
  }
  return allowed;
}

/**
 * Withdrawing the initiative: a product owner of its team, or its owner while still a product
 * owner; allowed until the initiative ends (launched, rejected or already withdrawn) — in
 * particular while a review is open or escalated, "before a gate is decided".
 */
export function withdrawalCheck(initiative: InitiativeFacts, actor: CommandActor): CommandCheck {
  const standing = isTeamProductOwner(actor, initiative.team) || (actor.roles.includes('product_owner') && actor.userId === initiative.owner);
  if (!standing) {
    return refusal('forbidden', `withdrawal refused: only the owner or a product owner of team "${initiative.team}" may withdraw`);
  }
  if (isTerminalStatus(initiative.status)) {
    return refusal('conflict', `withdrawal refused: the initiative is already ${initiative.status}`);
  }
  return allowed;
}

/**
 * Voting (or revising a vote) on the current review: `canVote` with messages. `review` is the
 * open/escalated review, or else the latest one (so a late vote hears "decided"); undefined
 * when the initiative never had one.
 */
export function voteCheck(review: ReviewFacts | undefined, initiativeStatus: InitiativeStatus, userId: string): CommandCheck {
  if (!review) return refusal('conflict', `vote refused: no review is open (the initiative is ${initiativeStatus})`);
  // canVote knows open/escalated/decided; a withdrawn review is closed like a decided one.
  const status: ReviewStatus = review.status === 'withdrawn' ? 'decided' : review.status;
  switch (canVote({ status, eligible: review.eligible, recused: review.recused }, userId)) {
    case 'recused':
      return refusal('forbidden', `vote refused: ${userId} is recused from this review (the submitter or a member of the initiative's team)`);
    case 'not_member':
      return refusal('forbidden', `vote refused: ${userId} is not a member of the committee for this review`);
    case 'closed':
      return refusal('conflict', `vote refused: the review of ${review.stage} version ${review.version} is ${review.status}`);
    case 'ok':
      return allowed;
  }
}

/**
 * The chair's standing to sign off (the decision itself is judged by `signOffCheck`): only the
 * chair of the review's roster snapshot, and never on an initiative the chair owns or whose
 * deliverables the chair submitted (separation of duties: nobody approves their own submission).
 */
export function signOffAuthority(review: ReviewFacts | undefined, initiative: InitiativeFacts, actor: CommandActor): CommandCheck {
  if (!review) return refusal('conflict', `sign-off refused: no review is open (the initiative is ${initiative.status})`);
  if (actor.userId !== review.chair) {
    return refusal('forbidden', `sign-off refused: only the committee chair (${review.chair}) may sign off`);
  }
  if (actor.userId === review.submittedBy || actor.userId === initiative.owner) {
    return refusal('forbidden', 'sign-off refused: the chair submitted or owns this initiative (separation of duties)');
  }
  if (review.status === 'withdrawn') return refusal('conflict', 'sign-off refused: the initiative was withdrawn');
  return allowed;
}

/** Extending an escalated review's window: the chair, only after escalation, only once. */
export function extensionCheck(review: ReviewFacts | undefined, initiativeStatus: InitiativeStatus, actor: CommandActor): CommandCheck {
  if (!review) return refusal('conflict', `extend refused: no review is open (the initiative is ${initiativeStatus})`);
  if (actor.userId !== review.chair) {
    return refusal('forbidden', `extend refused: only the committee chair (${review.chair}) may extend a review`);
  }
  if (isClosed(review.status)) return refusal('conflict', `extend refused: the review is ${review.status}`);
  if (review.extendedUntil !== undefined) {
    return refusal('conflict', `extend refused: the review window was already extended once (until ${review.extendedUntil})`);
  }
  if (review.status !== 'escalated') {
    return refusal('conflict', `extend refused: the review has not escalated (status ${review.status}); only an escalated review may be extended`);
  }
  return allowed;
}

/**
 * A review starts open; when every member is recused nobody can vote, so it goes to the chair at
 * once (escalated) instead of waiting for the deadline (see `quorum`).
 */
export function initialReviewStatus(eligibleCount: number): ReviewStatus {
  return eligibleCount > 0 ? 'open' : 'escalated';
}

/**
 * The committee's comments carried into the next version when changes are requested: every
 * member's current vote with a non-empty comment, in order of first vote, then the chair's
 * sign-off comment. Each reads "<userId> (<decision>): <comment>".
 */
export function committeeComments(
  current: readonly Pick<VoteRecord, 'userId' | 'decision' | 'comment'>[],
  signOff: { userId: string; decision: Decision; comment: string },
): string[] {
  const lines = current
    .filter((v) => v.comment.trim().length > 0)
    .map((v) => `${v.userId} (${v.decision}): ${v.comment.trim()}`);
  if (signOff.comment.trim().length > 0) lines.push(`${signOff.userId} (chair, ${signOff.decision}): ${signOff.comment.trim()}`);
  return lines;
}
