import type { Duration } from '../domain/duration.js';
import type { Database } from '../db/client.js';
import { readBusinessCalendar } from '../db/calendar.js';
import type { BusinessCalendar } from '../domain/calendar.js';

export interface DeadlineRequest {
  /** ISO instant the window starts at. */
  from: string;
  duration: Duration;
}

/**
 * Turns policy durations into absolute deadlines with the institution's current business
 * calendar (settings, overrides, and the official schedule: package years with the imported ones
 * laid over them, read at each call so an import counts at once in every worker). Runs as an
 * activity so its result is recorded in workflow history: a later update of the holiday data
 * never changes a running process's deadlines by itself, and replay stays exact.
 */
export function deadlineActivities(db: Database) {
  return {
    async computeDeadlines(requests: DeadlineRequest[]): Promise<string[]> {
      const { calendar } = await readBusinessCalendar(db);
      return deadlinesOn(calendar, requests);
    },
  };
}

/** The requests' deadlines on a calendar already read (ISO instants, in the requests' order). */
export function deadlinesOn(calendar: BusinessCalendar, requests: readonly DeadlineRequest[]): string[] {
  return requests.map((r) => calendar.deadlineFor(new Date(r.from), r.duration).toISOString());
}
