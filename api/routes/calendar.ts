import { createHash } from 'node:crypto';
import { readBusinessCalendar, importYear, readYearVersions, scheduleInForce } from '../../db/calendar.js';
import { writePolicy } from '../../db/settings.js';
import { importRefusals, yearRefusal } from '../../domain/calendar/import-rules.js';
import { roles } from '../auth/roles.js';
import { announceCalendarChange, datesChangedByImport, datesChangedBySettings, temporalChangeHandler } from '../calendar-change.js';
import { readCalendarStatus, type CalendarStatus } from '../calendar-status.js';
import type { AppDeps } from '../deps.js';
import { badRequest } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { CalendarSchema } from '../schemas/admin.js';
import { CalendarDocumentSchema, YearImportSchema, YearParams, YearScheduleSchema } from '../schemas/calendar.js';

/**
 * The business calendar (docs/calendar.md): settings and overrides, which years have an official
 * holiday schedule and the warning when the days ahead lack one, and the import of a year's
 * official schedule. Every staff role reads it (deadlines everyone works to depend on it); only
 * an administrator changes it, audited with before and after.
 */
export function calendarRoutes(api: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const readers = [...roles];
  const changeContext = { db, logger: deps.logger, onCalendarChange: deps.onCalendarChange ?? temporalChangeHandler(deps.temporal, deps.taskQueue, deps.logger) };

  api.add({
    method: 'get',
    path: '/calendar',
    summary: 'The business calendar: settings and overrides, the years with an official holiday schedule, the coverage of the days ahead and its warning',
    tags: ['Calendar'],
    roles: readers,
    responses: { 200: { description: 'The calendar', schema: CalendarDocumentSchema } },
    handler: async ({ res }) => {
      const body = calendarDocument(await readCalendarStatus(db, now()));
      res.setHeader('ETag', etagOf(body));
      return { status: 200, body };
    },
  });

  api.add({
    method: 'put',
    path: '/calendar',
    summary: 'Replace the calendar settings and overrides; processes already running keep the deadlines they have until they are recomputed (docs/calendar.md)',
    tags: ['Calendar'],
    roles: ['admin'],
    body: CalendarSchema,
    responses: { 200: { description: 'The calendar with the new settings', schema: CalendarDocumentSchema } },
    handler: async ({ body, principal, res }) => {
      const before = await readBusinessCalendar(db);
      const { version } = await writePolicy(db, 'calendar', body, principal);
      const status = await readCalendarStatus(db, now());
      const changed = datesChangedBySettings(before.settings, before.calendar, status.calendar);
      await announceCalendarChange(changeContext, { kind: 'settings_changed', version }, changed, status.calendar, principal, now());
      const document = calendarDocument(status);
      res.setHeader('ETag', etagOf(document));
      return { status: 200, body: document };
    },
  });

  const yearOf = (params: { year: string }) => {
    const year = Number(params.year);
    const refused = yearRefusal(year);
    if (refused) throw badRequest(`the year ${params.year} is not valid: ${refused}`, [{ path: 'params.year', message: refused }]);
    return year;
  };

  api.add({
    method: 'get',
    path: '/calendar/years/:year',
    summary: 'One year’s official holiday schedule (package, imported or none), the overrides in it, and every imported version',
    tags: ['Calendar'],
    roles: readers,
    params: YearParams,
    responses: { 200: { description: 'The year', schema: YearScheduleSchema } },
    handler: async ({ params }) => {
      const year = yearOf(params);
      const [inForce, history] = await Promise.all([readBusinessCalendar(db), readYearVersions(db, year)]);
      return { status: 200, body: yearDocument(year, inForce, history) };
    },
  });

  api.add({
    method: 'put',
    path: '/calendar/years/:year',
    summary: 'Import a year’s official holiday schedule (the State Council’s notice as data) as its next version; it replaces the package’s schedule for that year. Audited',
    tags: ['Calendar'],
    roles: ['admin'],
    params: YearParams,
    body: YearImportSchema,
    responses: { 200: { description: 'The year with the imported schedule in force', schema: YearScheduleSchema } },
    handler: async ({ params, body, principal }) => {
      const year = yearOf(params);
      const refusals = importRefusals(year, body);
      if (refusals.length > 0) {
        const errors = refusals.map((r) => ({ path: ['body', ...r.path].join('.'), message: r.message }));
        throw badRequest(`the schedule for ${year} is not valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
      }
      const before = await readBusinessCalendar(db);
      const outcome = await importYear(db, year, body, principal);
      const [after, history] = await Promise.all([readBusinessCalendar(db), readYearVersions(db, year)]);
      if (outcome.created) {
        const changed = datesChangedByImport(year, before.calendar, after.calendar);
        await announceCalendarChange(changeContext, { kind: 'year_imported', year, version: outcome.year.version }, changed, after.calendar, principal, now());
      }
      return { status: 200, body: yearDocument(year, after, history) };
    },
  });
}

/**
 * The document's entity tag: of everything in it (an import, a new day, new settings), not of the
 * settings version alone — a browser revalidating with If-None-Match must not keep a stale warning.
 */
function etagOf(body: unknown): string {
  return `"calendar-${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;
}

function calendarDocument(s: CalendarStatus) {
  const { timeZone, endOfBusinessDay, extraHolidays, extraWorkdays } = s.settings;
  const { today, lastCoveredYear, provisionalFrom, horizon } = s.coverage;
  return { timeZone, endOfBusinessDay, extraHolidays, extraWorkdays, coverage: { today, lastCoveredYear, provisionalFrom, horizon }, warning: s.coverage.warning, years: s.years };
}

function yearDocument(year: number, inForce: Awaited<ReturnType<typeof readBusinessCalendar>>, history: Awaited<ReturnType<typeof readYearVersions>>) {
  const schedule = scheduleInForce(year, inForce.imported);
  const inYear = (dates: string[]) => dates.filter((d) => d.startsWith(`${String(year).padStart(4, '0')}-`)).sort();
  return {
    year,
    origin: schedule?.origin ?? 'none',
    source: schedule?.source ?? null,
    version: schedule?.origin === 'imported' ? schedule.version : null,
    importedBy: schedule?.origin === 'imported' ? schedule.importedBy : null,
    importedAt: schedule?.origin === 'imported' ? schedule.importedAt : null,
    holidays: schedule?.holidays ?? [],
    workdays: schedule?.workdays ?? [],
    overrides: { extraHolidays: inYear(inForce.settings.extraHolidays), extraWorkdays: inYear(inForce.settings.extraWorkdays) },
    history: history.map((h) => ({ version: h.version, source: h.source, importedBy: h.importedBy, importedAt: h.importedAt, holidays: h.holidays, workdays: h.workdays })),
  };
}
