/**
 * The official holiday schedule (the State Council's yearly notice) as data: named holiday
 * periods and make-up working days (调休), year by year, and the per-day answers drawn from it.
 *
 * Workflow-safe and UI-safe: only ./dates.js. Where the years come from (the `chinese-days`
 * package, or an administrator's import) is domain/calendar.ts's business; docs/calendar.md.
 */
import { datesBetween, isWeekend, yearOf } from './dates.js';

/** A named holiday period, both ends included ('YYYY-MM-DD'). */
export interface HolidayPeriod {
  name: string;
  from: string;
  to: string;
}

/** One year's schedule as the notice publishes it. */
export interface YearSchedule {
  holidays: HolidayPeriod[];
  /** Make-up working days: weekend days that are working days. */
  workdays: string[];
}

/** One year's schedule as per-day answers: holiday date → the period's name, and the make-up days. */
export interface YearDays {
  holidays: ReadonlyMap<string, string>;
  workdays: ReadonlySet<string>;
}

export function yearDays(schedule: YearSchedule): YearDays {
  const holidays = new Map<string, string>();
  for (const period of schedule.holidays) for (const day of datesBetween(period.from, period.to)) holidays.set(day, period.name);
  return { holidays, workdays: new Set(schedule.workdays) };
}

/** Working day per one year's schedule: make-up days work, holidays do not, otherwise Monday–Friday. */
export function isWorkdayIn(days: YearDays, localDate: string): boolean {
  if (days.workdays.has(localDate)) return true;
  if (days.holidays.has(localDate)) return false;
  return !isWeekend(localDate);
}

/**
 * The years that have an official schedule, and their per-day answers. A year without an entry
 * has no official data: its days are *provisional* (Monday–Friday, plus the institution's
 * overrides) until its schedule is published and imported.
 */
export class OfficialSchedule {
  private readonly byYear: ReadonlyMap<number, YearDays>;

  constructor(byYear: ReadonlyMap<number, YearDays>) {
    this.byYear = byYear;
  }

  /** Sorted ascending. */
  get years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.byYear.has(year);
  }

  /** The per-day answers of a year, when it has official data. */
  daysOf(year: number): YearDays | undefined {
    return this.byYear.get(year);
  }

  /** Working day per the official schedule; undefined when the date's year has no official data. */
  isWorkday(localDate: string): boolean | undefined {
    const days = this.byYear.get(yearOf(localDate));
    return days ? isWorkdayIn(days, localDate) : undefined;
  }

  /** This schedule with some years replaced (or added): an imported year wins over the package's. */
  overlaid(years: ReadonlyMap<number, YearDays>): OfficialSchedule {
    if (years.size === 0) return this;
    return new OfficialSchedule(new Map([...this.byYear, ...years]));
  }
}
