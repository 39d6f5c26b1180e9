import { describe, expect, it } from 'vitest';
import { BusinessCalendar, officialSchedule } from '../../../domain/calendar.js';
import { dependsOnProvisionalDays } from '../../../domain/calendar/provisional.js';
import { defaultCalendarSettings } from '../../../domain/policies.js';

const upTo2026 = (y: number) => y >= 2004 && y <= 2026;

describe('provisional deadlines', () => {
  it('a working-day deadline inside covered years is not provisional', () => {
    expect(dependsOnProvisionalDays({ fromDay: '2026-12-01', deadlineDay: '2026-12-10', unit: 'business_day' }, upTo2026)).toBe(false);
  });

  it('one counted day in a year without data makes it provisional', () => {
    expect(dependsOnProvisionalDays({ fromDay: '2026-12-28', deadlineDay: '2027-01-06', unit: 'business_day' }, upTo2026)).toBe(true);
    expect(dependsOnProvisionalDays({ fromDay: '2027-01-04', deadlineDay: '2027-01-13' }, upTo2026)).toBe(true); // unit omitted: assumed working days
  });

  it('a start in a year without data counts too (close of business today)', () => {
    expect(dependsOnProvisionalDays({ fromDay: '2025-12-31', deadlineDay: '2026-01-05', unit: 'business_day' }, (y) => y === 2026)).toBe(true);
  });

  it('elapsed-time windows never depend on the holiday schedule', () => {
    for (const unit of ['second', 'minute', 'hour', 'day'] as const) {
      expect(dependsOnProvisionalDays({ fromDay: '2026-12-31', deadlineDay: '2027-01-01', unit }, upTo2026)).toBe(false);
    }
  });

  it('the calendar answers for instants in its zone, and an import ends it', () => {
    const packageOnly = new BusinessCalendar(defaultCalendarSettings);
    const from = new Date('2026-12-28T02:00:00Z');
    const deadline = packageOnly.deadlineFor(from, { amount: 7, unit: 'business_day' });
    expect(packageOnly.isProvisional(from, deadline, 'business_day')).toBe(true);
    // 2026-12-31T17:00Z is already 1 January 2027 in Shanghai.
    expect(packageOnly.isProvisional(new Date('2026-12-30T02:00:00Z'), new Date('2026-12-31T17:00:00Z'))).toBe(true);
    expect(packageOnly.isProvisional(new Date('2026-12-30T02:00:00Z'), new Date('2026-12-31T10:00:00Z'))).toBe(false);
    const imported = new BusinessCalendar(defaultCalendarSettings, officialSchedule(new Map([[2027, { holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], workdays: [] }]])));
    expect(imported.isProvisional(from, imported.deadlineFor(from, { amount: 7, unit: 'business_day' }), 'business_day')).toBe(false);
  });
});
