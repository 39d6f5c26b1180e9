import { describe, expect, it } from 'vitest';
import { calendarCoverage } from '../../../domain/calendar/coverage.js';

const upTo = (last: number) => Array.from({ length: last - 2004 + 1 }, (_, i) => 2004 + i);
const package2026 = upTo(2026);

describe('calendar coverage and its warning', () => {
  it('31 October 2026, 2027 missing: no warning yet, the horizon stays inside 2026', () => {
    const c = calendarCoverage('2026-10-31', package2026);
    expect(c.warning).toBeNull();
    expect(c.lastCoveredYear).toBe(2026);
    expect(c.provisionalFrom).toBe('2027-01-01');
    expect(c.horizon).toEqual({ days: 60, until: '2026-12-29', provisionalDays: 0 });
  });

  it('1 November 2026, 2027 missing: the warning names 2027 (next year expected)', () => {
    const c = calendarCoverage('2026-11-01', package2026);
    expect(c.warning).toMatchObject({ missingYears: [2027], reasons: ['next_year_missing'], firstProvisionalDay: '2027-01-01' });
    expect(c.warning!.message).toContain('no official holiday schedule for 2027');
    expect(c.warning!.message).toContain('PUT /api/v1/calendar/years/2027');
  });

  it('3 November 2026: the 60-day horizon reaches 1 January 2027, both reasons hold', () => {
    expect(calendarCoverage('2026-11-02', package2026).horizon.provisionalDays).toBe(0); // until 2026-12-31
    const c = calendarCoverage('2026-11-03', package2026);
    expect(c.horizon).toEqual({ days: 60, until: '2027-01-01', provisionalDays: 1 });
    expect(c.warning).toMatchObject({ missingYears: [2027], reasons: ['next_year_missing', 'provisional_days_ahead'] });
  });

  it('1 December 2026 (the day of writing, chinese-days 1.5.7): 29 of the next 60 days are provisional', () => {
    const c = calendarCoverage('2026-12-01', package2026);
    expect(c.horizon).toEqual({ days: 60, until: '2027-01-29', provisionalDays: 29 });
    expect(c.warning?.missingYears).toEqual([2027]);
  });

  it('31 December 2026, 2027 imported: no warning', () => {
    const c = calendarCoverage('2026-12-31', [...package2026, 2027]);
    expect(c.warning).toBeNull();
    expect(c.lastCoveredYear).toBe(2027);
    expect(c.provisionalFrom).toBe('2028-01-01');
  });

  it('1 January 2027 without 2027: today itself is provisional', () => {
    const c = calendarCoverage('2027-01-01', package2026);
    expect(c.lastCoveredYear).toBe(2026);
    expect(c.provisionalFrom).toBe('2027-01-01');
    expect(c.horizon.provisionalDays).toBe(60);
    expect(c.warning).toMatchObject({ missingYears: [2027], reasons: ['provisional_days_ahead'], firstProvisionalDay: '2027-01-01' });
  });

  it('June 2027 without 2027: the horizon alone raises the warning (before 1 November)', () => {
    const c = calendarCoverage('2027-06-01', package2026);
    expect(c.warning).toMatchObject({ missingYears: [2027], reasons: ['provisional_days_ahead'] });
  });

  it('November 2027 without 2027 and 2028: both years are named, soonest first', () => {
    const c = calendarCoverage('2027-11-15', package2026);
    expect(c.warning).toMatchObject({ missingYears: [2027, 2028], reasons: ['next_year_missing', 'provisional_days_ahead'] });
    expect(c.warning!.message).toContain('2027 and 2028');
  });

  it('a gap ends the covered run: 2028 imported but 2027 missing', () => {
    const c = calendarCoverage('2026-12-01', [...package2026, 2028]);
    expect(c.lastCoveredYear).toBe(2026);
    expect(c.provisionalFrom).toBe('2027-01-01');
    expect(c.officialYears.at(-1)).toBe(2028);
    expect(c.warning?.missingYears).toEqual([2027]);
  });

  it('the horizon counts today: 60 days from 2 March (leap year 2028) end on 30 April', () => {
    const c = calendarCoverage('2028-03-02', [2027, 2028]);
    expect(c.horizon.until).toBe('2028-04-30');
    expect(c.warning).toBeNull();
  });
});
