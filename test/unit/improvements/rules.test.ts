import { describe, expect, it } from 'vitest';
import { applyDueEvent, dueState, levelAfterDue, nextDueEvent, startDue } from '../../../domain/improvements/clock.js';
import { comparisonPeriods, effectivenessVerdict } from '../../../domain/improvements/effectiveness.js';
import { improvementIdFor, validSource } from '../../../domain/improvements/ids.js';
import { advanceDue, dueBatch, newImprovementState } from '../../../domain/improvements/process.js';
import { allowedImprovementCommands, evidenceListProblem, improvementAccess, improvementStatusAfter, mayRaise, validDueDays, verifierOf } from '../../../domain/improvements/rules.js';
import { defaultImprovementPolicy, type ImprovementInput } from '../../../domain/improvements/types.js';

const actor = (userId: string, roles: string[] = []) => ({ userId, name: userId, roles });

describe('the state table', () => {
  it('lets the owner work and complete while in progress, the verifier decide while awaiting verification, nothing once closed', () => {
    expect(allowedImprovementCommands('in_progress')).toEqual(['progress', 'complete']);
    expect(allowedImprovementCommands('awaiting_verification')).toEqual(['verify', 'send_back']);
    expect(allowedImprovementCommands('closed')).toEqual([]);
  });
  it('leads complete → awaiting verification, send back → in progress, verify → closed', () => {
    expect(improvementStatusAfter('in_progress', 'complete')).toEqual({ ok: true, status: 'awaiting_verification' });
    expect(improvementStatusAfter('in_progress', 'progress')).toEqual({ ok: true, status: 'in_progress' });
    expect(improvementStatusAfter('awaiting_verification', 'send_back')).toEqual({ ok: true, status: 'in_progress' });
    expect(improvementStatusAfter('awaiting_verification', 'verify')).toEqual({ ok: true, status: 'closed' });
  });
  it('refuses a command out of turn, naming the state and what is allowed', () => {
    const r = improvementStatusAfter('in_progress', 'verify');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe("'verify' is not allowed while the action is 'in_progress' (allowed: progress, complete)");
    const closed = improvementStatusAfter('closed', 'progress');
    expect(!closed.ok && closed.reason).toContain('(allowed: none)');
  });
});

describe('who may act', () => {
  const who = { ownerId: 'owner', verifierId: 'sup' };
  it('the owner alone reports progress and completion', () => {
    expect(improvementAccess('progress', actor('owner'), who).ok).toBe(true);
    expect(improvementAccess('complete', actor('sup', ['supervisor']), who)).toMatchObject({ ok: false, code: 'forbidden' });
  });
  it('the verifier alone verifies and sends back; the owner may not verify their own work', () => {
    expect(improvementAccess('verify', actor('sup'), who).ok).toBe(true);
    expect(improvementAccess('send_back', actor('sup'), who).ok).toBe(true);
    expect(improvementAccess('verify', actor('owner'), who)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(improvementAccess('verify', actor('other', ['supervisor']), who)).toMatchObject({ ok: false, code: 'forbidden' });
  });
  it('without a verifier (no chair on the roster) a supervisor verifies', () => {
    expect(improvementAccess('verify', actor('any', ['supervisor']), { ownerId: 'owner', verifierId: null }).ok).toBe(true);
    expect(improvementAccess('verify', actor('any', ['cs_agent']), { ownerId: 'owner', verifierId: null }).ok).toBe(false);
  });
  it('the committee chair verifies committee and post-launch actions; the raiser verifies the rest', () => {
    expect(verifierOf('committee', 'sup', 'chair')).toBe('chair');
    expect(verifierOf('post_launch_review', 'chair', 'chair')).toBe('chair');
    expect(verifierOf('hot_issue', 'sup', 'chair')).toBe('sup');
    expect(verifierOf('audit_finding', 'auditor', 'chair')).toBe('auditor');
    expect(verifierOf('committee', 'sup', null)).toBeNull();
  });
  it('who may raise from which source', () => {
    expect(mayRaise('committee', { roles: ['supervisor'] }, false).ok).toBe(false);
    expect(mayRaise('post_launch_review', { roles: [] }, true).ok).toBe(true);
    expect(mayRaise('audit_finding', { roles: ['compliance_auditor'] }, false).ok).toBe(true);
    expect(mayRaise('hot_issue', { roles: ['compliance_auditor'] }, false).ok).toBe(false);
    expect(mayRaise('hot_issue', { roles: ['supervisor'] }, false).ok).toBe(true);
    expect(mayRaise('supervisor', { roles: ['cs_agent'] }, false).ok).toBe(false);
  });
});

describe('content checks', () => {
  it('due days are whole working days from 1 to 250', () => {
    for (const ok of [1, 10, 250]) expect(validDueDays(ok)).toBe(true);
    for (const bad of [0, -1, 251, 1.5, Number.NaN, '3', null]) expect(validDueDays(bad)).toBe(false);
  });
  it('evidence links are http(s) URLs with a note; completion needs one', () => {
    expect(evidenceListProblem([], false)).toBeNull();
    expect(evidenceListProblem([], true)).toBe('completion needs at least one evidence link');
    expect(evidenceListProblem([{ url: 'javascript:alert(1)', note: '' }], false)).toContain('http(s)');
    expect(evidenceListProblem([{ url: 'https://wiki.bank/x', note: 'minutes' }], true)).toBeNull();
    expect(evidenceListProblem('x', false)).toBe('evidence must be a list of links');
  });
  it('one source, one id; source ids are bounded and safe for a workflow id', () => {
    expect(improvementIdFor({ kind: 'committee', id: 'm-2026-11:3' })).toBe('committee.m-2026-11:3');
    expect(validSource({ kind: 'hot_issue', id: 'rootCause:fees' })).toBe(true);
    expect(validSource({ kind: 'hot_issue', id: 'a b' })).toBe(false);
    expect(validSource({ kind: 'nope', id: 'x' })).toBe(false);
    expect(validSource({ kind: 'incident', id: 'x'.repeat(121) })).toBe(false);
  });
});

describe('the escalation ladder: owner → department head → committee chair', () => {
  const clock = startDue(0, 1000, 1500, 0.8);
  it('reminds at the share of the window, is overdue at the due date, climbs one window later', () => {
    expect(clock.reminderAt).toBe(800);
    let c = clock;
    const seen: string[] = [];
    let level = 0;
    for (let e = nextDueEvent(c); e; e = nextDueEvent(c)) {
      seen.push(`${e.kind}@${e.at}`);
      level = levelAfterDue(level, e);
      c = applyDueEvent(c, e);
    }
    expect(seen).toEqual(['reminder@800', 'overdue@1000', 'climb@1500']);
    expect(level).toBe(2);
  });
  it('a worker waking late applies every event due, stamped with the rule’s instants, and drafts who hears', () => {
    const input = { id: 'x', title: 'T', ownerDepartment: 'Cards', raisedBy: actor('sup'), owner: { userId: 'owner', name: 'Owner' } } as unknown as ImprovementInput;
    const state = newImprovementState(input, { policy: defaultImprovementPolicy, policyVersion: 0, clock, verifierId: 'sup', chairUserId: 'chair', departmentHeadId: 'head' });
    state.owner = { userId: 'owner', name: 'Owner' };
    const events = advanceDue(state, 2000);
    expect(events.map((e) => [e.kind, e.at, e.toLevel])).toEqual([
      ['reminder', 800, 0],
      ['overdue', 1000, 1],
      ['climb', 1500, 2],
    ]);
    const batch = dueBatch(input, state, events);
    expect(batch.notes.map((n) => [n.topic, n.recipient])).toEqual([
      ['improvement.reminder', 'owner'],
      ['improvement.overdue', 'owner'],
      ['improvement.escalated', 'head'],
      ['improvement.escalated', 'chair'],
    ]);
    expect(dueState(state.clock, true)).toBe('overdue');
    expect(dueState(state.clock, false)).toBe('met');
  });
  it('without a department head or chair the supervisors are told', () => {
    const input = { id: 'x', title: 'T', ownerDepartment: 'Cards', raisedBy: actor('sup'), owner: { userId: 'owner', name: 'Owner' } } as unknown as ImprovementInput;
    const state = newImprovementState(input, { policy: defaultImprovementPolicy, policyVersion: 0, clock, verifierId: 'sup', chairUserId: null, departmentHeadId: null });
    const batch = dueBatch(input, state, advanceDue(state, 2000));
    expect(batch.notes.filter((n) => n.topic === 'improvement.escalated').map((n) => [n.recipientKind, n.recipient])).toEqual([
      ['role', 'supervisor'],
      ['role', 'supervisor'],
    ]);
  });
});

describe('the effectiveness verdict', () => {
  it('compares the period after closing with a period of the same length before the raise', () => {
    expect(comparisonPeriods(1000, 5000, 5600)).toEqual({ before: { from: 400, to: 1000 }, after: { from: 5000, to: 5600 } });
  });
  it('effective when complaints fell (by the required share), not effective otherwise, not measurable from nothing', () => {
    expect(effectivenessVerdict(10, 4, 0)).toBe('effective');
    expect(effectivenessVerdict(10, 10, 0)).toBe('not_effective');
    expect(effectivenessVerdict(10, 12, 0)).toBe('not_effective');
    expect(effectivenessVerdict(10, 9, 0.2)).toBe('not_effective');
    expect(effectivenessVerdict(10, 8, 0.2)).toBe('effective');
    expect(effectivenessVerdict(0, 0, 0)).toBe('not_measurable');
    expect(effectivenessVerdict(null, null, 0)).toBe('not_measurable');
  });
});
