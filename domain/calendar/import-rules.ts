/**
 * The rules an imported year's schedule must meet before it may replace the package's (or fill
 * a year the package lacks): every entry inside the year, periods that start before they end and
 * do not overlap, make-up working days that fall on a weekend and are not also holidays, names and
 * a source that say something. Each refusal names the entry it is about, so the API's problem
 * document and the import form point at the very field.
 *
 * Workflow-safe and UI-safe: only ./dates.js. The API runs it after its schema (shape, types);
 * the web UI runs it as the user types.
 */
import { isLocalDate, weekdayOf, yearOf } from './dates.js';
import type { HolidayPeriod } from './schedule.js';

export interface YearImport {
  holidays: HolidayPeriod[];
  workdays: string[];
  /** Where the data comes from, e.g. the notice's number: 国办发明电〔2026〕7号. */
  source: string;
}

/** One refused entry: its path inside the document (e.g. ['holidays', 2, 'to']) and why. */
export interface ImportRefusal {
  path: (string | number)[];
  message: string;
}

/** The years an import may be for. */
export const importableYears = { first: 2000, last: 2199 } as const;

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Why `year` cannot be imported, or undefined when it can. */
export function yearRefusal(year: number): string | undefined {
  if (!Number.isInteger(year) || year < importableYears.first || year > importableYears.last) {
    return `the year must be between ${importableYears.first} and ${importableYears.last}`;
  }
  return undefined;
}

/** Everything wrong with `doc` as the schedule of `year`; empty when it may be imported. */
export function importRefusals(year: number, doc: YearImport): ImportRefusal[] {
  const refusals: ImportRefusal[] = [];
  const refuse = (path: (string | number)[], message: string) => refusals.push({ path, message });

  const badYear = yearRefusal(year);
  if (badYear) {
    refuse(['year'], badYear);
    return refusals;
  }
  if (doc.source.trim() === '') refuse(['source'], 'the source must not be empty: name the notice the schedule comes from');
  if (doc.holidays.length === 0) refuse(['holidays'], 'a year’s schedule has at least one holiday period');

  const inYear = (date: string, path: (string | number)[], what: string): boolean => {
    if (!isLocalDate(date)) {
      refuse(path, `${what} "${date}" is not a real calendar date YYYY-MM-DD`);
      return false;
    }
    if (yearOf(date) !== year) {
      refuse(path, `${what} ${date} is outside ${year}`);
      return false;
    }
    return true;
  };

  // Holiday periods: named, inside the year, from ≤ to; then no two overlap.
  const usable: { index: number; period: HolidayPeriod }[] = [];
  doc.holidays.forEach((period, i) => {
    if (period.name.trim() === '') refuse(['holidays', i, 'name'], 'the holiday’s name must not be empty');
    const fromOk = inYear(period.from, ['holidays', i, 'from'], 'the first day');
    const toOk = inYear(period.to, ['holidays', i, 'to'], 'the last day');
    if (fromOk && toOk && period.to < period.from) {
      refuse(['holidays', i, 'to'], `the last day ${period.to} is before the first day ${period.from}`);
    } else if (fromOk && toOk) {
      usable.push({ index: i, period });
    }
  });
  for (const [k, later] of usable.entries()) {
    const earlier = usable.slice(0, k).find(({ period }) => period.from <= later.period.to && later.period.from <= period.to);
    if (earlier) {
      const overlapFrom = later.period.from > earlier.period.from ? later.period.from : earlier.period.from;
      refuse(['holidays', later.index], `overlaps holidays ${earlier.index} "${earlier.period.name}" (${earlier.period.from} to ${earlier.period.to}) from ${overlapFrom}`);
    }
  }

  // Make-up working days: inside the year, on a weekend, once, and not a holiday.
  const seen = new Map<string, number>();
  doc.workdays.forEach((date, i) => {
    if (!inYear(date, ['workdays', i], 'the make-up working day')) return;
    const weekday = weekdayOf(date);
    if (weekday !== 0 && weekday !== 6) {
      refuse(['workdays', i], `${date} is a ${weekdayNames[weekday]}: a make-up working day must be a Saturday or Sunday`);
    }
    const first = seen.get(date);
    if (first !== undefined) refuse(['workdays', i], `${date} is listed twice (also workdays ${first})`);
    else seen.set(date, i);
    const holiday = usable.find(({ period }) => period.from <= date && date <= period.to);
    if (holiday) refuse(['workdays', i], `${date} is both a make-up working day and a holiday (holidays ${holiday.index} "${holiday.period.name}")`);
  });
  return refusals;
}
