/**
 * Report periods (docs/business-rules.md §4): a monthly report covers a calendar month ('yyyy-mm'), a weekly
 * summary an ISO week ('yyyy-Www', Monday to Sunday, week 1 holding the year's first Thursday).
 * Both are read in the institution's time zone: October 2025 in Asia/Shanghai is
 * [2025-10-01T00:00+08:00, 2025-11-01T00:00+08:00). Every period is half-open, [from, to).
 *
 * NOT WORKFLOW-SAFE (uses the time-zone database through domain/calendar.ts): called by the API
 * and by activities; the report workflow receives the resolved period from its activity.
 */
import { addLocalDays, BusinessCalendar, parseLocalDate, zonedWallTimeToInstant } from '../calendar.js';
import type { CalendarSettings } from '../policies.js';

export const reportKinds = ['monthly', 'weekly'] as const;
export type ReportKind = (typeof reportKinds)[number];

export interface Period {
  /** First instant inside the period. */
  from: Date;
  /** First instant after the period. */
  to: Date;
}

export interface ReportPeriod extends Period {
  kind: ReportKind;
  /** 'yyyy-mm' or 'yyyy-Www'. */
  key: string;
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const weekPattern = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO-8601 instant with an explicit offset or Z (a local time without a zone is ambiguous). */
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 1 = Monday … 7 = Sunday (ISO). */
function isoWeekday(localDate: string): number {
  const { y, m, d } = parseLocalDate(localDate);
  const day = new Date(Date.UTC(2000, 0, 1));
  day.setUTCFullYear(y, m - 1, d);
  return day.getUTCDay() === 0 ? 7 : day.getUTCDay();
}

/** The ISO week key ('yyyy-Www') of a local date. */
export function isoWeekOf(localDate: string): string {
  const thursday = addLocalDays(localDate, 4 - isoWeekday(localDate));
  const year = parseLocalDate(thursday).y;
  const jan1 = `${pad(year, 4)}-01-01`;
  let dayOfYear = 0;
  for (let day = jan1; day < thursday; day = addLocalDays(day, 1)) dayOfYear++;
  return `${pad(year, 4)}-W${pad(Math.floor(dayOfYear / 7) + 1)}`;
}

/** The Monday (local date) of an ISO week; throws RangeError for a malformed or non-existent week. */
export function mondayOfIsoWeek(key: string): string {
  const match = weekPattern.exec(key);
  if (!match) throw new RangeError(`Invalid week "${key}": expected yyyy-Www, e.g. 2025-W40`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  // 4 January is always in week 1.
  const jan4 = `${pad(year, 4)}-01-04`;
  const monday = addLocalDays(addLocalDays(jan4, 1 - isoWeekday(jan4)), (week - 1) * 7);
  if (isoWeekOf(monday) !== key) throw new RangeError(`Invalid week "${key}": ${year} has no week ${week}`);
  return monday;
}

/** The local dates [first, next) a period key covers. */
function localBounds(kind: ReportKind, key: string): [string, string] {
  if (kind === 'monthly') {
    const match = monthPattern.exec(key);
    if (!match) throw new RangeError(`Invalid month "${key}": expected yyyy-mm, e.g. 2025-10`);
    const [y, m] = [Number(match[1]), Number(match[2])];
    const next = m === 12 ? `${pad(y + 1, 4)}-01-01` : `${pad(y, 4)}-${pad(m + 1)}-01`;
    return [`${pad(y, 4)}-${pad(m)}-01`, next];
  }
  const monday = mondayOfIsoWeek(key);
  return [monday, addLocalDays(monday, 7)];
}

/** Whether `key` is a well-formed, existing period of `kind`. */
export function isPeriodKey(kind: ReportKind, key: string): boolean {
  try {
    localBounds(kind, key);
    return true;
  } catch {
    return false;
  }
}

/** The instants a period key covers in `timeZone`; throws RangeError for a malformed key. */
export function reportPeriod(kind: ReportKind, key: string, timeZone: string): ReportPeriod {
  const [first, next] = localBounds(kind, key);
  return { kind, key, from: zonedWallTimeToInstant(timeZone, first, '00:00'), to: zonedWallTimeToInstant(timeZone, next, '00:00') };
}

/**
 * The last full period before the one containing `at` (the local date of `at` in `timeZone`):
 * a schedule firing on 1 November 06:00 reports October, one firing on a Monday the week before.
 */
export function previousPeriod(kind: ReportKind, at: Date, timeZone: string): ReportPeriod {
  const today = new BusinessCalendar({ timeZone, endOfBusinessDay: '18:00', extraHolidays: [], extraWorkdays: [] }).localDateOf(at);
  if (kind === 'monthly') {
    const { y, m } = parseLocalDate(today);
    const key = m === 1 ? `${pad(y - 1, 4)}-12` : `${pad(y, 4)}-${pad(m - 1)}`;
    return reportPeriod(kind, key, timeZone);
  }
  return reportPeriod(kind, isoWeekOf(addLocalDays(today, -7)), timeZone);
}

/**
 * A query bound: a local date ('2025-10-01' → midnight in the institution's zone) or an ISO
 * instant with offset. Throws RangeError naming what is expected.
 */
export function parseBound(value: string, settings: Pick<CalendarSettings, 'timeZone'>): Date {
  if (datePattern.test(value)) {
    parseLocalDate(value); // rejects 2025-02-30
    return zonedWallTimeToInstant(settings.timeZone, value, '00:00');
  }
  if (instantPattern.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  throw new RangeError(`"${value}" is neither a date (YYYY-MM-DD) nor an ISO-8601 instant with offset`);
}
