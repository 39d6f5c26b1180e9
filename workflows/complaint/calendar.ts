import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { systemActor } from '../../domain/actor.js';
import type { CalendarChangedSignal } from '../../domain/calendar/change.js';
import { clockView } from '../../domain/complaints/clock.js';
import { auditDraft, iso, note, reference, type Batch } from '../../domain/complaints/events.js';
import { summary } from '../../domain/complaints/process.js';
import { clockWindowFor } from '../../domain/complaints/rules.js';
import { moveSlaDeadline, runningClocks } from '../../domain/complaints/sla.js';
import type { ClockName } from '../../domain/complaints/types.js';
import { advanceClocks, clockEventDue } from './clock.js';
import { record } from './record.js';
import type { Complaint } from './state.js';

const { recomputeDeadlines } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

/**
 * The business calendar changed (a year's official schedule imported, overrides or settings
 * replaced): every running clock's deadline is counted again from its start on the calendar in
 * force now (an activity, recorded in history), and each one that moved is recorded with before,
 * after and the reason "calendar changed", its owner told, and the clock loop's timer moved. Met
 * and breached clocks keep the deadline they were judged by. A change is handled once (its id),
 * under the complaint's lock like every other step.
 */
export async function applyCalendarChange(complaint: Complaint, change: CalendarChangedSignal): Promise<void> {
  const { input, state } = complaint;
  const handled = (state.calendarChanges ??= []);
  if (handled.includes(change.changeId)) return;
  handled.push(change.changeId);
  const clocks = runningClocks(state.sla);
  if (clocks.length === 0) return;
  const recomputed = await recomputeDeadlines(
    clocks.map((c) => ({ key: c.name, from: iso(c.startedAt), duration: clockWindowFor(c.name, input.severity, state.policy), current: iso(c.deadline) })),
  );
  const moved = new Map(recomputed.clocks.filter((c) => c.moved).map((c) => [c.key as ClockName, Date.parse(c.deadline)]));
  // An investigation never runs past the resolution deadline it was started within (docs/complaints.md).
  const investigation = state.sla.clocks.investigation;
  const resolution = moved.get('resolution') ?? state.sla.clocks.resolution?.deadline;
  if (investigation && moved.has('investigation') && resolution !== undefined) moved.set('investigation', Math.min(moved.get('investigation')!, resolution));
  for (const [name, deadline] of moved) if (deadline === state.sla.clocks[name]?.deadline) moved.delete(name);
  if (moved.size === 0) return;

  const now = Date.now();
  const batch: Batch = { audit: [], notes: [] };
  for (const [name, deadline] of moved) {
    const before = clockView(state.sla.clocks[name]!).deadline;
    state.sla = moveSlaDeadline(state.sla, name, deadline);
    const after = clockView(state.sla.clocks[name]!).deadline;
    const provisional = recomputed.clocks.find((c) => c.key === name)?.provisional ?? false;
    batch.audit.push(
      auditDraft('complaint.deadline_moved', systemActor, now, { ...summary(state), clock: name, deadline: before }, { ...summary(state), clock: name, deadline: after, provisional, changeId: change.changeId, cause: change.cause, calendar: recomputed.calendar }, 'calendar changed'),
    );
    batch.notes.push(note(state.owner, 'complaint.deadline_moved', `${reference(input)}: the ${name} deadline moved from ${before} to ${after} (calendar changed)`, { clock: name, before, after }));
  }
  // A deadline moved into the past falls due now.
  const due = clockEventDue(complaint, now) ? await advanceClocks(complaint, now) : { audit: [], notes: [] };
  await record(complaint, { audit: [...batch.audit, ...due.audit], notes: [...batch.notes, ...due.notes] });
  complaint.clocksChanged = true;
}
