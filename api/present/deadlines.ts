import { readBusinessCalendarWith } from '../../db/calendar.js';
import type { Database } from '../../db/client.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import type { ReviewView } from '../../domain/gates/views.js';
import { provisionalClocks, provisionalReview, withProvisionalClocks } from '../calendar-provisional.js';

/**
 * Marks deadlines that rest on days without an official holiday schedule `provisional: true`,
 * judged at answer time on the calendar in force, so the flag disappears as soon as the year is
 * imported (the processes then move the deadlines themselves). Two statements per request (the
 * calendar's settings with the SLA and review policies, and the imported years), however many
 * records the answer holds.
 */
export async function deadlineJudge(db: Database) {
  const {
    calendar,
    policies: { sla, review },
  } = await readBusinessCalendarWith(db, ['sla', 'review']);
  return {
    complaint: <V extends ComplaintView>(view: V): V => withProvisionalClocks(view, provisionalClocks(view, calendar, sla)),
    review: <R extends Pick<ReviewView, 'status' | 'openedAt' | 'deadline' | 'policyVersion' | 'extension'>>(r: R): R & { provisional: boolean } => {
      const unit = r.extension ? r.extension.duration.unit : r.policyVersion === review.version ? review.value.reviewDeadline.unit : undefined;
      return { ...r, provisional: provisionalReview({ status: r.status, openedAt: r.extension?.at ?? r.openedAt, deadline: r.deadline }, calendar, unit) };
    },
  };
}
export type DeadlineJudge = Awaited<ReturnType<typeof deadlineJudge>>;

/** An initiative with `provisional` on its live review and on every review of its history. */
export function withProvisionalReviews<I extends { review: ReviewView | null; reviews: ReviewView[] }>(initiative: I, judge: DeadlineJudge): I {
  return { ...initiative, review: initiative.review && judge.review(initiative.review), reviews: initiative.reviews.map(judge.review) };
}
