/**
 * The institution's business calendar (docs/business-rules.md §2 "Working days" / "Deadlines").
 *
 * NOT WORKFLOW-SAFE — never import this module from workflow code (workflows/**).
 * Its answers depend on the holiday data bundled with `chinese-days`, which changes between
 * releases (a new year's schedule is published every November), and on the host's time-zone
 * database. A workflow that computed a deadline itself would compute a different one on replay
 * after an upgrade and break determinism. Deadlines are therefore computed here, inside an
 * activity, and the resulting instant is recorded in the workflow's history; the workflow only
 * ever sleeps until that recorded instant.
 *
 * Rules implemented:
 * - A local date is a working day per the mainland-China official schedule, including the make-up
 *   working weekends (调休): the years an administrator imported (domain/calendar/schedule.ts,
 *   db/calendar.ts), otherwise the years published in `chinese-days`; an imported year wins over
 *   the package's. The institution's `extraHolidays` and `extraWorkdays` override both. Years
 *   with no official data are *provisional*: only Monday–Friday are working days (plus
 *   overrides); domain/calendar/coverage.ts says when that must be fixed. docs/calendar.md.
 * - "N working days" ends at `endOfBusinessDay` local time on the Nth working day after the local
 *   day of receipt. The day of receipt never counts, whatever the time and whether or not it is a
 *   working day.
 * - N = 0 means "by close of business today": the end of the receipt day if it is a working day
 *   and its business day has not yet ended, otherwise the end of the next working day.
 * - Working time (`workingMsBetween`) is the time inside [BUSINESS_DAY_START, endOfBusinessDay)
 *   of working days.
 * - Plain units (second/minute/hour/day) are elapsed time, independent of the calendar: "24 hours"
 *   over a holiday is still 24 hours, and a "day" is 86 400 000 ms even across a DST change.
 */
import { createRequire } from 'node:module';
import { addLocalDays, formatLocalDate, parseLocalDate, wallMs } from './calendar/dates.js';
import { dependsOnProvisionalDays } from './calendar/provisional.js';
import { OfficialSchedule, yearDays, type HolidayPeriod, type YearDays, type YearSchedule } from './calendar/schedule.js';
import { durationUnits, elapsedMs, type Duration, type DurationUnit } from './duration.js';
import type { CalendarSettings } from './policies.js';

/**
 * Local time at which working time starts each working day. A fixed convention rather than a
 * setting: it only affects `workingMsBetween` (e.g. at-risk ratios measured in working time),
 * never where a deadline falls.
 */
export const BUSINESS_DAY_START = '09:00';

const MS_PER_DAY = 86_400_000;

export { addLocalDays, formatLocalDate, parseLocalDate, type LocalDate } from './calendar/dates.js';

interface WallTime {
  h: number;
  min: number;
}

function parseWallTime(s: string, what: string): WallTime {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  if (!match) throw new RangeError(`Invalid ${what} "${s}": expected HH:MM (00:00–23:59)`);
  return { h: Number(match[1]), min: Number(match[2]) };
}

const businessDayStart = parseWallTime(BUSINESS_DAY_START, 'BUSINESS_DAY_START');

// ---------------------------------------------------------------------------------------------
// Time zones (Intl only; the host's ICU time-zone database)
// ---------------------------------------------------------------------------------------------

// Building a DateTimeFormat is costly; calendars are long-lived and scan many days.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a zone Intl does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `timeZone` at `instantMs`, as if it were UTC (whole seconds). */
function zonedWallMs(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return wallMs(year, month, day, hour, minute, second);
}

/** UTC offset of `timeZone` at an instant, in ms (east positive). */
function offsetMs(timeZone: string, instantMs: number): number {
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  return zonedWallMs(timeZone, wholeSeconds) - wholeSeconds;
}

/**
 * The instant at which the clocks in `timeZone` read `hhmm` on `localDate`.
 * Around DST changes it resolves like Temporal's 'compatible' disambiguation: a time that occurs
 * twice (clocks go back) is the earlier instant; a time skipped (clocks go forward) is moved
 * forward by the size of the gap (London 01:30 on the spring-forward day → 02:30 BST).
 */
export function zonedWallTimeToInstant(timeZone: string, localDate: string, hhmm: string): Date {
  const { y, m, d } = parseLocalDate(localDate);
  const { h, min } = parseWallTime(hhmm, 'local time');
  const wall = wallMs(y, m, d, h, min);
  // Real offsets are within ±14 h, so the offsets a day either side bracket any transition
  // that could affect this wall time.
  const offsetBefore = offsetMs(timeZone, wall - MS_PER_DAY);
  const offsetAfter = offsetMs(timeZone, wall + MS_PER_DAY);
  const matches = [offsetBefore, offsetAfter]
    .map((offset) => wall - offset)
    .filter((instant) => zonedWallMs(timeZone, instant) === wall);
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(wall - offsetBefore); // in a gap: read with the pre-transition offset
}

/** The local calendar date in `timeZone` at an instant. */
function zonedLocalDate(timeZone: string, instant: Date): string {
  const wall = new Date(zonedWallMs(timeZone, instant.getTime()));
  return formatLocalDate({ y: wall.getUTCFullYear(), m: wall.getUTCMonth() + 1, d: wall.getUTCDate() });
}

// ---------------------------------------------------------------------------------------------
// The official schedule published in chinese-days
// ---------------------------------------------------------------------------------------------

/**
 * The package's data as it publishes it for every consumer (`dist/chinese-days.json`, described
 * in its README): holiday and make-up working dates, each with "English name,中文名,days".
 * Reading the data, rather than probing its functions day by day, tells which years it has and
 * the names of the periods; the functions answer from the same data (a unit test holds them to
 * agree on every day).
 */
interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface PackageHolidayPeriod extends HolidayPeriod {
  englishName: string;
}

export interface PackageCalendar {
  /** e.g. "chinese-days 1.5.7" */
  source: string;
  years: number[];
  schedules: ReadonlyMap<number, YearSchedule & { holidays: PackageHolidayPeriod[] }>;
  official: OfficialSchedule;
}

let loadedPackage: PackageCalendar | undefined;

function loadPackageCalendar(): PackageCalendar {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as PackageData;
  const { version } = require('chinese-days/package.json') as { version: string };
  const schedules = new Map<number, { holidays: PackageHolidayPeriod[]; workdays: string[] }>();
  const yearOfEntry = (date: string) => {
    const y = parseLocalDate(date).y;
    let schedule = schedules.get(y);
    if (!schedule) schedules.set(y, (schedule = { holidays: [], workdays: [] }));
    return schedule;
  };
  // Consecutive days under one name form a period.
  for (const date of Object.keys(data.holidays).sort()) {
    const [englishName = '', name = englishName] = data.holidays[date]!.split(',');
    const { holidays } = yearOfEntry(date);
    const last = holidays.at(-1);
    if (last && last.name === name && addLocalDays(last.to, 1) === date) last.to = date;
    else holidays.push({ name, englishName, from: date, to: date });
  }
  for (const date of Object.keys(data.workdays).sort()) yearOfEntry(date).workdays.push(date);
  if (schedules.size === 0) throw new Error('chinese-days has no holiday data');
  const days = new Map<number, YearDays>([...schedules].map(([y, schedule]) => [y, yearDays(schedule)]));
  return { source: `chinese-days ${version}`, years: [...schedules.keys()].sort((a, b) => a - b), schedules, official: new OfficialSchedule(days) };
}

/**
 * The years for which `chinese-days` publishes the official schedule (2004–2026 for 1.5.7), their
 * schedules, and the per-day answers. Outside them only Monday–Friday count as working days
 * unless an administrator imports the year (docs/calendar.md).
 */
export function packageCalendar(): PackageCalendar {
  loadedPackage ??= loadPackageCalendar();
  return loadedPackage;
}

/**
 * The official schedule in force: the package's years, with the imported years laid over them
 * (an imported year replaces the package's for that year).
 */
export function officialSchedule(imported: ReadonlyMap<number, YearSchedule> = new Map()): OfficialSchedule {
  return packageCalendar().official.overlaid(new Map([...imported].map(([y, schedule]) => [y, yearDays(schedule)])));
}

// ---------------------------------------------------------------------------------------------
// The calendar
// ---------------------------------------------------------------------------------------------

function isMondayToFriday({ y, m, d }: { y: number; m: number; d: number }): boolean {
  const weekday = new Date(wallMs(y, m, d)).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

function assertInstant(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`Invalid ${what}: expected a valid Date`);
  }
}

function assertWorkingDayCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Invalid number of working days ${n}: expected a non-negative integer`);
  }
}

function normaliseDates(dates: readonly string[] | undefined, what: string): Set<string> {
  return new Set(
    (dates ?? []).map((s) => {
      try {
        return formatLocalDate(parseLocalDate(s));
      } catch {
        throw new RangeError(`Invalid ${what} entry "${s}": expected YYYY-MM-DD`);
      }
    }),
  );
}

export class BusinessCalendar {
  readonly settings: Readonly<CalendarSettings>;
  /** The official schedule this calendar counts with (package years, imported years laid over). */
  readonly official: OfficialSchedule;
  private readonly extraHolidays: Set<string>;
  private readonly extraWorkdays: Set<string>;

  /**
   * Throws RangeError for an unknown zone, a malformed HH:MM or override date, or contradictions.
   * Without `official`, the package's years alone: callers that compute deadlines pass the
   * schedule with the imported years (db/calendar.ts `readBusinessCalendar`).
   */
  constructor(settings: CalendarSettings, official: OfficialSchedule = packageCalendar().official) {
    this.official = official;
    formatterFor(settings.timeZone);
    const end = parseWallTime(settings.endOfBusinessDay, 'endOfBusinessDay');
    // Working time is [BUSINESS_DAY_START, endOfBusinessDay); an earlier end would make it empty.
    if (end.h * 60 + end.min <= businessDayStart.h * 60 + businessDayStart.min) {
      throw new RangeError(
        `Invalid endOfBusinessDay "${settings.endOfBusinessDay}": must be after ${BUSINESS_DAY_START}`,
      );
    }
    this.extraHolidays = normaliseDates(settings.extraHolidays, 'extraHolidays');
    this.extraWorkdays = normaliseDates(settings.extraWorkdays, 'extraWorkdays');
    const both = [...this.extraHolidays].filter((date) => this.extraWorkdays.has(date));
    if (both.length > 0) {
      throw new RangeError(`Dates both in extraHolidays and extraWorkdays: ${both.join(', ')}`);
    }
    this.settings = Object.freeze({
      timeZone: settings.timeZone,
      endOfBusinessDay: settings.endOfBusinessDay,
      extraHolidays: [...this.extraHolidays],
      extraWorkdays: [...this.extraWorkdays],
    });
  }

  /** Whether a local date ('YYYY-MM-DD' in the institution's zone) is a working day. */
  isWorkingDay(localDate: string): boolean {
    const date = parseLocalDate(localDate);
    const key = formatLocalDate(date);
    if (this.extraHolidays.has(key)) return false;
    if (this.extraWorkdays.has(key)) return true;
    return this.official.isWorkday(key) ?? isMondayToFriday(date);
  }

  /** Whether a local date's year has an official schedule (otherwise the day is provisional). */
  hasOfficialData(localDate: string): boolean {
    return this.official.hasYear(parseLocalDate(localDate).y);
  }

  /**
   * Whether a deadline computed from `from` rests on provisional days: a working-day window
   * (unit omitted: assumed) over a day whose year has no official schedule.
   */
  isProvisional(from: Date, deadline: Date, unit?: DurationUnit): boolean {
    const span = { fromDay: this.localDateOf(from), deadlineDay: this.localDateOf(deadline), ...(unit ? { unit } : {}) };
    return dependsOnProvisionalDays(span, (y) => this.official.hasYear(y));
  }

  /** The local date ('YYYY-MM-DD') of an instant in the institution's zone. */
  localDateOf(instant: Date): string {
    assertInstant(instant, 'instant');
    return zonedLocalDate(this.settings.timeZone, instant);
  }

  /** The instant the business day of a local date ends (whether or not it is a working day). */
  endOfBusinessDay(localDate: string): Date {
    return zonedWallTimeToInstant(this.settings.timeZone, localDate, this.settings.endOfBusinessDay);
  }

  /** The instant working time starts on a local date (BUSINESS_DAY_START local time). */
  startOfBusinessDay(localDate: string): Date {
    return zonedWallTimeToInstant(this.settings.timeZone, localDate, BUSINESS_DAY_START);
  }

  /**
   * End of business of the n-th working day after the local day of `from` (which never counts).
   * n = 0: end of business of `from`'s day if that is a working day and `from` is before its end,
   * otherwise end of business of the next working day.
   */
  addWorkingDays(from: Date, n: number): Date {
    assertInstant(from, 'start instant');
    assertWorkingDayCount(n);
    const receiptDay = this.localDateOf(from);
    if (n === 0) {
      const closeOfToday = this.endOfBusinessDay(receiptDay);
      if (this.isWorkingDay(receiptDay) && from.getTime() < closeOfToday.getTime()) return closeOfToday;
      n = 1;
    }
    return this.endOfBusinessDay(this.nthWorkingDayAfter(receiptDay, n));
  }

  /**
   * Working time in ms between two instants: the parts of [from, to) that fall inside
   * [BUSINESS_DAY_START, endOfBusinessDay) of a working day. 0 when to <= from.
   */
  workingMsBetween(from: Date, to: Date): number {
    assertInstant(from, 'start instant');
    assertInstant(to, 'end instant');
    if (to.getTime() <= from.getTime()) return 0;
    const lastDay = this.localDateOf(to);
    let total = 0;
    // 'YYYY-MM-DD' strings sort chronologically.
    for (let day = this.localDateOf(from); day <= lastDay; day = addLocalDays(day, 1)) {
      if (!this.isWorkingDay(day)) continue;
      const open = Math.max(from.getTime(), this.startOfBusinessDay(day).getTime());
      const close = Math.min(to.getTime(), this.endOfBusinessDay(day).getTime());
      if (close > open) total += close - open;
    }
    return total;
  }

  /**
   * The deadline of a policy duration started at `from`: business days per `addWorkingDays`,
   * every other unit as plain elapsed time.
   */
  deadlineFor(from: Date, d: Duration): Date {
    assertInstant(from, 'start instant');
    if (!durationUnits.includes(d.unit)) throw new RangeError(`Unknown duration unit "${String(d.unit)}"`);
    if (d.unit === 'business_day') return this.addWorkingDays(from, d.amount);
    if (!Number.isFinite(d.amount) || d.amount < 0) {
      throw new RangeError(`Invalid duration amount ${d.amount}: expected a non-negative number`);
    }
    return new Date(from.getTime() + elapsedMs(d));
  }

  private nthWorkingDayAfter(localDate: string, n: number): string {
    let day = localDate;
    for (let found = 0; found < n; ) {
      day = addLocalDays(day, 1);
      if (this.isWorkingDay(day)) found++;
    }
    return day;
  }
}

/** Convenience: `new BusinessCalendar(settings).deadlineFor(from, d)`. */
export function deadlineFor(from: Date, d: Duration, settings: CalendarSettings): Date {
  return new BusinessCalendar(settings).deadlineFor(from, d);
}
