/**
 * A change of the business calendar as the processes hear of it: the `calendarChanged` signal
 * each complaint and gate workflow takes, and the fan-out workflow that sends it
 * (docs/calendar.md, "Deadlines after a calendar change").
 */
import { defineSignal } from '@temporalio/workflow';
import type { CalendarChangedSignal } from '../../domain/calendar/change.js';

export type { CalendarChangedSignal } from '../../domain/calendar/change.js';

export const calendarChanged = defineSignal<[CalendarChangedSignal]>('calendarChanged');

/** One fan-out per change: a retried announcement finds the same workflow. */
export const calendarChangeWorkflowId = (changeId: string) => `calendar-change-${changeId}`;

export interface CalendarChangeInput {
  signal: CalendarChangedSignal;
  /** Workflows still to tell, carried over continue-as-new; the first run lists them itself. */
  remaining?: string[];
}
