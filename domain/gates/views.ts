/**
 * What an initiative and its gate reviews look like to the outside: the views its workflow answers
 * with, stored in the projections and served by the API (GET builds the same shapes from the
 * projection rows). Plain data, shared by the workflow, the database layer, the API and the web UI.
 *
 * Workflow-safe: types only.
 */
import type { Duration } from '../duration.js';
import type { ProcessEnded } from '../process-end.js';
import type { ReviewLifecycleStatus } from './commands.js';
import type { Quorum } from './review.js';
import type { BusinessLine, Decision, GateStage, InitiativeStatus, Stage } from './stages.js';

export interface VoteView {
  userId: string;
  decision: Decision;
  comment: string;
  at: string;
  /** 1 for a member's first vote, then 2, 3, … for each revision; every record is kept. */
  revision: number;
}

export interface ExtensionView {
  /** The new deadline. */
  until: string;
  duration: Duration;
  reason: string;
  by: string;
  at: string;
}

/** What a review accumulates after it opens: the same in workflow state and in the API's view. */
export interface ReviewProgress {
  /** The committee's comments on the previous version, which this submission answers. */
  carriedComments?: string[];
  remindedAt?: string;
  escalatedAt?: string;
  extension?: ExtensionView;
  outcome?: Decision;
  signedOffBy?: string;
  signOffComment?: string;
  override?: boolean;
  decidedAt?: string;
  /** Carried into the next version when changes are requested. */
  comments?: string[];
  withdrawnAt?: string;
}

export interface ReviewView extends ReviewProgress {
  id: string;
  initiativeId: string;
  stage: GateStage;
  version: number;
  /** `withdrawn`: closed without a decision because the initiative was withdrawn. */
  status: ReviewLifecycleStatus;
  openedAt: string;
  deadline: string;
  reminderAt: string;
  submittedBy: string;
  chair: string;
  eligible: string[];
  recused: string[];
  votes: VoteView[];
  quorum: Quorum;
  deliverables: unknown;
  /** Version of the review policy snapshotted at submission. */
  policyVersion: number;
}

export interface PostLaunchItemView {
  id: string;
  raisedAt: string;
  complaintCount: number;
  threshold: number;
  /** What raised it; absent in items raised before NPS drops could: `complaints`. */
  cause?: 'complaints' | 'nps_drop';
  /** The NPS drop that raised it (cause `nps_drop`). */
  nps?: NpsDropFigures;
}

/** A product NPS that fell between two campaign periods (docs/surveys.md "Product NPS"). */
export interface NpsDropFigures {
  campaignId: string;
  previous: number;
  current: number;
  drop: number;
  previousAnswers: number;
  currentAnswers: number;
}

export interface PostLaunchView {
  windowStart: string;
  windowEnd: string;
  threshold: number;
  /** Distinct complaints linked to the product inside the window so far. */
  linkedComplaints: number;
  status: 'monitoring' | 'ended';
  reviewItem: PostLaunchItemView | null;
}

export interface InitiativeView {
  id: string;
  name: string;
  businessLine: BusinessLine;
  description: string;
  team: string;
  owner: string;
  ownerName: string;
  stage: Stage;
  status: InitiativeStatus;
  /** Version of the next submission at this stage; null once the initiative has ended. */
  nextVersion: number | null;
  /** While changes are requested: the committee's comments the next version must answer. */
  requestedChanges: string[] | null;
  withdrawal: { by: string; at: string; reason: string } | null;
  postLaunch: PostLaunchView | null;
  createdAt: string;
  updatedAt: string;
  /** The open or escalated review, if any. */
  review: ReviewView | null;
  /** Every review, oldest first, including the current one. */
  reviews: ReviewView[];
  /** Set when the process ended other than by completing (terminated, …); it then takes no more commands. */
  processEnded?: ProcessEnded;
}

/** Sign-off answer: the decided review and where the initiative went. */
export interface SignOffView extends ReviewView {
  initiative: { id: string; stage: Stage; status: InitiativeStatus };
}
