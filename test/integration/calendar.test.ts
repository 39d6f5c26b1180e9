import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarActivities } from '../../activities/calendar.js';
import { deadlineActivities } from '../../activities/deadlines.js';
import { processesAffectedBy, readBusinessCalendar } from '../../db/calendar.js';
import { BusinessCalendar, packageCalendar } from '../../domain/calendar.js';
import type { CalendarChange } from '../../domain/calendar/change.js';
import { addLocalDays, isWeekend } from '../../domain/calendar/dates.js';
import { defaultCalendarSettings } from '../../domain/policies.js';
import type { AffectedProcesses } from '../../db/calendar.js';
import { intake } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * The business calendar through the HTTP API on the real stack: coverage and its warning (with the
 * API's clock fixed at 1 December 2026, 10:00 in Shanghai, the package as it is), imports that are
 * validated, versioned and audited, and the warning clearing everywhere it shows (GET /calendar,
 * /readyz, the admin's inbox, the gauges). The deadline activities count with an import at once.
 */
const december = new Date('2026-12-01T02:00:00Z');
const lastPackageYear = packageCalendar().years.at(-1)!;
const changes: { change: CalendarChange; affected: AffectedProcesses }[] = [];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ now: () => december, onCalendarChange: async (change, affected) => void changes.push({ change, affected }) });
});
afterAll(async () => stack?.stop());

/** A synthetic 2027 notice (not the real one: the tests need dates of their own choosing). */
const notice2027 = {
  source: 'synthetic 2027 notice for the tests',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-14' },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
  ],
  workdays: ['2027-02-20', '2027-09-26'], // Saturday, Sunday
};
const admin = () => stack.as(people.admin);
const metric = async (name: string) => {
  const text = String((await stack.anonymous.get('/metrics')).body);
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
};

describe('with the package as it is (up to 2026) on 1 December 2026', () => {
  it('the package ends in 2026 (chinese-days 1.5.7): the situation these tests are about', () => {
    expect(lastPackageYear).toBe(2026);
  });

  it('GET /calendar names 2027 as missing, with the coverage, the years and the overrides', async () => {
    const res = await stack.as(people.agent).get('/api/v1/calendar');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      timeZone: 'Asia/Shanghai',
      endOfBusinessDay: '18:00',
      extraHolidays: [],
      extraWorkdays: [],
      coverage: { today: '2026-12-01', lastCoveredYear: 2026, provisionalFrom: '2027-01-01', horizon: { days: 60, until: '2027-01-29', provisionalDays: 29 } },
      warning: { missingYears: [2027], reasons: ['next_year_missing', 'provisional_days_ahead'], firstProvisionalDay: '2027-01-01' },
    });
    expect(res.body.warning.message).toContain('no official holiday schedule for 2027');
    expect(res.body.years[0]).toEqual({ year: 2004, origin: 'package', source: packageCalendar().source });
    expect(res.body.years.at(-1)).toMatchObject({ year: 2026, origin: 'package' });
  });

  it('/readyz stays ready and names the warning', async () => {
    const ready = await stack.anonymous.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.warnings).toEqual([{ check: 'calendar', missingYears: [2027], detail: expect.stringContaining('2027') }]);
  });

  it('every admin has the inbox task to import 2027, nobody else', async () => {
    for (const who of [people.admin, { ...people.admin, userId: 'ada2', name: 'Another admin' }]) {
      const tasks = (await stack.as(who).get('/api/v1/tasks')).body.items;
      expect(tasks).toContainEqual({
        kind: 'calendar.import',
        entityType: 'calendar',
        entityId: '2027',
        title: 'Import the official holiday schedule for 2027',
        deadline: '2026-12-31T16:00:00.000Z', // 1 January 2027, 00:00 in Shanghai
        deadlineState: 'at_risk',
        link: '/api/v1/calendar/years/2027',
      });
    }
    for (const who of [people.supervisor, people.auditor, people.agent]) {
      expect((await stack.as(who).get('/api/v1/tasks')).body.items.filter((t: { kind: string }) => t.kind === 'calendar.import'), who.userId).toEqual([]);
    }
  });

  it('the gauges show 2026 as the last covered year and the warning', async () => {
    expect(await metric('cxgov_calendar_last_covered_year')).toBe(2026);
    expect(await metric('cxgov_calendar_warning')).toBe(1);
    expect(await metric('cxgov_calendar_provisional_days_ahead')).toBe(29);
  });

  it('GET /calendar/years/2027: no official schedule yet', async () => {
    const res = await stack.as(people.owner).get('/api/v1/calendar/years/2027');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2027, origin: 'none', source: null, version: null, importedBy: null, importedAt: null, holidays: [], workdays: [], overrides: { extraHolidays: [], extraWorkdays: [] }, history: [] });
    const y2026 = (await stack.as(people.owner).get('/api/v1/calendar/years/2026')).body;
    expect(y2026).toMatchObject({ origin: 'package', source: packageCalendar().source, version: null });
    expect(y2026.holidays[1]).toEqual({ name: '春节', englishName: 'Spring Festival', from: '2026-02-15', to: '2026-02-23' });
  });
});

describe('importing a year', () => {
  it('refuses each broken entry with a 400 naming it, and stores nothing', async () => {
    const bad = async (doc: object, path: string, message: string | RegExp) => {
      const res = await admin().put('/api/v1/calendar/years/2027', { ...notice2027, ...doc });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(res.body.errors.find((e: { path: string }) => e.path === path).message).toMatch(message);
      expect(res.body.detail).toContain(path);
    };
    const [newYear, spring, national] = notice2027.holidays;
    await bad({ holidays: [newYear, spring, { ...national!, to: '2027-09-30' }] }, 'body.holidays.2.to', 'the last day 2027-09-30 is before the first day 2027-10-01');
    await bad({ holidays: [{ ...newYear!, from: '2026-12-31' }, spring, national] }, 'body.holidays.0.from', 'outside 2027');
    await bad({ holidays: [newYear, spring, { ...national!, name: '  ' }] }, 'body.holidays.2.name', 'must not be empty');
    await bad({ holidays: [newYear, spring, national, { name: '春节调整', from: '2027-02-14', to: '2027-02-15' }] }, 'body.holidays.3', 'overlaps holidays 1 "春节"');
    await bad({ workdays: ['2027-02-17'] }, 'body.workdays.0', 'is a Wednesday: a make-up working day must be a Saturday or Sunday');
    await bad({ workdays: ['2027-02-13'] }, 'body.workdays.0', 'both a make-up working day and a holiday');
    await bad({ workdays: ['2028-01-08'] }, 'body.workdays.0', 'outside 2027');
    await bad({ workdays: ['2027-02-20', '2027-02-20'] }, 'body.workdays.1', 'listed twice');
    await bad({ source: '' }, 'body.source', 'must not be empty');
    await bad({ holidays: [] }, 'body.holidays', 'at least one holiday');
    // The shape first (schema): a date that does not exist, an unknown field.
    await bad({ workdays: ['2027-02-29'] }, 'body.workdays.0', 'real calendar date');
    await bad({ note: 'x' }, 'body.note', 'unknown field');
    const year = await admin().put('/api/v1/calendar/years/1999', notice2027);
    expect(year.status).toBe(400);
    expect(year.body.errors).toEqual([{ path: 'params.year', message: 'the year must be between 2000 and 2199' }]);
    expect((await admin().put('/api/v1/calendar/years/twenty', notice2027)).status).toBe(400);

    expect(await stack.query('select * from calendar_years')).toEqual([]);
    expect(await stack.query("select * from audit_events where entity_type = 'calendar'")).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('only an admin imports', async () => {
    for (const who of [people.supervisor, people.auditor, people.agent, people.owner]) {
      expect((await stack.as(who).put('/api/v1/calendar/years/2027', notice2027)).status, who.userId).toBe(403);
    }
  });

  it('an import is version 1, audited with before and after, and the warning clears everywhere', async () => {
    const res = await admin().put('/api/v1/calendar/years/2027', notice2027);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ year: 2027, origin: 'imported', source: notice2027.source, version: 1, importedBy: 'ada', holidays: notice2027.holidays, workdays: notice2027.workdays });
    expect(res.body.history).toHaveLength(1);

    const [event] = await stack.query("select actor, action, before, after, reason from audit_events where entity_type = 'calendar' and entity_id = 'year-2027'");
    expect(event).toEqual({ actor: 'ada', action: 'calendar.year_imported', before: null, after: { origin: 'imported', year: 2027, version: 1, ...notice2027 }, reason: null });
    const verify = await stack.as(people.auditor).get('/api/v1/audit/verify?entityType=calendar&entityId=year-2027');
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, checked: 1 });

    const calendar = (await stack.as(people.agent).get('/api/v1/calendar')).body;
    expect(calendar.warning).toBeNull();
    expect(calendar.coverage).toMatchObject({ lastCoveredYear: 2027, provisionalFrom: '2028-01-01', horizon: { provisionalDays: 0 } });
    expect(calendar.years.at(-1)).toMatchObject({ year: 2027, origin: 'imported', version: 1, source: notice2027.source, importedBy: 'ada' });

    const ready = await stack.anonymous.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up' } });
    expect((await admin().get('/api/v1/tasks')).body.items.filter((t: { kind: string }) => t.kind === 'calendar.import')).toEqual([]);
    // The gauges are cached for a few seconds at most.
    await eventually(async () => (await metric('cxgov_calendar_last_covered_year')) === 2027, 'the gauge to show 2027');
    expect(await metric('cxgov_calendar_warning')).toBe(0);

    // The change was announced: the dates it turned (Mon–Fri holidays, make-up weekends).
    const announced = changes.at(-1)!.change;
    expect(announced).toMatchObject({ changeId: 'calendar-year:2027:v1', cause: { kind: 'year_imported', year: 2027, version: 1 }, actor: { userId: 'ada' } });
    expect(announced.changed.all).toBe(false);
    const dates = (announced.changed as { dates: string[] }).dates;
    expect(dates).toContain('2027-01-01'); // Friday
    expect(dates).toContain('2027-02-08'); // Monday of the Spring Festival
    expect(dates).toContain('2027-02-20'); // make-up Saturday
    expect(dates).not.toContain('2027-02-06'); // a Saturday off either way
    expect(dates).not.toContain('2027-03-01');
  });

  it('the deadline activities count with the import at once (every worker reads it from the database)', async () => {
    // Received Friday 5 February 2027, 10:00: 7 working days. Spring Festival off 6–14 Feb, then
    // Mon 15 (1) … Fri 19 (5), Sat 20 make-up (6), Mon 22 (7).
    const [deadline] = await deadlineActivities(stack.database.db).computeDeadlines([{ from: '2027-02-05T02:00:00Z', duration: { amount: 7, unit: 'business_day' } }]);
    expect(deadline).toBe('2027-02-22T10:00:00.000Z');
    // The package alone would have counted Monday–Friday: 8 … 12, 15, 16 → Tuesday 16 February.
    expect(new BusinessCalendar(defaultCalendarSettings).deadlineFor(new Date('2027-02-05T02:00:00Z'), { amount: 7, unit: 'business_day' }).toISOString()).toBe('2027-02-16T10:00:00.000Z');
  });

  it('a new import is the next version; the history keeps both; the same document again changes nothing', async () => {
    const moved = { ...notice2027, source: 'synthetic 2027 notice, corrected', holidays: [notice2027.holidays[0]!, { name: '春节', from: '2027-02-05', to: '2027-02-13' }, notice2027.holidays[2]!] };
    const res = await admin().put('/api/v1/calendar/years/2027', moved);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 2, source: moved.source });
    expect(res.body.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(res.body.history[1]).toMatchObject({ version: 1, source: notice2027.source, holidays: notice2027.holidays });

    const events = await stack.query("select seq, before, after from audit_events where entity_type = 'calendar' and entity_id = 'year-2027' order by seq");
    expect(events).toHaveLength(2);
    expect(events[1].before).toMatchObject({ origin: 'imported', version: 1, source: notice2027.source, holidays: notice2027.holidays });
    expect(events[1].after).toMatchObject({ version: 2, source: moved.source });
    expect(changes.at(-1)!.change.changeId).toBe('calendar-year:2027:v2');
    // Only what moved between the versions: Fri 5 Feb now off, Mon 8 … Fri 12 off either way, Sun 14 — a Sunday.
    expect((changes.at(-1)!.change.changed as { dates: string[] }).dates).toEqual(['2027-02-05']);

    const again = await admin().put('/api/v1/calendar/years/2027', moved);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
    expect(await stack.query("select count(*)::int as n from audit_events where entity_type = 'calendar' and entity_id = 'year-2027'")).toEqual([{ n: 2 }]);
    expect(await stack.query('select count(*)::int as n from calendar_years')).toEqual([{ n: 2 }]);
    expect(changes.at(-1)!.change.changeId).toBe('calendar-year:2027:v2');
  });

  it('the stored history cannot be changed or removed, whoever asks', async () => {
    await expect(stack.query("update calendar_years set source = 'forged'")).rejects.toThrow(/append-only/);
    await expect(stack.query('delete from calendar_years')).rejects.toThrow(/append-only/);
  });

  it('an imported year wins over the package’s for that year; the overrides still apply on top', async () => {
    // 2026 without National Day: Monday 5 October 2026 becomes a working day.
    const res = await admin().put('/api/v1/calendar/years/2026', { source: 'synthetic 2026 correction', holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-03' }], workdays: [] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ origin: 'imported', version: 1 });
    const [event] = await stack.query("select before from audit_events where entity_type = 'calendar' and entity_id = 'year-2026'");
    expect(event.before).toMatchObject({ origin: 'package', source: packageCalendar().source });
    expect(event.before.holidays).toHaveLength(7);
    const { calendar } = await readBusinessCalendar(stack.database.db);
    expect(calendar.isWorkingDay('2026-10-05')).toBe(true);

    const settings = { ...defaultCalendarSettings, extraHolidays: ['2026-10-05'], extraWorkdays: [] };
    const put = await admin().put('/api/v1/calendar', settings);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ ...settings, warning: null });
    expect((await readBusinessCalendar(stack.database.db)).calendar.isWorkingDay('2026-10-05')).toBe(false);
    expect((await admin().get('/api/v1/calendar/years/2026')).body.overrides).toEqual({ extraHolidays: ['2026-10-05'], extraWorkdays: [] });
    expect(changes.at(-1)!.change).toMatchObject({ cause: { kind: 'settings_changed' }, changed: { all: false, dates: ['2026-10-05'] } });
    expect((await admin().put('/api/v1/calendar', defaultCalendarSettings)).status).toBe(200);
  });
});

describe('open processes a calendar change may move', () => {
  it('lists the open complaint clocks and open reviews whose counted days touch a changed date, and only those', async () => {
    await gates(stack).roster();
    const complaint = await intake(stack); // general: resolution in 7 working days, first response in 24 h
    const owner = gates(stack);
    const initiative = await owner.create();
    expect((await owner.submit(initiative, 'research')).status).toBe(201); // review deadline: 5 working days
    const { calendar } = await readBusinessCalendar(stack.database.db);
    const receiptDay = calendar.localDateOf(new Date(complaint.receivedAt));
    const resolutionDay = calendar.localDateOf(new Date(complaint.clocks.resolution.deadline));

    // The first weekday after receipt lies inside both windows (5 and 7 working days).
    let inside = addLocalDays(receiptDay, 1);
    while (isWeekend(inside)) inside = addLocalDays(inside, 1);
    expect(inside < resolutionDay).toBe(true);
    const touched = await processesAffectedBy(stack.database.db, { all: false, dates: [inside] }, calendar);
    const mine = touched.complaints.find((c) => c.id === complaint.id);
    expect(mine).toMatchObject({ id: complaint.id, workflowId: `complaint-${complaint.id}`, receivedAt: new Date(complaint.receivedAt).toISOString() });
    expect(mine!.clocks.map((c) => c.clock)).toContain('resolution');
    expect(touched.reviews.some((r) => r.initiativeId === initiative && r.workflowId === `initiative-${initiative}`)).toBe(true);

    const later = addLocalDays(resolutionDay, 40);
    const untouched = await processesAffectedBy(stack.database.db, { all: false, dates: [later] }, calendar);
    expect(untouched.complaints.find((c) => c.id === complaint.id)).toBeUndefined();
    expect(untouched.reviews.find((r) => r.initiativeId === initiative)).toBeUndefined();
    const before = await processesAffectedBy(stack.database.db, { all: false, dates: [addLocalDays(receiptDay, -3)] }, calendar);
    expect(before.complaints.find((c) => c.id === complaint.id)).toBeUndefined();

    const everything = await processesAffectedBy(stack.database.db, { all: true }, calendar);
    expect(everything.complaints.find((c) => c.id === complaint.id)?.clocks.map((c) => c.clock).sort()).toEqual(['firstResponse', 'resolution']);

    // The same through the API: an override on that day is announced with the complaint in it.
    const put = await admin().put('/api/v1/calendar', { ...defaultCalendarSettings, extraHolidays: [inside] });
    expect(put.status).toBe(200);
    const announced = changes.at(-1)!;
    expect(announced.change.changed).toEqual({ all: false, dates: [inside] });
    expect(announced.affected.complaints.map((c) => c.id)).toContain(complaint.id);
    expect((await admin().put('/api/v1/calendar', defaultCalendarSettings)).status).toBe(200);
  });

  it('recomputeDeadlines: the deadlines running clocks have under the calendar now, and whether they are still provisional', async () => {
    const { recomputeDeadlines } = calendarActivities(stack.database.db);
    const result = await recomputeDeadlines([
      // counted with Monday–Friday before 2027 was imported: Tue 16 Feb; now Mon 22 Feb (v2 moved Spring Festival to 5–13 Feb)
      { key: 'resolution', from: '2027-02-04T02:00:00Z', duration: { amount: 7, unit: 'business_day' }, current: '2027-02-15T10:00:00.000Z' },
      { key: 'firstResponse', from: '2027-02-04T02:00:00Z', duration: { amount: 24, unit: 'hour' }, current: '2027-02-05T02:00:00.000Z' },
      { key: 'far', from: '2027-12-28T02:00:00Z', duration: { amount: 5, unit: 'business_day' }, current: '2028-01-04T10:00:00.000Z' },
    ]);
    // Thu 4 Feb: Fri 5 – Sat 13 off; Mon 15 (1) … Fri 19 (5), Sat 20 make-up (6), Mon 22 (7).
    expect(result.clocks).toEqual([
      { key: 'resolution', previous: '2027-02-15T10:00:00.000Z', deadline: '2027-02-22T10:00:00.000Z', moved: true, provisional: false },
      { key: 'firstResponse', previous: '2027-02-05T02:00:00.000Z', deadline: '2027-02-05T02:00:00.000Z', moved: false, provisional: false },
      { key: 'far', previous: '2028-01-04T10:00:00.000Z', deadline: '2028-01-04T10:00:00.000Z', moved: false, provisional: true },
    ]);
    expect(result.calendar.importedYears).toEqual([
      { year: 2026, version: 1 },
      { year: 2027, version: 2 },
    ]);
  });
});

describe('today, with the real clock and the package as it is', () => {
  it('names the year after the package’s last as missing once its November has come', async () => {
    const real = await startStack({ withoutWorker: true });
    try {
      const res = await real.as(people.admin).get('/api/v1/calendar');
      expect(res.status).toBe(200);
      // Written on 1 December 2026 with chinese-days 1.5.7 (up to 2026): the warning must be on.
      expect(res.body.coverage.today >= `${lastPackageYear}-11-01`).toBe(true);
      expect(res.body.warning.missingYears).toContain(lastPackageYear + 1);
      expect((await real.anonymous.get('/readyz')).body.warnings[0].missingYears).toContain(lastPackageYear + 1);
      expect((await real.as(people.admin).get('/api/v1/tasks')).body.items.map((t: { entityId: string; kind: string }) => `${t.kind}:${t.entityId}`)).toContain(`calendar.import:${lastPackageYear + 1}`);
    } finally {
      await real.stop();
    }
  });
});
