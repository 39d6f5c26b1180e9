import { describe, expect, it } from 'vitest';
import { systemActor } from '../../../domain/actor.js';
import { decisionCheck, newProposalState, nextProposalEventAt, proposalView, reminderAt, type ProposalInput } from '../../../domain/targets/proposal.js';
import { defaultKpiTargets, gateCycleOverTarget, targetChanges, targetMisses, weightedResolutionTarget } from '../../../domain/targets/targets.js';

describe('judging figures against the targets', () => {
  it('a unit’s resolution target weighs each settled complaint with its severity’s target', () => {
    expect(weightedResolutionTarget({ general: 3, urgent: 3 }, defaultKpiTargets)).toBe(0.965);
    expect(weightedResolutionTarget({ general: 2, urgent: 1 }, defaultKpiTargets)).toBe(0.96);
    expect(weightedResolutionTarget({}, defaultKpiTargets)).toBeNull();
  });

  it('names each targeted KPI a figure misses; a missing figure misses nothing', () => {
    const f = { firstResponseOnTime: 0.89, resolutionOnTime: 0.95, resolutionOnTimeTarget: 0.96, resolutionRate: 0.98, satisfaction: null };
    expect(targetMisses(f, defaultKpiTargets)).toEqual(['firstResponseOnTime', 'resolutionOnTime']);
    expect(targetMisses({ ...f, firstResponseOnTime: 0.9, resolutionOnTimeTarget: null }, defaultKpiTargets)).toEqual([]);
    expect(targetMisses({ ...f, resolutionRate: 0.5, satisfaction: 0.8 }, defaultKpiTargets)).toEqual(['firstResponseOnTime', 'resolutionOnTime', 'resolutionRate', 'satisfaction']);
  });

  it('a gate review cycle misses when it takes longer than the target', () => {
    expect(gateCycleOverTarget(45, defaultKpiTargets)).toBe(false);
    expect(gateCycleOverTarget(45.5, defaultKpiTargets)).toBe(true);
    expect(gateCycleOverTarget(null, defaultKpiTargets)).toBe(false);
  });

  it('lists what a proposal changes', () => {
    expect(targetChanges(defaultKpiTargets, { ...defaultKpiTargets, resolutionRate: 0.99, resolutionOnTime: { ...defaultKpiTargets.resolutionOnTime, major: 0.9 } })).toEqual(['resolutionRate: 0.98 → 0.99', 'resolutionOnTime.major: 0.95 → 0.9']);
    expect(targetChanges(defaultKpiTargets, defaultKpiTargets)).toEqual([]);
  });
});

const input: ProposalInput = { id: 'p-1', targets: { ...defaultKpiTargets, satisfaction: 0.95 }, reason: 'why not', proposedBy: { userId: 'ada', name: 'Ada', roles: ['admin'] }, proposedAt: '2026-03-02T01:00:00.000Z' };
const setup = { base: { targets: defaultKpiTargets, version: 2 }, chairUserId: 'gm', deadline: '2026-03-09T10:00:00.000Z', reminderAt: '2026-03-06T00:00:00.000Z', reviewPolicyVersion: 1 };

describe('a target proposal', () => {
  it('only the chair decides, never their own proposal; a meeting decides through its process', () => {
    const state = newProposalState(setup);
    expect(decisionCheck(input, state, { userId: 'gm', name: 'Grace', roles: [] }, { kind: 'chair' }).ok).toBe(true);
    expect(decisionCheck(input, state, { userId: 'm1', name: 'Mina', roles: ['supervisor'] }, { kind: 'chair' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decisionCheck({ ...input, proposedBy: { userId: 'gm', name: 'Grace', roles: ['admin'] } }, state, { userId: 'gm', name: 'Grace', roles: [] }, { kind: 'chair' })).toMatchObject({ ok: false, message: expect.stringContaining('separation of duties') });
    expect(decisionCheck(input, state, systemActor, { kind: 'meeting', meetingId: 'm-2026-03' }).ok).toBe(true);
    expect(decisionCheck(input, state, { userId: 'gm', name: 'Grace', roles: [] }, { kind: 'meeting', meetingId: 'm' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decisionCheck(input, { ...state, status: 'lapsed' }, { userId: 'gm', name: 'Grace', roles: [] }, { kind: 'chair' })).toEqual({ ok: false, code: 'conflict', message: 'decision refused: the proposal is lapsed' });
    expect(decisionCheck(input, { ...state, chairUserId: null }, { userId: 'gm', name: 'Grace', roles: [] }, { kind: 'chair' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('wakes for the reminder, then the deadline, then never', () => {
    const state = newProposalState(setup);
    expect(nextProposalEventAt(state)).toEqual({ kind: 'reminder', at: Date.parse(setup.reminderAt) });
    expect(nextProposalEventAt({ ...state, reminded: true })).toEqual({ kind: 'deadline', at: Date.parse(setup.deadline) });
    expect(nextProposalEventAt({ ...state, status: 'approved' })).toBeNull();
    expect(reminderAt(0, 1_000, 0.6)).toBe(600);
  });

  it('shows what would change against the targets it was made against', () => {
    expect(proposalView(input, newProposalState(setup))).toMatchObject({ status: 'pending', changes: ['satisfaction: 0.9 → 0.95'], base: { version: 2 }, chairUserId: 'gm', version: 0 });
  });
});
