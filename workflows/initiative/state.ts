import type { ReviewLifecycleStatus } from '../../domain/gates/commands.js';
import type { LinkedComplaintEvent } from '../../domain/gates/post-launch.js';
import { currentVotes, quorum, type VoteRecord } from '../../domain/gates/review.js';
import type { GateStage, InitiativeStatus, Stage } from '../../domain/gates/stages.js';
import type { InitiativeView, PostLaunchView, ReviewProgress } from '../../domain/gates/views.js';
import type { CommitteeMember, ReviewPolicy } from '../../domain/policies.js';
import { Lock } from '../process/lock.js';
import type { InitiativeInit } from './messages.js';

/*
 * Everything one initiative process knows. Plain JSON: it is carried over continue-as-new in the
 * workflow input (`resume`), so a field is never renamed or removed (runs continued by an earlier
 * version carry the old shape).
 */

export interface ReviewState extends ReviewProgress {
  id: string;
  seq: number;
  stage: GateStage;
  version: number;
  status: ReviewLifecycleStatus;
  openedAt: string;
  deadline: string;
  reminderAt: string;
  /** The reminder timer has run (whether or not anyone was left to remind). */
  reminderDone: boolean;
  submittedBy: string;
  chair: string;
  roster: CommitteeMember[];
  policy: ReviewPolicy;
  policyVersion: number;
  eligible: string[];
  recused: string[];
  votes: VoteRecord[];
  deliverables: unknown;
}

export interface PostLaunchState extends PostLaunchView {
  chair: string;
}

export interface InitiativeState {
  id: string;
  name: string;
  businessLine: InitiativeView['businessLine'];
  description: string;
  team: string;
  owner: string;
  ownerName: string;
  stage: Stage;
  status: InitiativeStatus;
  nextVersion: number | null;
  requestedChanges: string[] | null;
  withdrawal: InitiativeView['withdrawal'];
  createdAt: string;
  updatedAt: string;
  reviews: ReviewState[];
  /** Sequence of recorded events (audit source keys `<workflowId>:<seq>`); only grows. */
  eventSeq: number;
  launchedAt?: string;
  postLaunch: PostLaunchState | null;
  /**
   * Complaint links received after launch (distinct complaint/time pairs). Since the patch
   * `initiative-post-launch-links-in-table` the first ones only (at most `postLaunchLinksKept`):
   * the links live in `post_launch_links`, the count in the window in `postLaunch.linkedComplaints`.
   * Runs from before the patch kept every link here; their first link under it writes them to the
   * table and keeps the first ones.
   */
  links: LinkedComplaintEvent[];
  /** Calendar changes already applied (their ids); absent in states carried from before they were told. */
  calendarChanges?: string[];
}

export const nowIso = (): string => new Date(Date.now()).toISOString();

/** A new initiative: at research, waiting for its first submission. */
export function newInitiativeState(init: InitiativeInit): InitiativeState {
  return {
    id: init.id,
    name: init.name,
    businessLine: init.businessLine,
    description: init.description,
    team: init.team,
    owner: init.owner.userId,
    ownerName: init.owner.name,
    stage: 'research',
    status: 'in_progress',
    nextVersion: 1,
    requestedChanges: null,
    withdrawal: null,
    createdAt: nowIso(),
    updatedAt: nowIso(),
    reviews: [],
    eventSeq: 0,
    postLaunch: null,
    links: [],
  };
}

/** The quorum of a review: eligible members with a current vote against the policy's ratio. */
export function reviewQuorum(review: ReviewState) {
  const cast = currentVotes(review.votes).filter((v) => review.eligible.includes(v.userId)).length;
  return quorum(review.eligible.length, cast, review.policy.quorumRatio);
}

/**
 * One initiative process: its state, the lock its commands and review timers take, and the
 * chain its writes go out on.
 */
export class Initiative {
  readonly lock = new Lock();
  /** The command reading through activities before its change (a second submission or extension is refused meanwhile). */
  preparing: string | null = null;
  /** The write chain: changes reach the database in the order they were made (record.ts). */
  writes: Promise<void> = Promise.resolve();
  /** Writes not yet in the database; the run ends (or continues as new) only at zero. */
  pendingWrites = 0;
  /** Post-launch link writes whose count has not been taken yet (post-launch.ts). */
  linkWrites = 0;
  /** Links signalled while the monitoring window was being computed, written once it is known. */
  linksWaiting: LinkedComplaintEvent[][] = [];
  /** The state's links have been written to the table in this run (a run's first link under the patch carries them). */
  linksCarried = false;

  constructor(
    readonly state: InitiativeState,
    readonly workflowId: string,
  ) {}

  /** The open or escalated review, if any. */
  liveReview(): ReviewState | undefined {
    return this.state.reviews.find((r) => r.status === 'open' || r.status === 'escalated');
  }

  /** The live review, else the latest one (so a late command hears "decided"). */
  targetReview(): ReviewState | undefined {
    return this.liveReview() ?? this.state.reviews.at(-1);
  }

  /** What the gate checks (domain/gates/commands.ts) read of the initiative. */
  facts() {
    const s = this.state;
    return { team: s.team, owner: s.owner, stage: s.stage, status: s.status };
  }

  /** What the gate checks read of a review. */
  reviewFacts(review: ReviewState | undefined) {
    return review && { ...review, ...(review.extension ? { extendedUntil: review.extension.until } : {}) };
  }

  /** Stage, status and the review's status: the before/after of most audit events. */
  stateOf(review?: ReviewState) {
    const s = this.state;
    return { stage: s.stage, status: s.status, ...(review ? { reviewId: review.id, reviewStatus: review.status } : {}) };
  }

  /** How notices name a review: `"Name" stage vN`. */
  label(review: ReviewState): string {
    return `"${this.state.name}" ${review.stage} v${review.version}`;
  }
}
