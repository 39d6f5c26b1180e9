import { readBusinessCalendar } from '../db/calendar.js';
import type { Database } from '../db/client.js';
import { writeFeedbackRecord, type FeedbackRecord } from '../db/feedback.js';
import { readPolicy } from '../db/settings.js';
import type { FeedbackKind, FeedbackPolicy } from '../domain/feedback/types.js';
import type { TransitionRecord } from '../domain/trail.js';

/**
 * Side effects of the feedback family (docs/feedback.md): the policy snapshotted at intake, an
 * inquiry's first-response due date on the business calendar (like a complaint's clocks), and the
 * record of each step in one transaction.
 */
export function feedbackActivities(db: Database) {
  return {
    async prepareFeedback(input: { kind: FeedbackKind; receivedAt: string; policy?: FeedbackPolicy; policyVersion?: number }): Promise<{ policy: FeedbackPolicy; policyVersion: number; firstResponseDue: string | null }> {
      const policy = input.policy ? { value: input.policy, version: input.policyVersion ?? 0 } : await readPolicy(db, 'feedback');
      if (input.kind !== 'inquiry') return { policy: policy.value, policyVersion: policy.version, firstResponseDue: null };
      const { calendar } = await readBusinessCalendar(db);
      const due = calendar.deadlineFor(new Date(input.receivedAt), policy.value.inquiryFirstResponse);
      return { policy: policy.value, policyVersion: policy.version, firstResponseDue: due.toISOString() };
    },

    async recordFeedback(input: { feedback: FeedbackRecord } & TransitionRecord): Promise<void> {
      await writeFeedbackRecord(db, input);
    },
  };
}
