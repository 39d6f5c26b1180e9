import { describe, expect, it } from 'vitest';
import { minutesHtml } from '../../../domain/meetings/minutes.js';
import { meetingView, newMeetingState } from '../../../domain/meetings/process.js';
import { defaultMeetingPolicy } from '../../../domain/meetings/policy.js';

describe('the minutes document', () => {
  const roster = [
    { userId: 'gm', name: 'Grace', department: 'executive', chair: true },
    { userId: 'm1', name: '<b>Min</b>', department: 'cards', chair: false },
  ];
  const state = newMeetingState({
    roster,
    chairUserId: 'gm',
    quorumRatio: 0.5,
    reviewPolicyVersion: 1,
    policy: defaultMeetingPolicy,
    policyVersion: 0,
    reviewedMonth: '2026-11',
    items: [{ key: 'hot_issue:rootCause:x', kind: 'hot_issue', title: 'Hot issue: <script>alert(1)</script>', facts: { count: 9 }, link: null, subjectId: 'x', stake: null }],
  });
  const input = { id: '2026-12', month: '2026-12', kind: 'monthly' as const, convenedBy: { userId: 'system', name: 'cxgov', roles: ['system'] }, convenedAt: '2026-12-03T01:00:00.000Z' };

  it('lists each decision with its comment and the action it raised, escapes every value, and says whether it is signed', () => {
    state.attendance.push({ userId: 'gm', at: 't', by: 'gm' }, { userId: 'm1', at: 't', by: 'm1' });
    const unsigned = minutesHtml(meetingView(input, state));
    expect(unsigned).toContain('NOT SIGNED');
    expect(unsigned).toContain('<em>not decided</em>');
    expect(unsigned).not.toContain('<script>');
    expect(unsigned).toContain('&lt;script&gt;');
    expect(unsigned).toContain('&lt;b&gt;Min&lt;/b&gt;');
    expect(unsigned).toContain('@media print');
    state.decisions['hot_issue:rootCause:x'] = { decision: 'raise_action', comment: 'fees confuse customers', by: 'gm', at: 't2', inChairsStead: false, quorum: { required: 1, present: 2 }, action: { title: 'Rewrite the fee notice', plan: 'new wording', owner: { userId: 'po', name: 'Lin' }, ownerDepartment: 'cards', dueInDays: 10, actionId: 'act-42' } };
    state.status = 'signed';
    state.signedAt = '2026-12-04T02:00:00.000Z';
    state.signedBy = 'gm';
    const signed = minutesHtml(meetingView(input, state));
    expect(signed).toContain('Improvement action raised');
    expect(signed).toContain('fees confuse customers');
    expect(signed).toContain('act-42');
    expect(signed).toContain('Rewrite the fee notice');
    expect(signed).toContain('Signed by Grace (chair) on 2026-12-04T02:00:00.000Z');
  });
});
