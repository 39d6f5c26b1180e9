/**
 * Feedback of every kind beside complaints (docs/feedback.md): an inquiry (logged, answered,
 * archived, against a first-response target on the business calendar), a suggestion (routed to
 * the owning product team, who respond and may raise an improvement action or link it to an
 * initiative) and praise (credited to a staff member or a branch / department, acknowledged and
 * archived). Taken through the same channels and intake rules as a complaint; a feedback item
 * mistakenly taken can be reclassified as a complaint (and a complaint as feedback).
 *
 * Workflow-safe: types and constants only.
 */
import type { Actor } from '../actor.js';
import type { Channel } from '../complaints/types.js';
import type { Duration } from '../duration.js';

export const feedbackKinds = ['inquiry', 'suggestion', 'praise'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

/**
 * open: logged, waiting for its first step; answered: an inquiry's answer is recorded; routed: a
 * suggestion waits on its product team; responded: the team responded; credited: praise credited;
 * archived: done; reclassified: ended as a complaint (its id in `reclassified.complaintId`).
 */
export const feedbackStatuses = ['open', 'answered', 'routed', 'responded', 'credited', 'archived', 'reclassified'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export const feedbackCommands = ['answer', 'route', 'respond', 'link', 'credit', 'archive', 'reclassify'] as const;
export type FeedbackCommand = (typeof feedbackCommands)[number];

/** Ended: no command is taken any more. */
export const finalFeedbackStatuses: readonly FeedbackStatus[] = ['archived', 'reclassified'];

/**
 * The feedback policy (`PUT /api/v1/policies/feedback`), snapshotted at intake. The policies say
 * nothing of an inquiry's first response: one working day, the same as a complaint's (docs/feedback.md).
 */
export interface FeedbackPolicy {
  /** An inquiry's first-response target from its receipt, on the business calendar. */
  inquiryFirstResponse: Duration;
  /** Share of the window after which the owner is told the answer is at risk. */
  atRiskRatio: number;
}

export const defaultFeedbackPolicy: FeedbackPolicy = {
  inquiryFirstResponse: { amount: 1, unit: 'business_day' },
  atRiskRatio: 0.8,
};

/** A complaint this item was reclassified from (the complaint ended pointing here). */
export interface ReclassifiedFrom {
  complaintId: string;
  reason: string;
  by: string;
}

/** What a feedback workflow is started with (no customer PII: `customerRef` and `piiRef` only). */
export interface FeedbackInput {
  id: string;
  kind: FeedbackKind;
  channel: Channel;
  description: string;
  /** ISO instant: the inquiry's first-response clock runs from here. */
  receivedAt: string;
  initiativeId?: string;
  customerRef: string;
  /** Key of the sealed customer row (complaint_customers, keyed by this item's id). */
  piiRef: string;
  /** The agent who logged it: its owner. */
  loggedBy: Actor;
  reclassifiedFrom?: ReclassifiedFrom;
  /** Snapshotted by the API; absent: the workflow reads the policy in force. */
  policy?: FeedbackPolicy;
  policyVersion?: number;
}

/** An inquiry's first-response target. */
export interface FirstResponseClock {
  startedAt: number;
  due: number;
  atRiskAt: number;
  atRiskNotedAt?: number;
  overdueAt?: number;
  metAt?: number;
}

export interface Entry {
  text: string;
  by: string;
  at: string;
}

export interface Routing {
  department: string;
  initiativeId: string | null;
  /** The department's head in the directory (told of the suggestion), if any. */
  teamLeadId: string | null;
  /** The linked initiative's owner (may respond for the team), if any. */
  initiativeOwnerId: string | null;
  note: string;
  by: string;
  at: string;
}

export const creditKinds = ['person', 'department'] as const;
export type CreditKind = (typeof creditKinds)[number];
export interface Credit {
  kind: CreditKind;
  /** A user id of the directory, or a department (a branch is a department of the directory). */
  id: string;
  name: string;
  note: string;
  by: string;
  at: string;
}

export interface Reclassification {
  complaintId: string;
  reason: string;
  by: string;
  at: string;
}

/**
 * Everything one feedback process knows. Plain JSON, carried over continue-as-new: a field is
 * never renamed or removed.
 */
export interface FeedbackState {
  status: FeedbackStatus;
  ownerId: string;
  policy: FeedbackPolicy;
  policyVersion: number;
  /** Inquiries only. */
  clock: FirstResponseClock | null;
  answer: Entry | null;
  routing: Routing | null;
  response: Entry | null;
  links: { improvements: string[]; initiatives: string[] };
  credit: Credit | null;
  archive: Entry | null;
  reclassified: Reclassification | null;
  closedAt: string | null;
  eventSeq: number;
}

export type FirstResponseState = 'pending' | 'at_risk' | 'breached' | 'met';

export interface FeedbackView {
  id: string;
  kind: FeedbackKind;
  status: FeedbackStatus;
  channel: Channel;
  description: string;
  receivedAt: string;
  initiativeId: string | null;
  customerRef: string;
  loggedBy: { userId: string; name: string };
  ownerId: string;
  firstResponse: { due: string; atRiskAt: string; state: FirstResponseState; metAt: string | null; onTime: boolean | null } | null;
  answer: Entry | null;
  routing: Routing | null;
  response: Entry | null;
  links: { improvements: string[]; initiatives: string[] };
  credit: Credit | null;
  archive: Entry | null;
  reclassified: Reclassification | null;
  reclassifiedFrom: ReclassifiedFrom | null;
  closedAt: string | null;
  policyVersion: number;
  version: number;
}

// ── Commands, each carrying the acting person ────────────────────────────────────────────────

export interface AnswerCommand {
  actor: Actor;
  answer: string;
}
/** The API checked the department against the directory and adds its head and the initiative's owner. */
export interface RouteCommand {
  actor: Actor;
  department: string;
  initiativeId?: string;
  note?: string;
  teamLeadId?: string | null;
  initiativeOwnerId?: string | null;
}
export interface RespondCommand {
  actor: Actor;
  response: string;
}
export interface LinkCommand {
  actor: Actor;
  improvementId?: string;
  initiativeId?: string;
}
/** The API checked the person or department against the directory and adds the name. */
export interface CreditCommand {
  actor: Actor;
  kind: CreditKind;
  id: string;
  name: string;
  note?: string;
}
export interface ArchiveCommand {
  actor: Actor;
  note?: string;
}
/** The complaint opened from this item (its id chosen by the API before it is opened). */
export interface ReclassifyCommand {
  actor: Actor;
  reason: string;
  complaintId: string;
}
