/**
 * The customer-experience committee's monthly meeting (docs/meetings.md): convened once a month
 * by a schedule (or by the chair as an extra meeting), with an agenda assembled from the data,
 * attendance and quorum, one decision per agenda item by the chair, and minutes the chair signs.
 * This module is its vocabulary, what it starts with, what it knows, and how it looks from outside.
 *
 * Workflow-safe: types and constants only.
 */
import type { Actor } from '../actor.js';
import type { CommitteeMember } from '../policies.js';
import type { MeetingPolicy } from './policy.js';

export const meetingStatuses = ['in_session', 'minutes_ready', 'signed'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetingKinds = ['monthly', 'extra'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** What an agenda item is about; each kind has its own decisions (rules.ts `decisionsFor`). */
export const agendaItemKinds = ['quality_report', 'hot_issue', 'incident', 'post_launch', 'overdue_action', 'target_missed', 'target_proposal', 'chair_item'] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];

export const meetingDecisions = ['noted', 'raise_action', 'target_approved', 'target_refused', 'post_launch_continue', 'post_launch_fix', 'post_launch_withdraw'] as const;
export type MeetingDecisionKind = (typeof meetingDecisions)[number];

/** A fact shown with an item (a count, a rate, a date), by name. */
export type Fact = string | number | boolean | null;

/** Who has a stake in an item (an initiative's post-launch review): they are recused from deciding it. */
export interface Stake {
  submitter: string;
  owner?: string;
  /** The initiative's team: every member of that department is recused. */
  team: string;
}

export interface AgendaItem {
  /** Stable within the meeting: `<kind>:<subject>` (e.g. `hot_issue:rootCause:fee_dispute`). */
  key: string;
  kind: AgendaItemKind;
  title: string;
  facts: Record<string, Fact>;
  /** The web UI path of the subject (`/incidents/<id>`), when it has a page. */
  link: string | null;
  /** The id of the subject (incident, initiative, action, target proposal), when it has one. */
  subjectId: string | null;
  stake: Stake | null;
  /** The chair's own items: who added it, and when. */
  addedBy?: string;
  addedAt?: string;
}

/** The improvement action a decision raises (docs/improvements.md): what, the plan, who in which department, due in how many working days. */
export interface ActionRequest {
  title: string;
  plan: string;
  owner: { userId: string; name: string };
  ownerDepartment: string;
  /** Working days (the improvement policy's due unit) from the decision to the due date. */
  dueInDays: number;
}

export interface ItemDecision {
  decision: MeetingDecisionKind;
  comment: string;
  by: string;
  at: string;
  /** The chair was recused from the item: an attending member without a stake decided it. */
  inChairsStead: boolean;
  /** Members present and eligible for the item when it was decided, and the quorum then. */
  quorum: { required: number; present: number };
  action?: ActionRequest & { actionId: string };
}

export interface Attendance {
  userId: string;
  at: string;
  /** Recorded by the chair for the member, or by the member themself. */
  by: string;
}

/** What the meeting reads when it convenes (an activity, recorded in history). */
export interface MeetingSetup {
  roster: CommitteeMember[];
  chairUserId: string | null;
  /** The gate review policy's quorum ratio, version recorded. */
  quorumRatio: number;
  reviewPolicyVersion: number;
  policy: MeetingPolicy;
  policyVersion: number;
  /** The month whose report and data the agenda is about ('yyyy-mm', the month before the meeting's). */
  reviewedMonth: string;
  items: AgendaItem[];
}

/** What a meeting workflow is started with. */
export interface MeetingInput {
  /** `<yyyy-mm>` or `<yyyy-mm>-extra-<n>`. */
  id: string;
  month: string;
  kind: MeetingKind;
  convenedBy: Actor;
  convenedAt: string;
  /** An extra meeting's reason. */
  reason?: string;
}

/** The minutes' clock: once every item is decided, the chair is reminded, then admin and compliance are told. */
export interface MinutesClock {
  readyAt: number;
  reminderAt: number;
  escalateAt: number;
  remindedAt?: number;
  escalatedAt?: number;
}

/** Everything one meeting knows. Plain JSON, carried over continue-as-new: a field is never renamed or removed. */
export interface MeetingState extends MeetingSetup {
  status: MeetingStatus;
  attendance: Attendance[];
  decisions: Record<string, ItemDecision>;
  clock: MinutesClock | null;
  signedAt: string | null;
  signedBy: string | null;
  eventSeq: number;
}

export interface ItemView extends AgendaItem {
  recused: string[];
  quorum: { required: number; present: number; met: boolean };
  decisions: MeetingDecisionKind[];
  decision: ItemDecision | null;
}

export interface MeetingView {
  id: string;
  month: string;
  kind: MeetingKind;
  reviewedMonth: string;
  status: MeetingStatus;
  convenedBy: string;
  convenedAt: string;
  reason: string | null;
  chairUserId: string | null;
  roster: CommitteeMember[];
  attendance: Attendance[];
  quorum: { required: number; present: number; met: boolean };
  items: ItemView[];
  minutes: { readyAt: string | null; reminderAt: string | null; escalateAt: string | null; remindedAt: string | null; escalatedAt: string | null; signedAt: string | null; signedBy: string | null };
  policyVersion: number;
  version: number;
}

// ── commands, each carrying the acting person ───────────────────────────────────────────────────
export interface AttendCommand {
  actor: Actor;
  /** Omitted: the actor. The chair may record another member present. */
  userId?: string;
}
export interface AddItemCommand {
  actor: Actor;
  title: string;
  description: string;
}
export interface DecideCommand {
  actor: Actor;
  itemKey: string;
  decision: MeetingDecisionKind;
  /** Required for every decision but `noted`. */
  comment?: string;
  action?: ActionRequest;
}
export interface SignMinutesCommand {
  actor: Actor;
  /** The chair confirms the minutes as shown. */
  confirm: boolean;
}
