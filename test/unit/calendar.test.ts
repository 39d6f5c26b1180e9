import { describe, it, expect } from 'vitest';
import {
  BUSINESS_DAY_START,
  BusinessCalendar,
  addLocalDays,
  packageCalendar,
  deadlineFor,
  parseLocalDate,
  zonedWallTimeToInstant,
} from '../../domain/calendar.js';
import { defaultCalendarSettings, type CalendarSettings } from '../../domain/policies.js';
import type { Duration } from '../../domain/duration.js';

// Asia/Shanghai is UTC+8 all year, so 18:00 local is 10:00Z and 10:00 local is 02:00Z.
const shanghai = new BusinessCalendar(defaultCalendarSettings);
const calendarWith = (overrides: Partial<CalendarSettings>) =>
  new BusinessCalendar({ ...defaultCalendarSettings, ...overrides });
const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);
const HOUR = 3_600_000;

/** Working-day flags for consecutive local dates starting at `first`. */
function workingDaysFrom(calendar: BusinessCalendar, first: string, count: number): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  for (let i = 0; i < count; i++) {
    const day = addLocalDays(first, i);
    result[day] = calendar.isWorkingDay(day);
  }
  return result;
}

describe('public holiday data (chinese-days)', () => {
  it('covers 2004 up to at least 2026, every year in between', () => {
    const { years } = packageCalendar();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
  });

  it('Spring Festival 2025: off Tue Jan 28 – Tue Feb 4, make-up Sun Jan 26 and Sat Feb 8', () => {
    expect(workingDaysFrom(shanghai, '2025-01-25', 16)).toEqual({
      '2025-01-25': false, // Sat
      '2025-01-26': true, // Sun, make-up
      '2025-01-27': true,
      '2025-01-28': false, // eve
      '2025-01-29': false,
      '2025-01-30': false,
      '2025-01-31': false,
      '2025-02-01': false,
      '2025-02-02': false,
      '2025-02-03': false,
      '2025-02-04': false,
      '2025-02-05': true,
      '2025-02-06': true,
      '2025-02-07': true,
      '2025-02-08': true, // Sat, make-up
      '2025-02-09': false, // Sun
    });
  });

  it('Spring Festival 2026: off Sun Feb 15 – Mon Feb 23, make-up Sat Feb 14 and Sat Feb 28', () => {
    expect(workingDaysFrom(shanghai, '2026-02-13', 17)).toEqual({
      '2026-02-13': true,
      '2026-02-14': true, // Sat, make-up
      '2026-02-15': false,
      '2026-02-16': false,
      '2026-02-17': false, // New Year's Day of the lunar calendar
      '2026-02-18': false,
      '2026-02-19': false,
      '2026-02-20': false,
      '2026-02-21': false,
      '2026-02-22': false,
      '2026-02-23': false, // Mon
      '2026-02-24': true,
      '2026-02-25': true,
      '2026-02-26': true,
      '2026-02-27': true,
      '2026-02-28': true, // Sat, make-up
      '2026-03-01': false, // Sun
    });
  });

  it('National Day 2025: off Wed Oct 1 – Wed Oct 8, make-up Sun Sep 28 and Sat Oct 11', () => {
    expect(workingDaysFrom(shanghai, '2025-09-27', 16)).toEqual({
      '2025-09-27': false, // Sat
      '2025-09-28': true, // Sun, make-up
      '2025-09-29': true,
      '2025-09-30': true,
      '2025-10-01': false,
      '2025-10-02': false,
      '2025-10-03': false,
      '2025-10-04': false,
      '2025-10-05': false,
      '2025-10-06': false, // Mid-autumn, merged
      '2025-10-07': false,
      '2025-10-08': false,
      '2025-10-09': true,
      '2025-10-10': true,
      '2025-10-11': true, // Sat, make-up
      '2025-10-12': false, // Sun
    });
  });

  it('National Day 2026: off Thu Oct 1 – Wed Oct 7, make-up Sun Sep 20 and Sat Oct 10; Mid-autumn Sep 25–27', () => {
    expect(workingDaysFrom(shanghai, '2026-09-19', 24)).toEqual({
      '2026-09-19': false, // Sat
      '2026-09-20': true, // Sun, make-up
      '2026-09-21': true,
      '2026-09-22': true,
      '2026-09-23': true,
      '2026-09-24': true,
      '2026-09-25': false, // Mid-autumn (Fri)
      '2026-09-26': false,
      '2026-09-27': false,
      '2026-09-28': true,
      '2026-09-29': true,
      '2026-09-30': true,
      '2026-10-01': false,
      '2026-10-02': false,
      '2026-10-03': false,
      '2026-10-04': false,
      '2026-10-05': false,
      '2026-10-06': false,
      '2026-10-07': false,
      '2026-10-08': true,
      '2026-10-09': true,
      '2026-10-10': true, // Sat, make-up
      '2026-10-11': false, // Sun
      '2026-10-12': true,
    });
  });

  it('New Year 2026: off Thu Jan 1 – Sat Jan 3, make-up Sun Jan 4', () => {
    expect(workingDaysFrom(shanghai, '2025-12-31', 6)).toEqual({
      '2025-12-31': true,
      '2026-01-01': false,
      '2026-01-02': false,
      '2026-01-03': false,
      '2026-01-04': true, // Sun, make-up
      '2026-01-05': true,
    });
  });

  it('falls back to Monday–Friday in years without data (2099)', () => {
    expect(packageCalendar().years.at(-1)).toBeLessThan(2099);
    // 2099-10-01 is a Thursday: a working day, as no National Day schedule exists for 2099.
    expect(workingDaysFrom(shanghai, '2099-10-01', 5)).toEqual({
      '2099-10-01': true,
      '2099-10-02': true,
      '2099-10-03': false, // Sat
      '2099-10-04': false, // Sun
      '2099-10-05': true,
    });
    expect(iso(shanghai.addWorkingDays(at('2099-09-30T02:00:00Z'), 3))).toBe('2099-10-05T10:00:00.000Z');
    expect(shanghai.isWorkingDay('2003-01-01')).toBe(true); // a Wednesday before the data starts
  });

  it('reads the right day whatever the time zone of the host process', () => {
    // chinese-days' functions parse 'YYYY-MM-DD' strings as UTC midnight but read them back in
    // the process's zone (on a host west of UTC a naive lookup of Oct 1 answers for Sep 30); the
    // calendar reads the package's data by date string, which no host zone can shift.
    const original = process.env.TZ;
    try {
      for (const hostZone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = hostZone;
        const calendar = new BusinessCalendar(defaultCalendarSettings);
        expect(workingDaysFrom(calendar, '2025-09-27', 6)).toEqual({
          '2025-09-27': false,
          '2025-09-28': true,
          '2025-09-29': true,
          '2025-09-30': true,
          '2025-10-01': false,
          '2025-10-02': false,
        });
        expect(iso(calendar.addWorkingDays(at('2025-09-30T02:00:00Z'), 7))).toBe('2025-10-16T10:00:00.000Z');
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe('addWorkingDays (Asia/Shanghai, 18:00)', () => {
  it('received Monday, 1 working day → Tuesday 18:00 local', () => {
    // Mon 2025-11-17 10:00 local
    expect(iso(shanghai.addWorkingDays(at('2025-11-17T02:00:00Z'), 1))).toBe('2025-11-18T10:00:00.000Z');
  });

  it('7 working days taken on the eve of National Day 2025 land on Thu Oct 16', () => {
    // Tue 2025-09-30 10:00 local. Oct 1–8 off; Oct 9 (1), 10 (2), Sat 11 make-up (3),
    // 13 (4), 14 (5), 15 (6), 16 (7).
    expect(iso(shanghai.addWorkingDays(at('2025-09-30T02:00:00Z'), 7))).toBe('2025-10-16T10:00:00.000Z');
  });

  it('15 working days (major complaint) from the eve of National Day 2025 → Tue Oct 28', () => {
    // … 16 (7), 17 (8), 20–24 (9–13), 27 (14), 28 (15)
    expect(iso(shanghai.addWorkingDays(at('2025-09-30T02:00:00Z'), 15))).toBe('2025-10-28T10:00:00.000Z');
  });

  it('counts the make-up Sunday before National Day 2025', () => {
    // Sat 2025-09-27 10:00 local → Sun Sep 28 is a working day
    expect(iso(shanghai.addWorkingDays(at('2025-09-27T02:00:00Z'), 1))).toBe('2025-09-28T10:00:00.000Z');
  });

  it('National Day 2026: 7 working days from Wed Sep 30 → Thu Oct 15', () => {
    // Oct 1–7 off; Oct 8 (1), 9 (2), Sat 10 make-up (3), 12 (4), 13 (5), 14 (6), 15 (7)
    expect(iso(shanghai.addWorkingDays(at('2026-09-30T02:00:00Z'), 7))).toBe('2026-10-15T10:00:00.000Z');
  });

  it('National Day 2026: received Sat Sep 19 → the make-up Sunday Sep 20 is the first working day', () => {
    expect(iso(shanghai.addWorkingDays(at('2026-09-19T02:00:00Z'), 1))).toBe('2026-09-20T10:00:00.000Z');
  });

  it('Spring Festival 2025 from Fri Jan 24', () => {
    const from = at('2025-01-24T02:00:00Z');
    // Sun Jan 26 make-up (1), Mon 27 (2), Jan 28–Feb 4 off, Feb 5 (3), 6 (4), 7 (5), Sat 8 (6), Mon 10 (7)
    expect(iso(shanghai.addWorkingDays(from, 1))).toBe('2025-01-26T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(from, 2))).toBe('2025-01-27T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(from, 3))).toBe('2025-02-05T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(from, 6))).toBe('2025-02-08T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(from, 7))).toBe('2025-02-10T10:00:00.000Z');
  });

  it('Spring Festival 2026 from Fri Feb 13', () => {
    const from = at('2026-02-13T07:00:00Z'); // 15:00 local
    // Sat Feb 14 make-up (1), Feb 15–23 off, 24 (2) … 27 (5), Sat 28 make-up (6), Mon Mar 2 (7)
    expect(iso(shanghai.addWorkingDays(from, 1))).toBe('2026-02-14T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(from, 2))).toBe('2026-02-24T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(from, 6))).toBe('2026-02-28T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(from, 7))).toBe('2026-03-02T10:00:00.000Z');
  });

  it('across the year end into the New Year 2026 holiday', () => {
    const from = at('2025-12-31T02:00:00Z'); // Wed 10:00 local
    // Jan 1–3 off, Sun Jan 4 make-up (1), 5 (2), 6 (3), 7 (4), 8 (5), 9 (6), Mon 12 (7)
    expect(iso(shanghai.addWorkingDays(from, 1))).toBe('2026-01-04T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(from, 3))).toBe('2026-01-06T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(from, 7))).toBe('2026-01-12T10:00:00.000Z');
  });

  it('receipt on a public holiday: the holiday itself does not count', () => {
    // Fri 2025-10-03 (National Day) → Thu Oct 9
    expect(iso(shanghai.addWorkingDays(at('2025-10-03T02:00:00Z'), 1))).toBe('2025-10-09T10:00:00.000Z');
    // Eve of Spring Festival 2025 (Tue Jan 28) → Wed Feb 5
    expect(iso(shanghai.addWorkingDays(at('2025-01-28T01:00:00Z'), 1))).toBe('2025-02-05T10:00:00.000Z');
  });

  it('receipt on an ordinary weekend: counts from Monday', () => {
    // Sat 2025-11-15 10:00 local → Mon Nov 17; 5 → Fri Nov 21
    expect(iso(shanghai.addWorkingDays(at('2025-11-15T02:00:00Z'), 1))).toBe('2025-11-17T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(at('2025-11-16T02:00:00Z'), 5))).toBe('2025-11-21T10:00:00.000Z');
  });

  it('receipt on a make-up working day: that day still does not count', () => {
    // Sun 2025-09-28 (make-up) 10:00 → Mon Sep 29
    expect(iso(shanghai.addWorkingDays(at('2025-09-28T02:00:00Z'), 1))).toBe('2025-09-29T10:00:00.000Z');
  });

  it('receipt after 18:00 changes nothing for n >= 1: still the next working day', () => {
    // Mon 2025-11-17 20:30 local = 12:30Z
    expect(iso(shanghai.addWorkingDays(at('2025-11-17T12:30:00Z'), 1))).toBe('2025-11-18T10:00:00.000Z');
    // Mon 23:59 local is still Monday
    expect(iso(shanghai.addWorkingDays(at('2025-11-17T15:59:00Z'), 1))).toBe('2025-11-18T10:00:00.000Z');
  });

  it('uses the local date, not the UTC date', () => {
    // Sun 2025-11-16T17:00Z is Mon 01:00 in Shanghai → day of receipt is Monday
    expect(shanghai.localDateOf(at('2025-11-16T17:00:00Z'))).toBe('2025-11-17');
    expect(iso(shanghai.addWorkingDays(at('2025-11-16T17:00:00Z'), 1))).toBe('2025-11-18T10:00:00.000Z');
    // Sun 2025-11-16T15:59:59.999Z is still Sunday 23:59 local → Monday counts
    expect(iso(shanghai.addWorkingDays(at('2025-11-16T15:59:59.999Z'), 1))).toBe('2025-11-17T10:00:00.000Z');
  });

  describe('n = 0', () => {
    it('working day before close → end of that day', () => {
      expect(iso(shanghai.addWorkingDays(at('2025-11-17T02:00:00Z'), 0))).toBe('2025-11-17T10:00:00.000Z');
      expect(iso(shanghai.addWorkingDays(at('2025-11-17T09:59:59.999Z'), 0))).toBe('2025-11-17T10:00:00.000Z');
    });

    it('at or after close → end of the next working day', () => {
      expect(iso(shanghai.addWorkingDays(at('2025-11-17T10:00:00Z'), 0))).toBe('2025-11-18T10:00:00.000Z');
      expect(iso(shanghai.addWorkingDays(at('2025-11-21T12:00:00Z'), 0))).toBe('2025-11-24T10:00:00.000Z'); // Fri 20:00 → Mon
    });

    it('weekend or holiday → end of the next working day', () => {
      expect(iso(shanghai.addWorkingDays(at('2025-11-15T02:00:00Z'), 0))).toBe('2025-11-17T10:00:00.000Z');
      expect(iso(shanghai.addWorkingDays(at('2025-10-01T02:00:00Z'), 0))).toBe('2025-10-09T10:00:00.000Z');
    });

    it('make-up working weekend day before close → that day', () => {
      expect(iso(shanghai.addWorkingDays(at('2025-10-11T02:00:00Z'), 0))).toBe('2025-10-11T10:00:00.000Z');
    });
  });

  it('rejects negative, fractional and non-finite counts and invalid dates', () => {
    const from = at('2025-11-17T02:00:00Z');
    expect(() => shanghai.addWorkingDays(from, -1)).toThrow(RangeError);
    expect(() => shanghai.addWorkingDays(from, 1.5)).toThrow(RangeError);
    expect(() => shanghai.addWorkingDays(from, Number.NaN)).toThrow(RangeError);
    expect(() => shanghai.addWorkingDays(from, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => shanghai.addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe('institution overrides', () => {
  it('an extra holiday shifts a deadline', () => {
    const calendar = calendarWith({ extraHolidays: ['2025-10-09'] });
    expect(calendar.isWorkingDay('2025-10-09')).toBe(false);
    // the National Day eve case loses Oct 9 → Fri Oct 17
    expect(iso(calendar.addWorkingDays(at('2025-09-30T02:00:00Z'), 7))).toBe('2025-10-17T10:00:00.000Z');
  });

  it('an extra workday on an ordinary Saturday counts', () => {
    const calendar = calendarWith({ extraWorkdays: ['2025-11-15'] });
    expect(calendar.isWorkingDay('2025-11-15')).toBe(true);
    // Fri 2025-11-14 10:00 local → Sat Nov 15 18:00
    expect(iso(calendar.addWorkingDays(at('2025-11-14T02:00:00Z'), 1))).toBe('2025-11-15T10:00:00.000Z');
    expect(iso(shanghai.addWorkingDays(at('2025-11-14T02:00:00Z'), 1))).toBe('2025-11-17T10:00:00.000Z');
  });

  it('overrides win over the public schedule in both directions', () => {
    const calendar = calendarWith({ extraWorkdays: ['2025-10-01'], extraHolidays: ['2025-10-11'] });
    expect(calendar.isWorkingDay('2025-10-01')).toBe(true); // National Day
    expect(calendar.isWorkingDay('2025-10-11')).toBe(false); // make-up Saturday
    // Tue Sep 30: Oct 1 (1), Oct 9 (2), Oct 10 (3), Mon Oct 13 (4)
    expect(iso(calendar.addWorkingDays(at('2025-09-30T02:00:00Z'), 4))).toBe('2025-10-13T10:00:00.000Z');
  });

  it('apply in years without public data too', () => {
    const calendar = calendarWith({ extraHolidays: ['2099-10-01'] });
    expect(iso(calendar.addWorkingDays(at('2099-09-30T02:00:00Z'), 1))).toBe('2099-10-02T10:00:00.000Z');
  });

  it('rejects malformed dates and a date that is both a holiday and a workday', () => {
    expect(() => calendarWith({ extraHolidays: ['2025-02-30'] })).toThrow(RangeError);
    expect(() => calendarWith({ extraWorkdays: ['2025/11/15'] })).toThrow(RangeError);
    expect(() => calendarWith({ extraHolidays: ['2025-11-15'], extraWorkdays: ['2025-11-15'] })).toThrow(RangeError);
  });
});

describe('other zones and closing times', () => {
  it('Europe/London 17:30: GMT in winter, BST in summer', () => {
    const london = calendarWith({ timeZone: 'Europe/London', endOfBusinessDay: '17:30' });
    expect(iso(london.endOfBusinessDay('2025-11-17'))).toBe('2025-11-17T17:30:00.000Z');
    expect(iso(london.endOfBusinessDay('2025-07-15'))).toBe('2025-07-15T16:30:00.000Z');
    // 2025-07-14T23:30Z is already Tue Jul 15 in London
    expect(london.localDateOf(at('2025-07-14T23:30:00Z'))).toBe('2025-07-15');
    expect(iso(london.addWorkingDays(at('2025-07-14T23:30:00Z'), 1))).toBe('2025-07-16T16:30:00.000Z');
  });

  it('Europe/London across the spring-forward weekend (2025-03-30)', () => {
    const london = calendarWith({ timeZone: 'Europe/London', endOfBusinessDay: '17:30' });
    // Fri Mar 28 12:00 GMT → Mon Mar 31 17:30 BST
    expect(iso(london.addWorkingDays(at('2025-03-28T12:00:00Z'), 1))).toBe('2025-03-31T16:30:00.000Z');
    // the public schedule is still China's: Oct 1 2025 is a holiday in London too
    expect(iso(london.addWorkingDays(at('2025-09-30T12:00:00Z'), 1))).toBe('2025-10-09T16:30:00.000Z');
  });

  it('America/New_York 17:00 (west of UTC)', () => {
    const newYork = calendarWith({ timeZone: 'America/New_York', endOfBusinessDay: '17:00' });
    expect(iso(newYork.endOfBusinessDay('2025-11-17'))).toBe('2025-11-17T22:00:00.000Z'); // EST
    expect(iso(newYork.endOfBusinessDay('2025-07-15'))).toBe('2025-07-15T21:00:00.000Z'); // EDT
    // Mon 2025-11-18T02:00Z is still Mon 21:00 in New York
    expect(newYork.localDateOf(at('2025-11-18T02:00:00Z'))).toBe('2025-11-17');
    expect(iso(newYork.addWorkingDays(at('2025-11-18T02:00:00Z'), 1))).toBe('2025-11-18T22:00:00.000Z');
  });

  it('half-hour and quarter-hour offsets (Asia/Kolkata +05:30, Asia/Kathmandu +05:45)', () => {
    const kolkata = calendarWith({ timeZone: 'Asia/Kolkata', endOfBusinessDay: '18:15' });
    expect(iso(kolkata.endOfBusinessDay('2025-11-17'))).toBe('2025-11-17T12:45:00.000Z');
    const kathmandu = calendarWith({ timeZone: 'Asia/Kathmandu' });
    expect(iso(kathmandu.endOfBusinessDay('2025-11-17'))).toBe('2025-11-17T12:15:00.000Z');
  });

  it('another closing time in Shanghai', () => {
    const early = calendarWith({ endOfBusinessDay: '16:30' });
    expect(iso(early.endOfBusinessDay('2025-11-17'))).toBe('2025-11-17T08:30:00.000Z');
    expect(iso(early.addWorkingDays(at('2025-09-30T02:00:00Z'), 7))).toBe('2025-10-16T08:30:00.000Z');
    // n = 0 at 17:00 local is already past a 16:30 close
    expect(iso(early.addWorkingDays(at('2025-11-17T09:00:00Z'), 0))).toBe('2025-11-18T08:30:00.000Z');
  });

  it('endOfBusinessDay is defined for non-working days too', () => {
    expect(iso(shanghai.endOfBusinessDay('2025-10-01'))).toBe('2025-10-01T10:00:00.000Z');
  });
});

describe('zonedWallTimeToInstant around DST changes', () => {
  it('a skipped time moves forward by the gap (London 01:30 on 2025-03-30 → 02:30 BST)', () => {
    expect(iso(zonedWallTimeToInstant('Europe/London', '2025-03-30', '01:30'))).toBe('2025-03-30T01:30:00.000Z');
  });

  it('a repeated time resolves to the earlier instant (London 01:30 on 2025-10-26 → BST)', () => {
    expect(iso(zonedWallTimeToInstant('Europe/London', '2025-10-26', '01:30'))).toBe('2025-10-26T00:30:00.000Z');
  });

  it('ordinary times either side of the changes', () => {
    expect(iso(zonedWallTimeToInstant('Europe/London', '2025-03-30', '03:00'))).toBe('2025-03-30T02:00:00.000Z');
    expect(iso(zonedWallTimeToInstant('Europe/London', '2025-10-26', '03:00'))).toBe('2025-10-26T03:00:00.000Z');
    expect(iso(zonedWallTimeToInstant('Asia/Shanghai', '2025-01-01', '00:00'))).toBe('2024-12-31T16:00:00.000Z');
  });
});

describe('constructor validation', () => {
  it('rejects an unknown time zone with RangeError', () => {
    expect(() => calendarWith({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => calendarWith({ timeZone: '' })).toThrow(RangeError);
  });

  it('rejects a malformed or too-early endOfBusinessDay with RangeError', () => {
    for (const bad of ['18', '6:00', '24:00', '18:60', '18:00:00', 'six', '']) {
      expect(() => calendarWith({ endOfBusinessDay: bad }), bad).toThrow(RangeError);
    }
    // working time starts at BUSINESS_DAY_START, so the day must end after it
    expect(BUSINESS_DAY_START).toBe('09:00');
    expect(() => calendarWith({ endOfBusinessDay: '09:00' })).toThrow(RangeError);
    expect(() => calendarWith({ endOfBusinessDay: '08:00' })).toThrow(RangeError);
    expect(iso(calendarWith({ endOfBusinessDay: '23:59' }).endOfBusinessDay('2025-11-17'))).toBe('2025-11-17T15:59:00.000Z');
  });

  it('isWorkingDay and endOfBusinessDay reject malformed local dates', () => {
    expect(() => shanghai.isWorkingDay('2025-2-3')).toThrow(RangeError);
    expect(() => shanghai.isWorkingDay('2025-02-29')).toThrow(RangeError);
    expect(() => shanghai.endOfBusinessDay('2025-13-01')).toThrow(RangeError);
  });
});

describe('workingMsBetween', () => {
  it('counts only 09:00–18:00 of working days', () => {
    // Mon 2025-11-17 07:00 → 20:00 local: the full 9 h
    expect(shanghai.workingMsBetween(at('2025-11-16T23:00:00Z'), at('2025-11-17T12:00:00Z'))).toBe(9 * HOUR);
    // 10:00 → 10:30 local
    expect(shanghai.workingMsBetween(at('2025-11-17T02:00:00Z'), at('2025-11-17T02:30:00Z'))).toBe(HOUR / 2);
  });

  it('across a weekend', () => {
    // Fri 2025-11-14 17:00 → Mon Nov 17 10:00 local: 1 h Friday + 1 h Monday
    expect(shanghai.workingMsBetween(at('2025-11-14T09:00:00Z'), at('2025-11-17T02:00:00Z'))).toBe(2 * HOUR);
  });

  it('across National Day 2025', () => {
    // Tue Sep 30 16:00 → Thu Oct 9 10:00 local: 2 h + nothing for Oct 1–8 + 1 h
    expect(shanghai.workingMsBetween(at('2025-09-30T08:00:00Z'), at('2025-10-09T02:00:00Z'))).toBe(3 * HOUR);
  });

  it('counts a make-up Sunday in full', () => {
    // Sat 2025-09-27 00:00 → Mon Sep 29 00:00 local: Sun Sep 28 09:00–18:00
    expect(shanghai.workingMsBetween(at('2025-09-26T16:00:00Z'), at('2025-09-28T16:00:00Z'))).toBe(9 * HOUR);
  });

  it('across the New Year 2026 holiday', () => {
    // Wed 2025-12-31 12:00 → Mon 2026-01-05 12:00 local: 6 h + Sun Jan 4 9 h + 3 h
    expect(shanghai.workingMsBetween(at('2025-12-31T04:00:00Z'), at('2026-01-05T04:00:00Z'))).toBe(18 * HOUR);
  });

  it('respects extra holidays and another zone', () => {
    const calendar = calendarWith({ extraHolidays: ['2025-11-17'] });
    expect(calendar.workingMsBetween(at('2025-11-16T23:00:00Z'), at('2025-11-17T12:00:00Z'))).toBe(0);
    const london = calendarWith({ timeZone: 'Europe/London', endOfBusinessDay: '17:30' });
    // Fri 2025-03-28 16:00 GMT → Mon Mar 31 10:00 BST (09:00Z): 1.5 h + 1 h
    expect(london.workingMsBetween(at('2025-03-28T16:00:00Z'), at('2025-03-31T09:00:00Z'))).toBe(2.5 * HOUR);
  });

  it('is 0 when to <= from', () => {
    expect(shanghai.workingMsBetween(at('2025-11-17T04:00:00Z'), at('2025-11-17T04:00:00Z'))).toBe(0);
    expect(shanghai.workingMsBetween(at('2025-11-17T05:00:00Z'), at('2025-11-17T04:00:00Z'))).toBe(0);
  });
});

describe('deadlineFor', () => {
  // Tue 2025-09-30 10:00 local, the eve of National Day
  const from = at('2025-09-30T02:00:00Z');
  const cases: Array<[Duration, string]> = [
    [{ amount: 30, unit: 'second' }, '2025-09-30T02:00:30.000Z'],
    [{ amount: 90, unit: 'minute' }, '2025-09-30T03:30:00.000Z'],
    // plain elapsed time ignores holidays
    [{ amount: 24, unit: 'hour' }, '2025-10-01T02:00:00.000Z'],
    [{ amount: 7, unit: 'day' }, '2025-10-07T02:00:00.000Z'],
    [{ amount: 7, unit: 'business_day' }, '2025-10-16T10:00:00.000Z'],
    [{ amount: 0, unit: 'business_day' }, '2025-09-30T10:00:00.000Z'],
    [{ amount: 0, unit: 'hour' }, '2025-09-30T02:00:00.000Z'],
  ];

  for (const [duration, expected] of cases) {
    it(`${duration.amount} ${duration.unit} → ${expected}`, () => {
      expect(iso(shanghai.deadlineFor(from, duration))).toBe(expected);
      expect(iso(deadlineFor(from, duration, defaultCalendarSettings))).toBe(expected);
    });
  }

  it('a day is 24 elapsed hours even across a DST change', () => {
    const london = { ...defaultCalendarSettings, timeZone: 'Europe/London' };
    expect(iso(deadlineFor(at('2025-03-29T12:00:00Z'), { amount: 1, unit: 'day' }, london))).toBe(
      '2025-03-30T12:00:00.000Z',
    );
  });

  it('uses the given settings', () => {
    const settings = { ...defaultCalendarSettings, timeZone: 'Europe/London', endOfBusinessDay: '17:30' };
    expect(iso(deadlineFor(at('2025-11-14T12:00:00Z'), { amount: 1, unit: 'business_day' }, settings))).toBe(
      '2025-11-17T17:30:00.000Z',
    );
  });

  it('rejects invalid amounts and units', () => {
    expect(() => shanghai.deadlineFor(from, { amount: -1, unit: 'business_day' })).toThrow(RangeError);
    expect(() => shanghai.deadlineFor(from, { amount: 2.5, unit: 'business_day' })).toThrow(RangeError);
    expect(() => shanghai.deadlineFor(from, { amount: -1, unit: 'hour' })).toThrow(RangeError);
    expect(() => shanghai.deadlineFor(from, { amount: Number.NaN, unit: 'minute' })).toThrow(RangeError);
    expect(() => shanghai.deadlineFor(from, { amount: 1, unit: 'week' as Duration['unit'] })).toThrow(RangeError);
    expect(() => deadlineFor(from, { amount: 1, unit: 'business_day' }, { ...defaultCalendarSettings, timeZone: 'Nowhere/Else' })).toThrow(
      RangeError,
    );
  });
});

describe('local date helpers', () => {
  it('parseLocalDate is strict', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(() => parseLocalDate('2025-02-29')).toThrow(RangeError);
    expect(() => parseLocalDate('2025-1-01')).toThrow(RangeError);
    expect(() => parseLocalDate('2025-01-01T00:00')).toThrow(RangeError);
  });

  it('addLocalDays crosses months and years', () => {
    expect(addLocalDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addLocalDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addLocalDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
