import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import { readCalendarStatus, type CalendarStatus } from './calendar-status.js';

/**
 * The calendar's gauges: the last year up to which every day ahead has an official holiday
 * schedule, and whether the calendar is in its warning state (docs/calendar.md). Computed at
 * scrape time from the same status GET /api/v1/calendar serves, with a short cache.
 */
export function calendarGauges(registry: Registry, db: Database, now: () => Date, cacheMs: number): void {
  let cached: { at: number; value: Promise<CalendarStatus> } | undefined;
  const status = () => {
    if (!cached || Date.now() - cached.at > cacheMs) {
      const value = readCalendarStatus(db, now());
      cached = { at: Date.now(), value };
      value.catch(() => (cached = undefined));
    }
    return cached.value;
  };
  const gauge = (name: string, help: string, read: (s: CalendarStatus) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.reset();
        const s = await status().catch(() => undefined);
        if (s) this.set(read(s)); // database down: no sample, cxgov_domain_metrics_up says why
      },
    });
  gauge('cxgov_calendar_last_covered_year', 'Last year up to which every day from today has an official holiday schedule (package or imported)', (s) => s.coverage.lastCoveredYear);
  gauge('cxgov_calendar_warning', '1 when the days ahead lack an official holiday schedule (from 1 November without next year, or provisional days in the next 60), else 0', (s) => (s.coverage.warning ? 1 : 0));
  gauge('cxgov_calendar_provisional_days_ahead', 'Days of the next 60 (today included) without an official holiday schedule', (s) => s.coverage.horizon.provisionalDays);
}
