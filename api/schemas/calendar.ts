import { importableYears } from '../../domain/calendar/import-rules.js';
import { z } from '../zod.js';
import { localDate } from './common.js';

/**
 * The business calendar's HTTP shapes: the calendar document (settings and overrides, with the
 * coverage of the official schedule and its warning), a year's schedule, and an import. The
 * shape is checked here; the rules of an import (domain/calendar/import-rules.ts) after it.
 */

const HolidayPeriodSchema = z
  .strictObject({
    name: z.string().max(100).openapi({ description: 'the holiday as the notice names it, e.g. 春节' }),
    from: localDate.openapi({ description: 'first day off, YYYY-MM-DD' }),
    to: localDate.openapi({ description: 'last day off, YYYY-MM-DD (inclusive)' }),
  })
  .openapi('HolidayPeriod');

export const YearImportSchema = z
  .strictObject({
    holidays: z.array(HolidayPeriodSchema).max(60),
    workdays: z.array(localDate).max(60).openapi({ description: 'make-up working days (调休): weekend days that are working days' }),
    source: z.string().max(500).openapi({ description: 'where the schedule comes from, e.g. the notice 国办发明电〔2026〕7号' }),
  })
  .openapi('YearImport');

export const YearParams = z.strictObject({
  year: z.string().regex(/^\d{4}$/, `expected a year YYYY (${importableYears.first}–${importableYears.last})`),
});

const YearSummarySchema = z
  .object({
    year: z.number().int(),
    origin: z.enum(['package', 'imported']),
    source: z.string(),
    version: z.number().int().optional(),
    importedBy: z.string().optional(),
    importedAt: z.string().optional(),
  })
  .openapi('CalendarYearSummary');

const WarningSchema = z
  .object({
    missingYears: z.array(z.number().int()).openapi({ description: 'the years to import, soonest first' }),
    reasons: z.array(z.enum(['next_year_missing', 'provisional_days_ahead'])),
    firstProvisionalDay: z.string(),
    message: z.string(),
  })
  .openapi('CalendarWarning');

const CoverageSchema = z
  .object({
    today: z.string().openapi({ description: 'the local date (calendar zone) the coverage is for' }),
    lastCoveredYear: z.number().int().openapi({ description: 'every day from today to the end of this year has an official schedule' }),
    provisionalFrom: z.string().openapi({ description: 'the first day on or after today without official data: from there deadlines count Monday–Friday and are provisional' }),
    horizon: z.object({ days: z.number().int(), until: z.string(), provisionalDays: z.number().int() }),
  })
  .openapi('CalendarCoverage');

export const CalendarDocumentSchema = z
  .object({
    timeZone: z.string(),
    endOfBusinessDay: z.string(),
    extraHolidays: z.array(z.string()).openapi({ description: 'the institution’s override: non-working dates' }),
    extraWorkdays: z.array(z.string()).openapi({ description: 'the institution’s override: working dates' }),
    coverage: CoverageSchema,
    warning: WarningSchema.nullable(),
    years: z.array(YearSummarySchema).openapi({ description: 'every year with an official schedule: from the chinese-days package, or imported (an import wins)' }),
  })
  .openapi('CalendarDocument', { description: 'PUT /calendar takes the first four fields; the others are computed' });

const PeriodViewSchema = z.object({ name: z.string(), englishName: z.string().optional(), from: z.string(), to: z.string() });

export const YearScheduleSchema = z
  .object({
    year: z.number().int(),
    origin: z.enum(['package', 'imported', 'none']).openapi({ description: 'none: no official schedule; its days are provisional (Monday–Friday)' }),
    source: z.string().nullable(),
    version: z.number().int().nullable(),
    importedBy: z.string().nullable(),
    importedAt: z.string().nullable(),
    holidays: z.array(PeriodViewSchema),
    workdays: z.array(z.string()),
    overrides: z.object({ extraHolidays: z.array(z.string()), extraWorkdays: z.array(z.string()) }).openapi({ description: 'the institution’s overrides falling in this year' }),
    history: z
      .array(z.object({ version: z.number().int(), source: z.string(), importedBy: z.string(), importedAt: z.string(), holidays: z.array(PeriodViewSchema), workdays: z.array(z.string()) }))
      .openapi({ description: 'every imported version, newest first' }),
  })
  .openapi('CalendarYear');
