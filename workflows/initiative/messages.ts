/**
 * The initiative workflow's public surface: update, query and signal definitions and the command
 * and view types. Imported by the workflow and by the API (and by the complaint side, which
 * signals `complaintLinked`), so it imports only @temporalio/workflow and pure domain modules.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor.js';
import type { Duration } from '../../domain/duration.js';
import type { BusinessLine, Decision, GateStage } from '../../domain/gates/stages.js';
import type { InitiativeView, NpsDropFigures, ReviewView, SignOffView } from '../../domain/gates/views.js';

export const initiativeWorkflowType = 'initiativeWorkflow';

/** Stable business id of an initiative's workflow. */
export function initiativeWorkflowId(initiativeId: string): string {
  return `initiative-${initiativeId}`;
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

/**
 * The product's NPS fell between two campaign periods by the policy's points (sent by its NPS
 * campaign, workflows/nps-campaign.ts): a post-launch review is due, as for too many complaints.
 */
export interface NpsDropped extends NpsDropFigures {
  /** ISO-8601: when the campaign ran. */
  at: string;
}
export const npsDropped = defineSignal<[NpsDropped]>('npsDropped');
