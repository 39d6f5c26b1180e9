import { describe, expect, it } from 'vitest';
import { isoWeekOf, isPeriodKey, mondayOfIsoWeek, parseBound, previousPeriod, reportPeriod } from '../../../domain/reports/periods.js';

const sh = 'Asia/Shanghai';

describe('ISO weeks', () => {
  it.each([
    ['2025-09-29', '2025-W40'],
    ['2025-10-05', '2025-W40'],
    ['2025-10-06', '2025-W41'],
    ['2024-12-30', '2025-W01'], // Monday of the week holding 2 January 2025 (a Thursday)
    ['2021-01-03', '2020-W53'], // 2020 has 53 weeks
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-04', '2027-W01'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('finds the Monday of a week and refuses weeks that do not exist', () => {
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(() => mondayOfIsoWeek('2025-W53')).toThrow(/has no week 53/);
    expect(() => mondayOfIsoWeek('2025-40')).toThrow(/yyyy-Www/);
    expect(isPeriodKey('weekly', '2025-W00')).toBe(false);
    expect(isPeriodKey('monthly', '2025-13')).toBe(false);
    expect(isPeriodKey('monthly', '2025-10')).toBe(true);
  });
});

describe('periods in the institution’s time zone', () => {
  it('a month is local midnight to local midnight', () => {
    const p = reportPeriod('monthly', '2025-10', sh);
    expect(p.from.toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2025-10-31T16:00:00.000Z');
    const dec = reportPeriod('monthly', '2025-12', 'UTC');
    expect(dec.to.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('a week is Monday 00:00 to the next Monday 00:00', () => {
    const p = reportPeriod('weekly', '2025-W40', sh);
    expect(p.from.toISOString()).toBe('2025-09-28T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2025-10-05T16:00:00.000Z');
  });

  it('a month across a DST change keeps local midnights', () => {
    const p = reportPeriod('monthly', '2025-03', 'Europe/London');
    expect(p.from.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(p.to.toISOString()).toBe('2025-03-31T23:00:00.000Z'); // 1 April 00:00 BST
  });

  it('the previous full period is read from the local date of the instant', () => {
    // 1 November 06:00 in Shanghai is still 31 October in UTC: the report is October's either way.
    expect(previousPeriod('monthly', new Date('2025-10-31T22:00:00Z'), sh).key).toBe('2025-10');
    // 31 October 23:00 UTC is 1 November 07:00 in Shanghai.
    expect(previousPeriod('monthly', new Date('2025-10-31T23:00:00Z'), sh).key).toBe('2025-10');
    expect(previousPeriod('monthly', new Date('2025-10-31T15:00:00Z'), sh).key).toBe('2025-09');
    expect(previousPeriod('monthly', new Date('2026-01-01T00:00:00Z'), sh).key).toBe('2025-12');
    // Monday 6 October 2025 06:00 Shanghai → week 40.
    expect(previousPeriod('weekly', new Date('2025-10-05T22:00:00Z'), sh).key).toBe('2025-W40');
    expect(previousPeriod('weekly', new Date('2025-01-06T00:00:00+08:00'), sh).key).toBe('2025-W01');
  });
});

describe('query bounds', () => {
  it('a date is local midnight; an instant needs an offset', () => {
    expect(parseBound('2025-10-01', { timeZone: sh }).toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(parseBound('2025-10-01T08:00:00+08:00', { timeZone: sh }).toISOString()).toBe('2025-10-01T00:00:00.000Z');
    expect(parseBound('2025-10-01T00:00:00.5Z', { timeZone: sh }).toISOString()).toBe('2025-10-01T00:00:00.500Z');
    expect(() => parseBound('2025-10-01T08:00', { timeZone: sh })).toThrow(/offset/);
    expect(() => parseBound('2025-02-30', { timeZone: sh })).toThrow(RangeError);
    expect(() => parseBound('yesterday', { timeZone: sh })).toThrow(/neither a date/);
  });
});
