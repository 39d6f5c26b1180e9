/**
 * The initiative workflow's public surface: update, query and signal definitions and the command
 * and view types. Imported by the workflow and by the API (and by the complaint side, which
 * signals `complaintLinked`), so it imports only @temporalio/workflow and pure domain modules.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ReviewLifecycleStatus } from '../domain/gates/commands.js';
import type { Quorum } from '../domain/gates/review.js';
import type { BusinessLine, Decision, GateStage, InitiativeStatus, Stage } from '../domain/gates/stages.js';
import type { Duration } from '../domain/duration.js';

export const initiativeWorkflowType = 'initiativeWorkflow';

/** Stable business id of an initiative's workflow. */
export function initiativeWorkflowId(initiativeId: string): string {
  return `initiative-${initiativeId}`;
}

/** The caller, from the verified token; every command carries it. */
export interface Actor {
  userId: string;
  name: string;
  roles: string[];
  department?: string;
}

// ---------------------------------------------------------------------------------------------
// Workflow input

export interface InitiativeInit {
  id: string;
  name: string;
  businessLine: BusinessLine;
  description: string;
  team: string;
  owner: Actor;
}

export interface InitiativeLimits {
  /** Post-launch monitoring continues as new after this many signals in one run (default 500). */
  signalsPerRun?: number;
}

/** `resume` is the state carried across continue-as-new; callers starting a workflow omit it. */
export interface InitiativeWorkflowInput<State = unknown> {
  init: InitiativeInit;
  resume?: State;
  limits?: InitiativeLimits;
}

// ---------------------------------------------------------------------------------------------
// Views (the HTTP resources of api.md; GET builds the same shapes from the projections)

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
}

/** Sign-off answer: the decided review and where the initiative went. */
export interface SignOffView extends ReviewView {
  initiative: { id: string; stage: Stage; status: InitiativeStatus };
}

// ---------------------------------------------------------------------------------------------
// Commands (Workflow Updates)

export interface CreateCommand {
  actor: Actor;
}
export interface SubmitCommand {
  actor: Actor;
  stage: GateStage;
  deliverables: unknown;
}
export interface VoteCommand {
  actor: Actor;
  decision: Decision;
  comment: string;
}
export interface SignOffCommand {
  actor: Actor;
  decision: Decision;
  comment: string;
  override?: boolean;
}
export interface ExtendCommand {
  actor: Actor;
  until: Duration;
  reason: string;
}
export interface WithdrawCommand {
  actor: Actor;
  reason: string;
}

export const createInitiative = defineUpdate<InitiativeView, [CreateCommand]>('createInitiative');
export const submitDeliverables = defineUpdate<ReviewView, [SubmitCommand]>('submitDeliverables');
export const castVote = defineUpdate<ReviewView, [VoteCommand]>('castVote');
export const signOff = defineUpdate<SignOffView, [SignOffCommand]>('signOff');
export const extendReview = defineUpdate<ReviewView, [ExtendCommand]>('extendReview');
export const withdrawInitiative = defineUpdate<InitiativeView, [WithdrawCommand]>('withdrawInitiative');

export const initiativeQuery = defineQuery<InitiativeView>('initiative');

// ---------------------------------------------------------------------------------------------
// Signals

/** A complaint was linked to this initiative's product (sent by the complaint side). */
export interface ComplaintLinked {
  complaintId: string;
  /** ISO-8601 with offset: when the complaint was received / linked. */
  at: string;
}
export const complaintLinked = defineSignal<[ComplaintLinked]>('complaintLinked');
