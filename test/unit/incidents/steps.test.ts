import { describe, expect, it } from 'vitest';
import { defaultIncidentPolicy } from '../../../domain/incidents/policy.js';
import { advanceIncidentClocks, incidentRecord, incidentView, newIncidentState } from '../../../domain/incidents/process.js';
import { allowedIncidentCommands, incidentAccess, incidentStatusAfter } from '../../../domain/incidents/rules.js';
import { applyStepEvent, levelAfter, meetStep, nextStepEvent, startStep } from '../../../domain/incidents/steps.js';
import type { IncidentInput } from '../../../domain/incidents/types.js';

const t0 = Date.parse('2026-03-02T01:00:00Z');
const min = 60_000;

describe('a step’s deadline', () => {
  it('reminds at the ratio, breaches at the deadline, climbs one escalation window later', () => {
    let c = startStep('review', t0, t0 + 100 * min, t0 + 160 * min, 0.6);
    expect(c.reminderAt).toBe(t0 + 60 * min);
    expect(nextStepEvent(c)).toEqual({ kind: 'reminder', step: 'review', at: t0 + 60 * min });
    c = applyStepEvent(c, nextStepEvent(c)!);
    expect(nextStepEvent(c)).toEqual({ kind: 'breach', step: 'review', at: t0 + 100 * min });
    c = applyStepEvent(c, nextStepEvent(c)!);
    expect(nextStepEvent(c)).toEqual({ kind: 'climb', step: 'review', at: t0 + 160 * min });
    c = applyStepEvent(c, nextStepEvent(c)!);
    expect(nextStepEvent(c)).toBeNull();
  });

  it('done in time is met; done late stays breached with when it was done, and climbs no more', () => {
    const c = startStep('plan', t0, t0 + 10 * min, t0 + 20 * min, 0.5);
    expect(meetStep(c, t0 + min)).toMatchObject({ state: 'met', metAt: t0 + min });
    expect(nextStepEvent(meetStep(c, t0 + min))).toBeNull();
    const late = meetStep(applyStepEvent(c, { kind: 'breach', step: 'plan', at: t0 + 10 * min }), t0 + 12 * min);
    expect(late).toMatchObject({ state: 'breached', metAt: t0 + 12 * min });
    expect(nextStepEvent(late)).toBeNull();
  });

  it('a ratio of 1 has no reminder before the breach; a climb never precedes the deadline', () => {
    const c = startStep('owner', t0, t0 + 10 * min, t0, 1);
    expect(nextStepEvent(c)).toEqual({ kind: 'breach', step: 'owner', at: t0 + 10 * min });
    expect(c.climbAt).toBe(t0 + 10 * min);
  });

  it('a breach reaches the supervisors, a climb the chair; reminders change nothing', () => {
    expect(levelAfter(0, { kind: 'reminder', step: 'plan', at: 0 })).toBe(0);
    expect(levelAfter(0, { kind: 'breach', step: 'plan', at: 0 })).toBe(1);
    expect(levelAfter(2, { kind: 'breach', step: 'review', at: 0 })).toBe(2);
    expect(levelAfter(1, { kind: 'climb', step: 'plan', at: 0 })).toBe(2);
  });
});

const input: IncidentInput = {
  id: 'i-1',
  trigger: { dimension: 'product', value: 'card-1', windowFrom: '2026-03-01T01:00:00.000Z', windowTo: '2026-03-02T01:00:00.000Z', count: 7, baseline: 1, threshold: 5 },
  complaintIds: ['c1', 'c2'],
  raisedAt: '2026-03-02T01:00:00.000Z',
  policy: defaultIncidentPolicy,
  policyVersion: 3,
};

describe('an incident’s clock events', () => {
  it('apply in time order, each stamped with its own instant, recording breaches with their level', () => {
    const state = newIncidentState(input, startStep('owner', t0, t0 + 10 * min, t0 + 15 * min, 0.6));
    const events = advanceIncidentClocks(state, t0 + 60 * min);
    expect(events.map((e) => [e.kind, e.at - t0, e.fromLevel, e.toLevel])).toEqual([
      ['reminder', 6 * min, 0, 0],
      ['breach', 10 * min, 0, 1],
      ['climb', 15 * min, 1, 2],
    ]);
    expect(state.breaches).toEqual([
      { step: 'owner', at: new Date(t0 + 10 * min).toISOString(), level: 1 },
      { step: 'owner', at: new Date(t0 + 15 * min).toISOString(), level: 2 },
    ]);
    expect(advanceIncidentClocks(state, t0 + 120 * min)).toEqual([]);
  });

  it('the view and the projection row show the running step and its deadline', () => {
    const state = newIncidentState(input, startStep('owner', t0, t0 + 10 * min, t0 + 15 * min, 0.6));
    const view = incidentView(input, state);
    expect(view).toMatchObject({ status: 'open', nextStep: 'owner', escalationLevel: 0, complaints: [{ id: 'c1', via: 'spike' }, { id: 'c2', via: 'spike' }], policyVersion: 3 });
    expect(incidentRecord(input, 'incident-i-1', view)).toMatchObject({ dimension: 'product', value: 'card-1', nextStep: 'owner', nextDeadline: new Date(t0 + 10 * min).toISOString(), nextDeadlineState: 'pending', complaintCount: 2 });
  });
});

describe('the incident’s state table and who may act', () => {
  it('assign, then plan, then review closes; a closed incident takes nothing', () => {
    expect(allowedIncidentCommands('open')).toEqual(['assign']);
    expect(incidentStatusAfter('open', 'assign')).toEqual({ ok: true, status: 'assigned' });
    expect(incidentStatusAfter('assigned', 'plan')).toEqual({ ok: true, status: 'responding' });
    expect(incidentStatusAfter('responding', 'plan')).toEqual({ ok: true, status: 'responding' });
    expect(incidentStatusAfter('responding', 'review')).toEqual({ ok: true, status: 'closed' });
    expect(incidentStatusAfter('open', 'review')).toEqual({ ok: false, reason: "'review' is not allowed while the incident is 'open' (allowed: assign)" });
    expect(incidentStatusAfter('closed', 'assign')).toEqual({ ok: false, reason: "'assign' is not allowed while the incident is 'closed' (allowed: none)" });
  });

  it('a supervisor names the owner; the owner or a supervisor plans and reviews', () => {
    const sup = { userId: 'sue', name: 'Sue', roles: ['supervisor'] };
    const pat = { userId: 'pat', name: 'Pat', roles: ['product_owner'] };
    const owner = { userId: 'pat', name: 'Pat' };
    expect(incidentAccess('assign', sup, null).ok).toBe(true);
    expect(incidentAccess('assign', pat, owner).ok).toBe(false);
    expect(incidentAccess('plan', pat, owner).ok).toBe(true);
    expect(incidentAccess('review', sup, owner).ok).toBe(true);
    expect(incidentAccess('plan', { userId: 'cai', name: 'Cai', roles: ['cs_agent'] }, owner)).toEqual({ ok: false, code: 'forbidden', message: 'only the response owner (pat) or a supervisor may submit the response plan' });
  });
});
