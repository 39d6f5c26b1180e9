import { describe, expect, it } from 'vitest';
import { BusinessCalendar, officialSchedule } from '../../../domain/calendar.js';
import { changedDates, changeIdOf, datesOfYear, spanTouches } from '../../../domain/calendar/change.js';
import { defaultCalendarSettings } from '../../../domain/policies.js';

describe('what a calendar change moves', () => {
  it('an import of 2027 changes exactly its holidays on weekdays and its make-up weekends', () => {
    const before = new BusinessCalendar(defaultCalendarSettings);
    const after = new BusinessCalendar(
      defaultCalendarSettings,
      officialSchedule(new Map([[2027, { holidays: [{ name: '春节', from: '2027-02-06', to: '2027-02-12' }], workdays: ['2027-01-31'] }]])),
    );
    const dates = changedDates(datesOfYear(2027), (d) => before.isWorkingDay(d), (d) => after.isWorkingDay(d));
    // Sat 6 and Sun 7 were already off; Mon 8 – Fri 12 become holidays; Sun 31 Jan becomes a working day.
    expect(dates).toEqual(['2027-01-31', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12']);
  });

  it('overrides mask an import: a date the institution already fixed does not change', () => {
    const settings = { ...defaultCalendarSettings, extraHolidays: ['2027-02-08'] };
    const before = new BusinessCalendar(settings);
    const after = new BusinessCalendar(settings, officialSchedule(new Map([[2027, { holidays: [{ name: '春节', from: '2027-02-08', to: '2027-02-09' }], workdays: [] }]])));
    expect(changedDates(datesOfYear(2027), (d) => before.isWorkingDay(d), (d) => after.isWorkingDay(d))).toEqual(['2027-02-09']);
  });

  it('a clock is touched when a changed day lies between its start day and its deadline day', () => {
    const changed = { all: false as const, dates: ['2027-02-08'] };
    expect(spanTouches(changed, '2027-02-01', '2027-02-10')).toBe(true);
    expect(spanTouches(changed, '2027-02-08', '2027-02-08')).toBe(true);
    expect(spanTouches(changed, '2027-02-09', '2027-02-20')).toBe(false);
    expect(spanTouches(changed, '2027-01-20', '2027-02-05')).toBe(false); // counting stopped before
    expect(spanTouches({ all: true }, '2027-01-20', '2027-02-05')).toBe(true);
  });

  it('ids are stable per change', () => {
    expect(changeIdOf({ kind: 'year_imported', year: 2027, version: 2 })).toBe('calendar-year:2027:v2');
    expect(changeIdOf({ kind: 'settings_changed', version: 5 })).toBe('calendar-settings:v5');
    expect(datesOfYear(2028)).toHaveLength(366);
  });
});
