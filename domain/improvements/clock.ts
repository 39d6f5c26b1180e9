/**
 * The due date of an improvement action (docs/improvements.md "Deadlines"): a reminder to the owner
 * at the policy's share of the window, the due date itself (overdue: the owner and the head of the
 * owner department are told), and one escalation window later, if it is still not done, the climb
 * to the committee chair. Dates are computed on the business calendar by an activity; this module
 * orders the events in time, stamped with the instant the rule says.
 *
 * Workflow-safe: pure.
 */
import type { DueClock } from './types.js';

export type DueEventKind = 'reminder' | 'overdue' | 'climb';
export interface DueEvent {
  kind: DueEventKind;
  at: number;
}

/** The escalation ladder: 0 the owner, 1 the department head, 2 the committee chair. */
export const improvementLevels = ['owner', 'department_head', 'committee_chair'] as const;

export function startDue(startedAt: number, due: number, climbAt: number, reminderRatio: number): DueClock {
  const window = Math.max(0, due - startedAt);
  return { startedAt, due, reminderAt: startedAt + Math.round(window * reminderRatio), climbAt: Math.max(climbAt, due) };
}

/** The next event of a running clock (the owner still works on it), or null. */
export function nextDueEvent(c: DueClock): DueEvent | null {
  if (c.remindedAt === undefined && c.overdueAt === undefined && c.reminderAt < c.due) return { kind: 'reminder', at: c.reminderAt };
  if (c.overdueAt === undefined) return { kind: 'overdue', at: c.due };
  if (c.climbedAt === undefined) return { kind: 'climb', at: c.climbAt };
  return null;
}

export function applyDueEvent(c: DueClock, e: DueEvent): DueClock {
  if (e.kind === 'reminder') return { ...c, remindedAt: e.at };
  if (e.kind === 'overdue') return { ...c, overdueAt: e.at };
  return { ...c, climbedAt: e.at };
}

/** The level after an event: overdue reaches the department head, a climb the chair. */
export function levelAfterDue(level: number, e: DueEvent): number {
  if (e.kind === 'overdue') return Math.max(level, 1);
  if (e.kind === 'climb') return 2;
  return level;
}

/** The due date's state at `now` (only while the owner works on it; afterwards `met`). */
export function dueState(c: DueClock, running: boolean): 'pending' | 'at_risk' | 'overdue' | 'met' {
  if (!running) return 'met';
  if (c.overdueAt !== undefined) return 'overdue';
  if (c.remindedAt !== undefined) return 'at_risk';
  return 'pending';
}
