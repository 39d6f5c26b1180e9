/**
 * Gate review rules (docs/business-rules.md §1 "Gate review rules"): recusal, quorum, votes and their
 * revisions, tally, the chair's sign-off, and where a decision leads.
 *
 * Workflow-safe: plain deterministic functions over plain data, no clock (timestamps are passed
 * in), importing only other pure domain files. The workflow enforces these rules in its update
 * validators; the API uses the same functions to explain a refusal.
 */
import type { CommitteeMember } from '../policies.js';
import { describeLowScores, type LowScore } from './deliverables.js';
import { decisions, nextStage, type Decision, type GateStage, type InitiativeStatus, type Stage } from './stages.js';

export type ReviewStatus = 'open' | 'escalated' | 'decided';

// ---------------------------------------------------------------------------------------------
// Recusal

/**
 * Splits the roster snapshot into voters and recused members, keeping roster order.
 * Recused: whoever has a stake in the initiative — the submitter, the initiative's owner (when
 * given: processes started before the owner rule replay without it), and every member whose
 * department is the initiative's team. Nobody votes on their own product, even from another
 * department.
 *
 * The chair is a committee member like the others: eligible to vote unless a conflict rule
 * applies, and the chair's vote is what breaks a tie. Recusal removes only the chair's vote;
 * signing off stays with the chair (the committee has exactly one chair and no deputy), so a
 * recused chair's sign-off is visible as such in the review's `recused` list (and the chair may
 * never sign off an initiative they own or submitted: `signOffAuthority`).
 */
export function recusalFor(
  roster: readonly CommitteeMember[],
  stake: { submitter: string; owner?: string },
  initiativeTeam: string,
): { eligible: string[]; recused: string[] } {
  const eligible: string[] = [];
  const recused: string[] = [];
  for (const member of roster) {
    const conflicted = member.userId === stake.submitter || member.userId === stake.owner || member.department === initiativeTeam;
    (conflicted ? recused : eligible).push(member.userId);
  }
  return { eligible, recused };
}

// ---------------------------------------------------------------------------------------------
// Quorum

export interface Quorum {
  required: number;
  cast: number;
  met: boolean;
}

// Products like 10 × 0.3 come out as 3.0000000000000004 in binary floating point; without this
// slack ceil() would demand a fourth vote.
const FLOAT_SLACK = 1e-9;

/**
 * "At least half of the eligible members have voted" with half = `quorumRatio`.
 * required = ceil(eligible × ratio), kept between 1 and the number of eligible members so that a
 * ratio of 0 still needs one vote and a ratio above 1 stays reachable. `castCount` is the number
 * of eligible members with a current vote (revisions count once).
 *
 * Nobody eligible (everyone recused): required 0 and `met: false` — a vote can never happen, so
 * the review cannot be signed off as an ordinary review; it goes to the chair, who decides alone
 * as for an escalated review. The workflow may escalate at once rather than wait for the
 * deadline.
 */
export function quorum(eligibleCount: number, castCount: number, quorumRatio: number): Quorum {
  if (eligibleCount <= 0) return { required: 0, cast: castCount, met: false };
  const raw = Math.ceil(eligibleCount * quorumRatio - FLOAT_SLACK);
  const required = Math.min(eligibleCount, Math.max(1, raw));
  return { required, cast: castCount, met: castCount >= required };
}

// ---------------------------------------------------------------------------------------------
// Votes and revisions

export interface Vote {
  userId: string;
  decision: Decision;
  comment: string;
  /** ISO-8601 time of the vote, from the workflow's deterministic clock. */
  at: string;
}

/** A vote as stored: every cast and every revision is kept. A member's first vote is revision 1. */
export interface VoteRecord extends Vote {
  revision: number;
}

/**
 * The vote that counts for each member: the highest revision. Members appear in the order of
 * their first vote, so the result is stable however the records were stored.
 */
export function currentVotes(records: readonly VoteRecord[]): VoteRecord[] {
  const latest = new Map<string, VoteRecord>();
  for (const record of records) {
    const seen = latest.get(record.userId);
    // Map keeps first-insertion order even when the value is replaced.
    if (seen === undefined || record.revision > seen.revision) latest.set(record.userId, record);
  }
  return [...latest.values()];
}

/**
 * A new record list with `vote` appended as the member's next revision (previous + 1, or 1).
 * Does not mutate `records` and does not check eligibility — call `canVote` first.
 */
export function castVote(records: readonly VoteRecord[], vote: Vote): VoteRecord[] {
  const previous = records
    .filter((r) => r.userId === vote.userId)
    .reduce((max, r) => Math.max(max, r.revision), 0);
  return [...records, { ...vote, revision: previous + 1 }];
}

export type CanVote = 'ok' | 'not_member' | 'recused' | 'closed';

/**
 * Whether `userId` may vote (or revise a vote) now. Membership is judged against the review's
 * roster snapshot (eligible + recused), not the live roster.
 *
 * Who-you-are is checked before the review's state, so a non-member or recused member always
 * gets the same answer (403) and learns nothing about the review's state. Only a decided review
 * is closed: an escalated review still records votes, which inform the chair deciding alone.
 */
export function canVote(
  review: { status: ReviewStatus; eligible: readonly string[]; recused: readonly string[] },
  userId: string,
): CanVote {
  if (review.recused.includes(userId)) return 'recused';
  if (!review.eligible.includes(userId)) return 'not_member';
  if (review.status === 'decided') return 'closed';
  return 'ok';
}

// ---------------------------------------------------------------------------------------------
// Reminders

/** Eligible members without a current vote, in roster order. */
export function remindees(eligible: readonly string[], votes: readonly Pick<Vote, 'userId'>[]): string[] {
  const voted = new Set(votes.map((v) => v.userId));
  return eligible.filter((userId) => !voted.has(userId));
}

/** Whether the reminder has anyone to go to. */
export function reminderDue(eligible: readonly string[], votes: readonly Pick<Vote, 'userId'>[]): boolean {
  return remindees(eligible, votes).length > 0;
}

/**
 * When the reminder goes out: `reminderRatio` of the way from opening to deadline (both epoch
 * ms, the deadline already resolved against the business calendar by an activity).
 */
export function reminderAtMs(openedAtMs: number, deadlineMs: number, reminderRatio: number): number {
  return openedAtMs + Math.round((deadlineMs - openedAtMs) * reminderRatio);
}

// ---------------------------------------------------------------------------------------------
// Tally

export type Outcome = Decision | 'tie_needs_chair';

export interface Tally {
  approve: number;
  request_changes: number;
  reject: number;
  outcome: Outcome;
  tieBrokenByChair: boolean;
  /** The decisions sharing the top count when there is a tie (in approve, request_changes, reject order); else []. */
  tied: Decision[];
}

/**
 * Counts current votes. The outcome is the decision with the most votes (with three options the
 * "majority of votes cast" is the plurality). A tie between the top decisions — two-way or
 * three-way, including no votes at all — goes to the chair's own vote when the chair voted for
 * one of the tied decisions; otherwise it is `tie_needs_chair` and the chair states the decision
 * at sign-off (choosing among the tied decisions).
 */
export function tally(votes: readonly Pick<Vote, 'userId' | 'decision'>[], chairUserId: string | undefined): Tally {
  const counts: Record<Decision, number> = { approve: 0, request_changes: 0, reject: 0 };
  for (const v of votes) counts[v.decision] += 1;

  const top = Math.max(...decisions.map((d) => counts[d]));
  const leaders = decisions.filter((d) => counts[d] === top);
  const base = { ...counts, tieBrokenByChair: false, tied: [] as Decision[] };

  const [only] = leaders;
  if (leaders.length === 1 && only !== undefined) return { ...base, outcome: only };

  const chairVote = chairUserId === undefined ? undefined : votes.find((v) => v.userId === chairUserId);
  if (chairVote && leaders.includes(chairVote.decision)) {
    return { ...base, outcome: chairVote.decision, tieBrokenByChair: true, tied: leaders };
  }
  return { ...base, outcome: 'tie_needs_chair', tied: leaders };
}

// ---------------------------------------------------------------------------------------------
// Sign-off

export interface SignOffInput {
  reviewStatus: ReviewStatus;
  quorum: Quorum;
  tally: Tally;
  /** The chair's decision. */
  decision: Decision;
  /** The chair departs from the committee's outcome; needs a non-empty `comment` (the reason). */
  override?: boolean;
  comment: string;
  stage: GateStage;
  /** From `launchScoresBelowThreshold` for a launch assessment; [] otherwise. */
  launchScoresBelow: readonly LowScore[];
}

export type SignOffResult =
  | { ok: true; overridden: boolean }
  | { ok: false; code: 'conflict' | 'invalid'; message: string };

const conflict = (message: string): SignOffResult => ({ ok: false, code: 'conflict', message });

function quorumMessage(q: Quorum): string {
  if (q.required === 0) {
    return 'quorum not met: every committee member is recused; the review must escalate to the chair, who decides alone';
  }
  return `quorum not met: ${q.cast} of ${q.required} required votes cast`;
}

function countsText(t: Tally): string {
  return `${t.approve} approve, ${t.request_changes} request_changes, ${t.reject} reject`;
}

/**
 * May the chair sign off `decision` now? Rules, in order:
 * 1. A decided review is closed → conflict.
 * 2. Unless escalated, quorum must be met → conflict "quorum not met: 2 of 3 required votes cast".
 * 3. Approving a launch assessment with any score under its threshold → conflict naming each
 *    score. No override and no escalation lifts this: it is a hard policy gate.
 * 4. Escalated: the chair decides alone; any decision stands, and it is not an override (the
 *    `override` flag is ignored — there is no committee outcome to depart from).
 * 5. Otherwise the decision must match the committee: the tally outcome, or for
 *    `tie_needs_chair` one of the tied decisions. A different decision is allowed only with
 *    `override: true` and a non-empty comment (missing comment → invalid), and is reported
 *    `overridden: true` for compliance. `override: true` with a matching decision is no override.
 */
export function signOffCheck(input: SignOffInput): SignOffResult {
  const { reviewStatus, quorum: q, tally: t, decision, stage } = input;

  if (reviewStatus === 'decided') return conflict('the review is already decided');
  if (reviewStatus !== 'escalated' && !q.met) return conflict(quorumMessage(q));
  if (stage === 'launch_assessment' && decision === 'approve' && input.launchScoresBelow.length > 0) {
    return conflict(`cannot approve the launch assessment: scores under threshold: ${describeLowScores(input.launchScoresBelow)}`);
  }
  if (reviewStatus === 'escalated') return { ok: true, overridden: false };

  const agreesWithCommittee = t.outcome === 'tie_needs_chair' ? t.tied.includes(decision) : t.outcome === decision;
  if (agreesWithCommittee) return { ok: true, overridden: false };

  if (input.override === true) {
    if (input.comment.trim().length === 0) {
      return { ok: false, code: 'invalid', message: 'an override must give the reason in the comment' };
    }
    return { ok: true, overridden: true };
  }
  const expected = t.outcome === 'tie_needs_chair'
    ? `the vote is tied (${countsText(t)}); the chair must decide one of ${t.tied.join(', ')}`
    : `the committee's outcome is ${t.outcome} (${countsText(t)})`;
  return conflict(`${expected}; to sign off ${decision} instead, set override with the reason in the comment`);
}

// ---------------------------------------------------------------------------------------------
// After the decision

export interface AfterDecision {
  stage: Stage;
  status: InitiativeStatus;
  /** Version of the next submission: 1 for a new stage, n+1 when changes are requested, null when the initiative ends. */
  nextVersion: number | null;
}

/**
 * Where the initiative goes once a gate is decided:
 * - approve → the next stage, `in_progress` at version 1; approving launch_assessment → `launched`.
 * - request_changes → the same stage reopens as `changes_requested`, version n+1.
 * - reject → the initiative ends `rejected` (stage unchanged, for the record).
 */
export function nextAfterDecision(stage: GateStage, decision: Decision, version: number): AfterDecision {
  switch (decision) {
    case 'approve': {
      const next = nextStage(stage);
      return next === 'launched'
        ? { stage: next, status: 'launched', nextVersion: null }
        : { stage: next, status: 'in_progress', nextVersion: 1 };
    }
    case 'request_changes':
      return { stage, status: 'changes_requested', nextVersion: version + 1 };
    case 'reject':
      return { stage, status: 'rejected', nextVersion: null };
  }
}

// ---------------------------------------------------------------------------------------------
// Comments

/**
 * Decisions that must say why (docs/gates.md): asking for changes or rejecting leaves the product
 * team with work or a verdict, so the vote or sign-off names what is wanted or what is wrong. The
 * web forms require the comment for these; an approval may go without one.
 */
export const decisionsNeedingComment: readonly Decision[] = ['request_changes', 'reject'];

export function commentRequired(decision: Decision | undefined): boolean {
  return decision !== undefined && decisionsNeedingComment.includes(decision);
}
