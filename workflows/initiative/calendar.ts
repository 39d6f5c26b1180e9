import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { systemActor } from '../../domain/actor.js';
import type { CalendarChangedSignal } from '../../domain/calendar/change.js';
import { reminderAtMs } from '../../domain/gates/review.js';
import { startChange } from './record.js';
import type { Initiative } from './state.js';

const { recomputeDeadlines } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

/**
 * The business calendar changed: the open review's deadline is counted again from when its window
 * started (the submission, or the chair's extension) on the calendar in force now (an activity,
 * recorded in history). A moved deadline is recorded with before, after and the reason "calendar
 * changed", the chair and the owner are told, and the review's timers follow (clock.ts watches
 * the deadline and the reminder instant). A change is handled once (its id), under the lock.
 */
export async function applyCalendarChange(initiative: Initiative, change: CalendarChangedSignal): Promise<void> {
  const s = initiative.state;
  const handled = (s.calendarChanges ??= []);
  if (handled.includes(change.changeId)) return;
  handled.push(change.changeId);
  const review = initiative.liveReview();
  if (!review || review.status !== 'open') return;
  const window = review.extension ? { from: review.extension.at, duration: review.extension.duration } : { from: review.openedAt, duration: review.policy.reviewDeadline };
  const { clocks, calendar } = await recomputeDeadlines([{ key: 'review', from: window.from, duration: window.duration, current: review.deadline }]);
  const recomputed = clocks[0];
  if (!recomputed?.moved || review.status !== 'open' || recomputed.deadline === review.deadline) return;

  const before = { reviewId: review.id, deadline: review.deadline, reminderAt: review.reminderAt };
  review.deadline = recomputed.deadline;
  if (review.extension) review.extension = { ...review.extension, until: recomputed.deadline };
  if (!review.reminderDone) {
    review.reminderAt = new Date(reminderAtMs(Date.parse(window.from), Date.parse(recomputed.deadline), review.policy.reminderRatio)).toISOString();
  }
  const c = startChange(initiative, Date.now());
  c.audit(systemActor, 'review.deadline_moved', {
    before,
    after: { reviewId: review.id, deadline: review.deadline, reminderAt: review.reminderAt, provisional: recomputed.provisional, changeId: change.changeId, cause: change.cause, calendar },
    reason: 'calendar changed',
  });
  c.notify([review.chair, s.owner], 'gate.deadline_moved', `${initiative.label(review)}: the review deadline moved from ${before.deadline} to ${review.deadline} (calendar changed)`, { reviewId: review.id, deadline: review.deadline });
  await c.commit({ review });
}
