import { readBusinessCalendar, type CalendarInForce } from '../db/calendar.js';
import type { Database } from '../db/client.js';
import { packageCalendar } from '../domain/calendar.js';
import { calendarCoverage, type CalendarCoverage } from '../domain/calendar/coverage.js';

/** One year with an official schedule, and where it comes from. */
export interface YearSummary {
  year: number;
  origin: 'package' | 'imported';
  source: string;
  /** Imported years: the version in force, who imported it and when. */
  version?: number;
  importedBy?: string;
  importedAt?: string;
}

export interface CalendarStatus extends CalendarInForce {
  coverage: CalendarCoverage;
  years: YearSummary[];
}

/**
 * The calendar as it stands at `now`: what deadlines count with, which years are official (the
 * package's, with imported ones replacing or adding years), and the coverage and warning of
 * domain/calendar/coverage.ts on the calendar's local date. Shared by GET /api/v1/calendar, the
 * admin's inbox task, /readyz and the Prometheus gauges, so they never disagree.
 */
export async function readCalendarStatus(db: Database, now: Date): Promise<CalendarStatus> {
  const inForce = await readBusinessCalendar(db);
  const pkg = packageCalendar();
  const imported = new Map(inForce.imported.map((y) => [y.year, y]));
  const years: YearSummary[] = [...new Set([...pkg.years, ...imported.keys()])]
    .sort((a, b) => a - b)
    .map((year) => {
      const mine = imported.get(year);
      return mine
        ? { year, origin: 'imported', source: mine.source, version: mine.version, importedBy: mine.importedBy, importedAt: mine.importedAt }
        : { year, origin: 'package', source: pkg.source };
    });
  const coverage = calendarCoverage(inForce.calendar.localDateOf(now), inForce.calendar.official.years);
  return { ...inForce, coverage, years };
}
