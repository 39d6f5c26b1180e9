import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, officialSchedule, packageCalendar } from '../../../domain/calendar.js';
import { datesBetween } from '../../../domain/calendar/dates.js';
import { defaultCalendarSettings } from '../../../domain/policies.js';

describe('the official schedule published in chinese-days', () => {
  it('reads its years from the package’s data, not from a list of ours', () => {
    const pkg = packageCalendar();
    expect(pkg.source).toMatch(/^chinese-days \d+\.\d+\.\d+$/);
    expect(pkg.years).toEqual(pkg.official.years);
    expect(pkg.years[0]).toBe(2004);
  });

  it('agrees with the package’s own functions on every day of every year it covers', () => {
    const { official, years } = packageCalendar();
    const disagreements: string[] = [];
    for (const day of datesBetween(`${years[0]}-01-01`, `${years.at(-1)}-12-31`)) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      // Noon in the process's zone: the package reads dates back with local getters.
      const detail = chineseDays.getDayDetail(new Date(y, m - 1, d, 12));
      if (detail.date !== day || detail.work !== official.isWorkday(day)) disagreements.push(day);
    }
    expect(disagreements).toEqual([]);
  });

  it('groups consecutive days under one name into periods: 2026 as published', () => {
    const y2026 = packageCalendar().schedules.get(2026)!;
    expect(y2026.holidays.map((p) => `${p.name} ${p.from}..${p.to}`)).toEqual([
      '元旦 2026-01-01..2026-01-03',
      '春节 2026-02-15..2026-02-23',
      '清明 2026-04-04..2026-04-06',
      '劳动节 2026-05-01..2026-05-05',
      '端午 2026-06-19..2026-06-21',
      '中秋 2026-09-25..2026-09-27',
      '国庆节 2026-10-01..2026-10-07',
    ]);
    expect(y2026.holidays[1]!.englishName).toBe('Spring Festival');
    expect(y2026.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('an imported year wins over the package’s for that year, and fills a year it lacks', () => {
    const schedule = officialSchedule(
      new Map([
        [2026, { holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-01' }], workdays: [] }],
        [2027, { holidays: [{ name: '春节', from: '2027-02-08', to: '2027-02-10' }], workdays: ['2027-02-20'] }],
      ]),
    );
    const calendar = new BusinessCalendar(defaultCalendarSettings, schedule);
    expect(calendar.isWorkingDay('2026-10-05')).toBe(true); // Monday: the import has no National Day
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-20')).toBe(true); // Saturday, make-up
    expect(calendar.hasOfficialData('2027-06-01')).toBe(true);
    expect(calendar.hasOfficialData('2028-06-01')).toBe(false);
    // The package alone is untouched.
    expect(new BusinessCalendar(defaultCalendarSettings).isWorkingDay('2026-10-05')).toBe(false);
  });

  it('overrides still apply on top of an imported year', () => {
    const schedule = officialSchedule(new Map([[2027, { holidays: [{ name: '春节', from: '2027-02-08', to: '2027-02-10' }], workdays: [] }]]));
    const calendar = new BusinessCalendar({ ...defaultCalendarSettings, extraWorkdays: ['2027-02-09'], extraHolidays: ['2027-03-01'] }, schedule);
    expect(calendar.isWorkingDay('2027-02-09')).toBe(true);
    expect(calendar.isWorkingDay('2027-03-01')).toBe(false);
  });
});
