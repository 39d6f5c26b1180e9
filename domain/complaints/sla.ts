/**
 * The SLA of one complaint as a whole: its clocks, the complaint-level pause and its cap, and the
 * escalation they cause (docs/business-rules.md §2 "Deadlines"). clock.ts is the state machine of ONE clock
 * and escalation.ts the ladder; this module orders the events of all clocks in time, so the
 * workflow only has to sleep until `nextSlaEvent(...).at` and call `advanceSla(state, now)`.
 *
 * Workflow-safe: pure, no imports beyond domain modules.
 *
 * Rule decisions:
 * - Events are applied one at a time in chronological order (ties: the order of `clockNames`, then
 *   pause cap, at-risk before breach for one clock), each stamped with the instant the rule says it
 *   happened, so a worker waking late records the same history as a punctual one.
 * - A breach escalates one level from the CURRENT level (other clocks or a manual escalation may
 *   have raised it already) and is recorded in `breaches` even when the chair is already involved.
 * - Further breach windows: while a breached clock is not met (`metAt` unset), each `breachWindow`
 *   after its breach climbs one more level from the current one. Climbing stops at the chair, and
 *   when the clock is met or replaced (a reopen starts a new resolution clock).
 * - Pause is complaint-wide: it pauses every running clock; a clock started while the complaint is
 *   paused starts paused. The total paused time is capped (`maxPauseMs`): at the cap the complaint
 *   resumes by itself, at the cap instant.
 */
import {
  breachClock,
  clockView,
  effectiveDeadline,
  markAtRisk,
  meetClock,
  nextClockEvent,
  pauseAllowed,
  pauseCapReachedAt,
  pauseClock,
  resumeClock,
  startClock,
  type ClockView,
  type SlaClock,
} from './clock.js';
import { breachEscalation, escalate, maxEscalationLevel, nextBreachWindowAt, toLevel, type EscalationLevel } from './escalation.js';
import { clockNames, type ClockName, type Severity } from './types.js';

export interface SlaSettings {
  atRiskRatio: number;
  /** SlaPolicy.breachWindow in elapsed milliseconds (converted once at intake). */
  breachWindowMs: number;
  /** SlaPolicy.maxPause in elapsed milliseconds (converted once at intake). */
  maxPauseMs: number;
}

export interface Breach {
  clock: ClockName;
  at: string;
  /** The level reached by this breach or further window. */
  level: number;
  /** 0 for the breach itself, n for the n-th further breach window. */
  window: number;
}

export interface SlaState {
  severity: Severity;
  level: EscalationLevel;
  clocks: Partial<Record<ClockName, SlaClock>>;
  /** Further breach windows already climbed, per breached clock. */
  climbs: Partial<Record<ClockName, number>>;
  breaches: Breach[];
  /** Set while the complaint is paused. */
  pausedAt: number | null;
  /** Finished pause spans of the complaint (the cap counts these). */
  pausedTotalMs: number;
  settings: SlaSettings;
}

export type SlaEvent =
  | { kind: 'at_risk'; clock: ClockName; at: number }
  | {
      kind: 'breach';
      clock: ClockName;
      at: number;
      /** 0: the deadline itself; n: the n-th further breach window. */
      window: number;
      fromLevel: EscalationLevel;
      toLevel: EscalationLevel;
      escalated: boolean;
      notifyCompliance: boolean;
      reason: string;
    }
  | { kind: 'pause_cap'; at: number };

type Due = { kind: 'clock'; clock: ClockName; at: number } | { kind: 'climb'; clock: ClockName; at: number } | { kind: 'pause_cap'; at: number };

export function newSlaState(severity: Severity, settings: SlaSettings): SlaState {
  return { severity, level: 0, clocks: {}, climbs: {}, breaches: [], pausedAt: null, pausedTotalMs: 0, settings };
}

/** The next thing due, or null when nothing is scheduled. */
function nextDue(s: SlaState): Due | null {
  let best: Due | null = null;
  const consider = (d: Due) => {
    if (best === null || d.at < best.at) best = d;
  };
  for (const name of clockNames) {
    const clock = s.clocks[name];
    if (!clock) continue;
    const event = nextClockEvent(clock, s.settings.atRiskRatio);
    if (event) consider({ kind: 'clock', clock: name, at: event.at });
    if (clock.state === 'breached' && clock.metAt === undefined && clock.breachedAt !== undefined && s.level < maxEscalationLevel && s.settings.breachWindowMs > 0) {
      consider({ kind: 'climb', clock: name, at: nextBreachWindowAt(clock.breachedAt, s.settings.breachWindowMs, s.climbs[name] ?? 0) });
    }
  }
  if (s.pausedAt !== null) consider({ kind: 'pause_cap', at: pauseCapReachedAt(s.pausedAt, s.pausedTotalMs, s.settings.maxPauseMs) });
  return best;
}

/** When the workflow must wake up next (epoch ms), or null. */
export function nextSlaEventAt(s: SlaState): number | null {
  return nextDue(s)?.at ?? null;
}

/** Applies every event due at `now`, in time order. Returns the new state and what happened. */
export function advanceSla(state: SlaState, now: number): { state: SlaState; events: SlaEvent[] } {
  let s = state;
  const events: SlaEvent[] = [];
  // Bounded: each step either moves a clock forward, climbs a level or ends the pause.
  for (let due = nextDue(s), guard = 0; due && due.at <= now && guard < 1000; due = nextDue(s), guard++) {
    if (due.kind === 'pause_cap') {
      s = resumeAll(s, due.at);
      events.push({ kind: 'pause_cap', at: due.at });
      continue;
    }
    const clock = s.clocks[due.clock]!;
    if (due.kind === 'clock') {
      const step = nextClockEvent(clock, s.settings.atRiskRatio)!;
      if (step.kind === 'at_risk') {
        s = { ...s, clocks: { ...s.clocks, [due.clock]: markAtRisk(clock, step.at) } };
        events.push({ kind: 'at_risk', clock: due.clock, at: step.at });
      } else {
        const esc = breachEscalation({ currentLevel: s.level, severity: s.severity, clock: due.clock });
        events.push({ kind: 'breach', clock: due.clock, at: step.at, window: 0, fromLevel: s.level, toLevel: esc.newLevel, escalated: esc.escalated, notifyCompliance: esc.notifyCompliance, reason: esc.reason });
        s = {
          ...s,
          clocks: { ...s.clocks, [due.clock]: breachClock(clock, step.at) },
          level: esc.newLevel,
          climbs: { ...s.climbs, [due.clock]: 0 },
          breaches: [...s.breaches, { clock: due.clock, at: iso(step.at), level: esc.newLevel, window: 0 }],
        };
      }
    } else {
      const window = (s.climbs[due.clock] ?? 0) + 1;
      const to = escalate(s.level);
      const esc = breachEscalation({ currentLevel: s.level, severity: s.severity, clock: due.clock });
      const reason = `${due.clock} clock still breached after ${window} further breach window${window > 1 ? 's' : ''}: escalated from level ${s.level} to level ${to}`;
      events.push({ kind: 'breach', clock: due.clock, at: due.at, window, fromLevel: s.level, toLevel: to, escalated: to > s.level, notifyCompliance: esc.notifyCompliance, reason });
      s = { ...s, level: to, climbs: { ...s.climbs, [due.clock]: window }, breaches: [...s.breaches, { clock: due.clock, at: iso(due.at), level: to, window }] };
    }
  }
  return { state: s, events };
}

/** Starts (or restarts, replacing) a clock; paused from the start when the complaint is paused. */
export function startSlaClock(s: SlaState, name: ClockName, startedAt: number, deadline: number): SlaState {
  let clock = startClock(name, startedAt, deadline);
  if (s.pausedAt !== null) clock = pauseClock(clock, startedAt);
  const { [name]: _dropped, ...climbs } = s.climbs;
  return { ...s, clocks: { ...s.clocks, [name]: clock }, climbs };
}

/**
 * The clocks a calendar change may move: those still counting against the bank (pending, at risk
 * or paused). Met and breached clocks keep the deadline they were judged by.
 */
export function runningClocks(s: SlaState): SlaClock[] {
  return clockNames.flatMap((name) => {
    const c = s.clocks[name];
    return c && (c.state === 'pending' || c.state === 'at_risk' || c.state === 'paused') ? [c] : [];
  });
}

/**
 * Gives a running clock a new deadline (the calendar it was counted on changed): the window is
 * counted again from the same start, paused time still added on top. A clock already warned stays
 * at risk; a met or breached clock is not moved.
 */
export function moveSlaDeadline(s: SlaState, name: ClockName, deadline: number): SlaState {
  const clock = s.clocks[name];
  if (!clock || !(clock.state === 'pending' || clock.state === 'at_risk' || clock.state === 'paused')) return s;
  return { ...s, clocks: { ...s.clocks, [name]: { ...clock, deadline, windowMs: Math.max(0, deadline - clock.startedAt) } } };
}

/** Meets a clock if it exists (met, or breached with metAt, per clock.ts). */
export function meetSlaClock(s: SlaState, name: ClockName, now: number): SlaState {
  const clock = s.clocks[name];
  if (!clock) return s;
  const met = meetClock(clock, now);
  return met === clock ? s : { ...s, clocks: { ...s.clocks, [name]: met } };
}

/** The complaint closed: ends a pause and meets every clock not met yet (a late one keeps `breached`). */
export function stopAllClocks(s: SlaState, now: number): SlaState {
  let next = s.pausedAt !== null ? resumeAll(s, now) : s;
  for (const name of clockNames) next = meetSlaClock(next, name, now);
  return next;
}

export function isPaused(s: SlaState): boolean {
  return s.pausedAt !== null;
}

/** Null when a pause may start now; otherwise why not. */
export function pauseRefusal(s: SlaState): string | null {
  if (s.pausedAt !== null) return 'the complaint is already paused';
  if (!pauseAllowed(s.pausedTotalMs, s.settings.maxPauseMs)) return 'the pause allowance of this complaint is used up';
  return null;
}

export function pauseAll(s: SlaState, now: number): SlaState {
  if (s.pausedAt !== null) return s;
  const clocks: SlaState['clocks'] = {};
  for (const name of clockNames) {
    const c = s.clocks[name];
    if (c) clocks[name] = pauseClock(c, now);
  }
  return { ...s, clocks, pausedAt: now };
}

/** Ends the pause at `now` (a manual resume, or the cap instant). */
export function resumeAll(s: SlaState, now: number): SlaState {
  if (s.pausedAt === null) return s;
  const clocks: SlaState['clocks'] = {};
  for (const name of clockNames) {
    const c = s.clocks[name];
    if (c) clocks[name] = resumeClock(c, now);
  }
  return { ...s, clocks, pausedAt: null, pausedTotalMs: s.pausedTotalMs + Math.max(0, now - s.pausedAt) };
}

/** The API's clocks object. */
export function clockViews(s: SlaState, now?: number): Partial<Record<ClockName, ClockView>> {
  const out: Partial<Record<ClockName, ClockView>> = {};
  for (const name of clockNames) {
    const c = s.clocks[name];
    if (c) out[name] = clockView(c, now);
  }
  return out;
}

/** The soonest deadline still running against the bank, for the work inbox. */
export function nextDeadline(s: SlaState): { clock: ClockName; deadline: number; state: string } | null {
  let best: { clock: ClockName; deadline: number; state: string } | null = null;
  for (const name of clockNames) {
    const c = s.clocks[name];
    if (!c || c.state === 'met' || (c.state === 'breached' && c.metAt !== undefined)) continue;
    const d = effectiveDeadline(c);
    if (best === null || d < best.deadline) best = { clock: name, deadline: d, state: c.state };
  }
  return best;
}

/** Manual escalation: one level up; null when already at the chair. */
export function escalateManually(s: SlaState): SlaState | null {
  if (s.level >= maxEscalationLevel) return null;
  return { ...s, level: toLevel(s.level + 1) };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
