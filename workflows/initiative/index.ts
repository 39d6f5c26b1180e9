/**
 * One durable process per initiative (workflow id `initiative-<id>`): the stage machine and every
 * gate review of product.md §1, then post-launch monitoring.
 *
 * Commands are Workflow Updates (initiative-api.ts) whose validators refuse what the rules in
 * domain/gates do not allow; handlers change state, then await the projection write so a GET
 * right after the command sees it. Timers: the reminder at the policy ratio, escalation to the
 * chair at the deadline, the chair's single extension, the post-launch window.
 *
 * Deterministic: imports only @temporalio/workflow, pure domain modules and activity types.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { InitiativeRecord, InitiativeRow, PostLaunchItemRecord, ReviewRecord } from '../../db/initiatives.js';
import type { AuditEventInput } from '../../db/audit.js';
import type { NotificationInput } from '../../db/transition.js';
import { commandErrorTypes } from '../../domain/command-errors.js';
import {
  committeeComments,
  extensionCheck,
  initialReviewStatus,
  signOffAuthority,
  submissionCheck,
  voteCheck,
  withdrawalCheck,
  type CommandCheck,
  type ReviewLifecycleStatus,
} from '../../domain/gates/commands.js';
import { launchScoresBelowThreshold, validateDeliverables, type LaunchAssessment } from '../../domain/gates/deliverables.js';
import { countLinkedComplaints, postLaunchReviewDue, type LinkedComplaintEvent } from '../../domain/gates/post-launch.js';
import {
  castVote as appendVote,
  currentVotes,
  nextAfterDecision,
  quorum,
  recusalFor,
  reminderAtMs,
  remindees,
  signOffCheck,
  tally,
  type VoteRecord,
} from '../../domain/gates/review.js';
import { isDecision, isTerminalStatus, type Decision, type GateStage, type InitiativeStatus, type Stage } from '../../domain/gates/stages.js';
import { durationUnits } from '../../domain/duration.js';
import type { CommitteeMember, ReviewPolicy } from '../../domain/policies.js';
import {
  castVote,
  complaintLinked,
  createInitiative,
  extendReview,
  initiativeQuery,
  signOff,
  submitDeliverables,
  withdrawInitiative,
  type InitiativeWorkflowInput,
} from './messages.js';
import { systemActor, type Actor } from '../../domain/actor.js';
import type { InitiativeView, PostLaunchView, ReviewProgress, ReviewView } from '../../domain/gates/views.js';

// Projection writes: short, local, retried until the database answers (never dropped).
const { recordInitiative } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '30s' },
});
// Reads of settings and the business calendar; their results are recorded in history. Local
// activities: short database reads that need no server round trip of their own.
const { computeDeadlines, snapshotReviewSetup } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

// ---------------------------------------------------------------------------------------------
// State (carried across continue-as-new, so plain JSON)

interface ReviewState extends ReviewProgress {
  id: string;
  seq: number;
  stage: GateStage;
  version: number;
  status: ReviewLifecycleStatus;
  openedAt: string;
  deadline: string;
  reminderAt: string;
  /** The reminder timer has run (whether or not anyone was left to remind). */
  reminderDone: boolean;
  submittedBy: string;
  chair: string;
  roster: CommitteeMember[];
  policy: ReviewPolicy;
  policyVersion: number;
  eligible: string[];
  recused: string[];
  votes: VoteRecord[];
  deliverables: unknown;
}

interface PostLaunchState extends PostLaunchView {
  chair: string;
}

export interface InitiativeState {
  id: string;
  name: string;
  businessLine: InitiativeView['businessLine'];
  description: string;
  team: string;
  owner: string;
  ownerName: string;
  stage: Stage;
  status: InitiativeStatus;
  nextVersion: number | null;
  requestedChanges: string[] | null;
  withdrawal: InitiativeView['withdrawal'];
  createdAt: string;
  updatedAt: string;
  reviews: ReviewState[];
  /** Sequence of recorded events (audit source keys `<workflowId>:<seq>`); only grows. */
  eventSeq: number;
  launchedAt?: string;
  postLaunch: PostLaunchState | null;
  /** Complaint links received after launch (distinct complaint/time pairs). */
  links: LinkedComplaintEvent[];
}

const defaultSignalsPerRun = 500;

const nowIso = (): string => new Date(Date.now()).toISOString();
/** Milliseconds until `iso`, at least 1 (a timer needs a positive duration). */
const msUntil = (iso: string): number => Math.max(1, Date.parse(iso) - Date.now());

function refuseUnless(check: CommandCheck): void {
  if (!check.ok) {
    throw ApplicationFailure.create({ type: commandErrorTypes[check.code], message: check.message, nonRetryable: true });
  }
}
function refuse(code: keyof typeof commandErrorTypes, message: string): never {
  throw ApplicationFailure.create({ type: commandErrorTypes[code], message, nonRetryable: true });
}

export async function initiativeWorkflow(input: InitiativeWorkflowInput<InitiativeState>): Promise<InitiativeView> {
  const workflowId = workflowInfo().workflowId;
  const signalsPerRun = input.limits?.signalsPerRun ?? defaultSignalsPerRun;
  const resumed = input.resume !== undefined;
  const s: InitiativeState = input.resume ?? {
    id: input.init.id,
    name: input.init.name,
    businessLine: input.init.businessLine,
    description: input.init.description,
    team: input.init.team,
    owner: input.init.owner.userId,
    ownerName: input.init.owner.name,
    stage: 'research',
    status: 'in_progress',
    nextVersion: 1,
    requestedChanges: null,
    withdrawal: null,
    createdAt: nowIso(),
    updatedAt: nowIso(),
    reviews: [],
    eventSeq: 0,
    postLaunch: null,
    links: [],
  };
  let signalsThisRun = 0;
  let submitting = false;
  let extending = false;

  // ---- views ------------------------------------------------------------------------------

  const liveReview = (): ReviewState | undefined => s.reviews.find((r) => r.status === 'open' || r.status === 'escalated');
  /** The live review, else the latest one (so a late command hears "decided"). */
  const targetReview = (): ReviewState | undefined => liveReview() ?? s.reviews.at(-1);

  function reviewQuorum(r: ReviewState) {
    const cast = currentVotes(r.votes).filter((v) => r.eligible.includes(v.userId)).length;
    return quorum(r.eligible.length, cast, r.policy.quorumRatio);
  }

  function reviewView(r: ReviewState): ReviewView {
    const view: ReviewView = {
      id: r.id,
      initiativeId: s.id,
      stage: r.stage,
      version: r.version,
      status: r.status,
      openedAt: r.openedAt,
      deadline: r.deadline,
      reminderAt: r.reminderAt,
      submittedBy: r.submittedBy,
      chair: r.chair,
      eligible: [...r.eligible],
      recused: [...r.recused],
      votes: r.votes.map((v) => ({ userId: v.userId, decision: v.decision, comment: v.comment, at: v.at, revision: v.revision })),
      quorum: reviewQuorum(r),
      deliverables: r.deliverables,
      policyVersion: r.policyVersion,
    };
    const optional = ['carriedComments', 'remindedAt', 'escalatedAt', 'extension', 'outcome', 'signedOffBy', 'signOffComment', 'override', 'decidedAt', 'comments', 'withdrawnAt'] as const;
    for (const key of optional) if (r[key] !== undefined) (view as unknown as Record<string, unknown>)[key] = r[key];
    return view;
  }

  function postLaunchView(): PostLaunchView | null {
    if (!s.postLaunch) return null;
    const { chair: _chair, ...view } = s.postLaunch;
    return view;
  }

  function initiativeRow(): InitiativeRow {
    return {
      id: s.id,
      name: s.name,
      businessLine: s.businessLine,
      description: s.description,
      team: s.team,
      owner: s.owner,
      ownerName: s.ownerName,
      stage: s.stage,
      status: s.status,
      nextVersion: s.nextVersion,
      requestedChanges: s.requestedChanges,
      withdrawal: s.withdrawal,
      postLaunch: postLaunchView(),
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      currentReviewId: liveReview()?.id ?? null,
    };
  }

  function view(): InitiativeView {
    const { currentReviewId: _id, ...row } = initiativeRow();
    const live = liveReview();
    return { ...row, review: live ? reviewView(live) : null, reviews: s.reviews.map(reviewView) };
  }

  const facts = () => ({ team: s.team, owner: s.owner, stage: s.stage, status: s.status });
  const reviewFacts = (r: ReviewState | undefined) =>
    r && { ...r, ...(r.extension ? { extendedUntil: r.extension.until } : {}) };

  // ---- recording --------------------------------------------------------------------------

  // Writes go out one after another in event order, even when handlers run concurrently.
  let writes: Promise<void> = Promise.resolve();
  /** Writes not yet in the database; the run ends (or continues as new) only at zero. */
  let pendingWrites = 0;
  const settled = () => pendingWrites === 0 && allHandlersFinished();

  /** Collects the audit events and notifications of one state change, then records them. */
  function change() {
    const audit: AuditEventInput[] = [];
    const notifications: NotificationInput[] = [];
    const at = nowIso();
    s.updatedAt = at;
    return {
      at,
      audit(actor: Actor, action: string, fields: { before?: unknown; after?: unknown; reason?: string | null } = {}): number {
        const seq = ++s.eventSeq;
        audit.push({
          entityType: 'initiative',
          entityId: s.id,
          sourceKey: `${workflowId}:${seq}`,
          actor: actor.userId,
          roles: [...actor.roles],
          action,
          at,
          ...fields,
        });
        return seq;
      },
      notify(recipients: readonly string[], topic: string, message: string, data: Record<string, unknown> = {}): void {
        for (const recipient of recipients) {
          notifications.push({
            sourceKey: `${workflowId}:${s.eventSeq}:${topic}:${recipient}`,
            recipientKind: 'user',
            recipient,
            topic,
            entityType: 'initiative',
            entityId: s.id,
            message,
            data: { initiativeId: s.id, ...data },
          });
        }
      },
      /** Snapshot now, write in order; resolves once this change is in the database. */
      commit(extra: { review?: ReviewState; withDeliverables?: boolean; postLaunchItem?: PostLaunchItemRecord } = {}): Promise<void> {
        // A deep copy: the write may wait behind earlier ones while handlers change the state.
        const record: InitiativeRecord = JSON.parse(
          JSON.stringify({
            version: s.eventSeq,
            initiative: initiativeRow(),
            audit,
            notifications,
            ...(extra.review ? { review: reviewRecord(extra.review, extra.withDeliverables === true) } : {}),
            ...(extra.postLaunchItem ? { postLaunchItem: extra.postLaunchItem } : {}),
          }),
        );
        pendingWrites += 1;
        const written = writes.then(() => recordInitiative(record)).finally(() => {
          pendingWrites -= 1;
        });
        writes = written.catch((err) => log.error('projection write failed', { workflowId, error: String(err) }));
        return written;
      },
    };
  }

  function reviewRecord(r: ReviewState, withDeliverables: boolean): ReviewRecord {
    const { deliverables, ...rest } = reviewView(r);
    return { ...rest, seq: r.seq, ...(withDeliverables ? { deliverables } : {}) };
  }

  const stateOf = (r?: ReviewState) => ({ stage: s.stage, status: s.status, ...(r ? { reviewId: r.id, reviewStatus: r.status } : {}) });
  const label = (r: ReviewState) => `"${s.name}" ${r.stage} v${r.version}`;

  // ---- creation ---------------------------------------------------------------------------

  let created: Promise<void> = Promise.resolve();
  if (!resumed) {
    const c = change();
    c.audit(input.init.owner, 'initiative.created', {
      after: { name: s.name, businessLine: s.businessLine, description: s.description, team: s.team, owner: s.owner, stage: s.stage, status: s.status },
    });
    created = c.commit();
  }

  setHandler(createInitiative, async () => {
    await created;
    return view();
  });

  setHandler(initiativeQuery, () => view());

  // ---- submission -------------------------------------------------------------------------

  setHandler(
    submitDeliverables,
    async (cmd) => {
      submitting = true;
      try {
        const openedAtMs = Date.now();
        const openedAt = new Date(openedAtMs).toISOString();
        const setup = await snapshotReviewSetup();
        const chair = setup.roster.find((m) => m.chair);
        if (!chair) refuse('conflict', 'submission refused: the committee roster has no chair; an admin must set the roster first');
        const [deadline] = await computeDeadlines([{ from: openedAt, duration: setup.policy.reviewDeadline }]);
        if (deadline === undefined) throw new Error('computeDeadlines returned no deadline');
        // The initiative may have changed while the activities ran (a withdrawal).
        refuseUnless(submissionCheck(facts(), liveReview(), cmd.actor, cmd.stage));

        const { eligible, recused } = recusalFor(setup.roster, { userId: cmd.actor.userId }, s.team);
        const version = s.nextVersion ?? 1;
        const review: ReviewState = {
          id: `${s.id}-r${s.reviews.length + 1}`,
          seq: s.reviews.length + 1,
          stage: cmd.stage,
          version,
          status: initialReviewStatus(eligible.length),
          openedAt,
          deadline,
          reminderAt: new Date(reminderAtMs(openedAtMs, Date.parse(deadline), setup.policy.reminderRatio)).toISOString(),
          reminderDone: false,
          submittedBy: cmd.actor.userId,
          chair: chair.userId,
          roster: setup.roster,
          policy: setup.policy,
          policyVersion: setup.policyVersion,
          eligible,
          recused,
          votes: [],
          deliverables: cmd.deliverables,
          ...(s.requestedChanges ? { carriedComments: s.requestedChanges } : {}),
        };
        const before = stateOf();
        s.reviews.push(review);
        s.status = 'in_review';
        s.requestedChanges = null;

        const c = change();
        c.audit(cmd.actor, 'review.opened', {
          before,
          after: {
            ...stateOf(review),
            version,
            deadline,
            reminderAt: review.reminderAt,
            chair: review.chair,
            eligible,
            recused,
            policyVersion: setup.policyVersion,
            policy: setup.policy,
            roster: setup.roster,
          },
        });
        c.notify(eligible, 'gate.vote_requested', `Your vote is requested on ${label(review)} by ${deadline}`, { reviewId: review.id, deadline });
        if (review.status === 'escalated') {
          review.escalatedAt = c.at;
          c.audit(systemActor, 'review.escalated', {
            before: { reviewStatus: 'open' },
            after: { reviewStatus: 'escalated' },
            reason: 'every committee member is recused; the chair decides alone',
          });
          c.notify([review.chair], 'gate.escalated', `Every member is recused from ${label(review)}: decide it alone`, { reviewId: review.id });
        }
        await c.commit({ review, withDeliverables: true });
        return reviewView(review);
      } finally {
        submitting = false;
      }
    },
    {
      validator: (cmd) => {
        refuseUnless(submissionCheck(facts(), liveReview(), cmd.actor, cmd.stage));
        if (submitting) refuse('conflict', 'submission refused: another submission is being processed');
        const problems = validateDeliverables(cmd.stage, cmd.deliverables);
        if (problems.length > 0) {
          refuse('invalid', `deliverables refused: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
        }
      },
    },
  );

  // ---- votes ------------------------------------------------------------------------------

  setHandler(
    castVote,
    async (cmd) => {
      const review = liveReview()!;
      const previous = currentVotes(review.votes).find((v) => v.userId === cmd.actor.userId);
      review.votes = appendVote(review.votes, { userId: cmd.actor.userId, decision: cmd.decision, comment: cmd.comment, at: nowIso() });
      const cast = review.votes.at(-1)!;
      const c = change();
      c.audit(cmd.actor, previous ? 'review.vote_revised' : 'review.vote_cast', {
        before: previous ? { decision: previous.decision, revision: previous.revision } : null,
        after: { reviewId: review.id, decision: cast.decision, revision: cast.revision, quorum: reviewQuorum(review) },
        reason: cmd.comment || null,
      });
      await c.commit({ review });
      return reviewView(review);
    },
    {
      validator: (cmd) => {
        refuseUnless(voteCheck(reviewFacts(targetReview()), s.status, cmd.actor.userId));
        if (!isDecision(cmd.decision)) refuse('invalid', 'decision must be approve, request_changes or reject');
        if (typeof cmd.comment !== 'string') refuse('invalid', 'comment must be text');
      },
    },
  );

  // ---- sign-off ---------------------------------------------------------------------------

  function judgeSignOff(cmd: { decision: Decision; comment: string; override?: boolean }, r: ReviewState) {
    const launchScoresBelow =
      r.stage === 'launch_assessment' ? launchScoresBelowThreshold((r.deliverables as LaunchAssessment).scores, r.policy.launchThresholds) : [];
    const t = tally(currentVotes(r.votes), r.chair);
    const result = signOffCheck({
      reviewStatus: r.status === 'withdrawn' ? 'decided' : r.status,
      quorum: reviewQuorum(r),
      tally: t,
      decision: cmd.decision,
      override: cmd.override,
      comment: cmd.comment,
      stage: r.stage,
      launchScoresBelow,
    });
    return { result, tally: t };
  }

  setHandler(
    signOff,
    async (cmd) => {
      const review = liveReview()!;
      const { result, tally: t } = judgeSignOff(cmd, review);
      if (!result.ok) refuse(result.code, `sign-off refused: ${result.message}`);
      const escalated = review.status === 'escalated';
      const before = stateOf(review);
      const next = nextAfterDecision(review.stage, cmd.decision, review.version);
      const c = change();
      review.status = 'decided';
      review.outcome = cmd.decision;
      review.signedOffBy = cmd.actor.userId;
      review.signOffComment = cmd.comment;
      review.override = result.overridden;
      review.decidedAt = c.at;
      if (cmd.decision === 'request_changes') {
        review.comments = committeeComments(currentVotes(review.votes), { userId: cmd.actor.userId, decision: cmd.decision, comment: cmd.comment });
      }
      s.stage = next.stage;
      s.status = next.status;
      s.nextVersion = next.nextVersion;
      s.requestedChanges = cmd.decision === 'request_changes' ? (review.comments ?? []) : null;
      if (next.status === 'launched') s.launchedAt = c.at;

      const counts = { approve: t.approve, request_changes: t.request_changes, reject: t.reject };
      c.audit(cmd.actor, 'review.signed_off', {
        before,
        after: { reviewId: review.id, outcome: cmd.decision, override: result.overridden, decidedAlone: escalated, committee: { outcome: t.outcome, ...counts, tieBrokenByChair: t.tieBrokenByChair }, quorum: reviewQuorum(review) },
        reason: cmd.comment || null,
      });
      if (result.overridden) {
        // Flagged for compliance: the chair departed from the committee's outcome.
        c.audit(cmd.actor, 'review.override', {
          before: { committeeOutcome: t.outcome, ...counts },
          after: { decision: cmd.decision },
          reason: cmd.comment,
        });
      }
      const action = { approve: next.status === 'launched' ? 'initiative.launched' : 'initiative.advanced', request_changes: 'initiative.changes_requested', reject: 'initiative.rejected' }[cmd.decision];
      c.audit(cmd.actor, action, { before, after: { stage: s.stage, status: s.status, nextVersion: s.nextVersion } });
      c.notify([s.owner], 'gate.decided', `${label(review)} was decided: ${cmd.decision}`, { reviewId: review.id, outcome: cmd.decision });
      await c.commit({ review });
      return { ...reviewView(review), initiative: { id: s.id, stage: s.stage, status: s.status } };
    },
    {
      validator: (cmd) => {
        const review = targetReview();
        refuseUnless(signOffAuthority(reviewFacts(review), facts(), cmd.actor));
        if (!isDecision(cmd.decision)) refuse('invalid', 'decision must be approve, request_changes or reject');
        if (typeof cmd.comment !== 'string') refuse('invalid', 'comment must be text');
        const { result } = judgeSignOff(cmd, review!);
        if (!result.ok) refuse(result.code, `sign-off refused: ${result.message}`);
      },
    },
  );

  // ---- extension --------------------------------------------------------------------------

  setHandler(
    extendReview,
    async (cmd) => {
      extending = true;
      try {
        const at = nowIso();
        const [until] = await computeDeadlines([{ from: at, duration: cmd.until }]);
        if (until === undefined) throw new Error('computeDeadlines returned no deadline');
        // The chair may have signed off (or the owner withdrawn) while the deadline was computed.
        const review = liveReview();
        refuseUnless(extensionCheck(reviewFacts(review ?? targetReview()), s.status, cmd.actor));
        const r = review!;
        const before = { ...stateOf(r), deadline: r.deadline };
        r.status = 'open';
        r.deadline = until;
        r.extension = { until, duration: cmd.until, reason: cmd.reason, by: cmd.actor.userId, at };
        const c = change();
        c.audit(cmd.actor, 'review.extended', { before, after: { ...stateOf(r), deadline: until, duration: cmd.until }, reason: cmd.reason });
        const waiting = remindees(r.eligible, currentVotes(r.votes));
        c.notify(waiting, 'gate.review_extended', `The chair extended ${label(r)} until ${until}: your vote is still requested`, { reviewId: r.id, deadline: until });
        await c.commit({ review: r });
        return reviewView(r);
      } finally {
        extending = false;
      }
    },
    {
      validator: (cmd) => {
        refuseUnless(extensionCheck(reviewFacts(targetReview()), s.status, cmd.actor));
        if (extending) refuse('conflict', 'extend refused: another extension is being processed');
        const until = cmd.until as { amount?: unknown; unit?: unknown } | undefined;
        if (!until || typeof until.amount !== 'number' || !Number.isFinite(until.amount) || until.amount <= 0 || !(durationUnits as readonly unknown[]).includes(until.unit)) {
          refuse('invalid', `until must be a positive duration in ${durationUnits.join(', ')}`);
        }
        if (typeof cmd.reason !== 'string' || cmd.reason.trim() === '') refuse('invalid', 'an extension must give a reason');
      },
    },
  );

  // ---- withdrawal -------------------------------------------------------------------------

  setHandler(
    withdrawInitiative,
    async (cmd) => {
      const review = liveReview();
      const before = stateOf(review);
      const c = change();
      if (review) {
        review.status = 'withdrawn';
        review.withdrawnAt = c.at;
      }
      s.status = 'withdrawn';
      s.nextVersion = null;
      s.requestedChanges = null;
      s.withdrawal = { by: cmd.actor.userId, at: c.at, reason: cmd.reason };
      c.audit(cmd.actor, 'initiative.withdrawn', { before, after: stateOf(review), reason: cmd.reason });
      if (review) {
        c.notify([review.chair, ...review.eligible.filter((u) => u !== review.chair)], 'gate.review_withdrawn', `${label(review)} was withdrawn before a decision`, { reviewId: review.id });
      }
      await c.commit(review ? { review } : {});
      return view();
    },
    {
      validator: (cmd) => {
        refuseUnless(withdrawalCheck(facts(), cmd.actor));
        if (typeof cmd.reason !== 'string' || cmd.reason.trim() === '') refuse('invalid', 'a withdrawal must give a reason');
      },
    },
  );

  // ---- post-launch signal -----------------------------------------------------------------

  setHandler(complaintLinked, (event) => {
    signalsThisRun += 1;
    if (s.status !== 'launched' || s.postLaunch?.status === 'ended') {
      log.info('complaint link ignored: the initiative is not in post-launch monitoring', { initiativeId: s.id, complaintId: event?.complaintId, status: s.status });
      return;
    }
    if (!event || typeof event.complaintId !== 'string' || typeof event.at !== 'string' || Number.isNaN(Date.parse(event.at))) {
      log.warn('complaint link ignored: malformed signal', { initiativeId: s.id });
      return;
    }
    if (s.links.some((l) => l.complaintId === event.complaintId && l.at === event.at)) return; // repeated delivery
    s.links.push({ complaintId: event.complaintId, at: event.at });
    countLinks(event.complaintId).catch(() => undefined); // failures are logged by the write chain
  });

  /** Recounts after a new link; records a change only when the count moves. */
  function countLinks(complaintId?: string): Promise<void> {
    const pl = s.postLaunch;
    if (!pl || pl.status !== 'monitoring') return Promise.resolve();
    const count = countLinkedComplaints(s.links, { start: pl.windowStart, end: pl.windowEnd });
    if (count === pl.linkedComplaints) return Promise.resolve();
    const c = change();
    const before = pl.linkedComplaints;
    pl.linkedComplaints = count;
    c.audit(systemActor, 'post_launch.complaint_linked', { before: { linkedComplaints: before }, after: { linkedComplaints: count, ...(complaintId ? { complaintId } : {}) } });
    let item: PostLaunchItemRecord | undefined;
    if (!pl.reviewItem && postLaunchReviewDue(count, pl.threshold)) {
      pl.reviewItem = { id: `${s.id}-plr`, raisedAt: c.at, complaintCount: count, threshold: pl.threshold };
      item = { ...pl.reviewItem, initiativeId: s.id, windowStart: pl.windowStart, windowEnd: pl.windowEnd, chair: pl.chair };
      c.audit(systemActor, 'post_launch.review_raised', {
        after: { itemId: pl.reviewItem.id, complaintCount: count, threshold: pl.threshold },
        reason: `${count} complaints linked to the product since launch exceed the threshold of ${pl.threshold}`,
      });
      c.notify([pl.chair], 'gate.post_launch_review', `"${s.name}": ${count} complaints since launch exceed ${pl.threshold}; a post-launch review is due`, { itemId: pl.reviewItem.id });
    }
    return c.commit(item ? { postLaunchItem: item } : {});
  }

  // ---- timers -----------------------------------------------------------------------------

  async function superviseReview(r: ReviewState): Promise<void> {
    const closed = () => r.status === 'decided' || r.status === 'withdrawn';
    if (!r.reminderDone) {
      const reminderFired = !(await condition(() => closed() || r.status !== 'open', msUntil(r.reminderAt)));
      r.reminderDone = true;
      if (reminderFired) await remind(r);
    }
    while (!closed()) {
      if (r.status === 'open') {
        const deadline = r.deadline;
        const expired = !(await condition(() => closed() || r.status !== 'open' || r.deadline !== deadline, msUntil(deadline)));
        if (expired && r.status === 'open') await escalate(r);
      } else {
        // Escalated: the chair decides, or extends once (which reopens the review).
        await condition(() => closed() || r.status === 'open');
      }
    }
  }

  function remind(r: ReviewState): Promise<void> {
    const waiting = remindees(r.eligible, currentVotes(r.votes));
    if (waiting.length === 0) return Promise.resolve();
    const c = change();
    r.remindedAt = c.at;
    c.audit(systemActor, 'review.reminder_sent', { after: { reviewId: r.id, recipients: waiting, deadline: r.deadline } });
    c.notify(waiting, 'gate.reminder', `Reminder: your vote on ${label(r)} is due by ${r.deadline}`, { reviewId: r.id, deadline: r.deadline });
    return c.commit({ review: r });
  }

  function escalate(r: ReviewState): Promise<void> {
    const before = stateOf(r);
    const c = change();
    r.status = 'escalated';
    r.escalatedAt = c.at;
    const q = reviewQuorum(r);
    c.audit(systemActor, 'review.escalated', {
      before,
      after: { ...stateOf(r), deadline: r.deadline, quorum: q, afterExtension: r.extension !== undefined },
      reason: r.extension ? 'the extended window ended without a decision' : 'the review deadline passed without a decision',
    });
    const what = r.extension
      ? `The extension of ${label(r)} ended without a decision (${q.cast} of ${q.required} votes): decide it alone`
      : `${label(r)} passed its deadline without a decision (${q.cast} of ${q.required} votes): decide it alone or extend once`;
    c.notify([r.chair], 'gate.escalated', what, { reviewId: r.id, quorum: q });
    return c.commit({ review: r });
  }

  async function monitorPostLaunch(): Promise<void> {
    if (!s.postLaunch) {
      const decided = s.reviews.at(-1)!;
      const start = s.launchedAt ?? decided.decidedAt ?? nowIso();
      const [end] = await computeDeadlines([{ from: start, duration: decided.policy.postLaunch.window }]);
      if (end === undefined) throw new Error('computeDeadlines returned no deadline');
      s.postLaunch = {
        windowStart: start,
        windowEnd: end,
        threshold: decided.policy.postLaunch.complaintThreshold,
        linkedComplaints: 0,
        status: 'monitoring',
        reviewItem: null,
        chair: decided.chair,
      };
      const c = change();
      c.audit(systemActor, 'post_launch.monitoring_started', { after: { windowStart: start, windowEnd: end, threshold: s.postLaunch.threshold } });
      await c.commit();
      await countLinks(); // links that arrived while the window was being computed
    }
    const pl = s.postLaunch;
    while (Date.now() < Date.parse(pl.windowEnd)) {
      const full = await condition(() => signalsThisRun >= signalsPerRun || workflowInfo().continueAsNewSuggested, msUntil(pl.windowEnd));
      if (full) {
        // Nothing may be in flight: a write started now would be lost with this run.
        await condition(settled);
        await continueAsNew<typeof initiativeWorkflow>({ ...input, resume: s });
      }
    }
    const c = change();
    pl.status = 'ended';
    c.audit(systemActor, 'post_launch.monitoring_ended', { after: { linkedComplaints: pl.linkedComplaints, reviewRaised: pl.reviewItem !== null } });
    await c.commit();
  }

  // ---- main loop --------------------------------------------------------------------------

  for (;;) {
    if (s.status === 'launched') {
      await monitorPostLaunch();
      break;
    }
    if (isTerminalStatus(s.status)) break;
    const review = liveReview();
    if (review) await superviseReview(review);
    else await condition(() => liveReview() !== undefined || isTerminalStatus(s.status));
  }
  await condition(settled);
  return view();
}

