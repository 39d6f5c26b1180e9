import { patched } from '@temporalio/workflow';
import { systemActor } from '../../domain/actor.js';
import { committeeComments, extensionCheck, initialReviewStatus, signOffAuthority, submissionCheck, voteCheck, withdrawalCheck } from '../../domain/gates/commands.js';
import { launchScoresBelowThreshold, validateDeliverables, type LaunchAssessment } from '../../domain/gates/deliverables.js';
import { castVote as appendVote, currentVotes, nextAfterDecision, recusalFor, reminderAtMs, remindees, signOffCheck, tally } from '../../domain/gates/review.js';
import { isDecision, type Decision } from '../../domain/gates/stages.js';
import type { InitiativeView, ReviewView, SignOffView } from '../../domain/gates/views.js';
import { durationUnits } from '../../domain/duration.js';
import type { CommitteeMember, ReviewPolicy } from '../../domain/policies.js';
import type { CommandSpec, ProcessCommand } from '../process/command.js';
import { patches } from '../process/patches.js';
import { computeDeadlines, snapshotReviewSetup } from './clock.js';
import { refuse, refuseUnless } from '../process/refuse.js';
import type { ExtendCommand, SignOffCommand, SubmitCommand, VoteCommand, WithdrawCommand } from './messages.js';
import { initiativeView, reviewView, startChange, type Change, type CommitExtras } from './record.js';
import { reviewQuorum, type Initiative, type ReviewState } from './state.js';

/**
 * The initiative's commands: one table entry each (validate / prepare / apply), run the same way
 * by `initiativeCommand` under the initiative's lock. Who may act and when is domain/gates/
 * commands.ts; recusal, quorum, tally and sign-off are domain/gates/review.ts.
 */

/** What an applied command records, and the answer its caller gets once it is recorded. */
interface Outcome<R> {
  change: Change;
  extras?: CommitExtras;
  answer: () => R;
}

type Entry<C, P, R> = CommandSpec<Initiative, C, P, Outcome<R>> & { name: string };

/** Turns a table entry into the checks and the locked run its update handler uses. */
function initiativeCommand<C, P, R>(initiative: Initiative, entry: Entry<C, P, R>): ProcessCommand<C, R> {
  return {
    check: (c) => entry.validate?.(c, initiative),
    execute: async (c) => {
      let prepared = undefined as P;
      if (entry.prepare) {
        initiative.preparing = entry.name;
        try {
          prepared = await entry.prepare(c, initiative);
        } finally {
          initiative.preparing = null;
        }
        entry.validate?.(c, initiative); // the state may have changed while the activities ran (a withdrawal)
      }
      const { change, extras, answer } = entry.apply(c, initiative, Date.now(), prepared);
      await change.commit(extras);
      return answer();
    },
  };
}

/** The chair's sign-off judged against the votes, the quorum and (at launch) the scores. */
function judgeSignOff(command: { decision: Decision; comment: string; override?: boolean }, review: ReviewState) {
  const launchScoresBelow = review.stage === 'launch_assessment' ? launchScoresBelowThreshold((review.deliverables as LaunchAssessment).scores, review.policy.launchThresholds) : [];
  const votes = tally(currentVotes(review.votes), review.chair);
  const result = signOffCheck({
    reviewStatus: review.status === 'withdrawn' ? 'decided' : review.status,
    quorum: reviewQuorum(review),
    tally: votes,
    decision: command.decision,
    override: command.override,
    comment: command.comment,
    stage: review.stage,
    launchScoresBelow,
  });
  return { result, tally: votes };
}

interface SubmissionSetup {
  openedAtMs: number;
  roster: CommitteeMember[];
  policy: ReviewPolicy;
  policyVersion: number;
  chair: CommitteeMember;
  deadline: string;
}

const submit: Entry<SubmitCommand, SubmissionSetup, ReviewView> = {
  name: 'submit',
  validate: (cmd, initiative) => {
    refuseUnless(submissionCheck(initiative.facts(), initiative.liveReview(), cmd.actor, cmd.stage));
    if (initiative.preparing === 'submit') refuse('conflict', 'submission refused: another submission is being processed');
    const problems = validateDeliverables(cmd.stage, cmd.deliverables);
    if (problems.length > 0) refuse('invalid', `deliverables refused: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  },
  prepare: async () => {
    const openedAtMs = Date.now();
    const setup = await snapshotReviewSetup();
    const chair = setup.roster.find((m) => m.chair);
    if (!chair) refuse('conflict', 'submission refused: the committee roster has no chair; an admin must set the roster first');
    const [deadline] = await computeDeadlines([{ from: new Date(openedAtMs).toISOString(), duration: setup.policy.reviewDeadline }]);
    if (deadline === undefined) throw new Error('computeDeadlines returned no deadline');
    return { openedAtMs, ...setup, chair, deadline };
  },
  apply: (cmd, initiative, now, setup) => {
    const s = initiative.state;
    const openedAt = new Date(setup.openedAtMs).toISOString();
    // Processes that opened reviews before the owner rule keep replaying without it.
    const ownerRecused = patched(patches.initiativeOwnerRecused.id);
    const { eligible, recused } = recusalFor(setup.roster, { submitter: cmd.actor.userId, ...(ownerRecused ? { owner: s.owner } : {}) }, s.team);
    const version = s.nextVersion ?? 1;
    const review: ReviewState = {
      id: `${s.id}-r${s.reviews.length + 1}`,
      seq: s.reviews.length + 1,
      stage: cmd.stage,
      version,
      status: initialReviewStatus(eligible.length),
      openedAt,
      deadline: setup.deadline,
      reminderAt: new Date(reminderAtMs(setup.openedAtMs, Date.parse(setup.deadline), setup.policy.reminderRatio)).toISOString(),
      reminderDone: false,
      submittedBy: cmd.actor.userId,
      chair: setup.chair.userId,
      roster: setup.roster,
      policy: setup.policy,
      policyVersion: setup.policyVersion,
      eligible,
      recused,
      votes: [],
      deliverables: cmd.deliverables,
      ...(s.requestedChanges ? { carriedComments: s.requestedChanges } : {}),
    };
    const before = initiative.stateOf();
    s.reviews.push(review);
    s.status = 'in_review';
    s.requestedChanges = null;

    const change = startChange(initiative, now);
    change.audit(cmd.actor, 'review.opened', {
      before,
      after: { ...initiative.stateOf(review), version, deadline: setup.deadline, reminderAt: review.reminderAt, chair: review.chair, eligible, recused, policyVersion: setup.policyVersion, policy: setup.policy, roster: setup.roster },
    });
    change.notify(eligible, 'gate.vote_requested', `Your vote is requested on ${initiative.label(review)} by ${setup.deadline}`, { reviewId: review.id, deadline: setup.deadline });
    if (review.status === 'escalated') {
      review.escalatedAt = change.at;
      change.audit(systemActor, 'review.escalated', { before: { reviewStatus: 'open' }, after: { reviewStatus: 'escalated' }, reason: 'every committee member is recused; the chair decides alone' });
      change.notify([review.chair], 'gate.escalated', `Every member is recused from ${initiative.label(review)}: decide it alone`, { reviewId: review.id });
    }
    return { change, extras: { review, withDeliverables: true }, answer: () => reviewView(initiative, review) };
  },
};

const vote: Entry<VoteCommand, undefined, ReviewView> = {
  name: 'vote',
  validate: (cmd, initiative) => {
    refuseUnless(voteCheck(initiative.reviewFacts(initiative.targetReview()), initiative.state.status, cmd.actor.userId));
    if (!isDecision(cmd.decision)) refuse('invalid', 'decision must be approve, request_changes or reject');
    if (typeof cmd.comment !== 'string') refuse('invalid', 'comment must be text');
  },
  apply: (cmd, initiative, now) => {
    const review = initiative.liveReview()!;
    const previous = currentVotes(review.votes).find((v) => v.userId === cmd.actor.userId);
    review.votes = appendVote(review.votes, { userId: cmd.actor.userId, decision: cmd.decision, comment: cmd.comment, at: new Date(now).toISOString() });
    const cast = review.votes.at(-1)!;
    const change = startChange(initiative, now);
    change.audit(cmd.actor, previous ? 'review.vote_revised' : 'review.vote_cast', {
      before: previous ? { decision: previous.decision, revision: previous.revision } : null,
      after: { reviewId: review.id, decision: cast.decision, revision: cast.revision, quorum: reviewQuorum(review) },
      reason: cmd.comment || null,
    });
    return { change, extras: { review }, answer: () => reviewView(initiative, review) };
  },
};

const signOff: Entry<SignOffCommand, undefined, SignOffView> = {
  name: 'signOff',
  validate: (cmd, initiative) => {
    const review = initiative.targetReview();
    refuseUnless(signOffAuthority(initiative.reviewFacts(review), initiative.facts(), cmd.actor));
    if (!isDecision(cmd.decision)) refuse('invalid', 'decision must be approve, request_changes or reject');
    if (typeof cmd.comment !== 'string') refuse('invalid', 'comment must be text');
    const { result } = judgeSignOff(cmd, review!);
    if (!result.ok) refuse(result.code, `sign-off refused: ${result.message}`);
  },
  apply: (cmd, initiative, now) => {
    const s = initiative.state;
    const review = initiative.liveReview()!;
    const { result, tally: votes } = judgeSignOff(cmd, review);
    if (!result.ok) refuse(result.code, `sign-off refused: ${result.message}`);
    const escalated = review.status === 'escalated';
    const before = initiative.stateOf(review);
    const next = nextAfterDecision(review.stage, cmd.decision, review.version);
    const change = startChange(initiative, now);
    review.status = 'decided';
    review.outcome = cmd.decision;
    review.signedOffBy = cmd.actor.userId;
    review.signOffComment = cmd.comment;
    review.override = result.overridden;
    review.decidedAt = change.at;
    if (cmd.decision === 'request_changes') {
      review.comments = committeeComments(currentVotes(review.votes), { userId: cmd.actor.userId, decision: cmd.decision, comment: cmd.comment });
    }
    s.stage = next.stage;
    s.status = next.status;
    s.nextVersion = next.nextVersion;
    s.requestedChanges = cmd.decision === 'request_changes' ? (review.comments ?? []) : null;
    if (next.status === 'launched') s.launchedAt = change.at;

    const counts = { approve: votes.approve, request_changes: votes.request_changes, reject: votes.reject };
    change.audit(cmd.actor, 'review.signed_off', {
      before,
      after: { reviewId: review.id, outcome: cmd.decision, override: result.overridden, decidedAlone: escalated, committee: { outcome: votes.outcome, ...counts, tieBrokenByChair: votes.tieBrokenByChair }, quorum: reviewQuorum(review) },
      reason: cmd.comment || null,
    });
    if (result.overridden) {
      // Flagged for compliance: the chair departed from the committee's outcome.
      change.audit(cmd.actor, 'review.override', { before: { committeeOutcome: votes.outcome, ...counts }, after: { decision: cmd.decision }, reason: cmd.comment });
    }
    const action = { approve: next.status === 'launched' ? 'initiative.launched' : 'initiative.advanced', request_changes: 'initiative.changes_requested', reject: 'initiative.rejected' }[cmd.decision];
    change.audit(cmd.actor, action, { before, after: { stage: s.stage, status: s.status, nextVersion: s.nextVersion } });
    change.notify([s.owner], 'gate.decided', `${initiative.label(review)} was decided: ${cmd.decision}`, { reviewId: review.id, outcome: cmd.decision });
    return { change, extras: { review }, answer: () => ({ ...reviewView(initiative, review), initiative: { id: s.id, stage: s.stage, status: s.status } }) };
  },
};

const extend: Entry<ExtendCommand, { at: string; until: string }, ReviewView> = {
  name: 'extend',
  validate: (cmd, initiative) => {
    refuseUnless(extensionCheck(initiative.reviewFacts(initiative.targetReview()), initiative.state.status, cmd.actor));
    if (initiative.preparing === 'extend') refuse('conflict', 'extend refused: another extension is being processed');
    const until = cmd.until as { amount?: unknown; unit?: unknown } | undefined;
    if (!until || typeof until.amount !== 'number' || !Number.isFinite(until.amount) || until.amount <= 0 || !(durationUnits as readonly unknown[]).includes(until.unit)) {
      refuse('invalid', `until must be a positive duration in ${durationUnits.join(', ')}`);
    }
    if (typeof cmd.reason !== 'string' || cmd.reason.trim() === '') refuse('invalid', 'an extension must give a reason');
  },
  prepare: async (cmd) => {
    const at = new Date(Date.now()).toISOString();
    const [until] = await computeDeadlines([{ from: at, duration: cmd.until }]);
    if (until === undefined) throw new Error('computeDeadlines returned no deadline');
    return { at, until };
  },
  apply: (cmd, initiative, now, { at, until }) => {
    const review = initiative.liveReview()!;
    const before = { ...initiative.stateOf(review), deadline: review.deadline };
    review.status = 'open';
    review.deadline = until;
    review.extension = { until, duration: cmd.until, reason: cmd.reason, by: cmd.actor.userId, at };
    const change = startChange(initiative, now);
    change.audit(cmd.actor, 'review.extended', { before, after: { ...initiative.stateOf(review), deadline: until, duration: cmd.until }, reason: cmd.reason });
    const waiting = remindees(review.eligible, currentVotes(review.votes));
    change.notify(waiting, 'gate.review_extended', `The chair extended ${initiative.label(review)} until ${until}: your vote is still requested`, { reviewId: review.id, deadline: until });
    return { change, extras: { review }, answer: () => reviewView(initiative, review) };
  },
};

const withdraw: Entry<WithdrawCommand, undefined, InitiativeView> = {
  name: 'withdraw',
  validate: (cmd, initiative) => {
    refuseUnless(withdrawalCheck(initiative.facts(), cmd.actor));
    if (typeof cmd.reason !== 'string' || cmd.reason.trim() === '') refuse('invalid', 'a withdrawal must give a reason');
  },
  apply: (cmd, initiative, now) => {
    const s = initiative.state;
    const review = initiative.liveReview();
    const before = initiative.stateOf(review);
    const change = startChange(initiative, now);
    if (review) {
      review.status = 'withdrawn';
      review.withdrawnAt = change.at;
    }
    s.status = 'withdrawn';
    s.nextVersion = null;
    s.requestedChanges = null;
    s.withdrawal = { by: cmd.actor.userId, at: change.at, reason: cmd.reason };
    change.audit(cmd.actor, 'initiative.withdrawn', { before, after: initiative.stateOf(review), reason: cmd.reason });
    if (review) {
      change.notify([review.chair, ...review.eligible.filter((u) => u !== review.chair)], 'gate.review_withdrawn', `${initiative.label(review)} was withdrawn before a decision`, { reviewId: review.id });
    }
    return { change, extras: review ? { review } : {}, answer: () => initiativeView(initiative) };
  },
};

/** The initiative's commands, bound to one initiative. */
export function initiativeCommands(initiative: Initiative) {
  return {
    submit: initiativeCommand(initiative, submit),
    vote: initiativeCommand(initiative, vote),
    signOff: initiativeCommand(initiative, signOff),
    extend: initiativeCommand(initiative, extend),
    withdraw: initiativeCommand(initiative, withdraw),
  };
}
