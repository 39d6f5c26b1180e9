/**
 * SLA clock state machine (docs/business-rules.md §2 "Deadlines").
 *
 * Workflow-safe: pure functions over epoch milliseconds; the caller supplies `now` (the workflow's
 * deterministic clock) and the absolute deadline (computed by the calendar activity).
 *
 *   pending ──markAtRisk──► at_risk ──breachClock──► breached
 *      │  ▲                   │  ▲                      │
 *      │  └─────resume────────┼──┘ (back to the state   │ meetClock records metAt,
 *      └──pause──► paused ◄───┘     held before pausing) │ state stays `breached`
 *   pending | at_risk | paused ──meetClock──► met
 *
 * Rule decisions:
 * - Invalid transitions (meet a met clock, pause a paused one, breach a paused one, ...) return
 *   the SAME object, never throw. Callers detect a no-op by identity (`next === clock`). Throwing
 *   inside Temporal workflow code fails the workflow task and retries it forever, and races such
 *   as a breach timer firing just after the response arrived are normal, so a no-op is the safe
 *   answer.
 * - Late stays late: meeting a breached clock records `metAt` but the state stays `breached`.
 * - Paused time is excluded from the window: every paused span pushes both the at-risk point and
 *   the deadline back by that span (elapsed milliseconds, not business time). A span still running
 *   is not counted until the clock resumes (or is met).
 * - A paused clock neither turns at-risk nor breaches; `nextClockEvent` returns null for it.
 */
import type { ClockName, ClockState } from './types.js';

export interface SlaClock {
  name: ClockName;
  startedAt: number;
  /** Deadline as computed at start, before any pause; see `effectiveDeadline`. */
  deadline: number;
  /** `deadline - startedAt` at start; the base of the at-risk point. */
  windowMs: number;
  state: ClockState;
  /** Set while paused: when the current pause began. */
  pausedAt?: number;
  /** Sum of all finished pause spans. */
  pausedTotalMs: number;
  metAt?: number;
  breachedAt?: number;
  atRiskAt?: number;
}

/** The API's `Clock` resource (docs/http-contract.md). */
export interface ClockView {
  state: ClockState;
  deadline: string;
  metAt?: string;
  breachedAt?: string;
}

export type ClockEventKind = 'at_risk' | 'breach';
export interface ClockEvent {
  kind: ClockEventKind;
  at: number;
}

/** States in which time counts against the window. */
function isRunning(clock: SlaClock): boolean {
  return clock.state === 'pending' || clock.state === 'at_risk';
}

/** A clock born with a deadline already in the past gets a zero window, not a negative one. */
export function startClock(name: ClockName, startedAt: number, deadline: number): SlaClock {
  return {
    name,
    startedAt,
    deadline,
    windowMs: Math.max(0, deadline - startedAt),
    state: 'pending',
    pausedTotalMs: 0,
  };
}

/** Deadline moved back by all finished pauses. */
export function effectiveDeadline(clock: SlaClock): number {
  return clock.deadline + clock.pausedTotalMs;
}

/**
 * Instant at which `atRiskRatio` of the window has elapsed, paused time excluded.
 * Rounded to whole milliseconds so timers and comparisons stay exact (0.7 × 1000 ≠ 700 in floats).
 */
export function atRiskPoint(clock: SlaClock, atRiskRatio: number): number {
  return clock.startedAt + Math.round(atRiskRatio * clock.windowMs) + clock.pausedTotalMs;
}

/** pending → at_risk. The caller decides it is time (see `nextClockEvent` / `tickClock`). */
export function markAtRisk(clock: SlaClock, now: number): SlaClock {
  if (clock.state !== 'pending') return clock;
  return { ...clock, state: 'at_risk', atRiskAt: now };
}

/** pending | at_risk → breached. A paused clock cannot breach: its time is not running. */
export function breachClock(clock: SlaClock, now: number): SlaClock {
  if (!isRunning(clock)) return clock;
  return { ...clock, state: 'breached', breachedAt: now };
}

/**
 * pending | at_risk | paused → met (an open pause is closed at `now`).
 * breached → breached with `metAt` recorded once: being late stays late, but when the work was
 * finally done is still worth knowing (reports, further-breach escalation stops).
 */
export function meetClock(clock: SlaClock, now: number): SlaClock {
  if (clock.state === 'met') return clock;
  if (clock.state === 'breached') {
    return clock.metAt === undefined ? { ...clock, metAt: now } : clock;
  }
  const closed = clock.state === 'paused' ? closePause(clock, now) : clock;
  return { ...closed, state: 'met', metAt: now };
}

/** pending | at_risk → paused. Met and breached clocks have nothing left to pause. */
export function pauseClock(clock: SlaClock, now: number): SlaClock {
  if (!isRunning(clock)) return clock;
  return { ...clock, state: 'paused', pausedAt: now };
}

/**
 * paused → the state held before the pause (at_risk if it had been marked, else pending), the
 * paused span added to `pausedTotalMs`. To auto-resume at the pause cap, pass the cap instant
 * (see `pauseCapReachedAt`) as `now`, not the time the timer happened to fire.
 */
export function resumeClock(clock: SlaClock, now: number): SlaClock {
  if (clock.state !== 'paused') return clock;
  const closed = closePause(clock, now);
  return { ...closed, state: closed.atRiskAt === undefined ? 'pending' : 'at_risk' };
}

/** Folds the running pause into `pausedTotalMs`; a `now` before `pausedAt` counts as zero. */
function closePause(clock: SlaClock, now: number): SlaClock {
  const { pausedAt, ...rest } = clock;
  const span = pausedAt === undefined ? 0 : Math.max(0, now - pausedAt);
  return { ...rest, pausedTotalMs: clock.pausedTotalMs + span };
}

/**
 * What the workflow should sleep until next, or null when nothing is scheduled (paused, met,
 * breached). At-risk comes first unless it falls on or after the deadline (ratio ≥ 1), in which
 * case the breach is the only event. Further breach windows are escalation.ts's concern.
 */
export function nextClockEvent(clock: SlaClock, atRiskRatio: number): ClockEvent | null {
  const deadline = effectiveDeadline(clock);
  if (clock.state === 'pending') {
    const atRisk = atRiskPoint(clock, atRiskRatio);
    return atRisk < deadline ? { kind: 'at_risk', at: atRisk } : { kind: 'breach', at: deadline };
  }
  if (clock.state === 'at_risk') return { kind: 'breach', at: deadline };
  return null;
}

/**
 * Applies every event due at `now`, in order, and reports them. Events are stamped with the
 * instant the rule says they happened (the at-risk point, the deadline), not with `now`, so a
 * worker that wakes late still records a breach at the deadline. Use this after every wake-up:
 * a timer armed before a pause may fire early, and then nothing is due.
 */
export function tickClock(
  clock: SlaClock,
  now: number,
  atRiskRatio: number,
): { clock: SlaClock; events: ClockEvent[] } {
  const events: ClockEvent[] = [];
  let current = clock;
  for (let event = nextClockEvent(current, atRiskRatio); event && event.at <= now; ) {
    current = event.kind === 'at_risk' ? markAtRisk(current, event.at) : breachClock(current, event.at);
    events.push(event);
    event = nextClockEvent(current, atRiskRatio);
  }
  return { clock: current, events };
}

/**
 * The API shape. `deadline` is the effective deadline; for a paused clock, passing `now` shows
 * the deadline as it would be if the clock resumed now (without it, the running pause is ignored).
 */
export function clockView(clock: SlaClock, now?: number): ClockView {
  const runningPause =
    clock.state === 'paused' && clock.pausedAt !== undefined && now !== undefined
      ? Math.max(0, now - clock.pausedAt)
      : 0;
  const view: ClockView = { state: clock.state, deadline: toIso(effectiveDeadline(clock) + runningPause) };
  if (clock.metAt !== undefined) view.metAt = toIso(clock.metAt);
  if (clock.breachedAt !== undefined) view.breachedAt = toIso(clock.breachedAt);
  return view;
}

function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

// ── Pause cap (SlaPolicy.maxPause is per complaint, so the workflow keeps the complaint's total) ──

/** A new pause may start only while some of the allowance is left. */
export function pauseAllowed(totalPausedMs: number, maxPauseMs: number): boolean {
  return remainingPauseMs(totalPausedMs, maxPauseMs) > 0;
}

/** Allowance left, never negative. */
export function remainingPauseMs(totalPausedMs: number, maxPauseMs: number): number {
  return Math.max(0, maxPauseMs - totalPausedMs);
}

/** When a pause that began at `pausedAt` exhausts the allowance: the workflow's auto-resume instant. */
export function pauseCapReachedAt(pausedAt: number, totalPausedMs: number, maxPauseMs: number): number {
  return pausedAt + remainingPauseMs(totalPausedMs, maxPauseMs);
}
