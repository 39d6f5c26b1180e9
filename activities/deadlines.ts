import { BusinessCalendar } from '../domain/calendar.js';
import type { Duration } from '../domain/duration.js';
import type { Database } from '../db/client.js';
import { readPolicy } from '../db/settings.js';

export interface DeadlineRequest {
  /** ISO instant the window starts at. */
  from: string;
  duration: Duration;
}

/**
 * Turns policy durations into absolute deadlines with the institution's current business
 * calendar. Runs as an activity so its result is recorded in workflow history: a later update
 * of the holiday data never changes a running process's deadlines, and replay stays exact.
 */
export function deadlineActivities(db: Database) {
  return {
    async computeDeadlines(requests: DeadlineRequest[]): Promise<string[]> {
      const { value: settings } = await readPolicy(db, 'calendar');
      const calendar = new BusinessCalendar(settings);
      return requests.map((r) => calendar.deadlineFor(new Date(r.from), r.duration).toISOString());
    },
  };
}
