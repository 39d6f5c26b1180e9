/**
 * The detractor follow-up (回访闭环, docs/followups.md): a customer's answer of NPS 0–6 or CSAT ≤ 2
 * (domain/surveys/scores.ts `isDetractorAnswer`), by the survey link or an agent's callback, opens
 * one follow-up for the supervisors of the complaint's accountable department, with a deadline on
 * the business calendar; a supervisor records what came of it, which ends it.
 *
 * Workflow-safe: types and constants only.
 */
import type { Actor } from '../actor.js';
import type { Duration } from '../duration.js';
import type { ResponseSource, SurveyKind } from '../surveys/types.js';

/** open: waiting for the supervisor's outcome (reminded, then overdue); closed: outcome recorded. */
export const followUpStatuses = ['open', 'closed'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/**
 * What came of it. contacted_resolved: the customer was reached and the cause of the low score
 * dealt with; contacted_unresolved: reached, not resolved (the note says why and what next);
 * unreachable: nobody answered; no_action: nothing to do (a mistaken score, a duplicate), the note
 * says why.
 */
export const followUpOutcomes = ['contacted_resolved', 'contacted_unresolved', 'unreachable', 'no_action'] as const;
export type FollowUpOutcome = (typeof followUpOutcomes)[number];

/** The longest outcome note. */
export const outcomeNoteMax = 2000;

/**
 * The follow-up policy (policy kind `followUps`), snapshotted when a follow-up opens. `due` from the
 * answer's arrival on the business calendar; the supervisors are reminded at `reminderRatio` of
 * the window; after the deadline the department head (else every supervisor) is told.
 */
export interface FollowUpPolicy {
  due: Duration;
  reminderRatio: number;
}

export const defaultFollowUpPolicy: FollowUpPolicy = { due: { amount: 2, unit: 'business_day' }, reminderRatio: 0.5 };

/** What a follow-up workflow is started with (signed by the worker's sweeper). */
export interface FollowUpInput {
  /** The answer's id (survey_responses.id): one answer, one follow-up. */
  id: string;
  complaintId: string;
  /** link | callback */
  source: ResponseSource;
  kind: SurveyKind;
  csat: number | null;
  nps: number | null;
  /** Masked of personal numbers when stored. */
  verbatim: string | null;
  respondedAt: string;
  /** The complaint's accountable department as snapshotted on the answer. */
  department: string;
  /** When the sweeper opened it. */
  openedAt: string;
  /** Who recorded a callback (null: the customer's own link). */
  recordedBy: string | null;
}

/** The deadline: a reminder, then overdue (escalated). */
export interface FollowUpClock {
  startedAt: number;
  due: number;
  reminderAt: number;
  remindedAt?: number;
  overdueAt?: number;
}

export interface FollowUpOutcomeEntry {
  outcome: FollowUpOutcome;
  note: string;
  by: string;
  byName: string;
  at: string;
}

/** Everything one follow-up process knows (carried over continue-as-new: never rename a field). */
export interface FollowUpState {
  status: FollowUpStatus;
  policy: FollowUpPolicy;
  policyVersion: number;
  /** The supervisors it is addressed to; empty: every supervisor. */
  supervisorIds: string[];
  departmentHeadId: string | null;
  clock: FollowUpClock;
  /** 0: the supervisors; 1: overdue, the department head told. */
  level: number;
  outcome: FollowUpOutcomeEntry | null;
  closedAt: string | null;
  eventSeq: number;
}

export type FollowUpDueState = 'pending' | 'at_risk' | 'overdue' | 'met';

export interface FollowUpView {
  id: string;
  status: FollowUpStatus;
  complaintId: string;
  source: ResponseSource;
  kind: SurveyKind;
  csat: number | null;
  nps: number | null;
  verbatim: string | null;
  respondedAt: string;
  department: string;
  supervisorIds: string[];
  departmentHeadId: string | null;
  openedAt: string;
  due: string;
  reminderAt: string;
  dueState: FollowUpDueState;
  escalationLevel: number;
  outcome: FollowUpOutcomeEntry | null;
  closedAt: string | null;
  policyVersion: number;
  version: number;
}

export interface RecordOutcomeCommand {
  actor: Actor;
  outcome: FollowUpOutcome;
  note: string;
}
