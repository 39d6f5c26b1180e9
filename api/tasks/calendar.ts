import { zonedWallTimeToInstant } from '../../domain/calendar.js';
import { readCalendarStatus } from '../calendar-status.js';
import type { Task, TaskSource } from './types.js';

/**
 * The calendar part of the work inbox: for every administrator, one task per year whose official
 * holiday schedule is missing while the calendar is in its warning state (docs/calendar.md).
 * Derived from the coverage at each read, so it disappears the moment the year is imported.
 * Deadline: the year's first day (local midnight), from which its deadlines are provisional;
 * at risk once that day is within the 60-day horizon, breached once it has come.
 */
export const calendarTasks: TaskSource = async (db, principal, { now }) => {
  if (!principal.roles.includes('admin')) return [];
  const { coverage, calendar } = await readCalendarStatus(db, now);
  if (!coverage.warning) return [];
  return coverage.warning.missingYears.map((year): Task => {
    const firstDay = `${String(year).padStart(4, '0')}-01-01`;
    const deadlineState = firstDay <= coverage.today ? 'breached' : firstDay <= coverage.horizon.until ? 'at_risk' : 'pending';
    return {
      kind: 'calendar.import',
      entityType: 'calendar',
      entityId: String(year),
      title: `Import the official holiday schedule for ${year}`,
      deadline: zonedWallTimeToInstant(calendar.settings.timeZone, firstDay, '00:00').toISOString(),
      deadlineState,
      link: `/api/v1/calendar/years/${year}`,
    };
  });
};
