import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { HolidayPeriod } from '../../domain/calendar/schedule.js';

/**
 * Official holiday schedules imported by an administrator, one row per (year, version): each
 * import of a year adds a version and the newest one is in force; earlier versions stay as the
 * history (the table is append-only, migration 0009). An imported year replaces the
 * `chinese-days` package's schedule for that year. docs/calendar.md.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    holidays: jsonb('holidays').$type<HolidayPeriod[]>().notNull(),
    workdays: jsonb('workdays').$type<string[]>().notNull(),
    source: text('source').notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.version] })],
);
