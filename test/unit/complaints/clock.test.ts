import { describe, it, expect } from 'vitest';
import {
  atRiskPoint,
  breachClock,
  clockView,
  effectiveDeadline,
  markAtRisk,
  meetClock,
  nextClockEvent,
  pauseAllowed,
  pauseCapReachedAt,
  pauseClock,
  remainingPauseMs,
  resumeClock,
  startClock,
  tickClock,
  type SlaClock,
} from '../../../domain/complaints/clock.js';

const H = 3_600_000;
const T0 = Date.parse('2025-01-06T01:00:00.000Z');
/** 10-hour window: at risk at 8 h with the default 0.8 ratio. */
const fresh = (): SlaClock => startClock('firstResponse', T0, T0 + 10 * H);
const RATIO = 0.8;

describe('startClock', () => {
  it('starts pending with the window measured from start to deadline', () => {
    expect(fresh()).toEqual({
      name: 'firstResponse',
      startedAt: T0,
      deadline: T0 + 10 * H,
      windowMs: 10 * H,
      state: 'pending',
      pausedTotalMs: 0,
    });
  });

  it('clamps a deadline already in the past to a zero window', () => {
    const c = startClock('resolution', T0, T0 - H);
    expect(c.windowMs).toBe(0);
    expect(nextClockEvent(c, RATIO)).toEqual({ kind: 'breach', at: T0 - H });
  });

  it('has the deadline as effective deadline before any pause', () => {
    expect(effectiveDeadline(fresh())).toBe(T0 + 10 * H);
  });
});

describe('markAtRisk', () => {
  it('pending → at_risk, recording when', () => {
    const c = markAtRisk(fresh(), T0 + 8 * H);
    expect(c.state).toBe('at_risk');
    expect(c.atRiskAt).toBe(T0 + 8 * H);
  });

  it('does not mutate its input', () => {
    const c = fresh();
    markAtRisk(c, T0 + 8 * H);
    expect(c.state).toBe('pending');
    expect(c.atRiskAt).toBeUndefined();
  });

  it.each([
    ['at_risk', markAtRisk(fresh(), T0 + 8 * H)],
    ['paused', pauseClock(fresh(), T0 + H)],
    ['met', meetClock(fresh(), T0 + H)],
    ['breached', breachClock(fresh(), T0 + 10 * H)],
  ])('is a no-op (same object) on a %s clock', (_state, c) => {
    expect(markAtRisk(c, T0 + 9 * H)).toBe(c);
  });
});

describe('breachClock', () => {
  it('pending → breached', () => {
    const c = breachClock(fresh(), T0 + 10 * H);
    expect(c.state).toBe('breached');
    expect(c.breachedAt).toBe(T0 + 10 * H);
  });

  it('at_risk → breached, keeping when it turned at risk', () => {
    const c = breachClock(markAtRisk(fresh(), T0 + 8 * H), T0 + 10 * H);
    expect(c).toMatchObject({ state: 'breached', atRiskAt: T0 + 8 * H, breachedAt: T0 + 10 * H });
  });

  it.each([
    ['paused', pauseClock(fresh(), T0 + H)],
    ['met', meetClock(fresh(), T0 + H)],
    ['breached', breachClock(fresh(), T0 + 10 * H)],
  ])('is a no-op on a %s clock', (_state, c) => {
    expect(breachClock(c, T0 + 11 * H)).toBe(c);
  });
});

describe('meetClock', () => {
  it('pending → met', () => {
    expect(meetClock(fresh(), T0 + H)).toMatchObject({ state: 'met', metAt: T0 + H });
  });

  it('at_risk → met', () => {
    expect(meetClock(markAtRisk(fresh(), T0 + 8 * H), T0 + 9 * H)).toMatchObject({
      state: 'met',
      metAt: T0 + 9 * H,
      atRiskAt: T0 + 8 * H,
    });
  });

  it('paused → met, closing the running pause', () => {
    const c = meetClock(pauseClock(fresh(), T0 + H), T0 + 3 * H);
    expect(c.state).toBe('met');
    expect(c.metAt).toBe(T0 + 3 * H);
    expect(c.pausedAt).toBeUndefined();
    expect(c.pausedTotalMs).toBe(2 * H);
  });

  it('a met clock is a no-op (keeps the first metAt)', () => {
    const c = meetClock(fresh(), T0 + H);
    expect(meetClock(c, T0 + 2 * H)).toBe(c);
  });

  it('breach then met: stays breached, records metAt (late stays late)', () => {
    const c = meetClock(breachClock(fresh(), T0 + 10 * H), T0 + 12 * H);
    expect(c).toMatchObject({ state: 'breached', breachedAt: T0 + 10 * H, metAt: T0 + 12 * H });
    expect(clockView(c)).toMatchObject({ state: 'breached', metAt: new Date(T0 + 12 * H).toISOString() });
  });

  it('meeting a breached clock twice keeps the first metAt', () => {
    const c = meetClock(breachClock(fresh(), T0 + 10 * H), T0 + 12 * H);
    expect(meetClock(c, T0 + 13 * H)).toBe(c);
  });
});

describe('pauseClock / resumeClock', () => {
  it('pending → paused → pending, the deadline moving by the paused span', () => {
    const paused = pauseClock(fresh(), T0 + 2 * H);
    expect(paused).toMatchObject({ state: 'paused', pausedAt: T0 + 2 * H, pausedTotalMs: 0 });
    const resumed = resumeClock(paused, T0 + 5 * H);
    expect(resumed.state).toBe('pending');
    expect(resumed.pausedAt).toBeUndefined();
    expect(resumed.pausedTotalMs).toBe(3 * H);
    expect(resumed.deadline).toBe(T0 + 10 * H); // the original is kept
    expect(effectiveDeadline(resumed)).toBe(T0 + 13 * H);
  });

  it('at_risk → paused → at_risk (the state held before pausing)', () => {
    const atRisk = markAtRisk(fresh(), T0 + 8 * H);
    const resumed = resumeClock(pauseClock(atRisk, T0 + 8.5 * H), T0 + 9 * H);
    expect(resumed.state).toBe('at_risk');
    expect(effectiveDeadline(resumed)).toBe(T0 + 10.5 * H);
  });

  it('several pauses accumulate', () => {
    let c = fresh();
    c = resumeClock(pauseClock(c, T0 + H), T0 + 2 * H);
    c = resumeClock(pauseClock(c, T0 + 3 * H), T0 + 5 * H);
    expect(c.pausedTotalMs).toBe(3 * H);
    expect(effectiveDeadline(c)).toBe(T0 + 13 * H);
  });

  it('a resume before the pause began counts as zero', () => {
    const c = resumeClock(pauseClock(fresh(), T0 + 2 * H), T0 + H);
    expect(c.pausedTotalMs).toBe(0);
    expect(c.state).toBe('pending');
  });

  it.each([
    ['paused', pauseClock(fresh(), T0 + H)],
    ['met', meetClock(fresh(), T0 + H)],
    ['breached', breachClock(fresh(), T0 + 10 * H)],
  ])('pausing a %s clock is a no-op', (_state, c) => {
    expect(pauseClock(c, T0 + 2 * H)).toBe(c);
  });

  it.each([
    ['pending', fresh()],
    ['at_risk', markAtRisk(fresh(), T0 + 8 * H)],
    ['met', meetClock(fresh(), T0 + H)],
    ['breached', breachClock(fresh(), T0 + 10 * H)],
  ])('resuming a %s clock is a no-op', (_state, c) => {
    expect(resumeClock(c, T0 + 2 * H)).toBe(c);
  });
});

describe('atRiskPoint', () => {
  it('is start + ratio × window', () => {
    expect(atRiskPoint(fresh(), RATIO)).toBe(T0 + 8 * H);
    expect(atRiskPoint(fresh(), 0.5)).toBe(T0 + 5 * H);
  });

  it('moves by the paused time', () => {
    const c = resumeClock(pauseClock(fresh(), T0 + H), T0 + 3 * H);
    expect(atRiskPoint(c, RATIO)).toBe(T0 + 10 * H);
  });

  it('ignores a pause still running (counted once resumed)', () => {
    expect(atRiskPoint(pauseClock(fresh(), T0 + H), RATIO)).toBe(T0 + 8 * H);
  });

  it('is a whole millisecond despite float ratios', () => {
    const c = startClock('resolution', 0, 1000);
    expect(atRiskPoint(c, 0.7)).toBe(700);
    expect(Number.isInteger(atRiskPoint(startClock('resolution', 0, 3), 0.5))).toBe(true);
  });
});

describe('nextClockEvent', () => {
  it('pending: at-risk comes before the breach', () => {
    expect(nextClockEvent(fresh(), RATIO)).toEqual({ kind: 'at_risk', at: T0 + 8 * H });
  });

  it('at_risk: the breach at the effective deadline', () => {
    expect(nextClockEvent(markAtRisk(fresh(), T0 + 8 * H), RATIO)).toEqual({ kind: 'breach', at: T0 + 10 * H });
  });

  it('follows the pause: both events shift after a resume', () => {
    const c = resumeClock(pauseClock(fresh(), T0 + H), T0 + 4 * H);
    expect(nextClockEvent(c, RATIO)).toEqual({ kind: 'at_risk', at: T0 + 11 * H });
    expect(nextClockEvent(markAtRisk(c, T0 + 11 * H), RATIO)).toEqual({ kind: 'breach', at: T0 + 13 * H });
  });

  it('a ratio of 1 or more skips straight to the breach', () => {
    expect(nextClockEvent(fresh(), 1)).toEqual({ kind: 'breach', at: T0 + 10 * H });
    expect(nextClockEvent(fresh(), 1.5)).toEqual({ kind: 'breach', at: T0 + 10 * H });
  });

  it('a ratio of 0 is at risk from the start', () => {
    expect(nextClockEvent(fresh(), 0)).toEqual({ kind: 'at_risk', at: T0 });
  });

  it.each([
    ['paused', pauseClock(fresh(), T0 + H)],
    ['met', meetClock(fresh(), T0 + H)],
    ['breached', breachClock(fresh(), T0 + 10 * H)],
  ])('nothing to wait for on a %s clock', (_state, c) => {
    expect(nextClockEvent(c, RATIO)).toBeNull();
  });
});

describe('tickClock', () => {
  it('nothing due: same clock, no events', () => {
    const c = fresh();
    const r = tickClock(c, T0 + 7 * H, RATIO);
    expect(r.clock).toBe(c);
    expect(r.events).toEqual([]);
  });

  it('at the at-risk point: marks at risk only', () => {
    const r = tickClock(fresh(), T0 + 8 * H, RATIO);
    expect(r.events).toEqual([{ kind: 'at_risk', at: T0 + 8 * H }]);
    expect(r.clock.state).toBe('at_risk');
  });

  it('waking late past the deadline: both events, in order, stamped at their scheduled instants', () => {
    const r = tickClock(fresh(), T0 + 30 * H, RATIO);
    expect(r.events).toEqual([
      { kind: 'at_risk', at: T0 + 8 * H },
      { kind: 'breach', at: T0 + 10 * H },
    ]);
    expect(r.clock).toMatchObject({ state: 'breached', atRiskAt: T0 + 8 * H, breachedAt: T0 + 10 * H });
  });

  it('a timer armed before a pause fires early after resume: nothing happens', () => {
    const c = resumeClock(pauseClock(fresh(), T0 + H), T0 + 3 * H);
    const r = tickClock(c, T0 + 8 * H, RATIO); // the old at-risk instant
    expect(r.events).toEqual([]);
    expect(r.clock).toBe(c);
  });

  it('a paused clock never ticks', () => {
    const c = pauseClock(fresh(), T0 + H);
    expect(tickClock(c, T0 + 100 * H, RATIO)).toEqual({ clock: c, events: [] });
  });
});

describe('clockView', () => {
  it('shows the effective deadline as ISO', () => {
    expect(clockView(fresh())).toEqual({ state: 'pending', deadline: '2025-01-06T11:00:00.000Z' });
    const c = resumeClock(pauseClock(fresh(), T0 + H), T0 + 2 * H);
    expect(clockView(c).deadline).toBe('2025-01-06T12:00:00.000Z');
  });

  it('includes metAt / breachedAt when set', () => {
    expect(clockView(meetClock(fresh(), T0 + H))).toEqual({
      state: 'met',
      deadline: '2025-01-06T11:00:00.000Z',
      metAt: '2025-01-06T02:00:00.000Z',
    });
    expect(clockView(breachClock(fresh(), T0 + 10 * H))).toEqual({
      state: 'breached',
      deadline: '2025-01-06T11:00:00.000Z',
      breachedAt: '2025-01-06T11:00:00.000Z',
    });
  });

  it('paused: without now the running pause is not counted; with now it is', () => {
    const c = pauseClock(fresh(), T0 + H);
    expect(clockView(c)).toEqual({ state: 'paused', deadline: '2025-01-06T11:00:00.000Z' });
    expect(clockView(c, T0 + 3 * H).deadline).toBe('2025-01-06T13:00:00.000Z');
  });

  it('ignores now for a clock that is not paused', () => {
    expect(clockView(fresh(), T0 + 5 * H).deadline).toBe('2025-01-06T11:00:00.000Z');
  });
});

describe('pause cap', () => {
  const MAX = 5 * H;

  it('pauseAllowed while some allowance is left', () => {
    expect(pauseAllowed(0, MAX)).toBe(true);
    expect(pauseAllowed(MAX - 1, MAX)).toBe(true);
    expect(pauseAllowed(MAX, MAX)).toBe(false);
    expect(pauseAllowed(MAX + H, MAX)).toBe(false);
    expect(pauseAllowed(0, 0)).toBe(false);
  });

  it('remainingPauseMs never goes negative', () => {
    expect(remainingPauseMs(0, MAX)).toBe(MAX);
    expect(remainingPauseMs(2 * H, MAX)).toBe(3 * H);
    expect(remainingPauseMs(7 * H, MAX)).toBe(0);
  });

  it('pauseCapReachedAt is the auto-resume instant', () => {
    expect(pauseCapReachedAt(T0, 0, MAX)).toBe(T0 + MAX);
    expect(pauseCapReachedAt(T0, 2 * H, MAX)).toBe(T0 + 3 * H);
    expect(pauseCapReachedAt(T0, MAX, MAX)).toBe(T0);
  });

  it('auto-resume at the cap moves the deadline by exactly the remaining allowance', () => {
    const totalBefore = 2 * H;
    const paused = pauseClock(fresh(), T0 + H);
    const capAt = pauseCapReachedAt(T0 + H, totalBefore, MAX);
    const resumed = resumeClock(paused, capAt);
    expect(resumed.pausedTotalMs).toBe(3 * H);
    expect(effectiveDeadline(resumed)).toBe(T0 + 13 * H);
    expect(pauseAllowed(totalBefore + resumed.pausedTotalMs, MAX)).toBe(false);
  });
});
