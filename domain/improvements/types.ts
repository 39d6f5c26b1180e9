/**
 * An improvement action (整改 / 双周改进计划, docs/improvements.md): a problem found by the
 * committee, a post-launch review, a hot issue, an incident, an audit finding, a detractor trend
 * or a supervisor, given to an owner in a department with a plan and a due date in working days,
 * followed to completion, verified by whoever raised it, and checked for effect a policy period
 * after it closed. This module is its vocabulary, what it starts with, what it knows, and how it
 * looks from outside.
 *
 * Workflow-safe: types and constants only.
 */
import type { Actor } from '../actor.js';
import type { Duration } from '../duration.js';

/**
 * in_progress: the owner works on it (reminded before the due date, escalated after it);
 * awaiting_verification: the owner reported it done, the verifier decides;
 * closed: verified (the effectiveness check runs a policy period later).
 */
export const improvementStatuses = ['in_progress', 'awaiting_verification', 'closed'] as const;
export type ImprovementStatus = (typeof improvementStatuses)[number];

export const improvementCommands = ['progress', 'complete', 'verify', 'send_back'] as const;
export type ImprovementCommand = (typeof improvementCommands)[number];

/**
 * Where an action comes from. `committee`: a decision of the committee's meeting;
 * `post_launch_review`: the review item an initiative raised after launch; `hot_issue`: a ranked
 * hot issue of the reports; `incident`: a complaint spike's incident; `audit_finding`: a
 * compliance auditor's finding; `detractor_trend`: a falling satisfaction / NPS trend;
 * `supervisor`: raised by a supervisor on their own account; `suggestion`: a customer's suggestion
 * (a feedback item, docs/feedback.md) its product team took up.
 */
export const improvementSourceKinds = ['committee', 'post_launch_review', 'hot_issue', 'incident', 'audit_finding', 'detractor_trend', 'supervisor', 'suggestion'] as const;
export type ImprovementSourceKind = (typeof improvementSourceKinds)[number];

/** Sources whose actions the committee chair verifies (else whoever raised the action). */
export const committeeSourceKinds: readonly ImprovementSourceKind[] = ['committee', 'post_launch_review'];

export interface ImprovementSource {
  kind: ImprovementSourceKind;
  /**
   * The source record's id: the meeting decision (`<meetingId>:<decision>`), the review item
   * (`<initiativeId>-plr`), the hot issue (`<dimension>:<value>`), the incident id, the audit
   * finding's reference, the trend's key; for `supervisor` a fresh id. 1–120 of [A-Za-z0-9_.:-].
   * One source raises one action: the action's id derives from (kind, id).
   */
  id: string;
  /** A short human description of the source (shown with the link), optional. */
  label?: string;
}

/** The records the action is about. */
export interface ImprovementLinks {
  complaints: string[];
  initiatives: string[];
  incidents: string[];
}

/** What complaints the effectiveness check counts: those with this root cause / product / category. */
export const effectivenessDimensions = ['rootCause', 'product', 'category'] as const;
export type EffectivenessDimension = (typeof effectivenessDimensions)[number];
export interface EffectivenessMeasure {
  dimension: EffectivenessDimension;
  value: string;
}

export interface Person {
  userId: string;
  name: string;
}

/**
 * The improvement policy (`PUT /api/v1/policies/improvements`), snapshotted when an action is
 * raised. Due dates count `dueUnit`s (business days; seconds in tests).
 */
export interface ImprovementPolicy {
  dueUnit: Duration['unit'];
  /** Share of the window to the due date after which the owner is reminded. */
  reminderRatio: number;
  /** After the due date the department head is told; one such window later, the committee chair. */
  escalationWindow: Duration;
  /** How long after closing the effectiveness check looks (about a month of business days). */
  effectivenessAfter: Duration;
  /** Effective when complaints fell by at least this share (0 = any fall). */
  requiredFall: number;
}

export const defaultImprovementPolicy: ImprovementPolicy = {
  dueUnit: 'business_day',
  reminderRatio: 0.8,
  escalationWindow: { amount: 3, unit: 'business_day' },
  effectivenessAfter: { amount: 21, unit: 'business_day' },
  requiredFall: 0,
};

/** What an improvement workflow is started with (signed by the API, or started by a parent workflow). */
export interface ImprovementInput {
  /** `improvementIdFor(source)` (messages.ts): one source, one action. */
  id: string;
  source: ImprovementSource;
  /** Who raised it: the verifier unless the source is the committee's (then the chair). */
  raisedBy: Actor;
  raisedAt: string;
  title: string;
  problem: string;
  plan: string;
  ownerDepartment: string;
  owner: Person;
  /** The due date, this many policy due units (working days) after `raisedAt`. */
  dueInDays: number;
  links: ImprovementLinks;
  /** What the effectiveness check counts; null: not measurable from complaints. */
  measure: EffectivenessMeasure | null;
  /** Snapshotted at raise; absent: the workflow reads the policy in force. */
  policy?: ImprovementPolicy;
  policyVersion?: number;
}

export interface EvidenceLink {
  url: string;
  note: string;
}

export interface ProgressEntry {
  note: string;
  evidence: EvidenceLink[];
  by: string;
  at: string;
}

export interface CompletionEntry {
  summary: string;
  evidence: EvidenceLink[];
  by: string;
  at: string;
}

export interface VerificationEntry {
  decision: 'verified' | 'sent_back';
  reason?: string;
  /** Sent back: the new due date. */
  newDue?: string;
  by: string;
  at: string;
}

export const effectivenessVerdicts = ['effective', 'not_effective', 'not_measurable'] as const;
export type EffectivenessVerdict = (typeof effectivenessVerdicts)[number];
export interface EffectivenessResult {
  verdict: EffectivenessVerdict;
  measure: EffectivenessMeasure | null;
  /** Complaints counted in the period before the raise and in the period after closing (same length). */
  before: { from: string; to: string; count: number } | null;
  after: { from: string; to: string; count: number } | null;
  at: string;
}

/** The deadline of the owner's work: reminder, due (department head), climb (committee chair). */
export interface DueClock {
  startedAt: number;
  due: number;
  reminderAt: number;
  climbAt: number;
  remindedAt?: number;
  overdueAt?: number;
  climbedAt?: number;
}

/**
 * Everything one improvement process knows. Plain JSON, carried over continue-as-new: a field is
 * never renamed or removed.
 */
export interface ImprovementState {
  status: ImprovementStatus;
  owner: Person;
  policy: ImprovementPolicy;
  policyVersion: number;
  /** The verifier's user id (the chair for committee sources; null: the supervisors). */
  verifierId: string | null;
  clock: DueClock;
  /** 0 the owner, 1 the department head, 2 the committee chair. */
  level: number;
  departmentHeadId: string | null;
  chairUserId: string | null;
  progress: ProgressEntry[];
  completions: CompletionEntry[];
  verifications: VerificationEntry[];
  closedAt: string | null;
  /** When the effectiveness check falls due (set on closing). */
  effectivenessAt: string | null;
  effectiveness: EffectivenessResult | null;
  eventSeq: number;
}

export interface ImprovementView {
  id: string;
  status: ImprovementStatus;
  source: ImprovementSource;
  raisedBy: { userId: string; name: string };
  raisedAt: string;
  title: string;
  problem: string;
  plan: string;
  ownerDepartment: string;
  owner: Person;
  verifierId: string | null;
  due: string;
  reminderAt: string;
  /** 'pending' | 'at_risk' | 'overdue' | 'met' */
  dueState: 'pending' | 'at_risk' | 'overdue' | 'met';
  escalationLevel: number;
  links: ImprovementLinks;
  measure: EffectivenessMeasure | null;
  progress: ProgressEntry[];
  completions: CompletionEntry[];
  verifications: VerificationEntry[];
  closedAt: string | null;
  effectivenessAt: string | null;
  effectiveness: EffectivenessResult | null;
  policyVersion: number;
  version: number;
}

/** Commands, each carrying the acting person. */
export interface ProgressCommand {
  actor: Actor;
  note: string;
  evidence: EvidenceLink[];
}
export interface CompleteCommand {
  actor: Actor;
  summary: string;
  evidence: EvidenceLink[];
}
export interface VerifyCommand {
  actor: Actor;
}
export interface SendBackCommand {
  actor: Actor;
  reason: string;
  /** Working days (policy due units) from now to the new due date. */
  dueInDays: number;
}
