/**
 * The deadline of each incident step (docs/incidents.md): a reminder at the policy's ratio of the
 * window, the deadline itself (a breach escalates to the supervisors and compliance), and one
 * escalation window later, if the step is still not done, the climb to the committee chair.
 * Deadlines are computed on the business calendar by an activity when the step starts; this
 * module only orders the events in time, stamped with the instant the rule says (a worker waking
 * late records the same history as a punctual one).
 *
 * Workflow-safe: pure.
 */
import type { IncidentStep } from './policy.js';

export const stepStates = ['pending', 'at_risk', 'met', 'breached'] as const;
export type StepState = (typeof stepStates)[number];

export interface StepClock {
  step: IncidentStep;
  startedAt: number;
  deadline: number;
  reminderAt: number;
  /** One escalation window after the deadline. */
  climbAt: number;
  state: StepState;
  remindedAt?: number;
  breachedAt?: number;
  climbedAt?: number;
  /** When the step was done (also after a breach: late stays late). */
  metAt?: number;
}

export type StepEventKind = 'reminder' | 'breach' | 'climb';
export interface StepEvent {
  kind: StepEventKind;
  step: IncidentStep;
  at: number;
}

/** Levels of an incident's escalation: 0 nobody beyond the owner, 1 supervisors (and compliance), 2 the committee chair. */
export const maxIncidentLevel = 2;

/** A step starting at `startedAt`; the reminder falls at `reminderRatio` of its window (whole milliseconds). */
export function startStep(step: IncidentStep, startedAt: number, deadline: number, climbAt: number, reminderRatio: number): StepClock {
  const window = Math.max(0, deadline - startedAt);
  return { step, startedAt, deadline, reminderAt: startedAt + Math.round(window * reminderRatio), climbAt: Math.max(climbAt, deadline), state: 'pending' };
}

/** The next event of one step, or null (done, or already at the chair). */
export function nextStepEvent(c: StepClock): StepEvent | null {
  if (c.state === 'pending') return c.reminderAt < c.deadline ? { kind: 'reminder', step: c.step, at: c.reminderAt } : { kind: 'breach', step: c.step, at: c.deadline };
  if (c.state === 'at_risk') return { kind: 'breach', step: c.step, at: c.deadline };
  if (c.state === 'breached' && c.metAt === undefined && c.climbedAt === undefined) return { kind: 'climb', step: c.step, at: c.climbAt };
  return null;
}

/** The clock after its event. */
export function applyStepEvent(c: StepClock, e: StepEvent): StepClock {
  switch (e.kind) {
    case 'reminder':
      return { ...c, state: 'at_risk', remindedAt: e.at };
    case 'breach':
      return { ...c, state: 'breached', breachedAt: e.at };
    case 'climb':
      return { ...c, climbedAt: e.at };
  }
}

/** The step is done at `now`: met in time, or late (breached, with when it was done). */
export function meetStep(c: StepClock, now: number): StepClock {
  if (c.state === 'met' || c.metAt !== undefined) return c;
  return c.state === 'breached' ? { ...c, metAt: now } : { ...c, state: 'met', metAt: now };
}

/** Whether the step still runs against the incident's owner (not done). */
export function stepOpen(c: StepClock): boolean {
  return c.metAt === undefined;
}

/** The earliest next event among the steps. */
export function nextEvent(steps: readonly StepClock[]): StepEvent | null {
  let best: StepEvent | null = null;
  for (const c of steps) {
    const e = nextStepEvent(c);
    if (e && (best === null || e.at < best.at)) best = e;
  }
  return best;
}

/** The escalation level after an event at `level`: a breach reaches the supervisors, a climb the chair. */
export function levelAfter(level: number, e: StepEvent): number {
  if (e.kind === 'breach') return Math.max(level, 1);
  if (e.kind === 'climb') return maxIncidentLevel;
  return level;
}
