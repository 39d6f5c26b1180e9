import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { advanceMinutesClock, nextMinutesEvent } from '../../domain/meetings/process.js';
import type { Batch } from '../../domain/drafts.js';
import type { MinutesClock } from '../../domain/meetings/types.js';
import type { Meeting } from './state.js';

/**
 * The minutes' clock (domain/meetings/process.ts): once every item is decided, the reminder and
 * the escalation fall the policy's durations later on the business calendar (an activity, recorded
 * in history); the loop sleeps until the next and applies it, stamped with its own instant.
 */
const { meetingMinutesDeadlines } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

/** The clock of minutes ready at `from` (epoch ms). */
export async function minutesClockFrom(m: Meeting, from: number): Promise<MinutesClock> {
  const { policy } = m.state;
  const { reminderAt, escalateAt } = await meetingMinutesDeadlines({ from: new Date(from).toISOString(), reminder: policy.minutesReminder, escalation: policy.minutesEscalation });
  return { readyAt: from, reminderAt: Date.parse(reminderAt), escalateAt: Date.parse(escalateAt) };
}

export function nextClockEventAt(m: Meeting): number | null {
  return m.convened ? (nextMinutesEvent(m.state)?.at ?? null) : null;
}

export function advanceClock(m: Meeting, now: number): Batch {
  const at = nextClockEventAt(m);
  return at !== null && at <= now ? advanceMinutesClock(m.input, m.state, now) : { audit: [], notes: [] };
}
