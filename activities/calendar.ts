import { processesAffectedBy, readBusinessCalendar } from '../db/calendar.js';
import type { ChangedDates } from '../domain/calendar/change.js';
import type { Database } from '../db/client.js';
import type { Duration } from '../domain/duration.js';

/** A running clock of a process, as the process knows it. */
export interface ClockToRecompute {
  /** The process's own name for the clock ('resolution', 'customerFeedback', 'review', …); echoed back. */
  key: string;
  /** ISO instant the window started: the instant its deadline was first computed from. */
  from: string;
  /** The policy window the clock runs, as the process snapshotted it. */
  duration: Duration;
  /** ISO deadline in force, as last computed, without paused time (the process adds that itself). */
  current: string;
}

export interface RecomputedClock {
  key: string;
  previous: string;
  /** ISO deadline under the calendar in force now. */
  deadline: string;
  /** deadline ≠ previous. */
  moved: boolean;
  /** Still counted over days whose year has no official schedule (domain/calendar/provisional.ts). */
  provisional: boolean;
}

export interface Recomputation {
  clocks: RecomputedClock[];
  /** The calendar counted with, for the audit trail: settings version and each imported year's version. */
  calendar: { settingsVersion: number; importedYears: { year: number; version: number }[] };
}

/**
 * The deadlines a process's running clocks have under the business calendar in force now (after
 * an import or an override change), computed the way `computeDeadlines` computes them at the
 * start. Reads only: idempotent, and its answer is recorded in the workflow's history, so replay
 * never recomputes. The process decides what to do with a moved deadline (reschedule its timer,
 * record before/after with the reason "calendar changed", notify the owner); docs/calendar.md.
 */
export function calendarActivities(db: Database) {
  return {
    /**
     * The workflows a calendar change may move (open complaints with a running clock, open gate
     * reviews whose counted days the change touches), under the calendar in force now. Extra ones
     * are harmless: each process recomputes and finds nothing moved.
     */
    async processesToTell(changed: ChangedDates): Promise<string[]> {
      const { calendar } = await readBusinessCalendar(db);
      const affected = await processesAffectedBy(db, changed, calendar);
      return [...new Set([...affected.complaints.map((c) => c.workflowId), ...affected.reviews.map((r) => r.workflowId)])];
    },

    async recomputeDeadlines(clocks: ClockToRecompute[]): Promise<Recomputation> {
      const { calendar, settingsVersion, imported } = await readBusinessCalendar(db);
      return {
        clocks: clocks.map((c) => {
          const from = new Date(c.from);
          const deadline = calendar.deadlineFor(from, c.duration);
          const previous = new Date(c.current).toISOString();
          return { key: c.key, previous, deadline: deadline.toISOString(), moved: deadline.toISOString() !== previous, provisional: calendar.isProvisional(from, deadline, c.duration.unit) };
        }),
        calendar: { settingsVersion, importedYears: imported.map((y) => ({ year: y.year, version: y.version })) },
      };
    },
  };
}
