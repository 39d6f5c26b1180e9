import { condition, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { systemActor } from '../../domain/actor.js';
import { currentVotes, remindees } from '../../domain/gates/review.js';
import { startChange } from './record.js';
import { reviewQuorum, type Initiative, type ReviewState } from './state.js';

/**
 * The deadlines of an open gate review: a reminder to the members who have not voted at the
 * policy's ratio of the window, escalation to the chair when the deadline passes without a
 * decision, and — after the chair's single extension — the new deadline. The deadlines were
 * computed on the business calendar when the review opened (or was extended).
 */

// Calendar and roster reads: short, local, their results recorded in history.
export const { computeDeadlines, snapshotReviewSetup } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

/** Milliseconds until `iso`, at least 1 (a timer needs a positive duration). */
export const msUntil = (iso: string): number => Math.max(1, Date.parse(iso) - Date.now());

/** Watches one review until it is decided or withdrawn. */
export async function superviseReview(initiative: Initiative, review: ReviewState): Promise<void> {
  const closed = () => review.status === 'decided' || review.status === 'withdrawn';
  if (!review.reminderDone) {
    const reminderFired = !(await condition(() => closed() || review.status !== 'open', msUntil(review.reminderAt)));
    review.reminderDone = true;
    if (reminderFired) await initiative.lock.run(() => remind(initiative, review));
  }
  while (!closed()) {
    if (review.status === 'open') {
      const deadline = review.deadline;
      const expired = !(await condition(() => closed() || review.status !== 'open' || review.deadline !== deadline, msUntil(deadline)));
      // Looked at again under the lock: a command may have decided the review meanwhile.
      if (expired) await initiative.lock.run(() => (review.status === 'open' && review.deadline === deadline ? escalate(initiative, review) : Promise.resolve()));
    } else {
      // Escalated: the chair decides, or extends once (which reopens the review).
      await condition(() => closed() || review.status === 'open');
    }
  }
}

function remind(initiative: Initiative, review: ReviewState): Promise<void> {
  const waiting = remindees(review.eligible, currentVotes(review.votes));
  if (waiting.length === 0) return Promise.resolve();
  const change = startChange(initiative, Date.now());
  review.remindedAt = change.at;
  change.audit(systemActor, 'review.reminder_sent', { after: { reviewId: review.id, recipients: waiting, deadline: review.deadline } });
  change.notify(waiting, 'gate.reminder', `Reminder: your vote on ${initiative.label(review)} is due by ${review.deadline}`, { reviewId: review.id, deadline: review.deadline });
  return change.commit({ review });
}

function escalate(initiative: Initiative, review: ReviewState): Promise<void> {
  const before = initiative.stateOf(review);
  const change = startChange(initiative, Date.now());
  review.status = 'escalated';
  review.escalatedAt = change.at;
  const quorum = reviewQuorum(review);
  change.audit(systemActor, 'review.escalated', {
    before,
    after: { ...initiative.stateOf(review), deadline: review.deadline, quorum, afterExtension: review.extension !== undefined },
    reason: review.extension ? 'the extended window ended without a decision' : 'the review deadline passed without a decision',
  });
  const what = review.extension
    ? `The extension of ${initiative.label(review)} ended without a decision (${quorum.cast} of ${quorum.required} votes): decide it alone`
    : `${initiative.label(review)} passed its deadline without a decision (${quorum.cast} of ${quorum.required} votes): decide it alone or extend once`;
  change.notify([review.chair], 'gate.escalated', what, { reviewId: review.id, quorum });
  return change.commit({ review });
}
