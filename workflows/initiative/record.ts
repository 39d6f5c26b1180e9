import { allHandlersFinished, log, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { InitiativeRecord, InitiativeRow, PostLaunchItemRecord, ReviewRecord } from '../../db/initiatives.js';
import type { AuditEventInput, NotificationInput } from '../../domain/trail.js';
import type { LinkedComplaintEvent, MonitoringWindow } from '../../domain/gates/post-launch.js';
import type { Actor } from '../../domain/actor.js';
import type { InitiativeView, PostLaunchView, ReviewView } from '../../domain/gates/views.js';
import { reviewQuorum, type Initiative, type ReviewState } from './state.js';

/**
 * How an initiative's changes reach the database: its views, the projection rows, and for each
 * change the audit events and notifications, written by one local activity in one transaction
 * (idempotent on the events' source keys). Writes go out one after another in event order, even
 * when a change is recorded without being awaited (a complaint link after launch).
 */

// A short database write: local, retried until the database answers (never dropped).
const { recordInitiative, recordPostLaunchLinks } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

export function reviewView(initiative: Initiative, r: ReviewState): ReviewView {
  const view: ReviewView = {
    id: r.id,
    initiativeId: initiative.state.id,
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

function postLaunchView(initiative: Initiative): PostLaunchView | null {
  if (!initiative.state.postLaunch) return null;
  const { chair: _chair, ...view } = initiative.state.postLaunch;
  return view;
}

function initiativeRow(initiative: Initiative): InitiativeRow {
  const s = initiative.state;
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
    postLaunch: postLaunchView(initiative),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    currentReviewId: initiative.liveReview()?.id ?? null,
  };
}

export function initiativeView(initiative: Initiative): InitiativeView {
  const { currentReviewId: _id, ...row } = initiativeRow(initiative);
  const live = initiative.liveReview();
  return { ...row, review: live ? reviewView(initiative, live) : null, reviews: initiative.state.reviews.map((r) => reviewView(initiative, r)) };
}

function reviewRecord(initiative: Initiative, r: ReviewState, withDeliverables: boolean): ReviewRecord {
  const { deliverables, ...rest } = reviewView(initiative, r);
  return { ...rest, seq: r.seq, ...(withDeliverables ? { deliverables } : {}) };
}

/** What a change writes besides the initiative row: the review it touched, a post-launch item. */
export interface CommitExtras {
  review?: ReviewState;
  /** Store the review's deliverables (only when they are new: at submission). */
  withDeliverables?: boolean;
  postLaunchItem?: PostLaunchItemRecord;
}

/** One state change: its instant, the audit events and notifications it adds, then its commit. */
export interface Change {
  readonly at: string;
  /** Appends an audit event at the change's instant; returns its place in the chain. */
  audit(actor: Actor, action: string, fields?: { before?: unknown; after?: unknown; reason?: string | null }): number;
  /** Notifies each recipient (one notification per person), keyed to the last audit event. */
  notify(recipients: readonly string[], topic: string, message: string, data?: Record<string, unknown>): void;
  /** Snapshots the state now and writes it in order; resolves once this change is in the database. */
  commit(extras?: CommitExtras): Promise<void>;
}

/** Nothing is being written and no handler runs: the run may end or continue as new. */
export function settled(initiative: Initiative): boolean {
  return initiative.pendingWrites === 0 && allHandlersFinished();
}

/** Starts a change at the workflow's instant `now` (the initiative's `updatedAt`). */
export function startChange(initiative: Initiative, now: number): Change {
  const s = initiative.state;
  const workflowId = initiative.workflowId;
  const audit: AuditEventInput[] = [];
  const notifications: NotificationInput[] = [];
  const at = new Date(now).toISOString();
  s.updatedAt = at;
  return {
    at,
    audit: (actor, action, fields = {}) => {
      const seq = ++s.eventSeq;
      audit.push({ entityType: 'initiative', entityId: s.id, sourceKey: `${workflowId}:${seq}`, actor: actor.userId, roles: [...actor.roles], action, at, ...fields });
      return seq;
    },
    notify: (recipients, topic, message, data = {}) => {
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
    commit: (extras = {}) => {
      // A deep copy: the write may wait behind earlier ones while the state changes on.
      const record: InitiativeRecord = JSON.parse(
        JSON.stringify({
          version: s.eventSeq,
          initiative: initiativeRow(initiative),
          audit,
          notifications,
          ...(extras.review ? { review: reviewRecord(initiative, extras.review, extras.withDeliverables === true) } : {}),
          ...(extras.postLaunchItem ? { postLaunchItem: extras.postLaunchItem } : {}),
        }),
      );
      initiative.pendingWrites += 1;
      const written = initiative.writes.then(() => recordInitiative(record)).finally(() => {
        initiative.pendingWrites -= 1;
      });
      initiative.writes = written.catch((err) => log.error('projection write failed', { workflowId, error: String(err) }));
      return written;
    },
  };
}

/**
 * Writes complaint links of the launched product in the write chain (patch
 * `initiative-post-launch-links-in-table`), then hands `counted` the distinct complaints the table
 * links within the window as of these links (`recordPostLaunchLinks`' answer). `counted` runs in
 * write order; the run is not settled until it has (a change it starts is on the chain before this
 * write leaves it).
 */
export function writeLinks(initiative: Initiative, links: LinkedComplaintEvent[], window: MonitoringWindow, counted: (linkedComplaints: number) => void): void {
  const workflowId = initiative.workflowId;
  initiative.pendingWrites += 1;
  initiative.linkWrites += 1;
  const written = initiative.writes.then(() => recordPostLaunchLinks({ initiativeId: initiative.state.id, links, window }));
  initiative.writes = written.then(
    () => undefined,
    (err) => log.error('post-launch link write failed', { workflowId, error: String(err) }),
  );
  written
    .then(
      ({ linkedComplaints }) => counted(linkedComplaints),
      () => undefined, // logged above
    )
    .finally(() => {
      initiative.pendingWrites -= 1;
      initiative.linkWrites -= 1;
    });
}
