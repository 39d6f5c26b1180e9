/**
 * Local calendar dates ('YYYY-MM-DD', no zone) as plain arithmetic: parse, format, step, weekday.
 *
 * Workflow-safe and UI-safe: no imports, no clock, no time-zone database. The business calendar
 * (domain/calendar.ts) and the pure calendar rules of this folder build on it.
 */

export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;

/** Milliseconds of a wall-clock reading treated as if it were UTC (years < 100 included). */
export function wallMs(y: number, m: number, d: number, h = 0, min = 0, s = 0): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(h, min, s, 0);
  return date.getTime();
}

/** Parses a strict 'YYYY-MM-DD' calendar date; throws RangeError for anything else (e.g. Feb 30). */
export function parseLocalDate(s: string): LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) throw new RangeError(`Invalid local date "${s}": expected YYYY-MM-DD`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const roundTrip = new Date(wallMs(y, m, d));
  if (roundTrip.getUTCMonth() !== m - 1 || roundTrip.getUTCDate() !== d) {
    throw new RangeError(`Invalid local date "${s}": no such day`);
  }
  return { y, m, d };
}

/** Whether `s` is a real 'YYYY-MM-DD' calendar date. */
export function isLocalDate(s: string): boolean {
  try {
    parseLocalDate(s);
    return true;
  } catch {
    return false;
  }
}

export function formatLocalDate({ y, m, d }: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The local date `n` days after (or before, for negative n) `localDate`. */
export function addLocalDays(localDate: string, n: number): string {
  const { y, m, d } = parseLocalDate(localDate);
  const shifted = new Date(wallMs(y, m, d) + n * MS_PER_DAY);
  return formatLocalDate({ y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() });
}

/** 0 = Sunday … 6 = Saturday; a property of the date itself, whatever the zone. */
export function weekdayOf(date: LocalDate | string): number {
  const { y, m, d } = typeof date === 'string' ? parseLocalDate(date) : date;
  return new Date(wallMs(y, m, d)).getUTCDay();
}

export function isWeekend(date: LocalDate | string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

/** The year of a 'YYYY-MM-DD' date (no validation beyond the shape). */
export function yearOf(localDate: string): number {
  return Number(localDate.slice(0, 4));
}

/** Every date from `from` to `to`, both included ('YYYY-MM-DD' strings sort chronologically). */
export function datesBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addLocalDays(day, 1)) days.push(day);
  return days;
}
