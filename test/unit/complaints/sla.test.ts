import { describe, expect, it } from 'vitest';
import {
  advanceSla,
  clockViews,
  escalateManually,
  meetSlaClock,
  newSlaState,
  nextDeadline,
  nextSlaEventAt,
  pauseAll,
  pauseRefusal,
  resumeAll,
  startSlaClock,
  stopAllClocks,
  type SlaState,
} from '../../../domain/complaints/sla.js';

const S = 1_000;
const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const settings = { atRiskRatio: 0.8, breachWindowMs: 10 * S, maxPauseMs: 5 * S };

/** firstResponse 10 s, resolution 20 s, both from T0. */
function fresh(severity: 'general' | 'major' | 'urgent' = 'general'): SlaState {
  let s = newSlaState(severity, settings);
  s = startSlaClock(s, 'firstResponse', T0, T0 + 10 * S);
  return startSlaClock(s, 'resolution', T0, T0 + 20 * S);
}

describe('scheduling across clocks', () => {
  it('sleeps until the earliest event of any clock', () => {
    expect(nextSlaEventAt(fresh())).toBe(T0 + 8 * S); // first-response at risk
  });

  it('nothing is due before its instant', () => {
    const { state, events } = advanceSla(fresh(), T0 + 8 * S - 1);
    expect(events).toEqual([]);
    expect(state.clocks.firstResponse!.state).toBe('pending');
  });

  it('applies every due event in time order, stamped with its own instant, however late the wake-up', () => {
    const { state, events } = advanceSla(fresh(), T0 + 17 * S);
    expect(events.map((e) => [e.kind, 'clock' in e ? e.clock : '', e.at - T0])).toEqual([
      ['at_risk', 'firstResponse', 8 * S],
      ['breach', 'firstResponse', 10 * S],
      ['at_risk', 'resolution', 16 * S],
    ]);
    expect(state.level).toBe(1);
    expect(state.clocks.firstResponse!.breachedAt).toBe(T0 + 10 * S);
    expect(nextSlaEventAt(state)).toBe(T0 + 20 * S); // resolution breach before the first further window
  });

  it('a late wake-up records the same history as a punctual one', () => {
    let punctual = fresh();
    for (let t = T0; t <= T0 + 45 * S; t += 500) punctual = advanceSla(punctual, t).state;
    const late = advanceSla(fresh(), T0 + 45 * S).state;
    expect(late).toEqual(punctual);
  });
});

describe('breach escalation', () => {
  it('a breach climbs one level from the current one and is recorded with the level reached', () => {
    const { state, events } = advanceSla(fresh(), T0 + 10 * S);
    const breach = events.find((e) => e.kind === 'breach');
    expect(breach).toMatchObject({ clock: 'firstResponse', window: 0, fromLevel: 0, toLevel: 1, escalated: true, notifyCompliance: false });
    expect(state.breaches).toEqual([{ clock: 'firstResponse', at: new Date(T0 + 10 * S).toISOString(), level: 1, window: 0 }]);
  });

  it('two clocks breaching climb two levels', () => {
    const { state } = advanceSla({ ...fresh(), settings: { ...settings, breachWindowMs: 100 * S } }, T0 + 20 * S);
    expect(state.breaches.map((b) => [b.clock, b.level])).toEqual([
      ['firstResponse', 1],
      ['resolution', 2],
    ]);
  });

  it('each further breach window without progress climbs one more level, up to the chair', () => {
    let s = newSlaState('general', settings);
    s = startSlaClock(s, 'resolution', T0, T0 + 10 * S);
    const after = advanceSla(s, T0 + 100 * S);
    expect(after.state.breaches.map((b) => [b.window, b.level, Date.parse(b.at) - T0])).toEqual([
      [0, 1, 10 * S],
      [1, 2, 20 * S],
      [2, 3, 30 * S],
    ]);
    expect(after.state.level).toBe(3);
    expect(nextSlaEventAt(after.state)).toBeNull(); // nothing left to climb
  });

  it('meeting the breached clock stops the climb (late stays breached, metAt kept)', () => {
    let s = newSlaState('general', settings);
    s = startSlaClock(s, 'resolution', T0, T0 + 10 * S);
    s = advanceSla(s, T0 + 12 * S).state;
    s = meetSlaClock(s, 'resolution', T0 + 12 * S);
    expect(s.clocks.resolution).toMatchObject({ state: 'breached', metAt: T0 + 12 * S });
    const later = advanceSla(s, T0 + 100 * S);
    expect(later.events).toEqual([]);
    expect(later.state.level).toBe(1);
  });

  it('major and urgent breaches notify compliance, general ones do not — further windows included', () => {
    for (const [severity, expected] of [['general', false], ['major', true], ['urgent', true]] as const) {
      let s = newSlaState(severity, settings);
      s = startSlaClock(s, 'resolution', T0, T0 + 10 * S);
      const breaches = advanceSla(s, T0 + 20 * S).events.filter((e) => e.kind === 'breach');
      expect(breaches).toHaveLength(2);
      for (const b of breaches) expect(b.kind === 'breach' && b.notifyCompliance).toBe(expected);
    }
  });

  it('a breach at the chair is still recorded, without climbing', () => {
    let s: SlaState = { ...newSlaState('urgent', settings), level: 3 };
    s = startSlaClock(s, 'appeal', T0, T0 + 10 * S);
    const { state, events } = advanceSla(s, T0 + 10 * S);
    expect(events.at(-1)).toMatchObject({ kind: 'breach', escalated: false, toLevel: 3, notifyCompliance: true });
    expect(state.breaches).toHaveLength(1);
  });

  it('a restarted clock (reopen) forgets the old breach and its climbs', () => {
    let s = newSlaState('general', settings);
    s = startSlaClock(s, 'resolution', T0, T0 + 10 * S);
    s = advanceSla(s, T0 + 15 * S).state;
    s = startSlaClock(s, 'resolution', T0 + 15 * S, T0 + 115 * S);
    expect(s.clocks.resolution!.state).toBe('pending');
    expect(nextSlaEventAt(s)).toBe(T0 + 95 * S); // the new window's at-risk point, no climb at 20 s
  });

  it('manual escalation climbs one level and refuses beyond the chair', () => {
    let s: SlaState | null = fresh();
    for (let i = 1; i <= 3; i++) {
      s = escalateManually(s!);
      expect(s!.level).toBe(i);
    }
    expect(escalateManually(s!)).toBeNull();
  });
});

describe('pause', () => {
  it('pauses every running clock; time paused is excluded from the windows', () => {
    let s = pauseAll(fresh(), T0 + 2 * S);
    expect(Object.values(clockViews(s)).map((c) => c.state)).toEqual(['paused', 'paused']);
    expect(nextSlaEventAt(s)).toBe(T0 + 7 * S); // only the cap: 5 s allowance
    s = resumeAll(s, T0 + 4 * S);
    expect(s.pausedTotalMs).toBe(2 * S);
    expect(clockViews(s).firstResponse!.deadline).toBe(new Date(T0 + 12 * S).toISOString());
    expect(nextSlaEventAt(s)).toBe(T0 + 10 * S); // at-risk moved from 8 s to 10 s
  });

  it('a paused complaint neither turns at risk nor breaches', () => {
    const s = pauseAll(fresh(), T0 + S);
    const { events } = advanceSla({ ...s, settings: { ...settings, maxPauseMs: 1000 * S } }, T0 + 100 * S);
    expect(events).toEqual([]);
  });

  it('the cap resumes the complaint by itself at the cap instant, and no further pause is allowed', () => {
    let s = pauseAll(fresh(), T0 + S);
    const { state, events } = advanceSla(s, T0 + 20 * S);
    expect(events[0]).toEqual({ kind: 'pause_cap', at: T0 + 6 * S });
    expect(state.pausedAt).toBeNull();
    expect(state.pausedTotalMs).toBe(5 * S);
    // the clocks ran again from 6 s: first response at risk at 13 s, breached at 15 s
    expect(events.slice(1).map((e) => [e.kind, e.at - T0])).toEqual([
      ['at_risk', 13 * S],
      ['breach', 15 * S],
    ]);
    s = state;
    expect(pauseRefusal(s)).toBe('the pause allowance of this complaint is used up');
  });

  it('refuses a second pause while paused, allows another while allowance is left', () => {
    let s = pauseAll(fresh(), T0);
    expect(pauseRefusal(s)).toBe('the complaint is already paused');
    s = resumeAll(s, T0 + 2 * S);
    expect(pauseRefusal(s)).toBeNull();
    s = pauseAll(s, T0 + 3 * S);
    expect(nextSlaEventAt(s)).toBe(T0 + 6 * S); // 3 s of allowance left
  });

  it('a clock started while paused starts paused', () => {
    const s = startSlaClock(pauseAll(fresh(), T0 + S), 'investigation', T0 + 2 * S, T0 + 12 * S);
    expect(s.clocks.investigation!.state).toBe('paused');
    const resumed = resumeAll(s, T0 + 3 * S);
    expect(clockViews(resumed).investigation!.deadline).toBe(new Date(T0 + 13 * S).toISOString());
  });
});

describe('closing and the inbox deadline', () => {
  it('stopAllClocks meets what runs, keeps breached clocks breached and ends a pause', () => {
    let s = advanceSla(fresh(), T0 + 11 * S).state; // first response breached
    s = pauseAll(s, T0 + 11 * S);
    s = stopAllClocks(s, T0 + 12 * S);
    expect(s.pausedAt).toBeNull();
    expect(s.clocks.firstResponse).toMatchObject({ state: 'breached', metAt: T0 + 12 * S });
    expect(s.clocks.resolution).toMatchObject({ state: 'met', metAt: T0 + 12 * S });
    expect(nextSlaEventAt(s)).toBeNull();
  });

  it('nextDeadline is the soonest clock still running against the bank', () => {
    let s = fresh();
    expect(nextDeadline(s)).toEqual({ clock: 'firstResponse', deadline: T0 + 10 * S, state: 'pending' });
    s = meetSlaClock(s, 'firstResponse', T0 + S);
    expect(nextDeadline(s)).toEqual({ clock: 'resolution', deadline: T0 + 20 * S, state: 'pending' });
    s = meetSlaClock(s, 'resolution', T0 + 2 * S);
    expect(nextDeadline(s)).toBeNull();
  });
});
