/**
 * Whether a computed deadline rests on provisional days: a working-day deadline counts the days
 * from its start's local day to its own local day, and if any of them lies in a year without an
 * official schedule, the deadline was counted Monday–Friday there and may move once that year's
 * schedule is imported. Elapsed-time windows (hours, minutes, calendar days) never depend on the
 * holiday schedule, so they are never provisional.
 *
 * Pure: the caller supplies local dates (in the calendar's zone) and which years are official.
 * BusinessCalendar.isProvisional (domain/calendar.ts) is the instant-based convenience.
 */
import type { DurationUnit } from '../duration.js';
import { yearOf } from './dates.js';

export interface DeadlineSpan {
  /** Local date of the instant the window started. */
  fromDay: string;
  /** Local date of the computed deadline. */
  deadlineDay: string;
  /** The window's unit; omitted means "counted in working days" (the cautious answer). */
  unit?: DurationUnit;
}

export function dependsOnProvisionalDays(span: DeadlineSpan, hasOfficialYear: (year: number) => boolean): boolean {
  if (span.unit !== undefined && span.unit !== 'business_day') return false;
  const [first, last] = span.fromDay <= span.deadlineDay ? [span.fromDay, span.deadlineDay] : [span.deadlineDay, span.fromDay];
  for (let year = yearOf(first); year <= yearOf(last); year++) if (!hasOfficialYear(year)) return true;
  return false;
}
