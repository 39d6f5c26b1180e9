/**
 * A change of the business calendar (an imported year, or new settings and overrides) as the
 * processes whose deadlines it may move must hear of it: which local dates changed between
 * working and non-working, or that every working-day deadline may move (another time zone or end
 * of the business day). Also the message the complaint and gate workflows are to receive.
 *
 * Workflow-safe and UI-safe: only ./dates.js and types.
 */
import { datesBetween } from './dates.js';

/** What changed in the calendar, for the audit trail and for idempotency. */
export type CalendarChangeCause =
  | { kind: 'year_imported'; year: number; version: number }
  | { kind: 'settings_changed'; version: number };

/** The local dates whose working-day status changed, or every date. */
export type ChangedDates = { all: true } | { all: false; dates: string[] };

export interface CalendarChange {
  /** Stable id of the change, the same at every retry: `calendar-year:2027:v2`, `calendar-settings:v5`. */
  changeId: string;
  cause: CalendarChangeCause;
  changed: ChangedDates;
  /** Who made the change and when (ISO instant). */
  actor: { userId: string; roles: string[] };
  at: string;
}

/**
 * The message each affected complaint or gate workflow receives (a signal: the fan-out does not
 * wait for each process). The workflow ignores a `changeId` it has already handled, recomputes
 * every running clock whose counted days touch `changed` through the `recomputeDeadlines`
 * activity, reschedules its timers, and records each moved deadline with before, after and
 * `reason`. docs/calendar.md "Deadlines after a calendar change".
 */
export interface CalendarChangedSignal extends CalendarChange {
  reason: 'calendar changed';
}

export function changeIdOf(cause: CalendarChangeCause): string {
  return cause.kind === 'year_imported' ? `calendar-year:${cause.year}:v${cause.version}` : `calendar-settings:v${cause.version}`;
}

/** The dates among `candidates` whose working-day answer differs between two calendars. */
export function changedDates(candidates: Iterable<string>, before: (date: string) => boolean, after: (date: string) => boolean): string[] {
  return [...new Set(candidates)].filter((d) => before(d) !== after(d)).sort();
}

/** Every date of a year, the candidates of an import. */
export function datesOfYear(year: number): string[] {
  const y = String(year).padStart(4, '0');
  return datesBetween(`${y}-01-01`, `${y}-12-31`);
}

/**
 * Whether a clock that counts working days from `fromDay` to `deadlineDay` (local dates, both
 * included: the start day matters for "by close of business today") can be moved by the change.
 * Days after the deadline never matter: counting stops there.
 */
export function spanTouches(changed: ChangedDates, fromDay: string, deadlineDay: string): boolean {
  if (changed.all) return true;
  return changed.dates.some((d) => fromDay <= d && d <= deadlineDay);
}
