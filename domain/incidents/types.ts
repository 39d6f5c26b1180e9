/**
 * An incident: a spike of complaints the watcher found (docs/incidents.md), handled as a process
 * of its own — a response owner, a response plan and a post-incident review, each against a
 * deadline. This module is its vocabulary, what it starts with, what it knows, and how it looks
 * from outside.
 *
 * Workflow-safe: types and constants only.
 */
import type { Actor } from '../actor.js';
import type { IncidentDimension, IncidentPolicy, IncidentStep } from './policy.js';
import type { StepClock, StepState } from './steps.js';

export const incidentStatuses = ['open', 'assigned', 'responding', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const incidentCommands = ['assign', 'plan', 'review'] as const;
export type IncidentCommand = (typeof incidentCommands)[number];

/** What the watcher found. */
export interface IncidentTrigger {
  dimension: IncidentDimension;
  value: string;
  /** The window the spike was counted in, [windowFrom, windowTo). */
  windowFrom: string;
  windowTo: string;
  count: number;
  baseline: number;
  threshold: number;
}

/** What an incident workflow is started with. */
export interface IncidentInput {
  id: string;
  trigger: IncidentTrigger;
  /** The complaints of the spike. */
  complaintIds: string[];
  /** When the watcher raised it (its run's instant). */
  raisedAt: string;
  policy: IncidentPolicy;
  policyVersion: number;
  /** Continue as new after this many signals in one run (tests; otherwise when Temporal suggests it). */
  runLimits?: { signalsPerRun: number };
}

export interface Person {
  userId: string;
  name: string;
}

export interface PlanEntry {
  summary: string;
  actions: string[];
  by: string;
  at: string;
}

/** One finding of the post-incident review: what was learned and what will be done about it. */
export interface Finding {
  finding: string;
  action: string;
  /** Who carries the action out, and by when (a local date), if known. */
  owner?: string;
  due?: string;
}

export interface ReviewEntry {
  summary: string;
  findings: Finding[];
  by: string;
  at: string;
}

/**
 * An incident keeps its links in `incident_complaints`, not in its state (docs/incidents.md): a
 * mass complaint links tens of thousands, and the state is carried over continue-as-new as one
 * payload (Temporal refuses payloads over 2 MB). The state keeps the first links, the view shows
 * at most this many; the rest are paged from the table.
 */
export const incidentComplaintsKept = 20;
export const incidentComplaintsInView = incidentComplaintsKept;

export interface LinkedComplaint {
  id: string;
  at: string;
  /** `spike`: counted in the spike; `watch`: matched later, linked by the watcher. */
  via: 'spike' | 'watch';
}

/**
 * Everything one incident process knows. Plain JSON, carried over continue-as-new: a field is
 * never renamed or removed.
 */
export interface IncidentState {
  status: IncidentStatus;
  owner: Person | null;
  assignments: { owner: Person; by: string; at: string; note?: string }[];
  plans: PlanEntry[];
  review: ReviewEntry | null;
  steps: Partial<Record<IncidentStep, StepClock>>;
  /** 0 nobody beyond the owner, 1 supervisors and compliance, 2 the committee chair. */
  level: number;
  breaches: { step: IncidentStep; at: string; level: number }[];
  /**
   * The first complaints linked (at most `incidentComplaintsKept`): the links themselves live in
   * `incident_complaints`. Runs from before the patch `incident-links-in-table` kept every link
   * here; their next step under it keeps the first ones and takes the count from the array.
   */
  complaints: LinkedComplaint[];
  /**
   * How many complaints are linked (the table's count, answered by the record activity). Absent in
   * the state of runs from before the patch `incident-links-in-table`: then `complaints.length`.
   */
  complaintCount?: number;
  /** Snapshotted when the incident climbs to the chair. */
  chairUserId: string | null;
  closedAt: string | null;
  /** Audit sequence: source keys are `<workflowId>:<eventSeq>`. */
  eventSeq: number;
}

export interface StepView {
  state: StepState;
  startedAt: string;
  deadline: string;
  reminderAt: string;
  metAt?: string;
  breachedAt?: string;
  climbedAt?: string;
}

export interface IncidentView {
  id: string;
  status: IncidentStatus;
  trigger: IncidentTrigger;
  raisedAt: string;
  owner: Person | null;
  assignments: IncidentState['assignments'];
  plans: PlanEntry[];
  review: ReviewEntry | null;
  steps: Partial<Record<IncidentStep, StepView>>;
  /** The step whose deadline runs now, if any. */
  nextStep: IncidentStep | null;
  escalationLevel: number;
  breaches: IncidentState['breaches'];
  /** The first complaints linked, at most `incidentComplaintsInView`; every one: GET /incidents/{id}/complaints. */
  complaints: LinkedComplaint[];
  /** How many complaints are linked. */
  complaintCount: number;
  chairUserId: string | null;
  policyVersion: number;
  closedAt: string | null;
  version: number;
}

/** Commands, each carrying the acting person. */
export interface AssignCommand {
  actor: Actor;
  owner: Person;
  note?: string;
}
export interface PlanCommand {
  actor: Actor;
  summary: string;
  actions: string[];
}
export interface ReviewCommand {
  actor: Actor;
  summary: string;
  findings: Finding[];
}
/** Sent by the watcher: complaints that matched the incident after it was raised. */
export interface ComplaintsLinked {
  complaintIds: string[];
  at: string;
}
