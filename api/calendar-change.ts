import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Logger } from '../config/logger.js';
import type { calendarChangeWorkflow } from '../workflows/calendar/index.js';
import { calendarChangeWorkflowId } from '../workflows/calendar/messages.js';
import { processesAffectedBy, type AffectedProcesses } from '../db/calendar.js';
import type { Database } from '../db/client.js';
import type { BusinessCalendar } from '../domain/calendar.js';
import { changeIdOf, changedDates, datesOfYear, type CalendarChange, type CalendarChangeCause, type CalendarChangedSignal, type ChangedDates } from '../domain/calendar/change.js';
import type { CalendarSettings } from '../domain/policies.js';

/**
 * What happens after the calendar changed (a year imported, settings or overrides replaced): the
 * open complaint clocks and gate reviews whose counted days the change touches are listed, and
 * handed to `onCalendarChange` — by default `temporalChangeHandler`, which has each of them told
 * through Temporal. docs/calendar.md "Deadlines after a calendar change".
 */
export type CalendarChangeHandler = (change: CalendarChange, affected: AffectedProcesses) => Promise<void>;

/**
 * Tells the processes through Temporal: one fan-out workflow per change (its id is the change's,
 * so announcing again finds the same one), which lists the affected processes itself and signals
 * each (workflows/calendar). The import is committed before this runs.
 */
export function temporalChangeHandler(client: Client, taskQueue: string, logger: Logger): CalendarChangeHandler {
  return async (change, affected) => {
    const signal: CalendarChangedSignal = { ...change, reason: 'calendar changed' };
    try {
      await client.workflow.start<typeof calendarChangeWorkflow>('calendarChangeWorkflow', { workflowId: calendarChangeWorkflowId(change.changeId), taskQueue, args: [{ signal }], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    logger.info({ changeId: change.changeId, complaints: affected.complaints.length, reviews: affected.reviews.length }, 'calendar changed: telling the open processes whose deadlines it may move');
  };
}

/** The local dates an import of `year` changes between two calendars (overrides mask changes). */
export function datesChangedByImport(year: number, before: BusinessCalendar, after: BusinessCalendar): ChangedDates {
  return { all: false, dates: changedDates(datesOfYear(year), (d) => before.isWorkingDay(d), (d) => after.isWorkingDay(d)) };
}

/**
 * The dates a settings change moves: every date when the zone or the end of the business day
 * changed (each working-day deadline falls at another instant), else the override dates whose
 * answer changed.
 */
export function datesChangedBySettings(before: CalendarSettings, beforeCalendar: BusinessCalendar, afterCalendar: BusinessCalendar): ChangedDates {
  const after = afterCalendar.settings;
  if (before.timeZone !== after.timeZone || before.endOfBusinessDay !== after.endOfBusinessDay) return { all: true };
  const candidates = [...before.extraHolidays, ...before.extraWorkdays, ...after.extraHolidays, ...after.extraWorkdays];
  return { all: false, dates: changedDates(candidates, (d) => beforeCalendar.isWorkingDay(d), (d) => afterCalendar.isWorkingDay(d)) };
}

export interface ChangeContext {
  db: Database;
  logger: Logger;
  onCalendarChange: CalendarChangeHandler;
}

/**
 * Lists the processes `changed` may move under the new calendar and hands them on. Never throws:
 * the change is committed already; a failure here is logged (the listing can be run again from
 * the audit event).
 */
export async function announceCalendarChange(ctx: ChangeContext, cause: CalendarChangeCause, changed: ChangedDates, after: BusinessCalendar, actor: { userId: string; roles: string[] }, at: Date): Promise<AffectedProcesses> {
  const change: CalendarChange = { changeId: changeIdOf(cause), cause, changed, actor: { userId: actor.userId, roles: actor.roles }, at: at.toISOString() };
  try {
    const affected = await processesAffectedBy(ctx.db, changed, after);
    await ctx.onCalendarChange(change, affected);
    return affected;
  } catch (err) {
    ctx.logger.error({ err, changeId: change.changeId }, 'calendar changed, but listing or telling the affected processes failed');
    return { complaints: [], reviews: [] };
  }
}
