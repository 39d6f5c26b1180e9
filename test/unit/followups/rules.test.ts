import { describe, expect, it } from 'vitest';
import { advanceFollowUp, followUpRecord, followUpView, nextFollowUpEventAt, newFollowUpState, openedBatch, outcomeBatch, placeFollowUpBatch } from '../../../domain/followups/process.js';
import { addressedTo, dueEvents, followUpAddressees, followUpDueState, followUpIdPattern, followUpWorkflowId, mayRecordOutcome, nextClockEvent, outcomeProblem, recordedNote, startClock } from '../../../domain/followups/rules.js';
import { defaultFollowUpPolicy, type FollowUpInput } from '../../../domain/followups/types.js';
import { isDetractorAnswer } from '../../../domain/surveys/scores.js';

const actor = (userId: string, roles: string[] = []) => ({ userId, name: userId, roles });
const t0 = Date.parse('2026-03-02T01:00:00Z');
const hour = 3_600_000;

const input: FollowUpInput = {
  id: 'CB-1',
  complaintId: 'c-1',
  source: 'callback',
  kind: 'complaint',
  csat: 2,
  nps: 3,
  verbatim: 'too slow',
  respondedAt: new Date(t0).toISOString(),
  department: 'cards',
  openedAt: new Date(t0).toISOString(),
  recordedBy: 'agent-1',
};
const fresh = (supervisorIds: string[] = ['sup-a'], head: string | null = 'head-1') =>
  newFollowUpState({ policy: defaultFollowUpPolicy, policyVersion: 0, clock: startClock(t0, t0 + 48 * hour, 0.5), supervisorIds, departmentHeadId: head });

describe('who a follow-up is addressed to', () => {
  const directory = [
    { userId: 'sup-b', department: 'cards', roles: ['supervisor'] },
    { userId: 'sup-a', department: 'cards', roles: ['supervisor', 'cs_agent'] },
    { userId: 'sup-x', department: 'loans', roles: ['supervisor'] },
    { userId: 'agent', department: 'cards', roles: ['cs_agent'] },
  ];
  it('is the supervisors of the accountable department, sorted', () => {
    expect(followUpAddressees('cards', directory)).toEqual(['sup-a', 'sup-b']);
  });
  it('is every supervisor (an empty list) when the department has none or there is no department', () => {
    expect(followUpAddressees('wealth', directory)).toEqual([]);
    expect(followUpAddressees('none', directory)).toEqual([]);
    expect(followUpAddressees('', directory)).toEqual([]);
  });
  it('reaches a supervisor named, or any supervisor when none is named; never a non-supervisor', () => {
    expect(addressedTo(['sup-a'], actor('sup-a', ['supervisor']))).toBe(true);
    expect(addressedTo(['sup-a'], actor('sup-b', ['supervisor']))).toBe(false);
    expect(addressedTo([], actor('sup-b', ['supervisor']))).toBe(true);
    expect(addressedTo([], actor('agent', ['cs_agent']))).toBe(false);
  });
});

describe('the outcome', () => {
  it('is recorded by a supervisor only', () => {
    expect(mayRecordOutcome(actor('s', ['supervisor'])).ok).toBe(true);
    expect(mayRecordOutcome(actor('a', ['cs_agent']))).toMatchObject({ ok: false, code: 'forbidden' });
  });
  it('names one of the outcomes and carries a note', () => {
    expect(outcomeProblem({ outcome: 'contacted_resolved', note: 'called, refunded the fee' })).toBeNull();
    expect(outcomeProblem({ outcome: 'maybe', note: 'x' })?.field).toBe('outcome');
    expect(outcomeProblem({ note: 'x' })?.field).toBe('outcome');
    expect(outcomeProblem({ outcome: 'unreachable', note: '   ' })?.field).toBe('note');
    expect(outcomeProblem({ outcome: 'unreachable', note: 'x'.repeat(2001) })?.field).toBe('note');
  });
  it('masks personal numbers in the note', () => {
    expect(recordedNote(' call 138 1234 5678 again ')).toBe('call *** **** 5678 again');
  });
  it('closes the follow-up, audited with who and what, and leaves no clock', () => {
    const state = fresh();
    const batch = outcomeBatch(input, state, { actor: actor('sup-a', ['supervisor']), outcome: 'contacted_unresolved', note: 'phone 13812345678' }, t0 + hour);
    expect(state.status).toBe('closed');
    expect(state.outcome).toMatchObject({ outcome: 'contacted_unresolved', note: 'phone *******5678', by: 'sup-a' });
    expect(batch.audit).toHaveLength(1);
    expect(batch.audit[0]).toMatchObject({ action: 'follow_up.outcome_recorded', after: { status: 'closed', outcome: 'contacted_unresolved', late: false } });
    expect(nextFollowUpEventAt(state)).toBeNull();
    expect(followUpView(input, state).dueState).toBe('met');
  });
});

describe('the clock', () => {
  it('reminds at the policy share of the window, then falls overdue at the deadline', () => {
    const c = startClock(t0, t0 + 48 * hour, 0.5);
    expect(nextClockEvent(c)).toEqual({ kind: 'reminder', at: t0 + 24 * hour });
    expect(dueEvents(c, t0 + 24 * hour - 1).events).toEqual([]);
    const all = dueEvents(c, t0 + 48 * hour);
    expect(all.events.map((e) => e.kind)).toEqual(['reminder', 'overdue']);
    expect(nextClockEvent(all.clock)).toBeNull();
    expect(followUpDueState(all.clock, true)).toBe('overdue');
    expect(followUpDueState(dueEvents(c, t0 + 30 * hour).clock, true)).toBe('at_risk');
    expect(followUpDueState(c, true)).toBe('pending');
  });
  it('skips the reminder of a window of zero (a ratio of 1)', () => {
    const c = startClock(t0, t0 + hour, 1);
    expect(nextClockEvent(c)).toEqual({ kind: 'overdue', at: t0 + hour });
  });
  it('on overdue tells the supervisors and escalates to the department head (else every supervisor)', () => {
    const state = fresh(['sup-a', 'sup-b']);
    const batch = advanceFollowUp(input, state, t0 + 48 * hour);
    expect(batch.audit.map((a) => a.action)).toEqual(['follow_up.reminder_sent', 'follow_up.escalated']);
    expect(batch.notes.filter((n) => n.topic === 'follow_up.reminder').map((n) => n.recipient)).toEqual(['sup-a', 'sup-b']);
    expect(batch.notes.filter((n) => n.topic === 'follow_up.escalated')).toEqual([expect.objectContaining({ recipientKind: 'user', recipient: 'head-1' })]);
    expect(state.level).toBe(1);
    const headless = fresh([], null);
    const b2 = advanceFollowUp(input, headless, t0 + 48 * hour);
    expect(b2.notes.filter((n) => n.topic === 'follow_up.escalated')).toEqual([expect.objectContaining({ recipientKind: 'role', recipient: 'supervisor' })]);
  });
  it('does nothing once closed', () => {
    const state = fresh();
    outcomeBatch(input, state, { actor: actor('s', ['supervisor']), outcome: 'no_action', note: 'duplicate' }, t0);
    expect(advanceFollowUp(input, state, t0 + 100 * hour)).toEqual({ audit: [], notes: [] });
  });
});

describe('opening and recording', () => {
  it('tells each addressee (or every supervisor) and records the answer and the policy', () => {
    const state = fresh(['sup-a']);
    const b = openedBatch(input, state, t0);
    expect(b.audit[0]).toMatchObject({ action: 'follow_up.opened', after: { complaintId: 'c-1', responseId: 'CB-1', nps: 3, csat: 2, supervisors: ['sup-a'] } });
    expect(b.notes).toEqual([expect.objectContaining({ recipientKind: 'user', recipient: 'sup-a', topic: 'follow_up.assigned' })]);
    expect(openedBatch(input, fresh([]), t0).notes).toEqual([expect.objectContaining({ recipientKind: 'role', recipient: 'supervisor' })]);
  });
  it('places events in the follow-up chain at <workflowId>:<seq>, and the projection carries the version', () => {
    const state = fresh();
    const wf = followUpWorkflowId(input.id);
    const placed = placeFollowUpBatch(input, wf, state, openedBatch(input, state, t0));
    expect(placed.audit[0]).toMatchObject({ entityType: 'follow_up', entityId: 'CB-1', sourceKey: 'followup-CB-1:1' });
    expect(placed.notifications[0]).toMatchObject({ sourceKey: 'followup-CB-1:1:n0', entityType: 'follow_up' });
    expect(followUpRecord(input, wf, state)).toMatchObject({ id: 'CB-1', complaintId: 'c-1', status: 'open', version: 1, supervisorIds: ['sup-a'] });
  });
  it('takes ids that can name a workflow', () => {
    expect(followUpIdPattern.test('CB-3f2a')).toBe(true);
    expect(followUpIdPattern.test('a b')).toBe(false);
    expect(followUpWorkflowId('R-1')).toBe('followup-R-1');
  });
  it('opens for the answers the foundation calls a detractor’s', () => {
    expect(isDetractorAnswer({ nps: 3, csat: 4 })).toBe(true);
    expect(isDetractorAnswer({ nps: 8, csat: 2 })).toBe(true);
    expect(isDetractorAnswer({ nps: 7, csat: 3 })).toBe(false);
  });
});
