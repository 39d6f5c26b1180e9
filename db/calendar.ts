import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { BusinessCalendar, officialSchedule, packageCalendar, zonedWallTimeToInstant } from '../domain/calendar.js';
import { spanTouches, type ChangedDates } from '../domain/calendar/change.js';
import { addLocalDays } from '../domain/calendar/dates.js';
import type { YearImport } from '../domain/calendar/import-rules.js';
import type { HolidayPeriod, YearSchedule } from '../domain/calendar/schedule.js';
import type { CalendarSettings } from '../domain/policies.js';
import { appendAuditEvent } from './audit.js';
import { queryRows, type Database } from './client.js';
import { calendarYears, complaints, gateReviews } from './schema/index.js';
import type { Actor } from '../domain/actor.js';
import { readPolicies, type PolicyKind, type PolicyKinds, type Versioned } from './settings.js';

/**
 * The business calendar's stored parts: imported official schedules (versioned, append-only,
 * audited) beside the calendar settings and overrides (the 'calendar' policy, db/settings.ts),
 * the calendar the deadline activities count with, and the open processes a change may move.
 * docs/calendar.md.
 */

/** One imported version of a year's official schedule. */
export interface ImportedYear extends YearSchedule {
  year: number;
  version: number;
  source: string;
  importedBy: string;
  importedAt: string;
}

/** A year's schedule as it stands, whichever its origin; null when the year has no official data. */
export type ScheduleInForce =
  | (YearSchedule & { origin: 'imported'; source: string; version: number; importedBy: string; importedAt: string })
  | (YearSchedule & { origin: 'package'; source: string; holidays: (HolidayPeriod & { englishName?: string })[] })
  | null;

type Row = typeof calendarYears.$inferSelect;
const fromRow = (r: Row): ImportedYear => ({
  year: r.year,
  version: r.version,
  holidays: r.holidays,
  workdays: r.workdays,
  source: r.source,
  importedBy: r.importedBy,
  importedAt: r.importedAt.toISOString(),
});

/** The version in force of every imported year (the newest of each), by year. */
export async function readImportedYears(db: Database): Promise<ImportedYear[]> {
  const rows = await db
    .selectDistinctOn([calendarYears.year])
    .from(calendarYears)
    .orderBy(asc(calendarYears.year), desc(calendarYears.version));
  return rows.map(fromRow);
}

/** Every imported version of a year, newest first (the history). */
export async function readYearVersions(db: Database, year: number): Promise<ImportedYear[]> {
  const rows = await db.select().from(calendarYears).where(eq(calendarYears.year, year)).orderBy(desc(calendarYears.version));
  return rows.map(fromRow);
}

export function scheduleInForce(year: number, imported: readonly ImportedYear[]): ScheduleInForce {
  const mine = imported.find((y) => y.year === year);
  if (mine) return { origin: 'imported', source: mine.source, version: mine.version, importedBy: mine.importedBy, importedAt: mine.importedAt, holidays: mine.holidays, workdays: mine.workdays };
  const pkg = packageCalendar();
  const schedule = pkg.schedules.get(year);
  return schedule ? { origin: 'package', source: pkg.source, holidays: schedule.holidays, workdays: schedule.workdays } : null;
}

export interface CalendarInForce {
  calendar: BusinessCalendar;
  settings: CalendarSettings;
  settingsVersion: number;
  imported: ImportedYear[];
}

/**
 * The calendar deadlines are counted with now: the settings and overrides, and the package's
 * schedule with every imported year laid over it. Read from the database at each call (two small
 * reads, in parallel), so every worker process counts with an import the moment it commits.
 */
export async function readBusinessCalendar(db: Database): Promise<CalendarInForce> {
  const { policies: _none, ...inForce } = await readBusinessCalendarWith(db, []);
  return inForce;
}

/**
 * The calendar in force and, in the same two reads, the policies a caller needs with it (the
 * SLA policy for an intake's deadlines; the SLA and review policies to judge an answer's
 * deadlines provisional): the settings are a policy row, read in one statement with the others.
 */
export async function readBusinessCalendarWith<K extends Exclude<PolicyKind, 'calendar'>>(
  db: Database,
  kinds: readonly K[],
): Promise<CalendarInForce & { policies: { [P in K]: Versioned<PolicyKinds[P]> } }> {
  const [read, imported] = await Promise.all([readPolicies(db, ['calendar', ...kinds] as const), readImportedYears(db)]);
  const { calendar: calendarPolicy, ...policies } = read;
  const { value: settings, version: settingsVersion } = calendarPolicy;
  const calendar = new BusinessCalendar(settings, officialSchedule(new Map(imported.map((y) => [y.year, y]))));
  return { calendar, settings, settingsVersion, imported, policies: policies as unknown as { [P in K]: Versioned<PolicyKinds[P]> } };
}

/** Stored form of an import: trimmed text, periods by first day, make-up days in date order. */
function normalised(doc: YearImport): YearImport {
  return {
    source: doc.source.trim(),
    holidays: doc.holidays.map((p) => ({ name: p.name.trim(), from: p.from, to: p.to })).sort((a, b) => a.from.localeCompare(b.from)),
    workdays: [...doc.workdays].sort(),
  };
}

/** Same schedule and source (jsonb keeps no key order, so both sides are normalised first). */
const sameContent = (a: YearImport, b: YearImport) => {
  const key = (d: YearImport) => JSON.stringify(normalised(d));
  return key(a) === key(b);
};

/** Serialises imports of one year (its audit chain too): key space 'cal' + the year. */
const importLockSpace = 0x63616c;

export interface ImportOutcome {
  year: ImportedYear;
  /** The schedule in force before (for the change computation and the audit trail). */
  before: ScheduleInForce;
  /** false: the document was the version in force already; nothing was written. */
  created: boolean;
}

/**
 * Imports a year's official schedule (already validated: domain/calendar/import-rules.ts) as its
 * next version, with an audit event (before: the schedule in force, package or earlier import;
 * after: the new version) in the same transaction. A document identical to the version in force
 * writes nothing, so a retried request does not make a version of its own.
 */
export async function importYear(db: Database, year: number, doc: YearImport, actor: Pick<Actor, 'userId' | 'roles'>): Promise<ImportOutcome> {
  const stored = normalised(doc);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${importLockSpace}, ${year})`);
    const [current] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year)).orderBy(desc(calendarYears.version)).limit(1);
    const currentYear = current ? fromRow(current) : undefined;
    const before = scheduleInForce(year, currentYear ? [currentYear] : []);
    if (currentYear && sameContent(currentYear, stored)) return { year: currentYear, before, created: false };

    const version = (currentYear?.version ?? 0) + 1;
    const [row] = await tx
      .insert(calendarYears)
      .values({ year, version, holidays: stored.holidays, workdays: stored.workdays, source: stored.source, importedBy: actor.userId })
      .returning();
    const imported = fromRow(row!);
    await appendAuditEvent(tx, {
      entityType: 'calendar',
      entityId: `year-${year}`,
      sourceKey: `calendar-year:${year}:v${version}`,
      actor: actor.userId,
      roles: actor.roles,
      action: 'calendar.year_imported',
      at: imported.importedAt,
      before,
      after: { origin: 'imported', year, version, source: imported.source, holidays: imported.holidays, workdays: imported.workdays },
      reason: null,
    });
    return { year: imported, before, created: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Open processes a calendar change may move
// ---------------------------------------------------------------------------------------------

/** A running complaint clock as the projection last recorded it. */
export interface OpenClock {
  clock: string;
  state: 'pending' | 'at_risk' | 'paused';
  /** The clock's deadline as recorded (for a paused clock, as at the pause: the real one is later). */
  deadline: string;
}

export interface AffectedComplaint {
  id: string;
  workflowId: string;
  receivedAt: string;
  clocks: OpenClock[];
}

export interface AffectedReview {
  initiativeId: string;
  /** The initiative workflow (docs/conventions.md: `initiative-<id>`). */
  workflowId: string;
  reviewId: string;
  openedAt: string;
  deadline: string;
}

export interface AffectedProcesses {
  complaints: AffectedComplaint[];
  reviews: AffectedReview[];
}


/**
 * Open complaints with a running clock (pending, at risk or paused), and open gate reviews, whose
 * counted days touch a changed date: the start's local day (receipt for a complaint: no clock of
 * it starts earlier; the review's opening) up to the deadline's local day. A superset of what the
 * change moves (an elapsed-time clock is listed too; the `recomputeDeadlines` activity computes
 * the truth), never a subset. Met, breached, closed, escalated and decided ones are not listed:
 * a clock already met or breached is not touched.
 */
export async function processesAffectedBy(db: Database, changed: ChangedDates, calendar: BusinessCalendar): Promise<AffectedProcesses> {
  if (!changed.all && changed.dates.length === 0) return { complaints: [], reviews: [] };
  const zone = calendar.settings.timeZone;
  // Bounds in instants, to let the indexes narrow: a deadline on or after the first changed day,
  // a start before the end of the last one. The exact test per clock follows below.
  let deadlineFrom: string | undefined;
  let startBefore: string | undefined;
  if (!changed.all) {
    const dates = [...changed.dates].sort();
    deadlineFrom = zonedWallTimeToInstant(zone, dates[0]!, '00:00').toISOString();
    startBefore = zonedWallTimeToInstant(zone, addLocalDays(dates.at(-1)!, 1), '00:00').toISOString();
  }

  const clockRows = await queryRows<{ id: string; workflowId: string; receivedAt: string | Date; clock: string; state: OpenClock['state']; deadline: string }>(
    db,
    sql`
    select c.id, c.workflow_id as "workflowId", c.received_at as "receivedAt", clk.key as clock, clk.value->>'state' as state, clk.value->>'deadline' as deadline
    from ${complaints} c, jsonb_each(c.view->'clocks') clk
    where c.status <> 'closed'
      and clk.value->>'state' in ('pending', 'at_risk', 'paused')
      ${startBefore ? sql`and c.received_at < ${startBefore}` : sql``}
      ${deadlineFrom ? sql`and (clk.value->>'state' = 'paused' or (clk.value->>'deadline')::timestamptz >= ${deadlineFrom})` : sql``}
    order by c.received_at, c.id, clk.key`,
  );
  const byComplaint = new Map<string, AffectedComplaint>();
  for (const r of clockRows) {
    const receivedAt = new Date(r.receivedAt).toISOString();
    const deadlineDay = r.state === 'paused' ? '9999-12-31' : calendar.localDateOf(new Date(r.deadline));
    if (!spanTouches(changed, calendar.localDateOf(new Date(receivedAt)), deadlineDay)) continue;
    let entry = byComplaint.get(r.id);
    if (!entry) byComplaint.set(r.id, (entry = { id: r.id, workflowId: r.workflowId, receivedAt, clocks: [] }));
    entry.clocks.push({ clock: r.clock, state: r.state, deadline: new Date(r.deadline).toISOString() });
  }

  const reviewConditions: SQL[] = [eq(gateReviews.status, 'open')];
  if (deadlineFrom) reviewConditions.push(gte(gateReviews.deadline, new Date(deadlineFrom)));
  if (startBefore) reviewConditions.push(lt(gateReviews.openedAt, new Date(startBefore)));
  const reviewRows = await db
    .select({ id: gateReviews.id, initiativeId: gateReviews.initiativeId, openedAt: gateReviews.openedAt, deadline: gateReviews.deadline })
    .from(gateReviews)
    .where(and(...reviewConditions))
    .orderBy(asc(gateReviews.openedAt), asc(gateReviews.id));
  const reviews = reviewRows
    .filter((r) => spanTouches(changed, calendar.localDateOf(r.openedAt), calendar.localDateOf(r.deadline)))
    .map((r) => ({ initiativeId: r.initiativeId, workflowId: `initiative-${r.initiativeId}`, reviewId: r.id, openedAt: r.openedAt.toISOString(), deadline: r.deadline.toISOString() }));
  return { complaints: [...byComplaint.values()], reviews };
}
