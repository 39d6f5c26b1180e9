/**
 * Which days ahead have an official holiday schedule, and when an administrator must be warned
 * that they do not. A day is *provisional* when its year has no official schedule (neither in the
 * `chinese-days` package nor imported): deadlines over it count Monday–Friday only and may move
 * once the schedule is imported.
 *
 * The calendar is in a warning state
 * - from 1 November of a year whose next year has no official schedule (the State Council
 *   publishes the next year's notice in the autumn; January deadlines are computed from
 *   December), and
 * - whenever the next 60 days (today included) hold provisional days.
 *
 * Pure: the caller supplies today's local date in the calendar's zone, so the state is a
 * function of the date, testable at any day. docs/calendar.md.
 */
import { addLocalDays, yearOf } from './dates.js';

/** Days ahead, today included, that must all have official data. */
export const provisionalHorizonDays = 60;
/** From this day of a year ('MM-DD') the next year's schedule is expected. */
export const nextYearExpectedFrom = '11-01';

export type WarningReason = 'next_year_missing' | 'provisional_days_ahead';

export interface CalendarWarning {
  /** The years whose official schedule should be imported, soonest first. */
  missingYears: number[];
  reasons: WarningReason[];
  /** The first day on or after today without official data. */
  firstProvisionalDay: string;
  /** One English sentence for logs, /readyz and API readers. */
  message: string;
}

export interface CalendarCoverage {
  /** The local date the coverage was computed for. */
  today: string;
  /** Every year with an official schedule (package or imported), ascending. */
  officialYears: number[];
  /**
   * The last year up to which every day from today has official data (the year before the first
   * provisional day): a gap in the years ends the run even if later years are covered.
   */
  lastCoveredYear: number;
  /** The first day on or after today without official data. */
  provisionalFrom: string;
  /** The horizon: its last day and how many of its days are provisional. */
  horizon: { days: number; until: string; provisionalDays: number };
  warning: CalendarWarning | null;
}

export function calendarCoverage(today: string, officialYears: Iterable<number>): CalendarCoverage {
  const years = [...new Set(officialYears)].sort((a, b) => a - b);
  const official = new Set(years);
  const thisYear = yearOf(today);
  let firstMissingYear = thisYear;
  while (official.has(firstMissingYear)) firstMissingYear++;
  const provisionalFrom = firstMissingYear === thisYear ? today : `${String(firstMissingYear).padStart(4, '0')}-01-01`;

  const until = addLocalDays(today, provisionalHorizonDays - 1);
  const missingAhead = new Set<number>();
  let provisionalDays = 0;
  for (let day = today; day <= until; day = addLocalDays(day, 1)) {
    if (official.has(yearOf(day))) continue;
    provisionalDays++;
    missingAhead.add(yearOf(day));
  }

  const reasons: WarningReason[] = [];
  const missing = new Set<number>();
  if (today.slice(5) >= nextYearExpectedFrom && !official.has(thisYear + 1)) {
    reasons.push('next_year_missing');
    missing.add(thisYear + 1);
  }
  if (provisionalDays > 0) {
    reasons.push('provisional_days_ahead');
    for (const y of missingAhead) missing.add(y);
  }
  const missingYears = [...missing].sort((a, b) => a - b);
  const warning: CalendarWarning | null =
    reasons.length === 0
      ? null
      : {
          missingYears,
          reasons,
          firstProvisionalDay: provisionalFrom,
          message: `no official holiday schedule for ${missingYears.join(' and ')}: from ${provisionalFrom} working-day deadlines count Monday to Friday only and are provisional; import the schedule (PUT /api/v1/calendar/years/${missingYears[0]}) or upgrade chinese-days`,
        };
  return {
    today,
    officialYears: years,
    lastCoveredYear: firstMissingYear - 1,
    provisionalFrom,
    horizon: { days: provisionalHorizonDays, until, provisionalDays },
    warning,
  };
}
