/**
 * The follow-up's rules (docs/followups.md): its workflow id, who it is addressed to, who may
 * record its outcome, the outcome's checks, and its clock. Used by the workflow, the API and the
 * sweeper alike.
 *
 * Workflow-safe: pure.
 */
import type { Actor } from '../actor.js';
import type { CommandCheck } from '../command-errors.js';
import { maskPiiText } from '../pii-text.js';
import { followUpOutcomes, outcomeNoteMax, type FollowUpClock, type FollowUpDueState, type FollowUpOutcome } from './types.js';

/** What a follow-up id (an answer's id) may hold: it becomes part of the workflow id. */
export const followUpIdPattern = /^[A-Za-z0-9_.:-]{1,120}$/;
export const followUpWorkflowId = (responseId: string) => `followup-${responseId}`;

/**
 * The supervisors a follow-up is addressed to: the active supervisors of the complaint's
 * accountable department in the staff directory; when that department has none (or the answer
 * has no department), every supervisor (an empty list).
 */
export function followUpAddressees(department: string, directory: readonly { userId: string; department: string | null; roles: readonly string[] }[]): string[] {
  if (!department || department === 'none') return [];
  return directory
    .filter((p) => p.department === department && p.roles.includes('supervisor'))
    .map((p) => p.userId)
    .sort();
}

/** The follow-up is this supervisor's: addressed to them, or to every supervisor. */
export function addressedTo(supervisorIds: readonly string[], who: Pick<Actor, 'userId' | 'roles'>): boolean {
  if (!who.roles.includes('supervisor')) return false;
  return supervisorIds.length === 0 || supervisorIds.includes(who.userId);
}

/**
 * Who records the outcome: a supervisor. The addressees first, but any supervisor may cover for an
 * absent colleague (the audit event names who did); nobody else.
 */
export function mayRecordOutcome(actor: Pick<Actor, 'roles'>): CommandCheck {
  return actor.roles.includes('supervisor') ? { ok: true } : { ok: false, code: 'forbidden', message: 'the outcome of a detractor follow-up is recorded by a supervisor' };
}

/** The outcome's content, or what is wrong with it. */
export function outcomeProblem(c: { outcome?: unknown; note?: unknown }): { field: 'outcome' | 'note'; message: string } | null {
  if (typeof c.outcome !== 'string' || !(followUpOutcomes as readonly string[]).includes(c.outcome)) return { field: 'outcome', message: `the outcome is one of ${followUpOutcomes.join(', ')}` };
  if (typeof c.note !== 'string' || c.note.trim() === '' || c.note.length > outcomeNoteMax) return { field: 'note', message: `the note is non-empty text of at most ${outcomeNoteMax} characters` };
  return null;
}

/** The note as recorded: trimmed, personal numbers masked. */
export const recordedNote = (note: string) => maskPiiText(note.trim());

export const isOutcome = (v: unknown): v is FollowUpOutcome => typeof v === 'string' && (followUpOutcomes as readonly string[]).includes(v);

// ── the clock ──────────────────────────────────────────────────────────────────────────────────

export type FollowUpEventKind = 'reminder' | 'overdue';
export interface FollowUpEvent {
  kind: FollowUpEventKind;
  at: number;
}

export function startClock(startedAt: number, due: number, reminderRatio: number): FollowUpClock {
  const window = Math.max(0, due - startedAt);
  const ratio = Math.min(Math.max(reminderRatio, 0), 1);
  return { startedAt, due, reminderAt: startedAt + Math.round(window * ratio) };
}

/** The next event of an open follow-up's clock, or null once overdue. */
export function nextClockEvent(c: FollowUpClock): FollowUpEvent | null {
  if (c.remindedAt === undefined && c.overdueAt === undefined && c.reminderAt < c.due) return { kind: 'reminder', at: c.reminderAt };
  if (c.overdueAt === undefined) return { kind: 'overdue', at: c.due };
  return null;
}

export function applyClockEvent(c: FollowUpClock, e: FollowUpEvent): FollowUpClock {
  return e.kind === 'reminder' ? { ...c, remindedAt: e.at } : { ...c, overdueAt: e.at };
}

/** The events falling at or before `now`, in time order. */
export function dueEvents(c: FollowUpClock, now: number): { clock: FollowUpClock; events: FollowUpEvent[] } {
  const events: FollowUpEvent[] = [];
  let clock = c;
  for (let e = nextClockEvent(clock); e && e.at <= now; e = nextClockEvent(clock)) {
    events.push(e);
    clock = applyClockEvent(clock, e);
  }
  return { clock, events };
}

export function followUpDueState(c: FollowUpClock, open: boolean): FollowUpDueState {
  if (!open) return 'met';
  if (c.overdueAt !== undefined) return 'overdue';
  if (c.remindedAt !== undefined) return 'at_risk';
  return 'pending';
}
