import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/actor.js';
import { advanceMinutesClock, meetingView, monthBefore, newMeetingState, nextMinutesEvent } from '../../../domain/meetings/process.js';
import { allDecided, attendCheck, decideCheck, decisionContentCheck, itemQuorum, meetingQuorum, recusedFrom, signCheck } from '../../../domain/meetings/rules.js';
import { defaultMeetingPolicy } from '../../../domain/meetings/policy.js';
import type { AgendaItem, MeetingInput, MeetingState } from '../../../domain/meetings/types.js';

const roster = [
  { userId: 'gm', name: 'Grace', department: 'executive', chair: true },
  { userId: 'm1', name: 'Min', department: 'cards', chair: false },
  { userId: 'm2', name: 'Lin', department: 'retail', chair: false },
  { userId: 'm3', name: 'Zhao', department: 'risk', chair: false },
];
const who = (userId: string): Actor => ({ userId, name: userId, roles: [] });
const hot: AgendaItem = { key: 'hot_issue:rootCause:fee', kind: 'hot_issue', title: 'Hot issue: fee', facts: {}, link: null, subjectId: 'fee', stake: null };
const cards: AgendaItem = { key: 'post_launch:ini-1-plr', kind: 'post_launch', title: 'Post-launch review: Card app', facts: {}, link: null, subjectId: 'ini-1-plr', stake: { submitter: 'po', owner: 'po', team: 'cards' } };
const own: AgendaItem = { ...cards, key: 'post_launch:ini-2-plr', subjectId: 'ini-2-plr', stake: { submitter: 'gm', owner: 'gm', team: 'executive' } };

const state = (o: Partial<MeetingState> = {}): MeetingState => ({
  ...newMeetingState({ roster, chairUserId: 'gm', quorumRatio: 0.5, reviewPolicyVersion: 1, policy: defaultMeetingPolicy, policyVersion: 0, reviewedMonth: '2026-11', items: [hot, cards, own] }),
  ...o,
});
const present = (...ids: string[]) => ids.map((userId) => ({ userId, at: 't', by: userId }));
const action = { title: 'Rewrite the fee notice', plan: 'new wording, tested with customers', owner: { userId: 'po', name: 'Lin Xiao' }, ownerDepartment: 'cards', dueInDays: 10 };

describe('attendance and quorum', () => {
  it('a member records their own attendance once; the chair may record another member; nobody else', () => {
    const s = state({ attendance: present('m1') });
    expect(attendCheck(s, who('m2'), 'm2').ok).toBe(true);
    expect(attendCheck(s, who('gm'), 'm3').ok).toBe(true);
    expect(attendCheck(s, who('m2'), 'm3')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(attendCheck(s, who('outsider'), 'outsider')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(attendCheck(s, who('m1'), 'm1')).toMatchObject({ ok: false, code: 'conflict' });
    expect(attendCheck({ ...s, status: 'signed' }, who('m2'), 'm2')).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('the quorum is the gate review’s: ceil(eligible × ratio) of the eligible members present', () => {
    expect(meetingQuorum(state({ attendance: present('gm') }))).toEqual({ required: 2, present: 1, met: false });
    expect(meetingQuorum(state({ attendance: present('gm', 'm1') }))).toEqual({ required: 2, present: 2, met: true });
    // The cards department is recused from its own product: three eligible, m1 present does not count.
    expect(recusedFrom(roster, cards)).toEqual(['m1']);
    expect(itemQuorum(state({ attendance: present('gm', 'm1') }), cards)).toEqual({ required: 2, present: 1, met: false });
    expect(itemQuorum(state({ attendance: present('gm', 'm1', 'm2') }), cards)).toEqual({ required: 2, present: 2, met: true });
  });
});

describe('decisions', () => {
  const s = state({ attendance: present('gm', 'm1', 'm2') });

  it('the chair decides, present, with the item’s quorum, a decision the item takes', () => {
    expect(decideCheck(s, who('gm'), hot.key, 'noted', undefined, undefined).ok).toBe(true);
    expect(decideCheck(s, who('m2'), hot.key, 'noted', undefined, undefined)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decideCheck(state({ attendance: present('m1', 'm2') }), who('gm'), hot.key, 'noted', undefined, undefined)).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('attendance') });
    expect(decideCheck(state({ attendance: present('gm') }), who('gm'), hot.key, 'noted', undefined, undefined)).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('quorum') });
    expect(decideCheck(s, who('gm'), 'nope', 'noted', undefined, undefined)).toMatchObject({ ok: false, code: 'invalid' });
    expect(decideCheck(s, who('gm'), hot.key, 'post_launch_continue', 'x', undefined)).toMatchObject({ ok: false, code: 'invalid' });
    expect(decideCheck({ ...s, decisions: { [hot.key]: { decision: 'noted', comment: '', by: 'gm', at: 't', inChairsStead: false, quorum: { required: 2, present: 3 } } } }, who('gm'), hot.key, 'noted', undefined, undefined)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('a recused member cannot decide; when the chair is recused, a present member without a stake decides in the chair’s stead', () => {
    expect(decideCheck(s, who('gm'), own.key, 'post_launch_continue', 'fine', undefined)).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('recused') });
    expect(decideCheck(s, who('m1'), cards.key, 'post_launch_continue', 'fine', undefined)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decideCheck(s, who('m2'), own.key, 'post_launch_continue', 'fine', undefined)).toEqual({ ok: true, inChairsStead: true });
    expect(decideCheck(s, who('m3'), own.key, 'post_launch_continue', 'fine', undefined)).toMatchObject({ ok: false, code: 'conflict' }); // not present
  });

  it('every decision but noted needs a comment; raising an action needs the action, and nothing else takes one', () => {
    expect(decisionContentCheck(hot, 'noted', undefined, undefined).ok).toBe(true);
    expect(decisionContentCheck(hot, 'raise_action', 'fees confuse', undefined)).toMatchObject({ ok: false, code: 'invalid', message: expect.stringMatching(/^action/) });
    expect(decisionContentCheck(hot, 'raise_action', '  ', action)).toMatchObject({ ok: false, message: expect.stringMatching(/^comment/) });
    expect(decisionContentCheck(hot, 'raise_action', 'fees confuse', action).ok).toBe(true);
    expect(decisionContentCheck(hot, 'raise_action', 'x', { ...action, dueInDays: 0 })).toMatchObject({ ok: false, message: expect.stringMatching(/^action.dueInDays/) });
    expect(decisionContentCheck(hot, 'raise_action', 'x', { ...action, dueInDays: 2.5 })).toMatchObject({ ok: false, message: expect.stringMatching(/^action.dueInDays/) });
    expect(decisionContentCheck(hot, 'raise_action', 'x', { ...action, plan: '' })).toMatchObject({ ok: false, message: expect.stringMatching(/^action.plan/) });
    expect(decisionContentCheck(hot, 'raise_action', 'x', { ...action, ownerDepartment: ' ' })).toMatchObject({ ok: false, message: expect.stringMatching(/^action.ownerDepartment/) });
    expect(decisionContentCheck(hot, 'raise_action', 'x', { ...action, owner: { userId: '', name: 'x' } })).toMatchObject({ ok: false, message: expect.stringMatching(/^action.owner/) });
    expect(decisionContentCheck(hot, 'noted', undefined, action)).toMatchObject({ ok: false, message: expect.stringMatching(/^action/) });
    expect(decisionContentCheck(cards, 'post_launch_fix', 'fix the login', action).ok).toBe(true);
    expect(decisionContentCheck(cards, 'post_launch_withdraw', undefined, undefined)).toMatchObject({ ok: false, message: expect.stringMatching(/^comment/) });
    expect(decisionContentCheck(cards, 'noted', undefined, undefined)).toMatchObject({ ok: false, message: expect.stringContaining('post_launch_continue') });
    expect(decisionContentCheck({ ...hot, kind: 'target_proposal' }, 'target_refused', 'too lax', undefined).ok).toBe(true);
    expect(decisionContentCheck({ ...hot, kind: 'target_proposal' }, 'noted', undefined, undefined).ok).toBe(true); // deferred
    expect(decisionContentCheck({ ...hot, kind: 'target_proposal' }, 'raise_action', 'x', action)).toMatchObject({ ok: false, code: 'invalid' });
    expect(decisionContentCheck(hot, 'noted', 'x'.repeat(5_001), undefined)).toMatchObject({ ok: false });
  });
});

describe('minutes', () => {
  const decided = { decision: 'noted' as const, comment: '', by: 'gm', at: 't', inChairsStead: false, quorum: { required: 2, present: 3 } };
  it('the chair signs, confirming, once every item is decided', () => {
    const s = state({ attendance: present('gm', 'm1', 'm2'), decisions: { [hot.key]: decided, [cards.key]: decided } });
    expect(allDecided(s)).toBe(false);
    expect(signCheck(s, who('gm'), true)).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('1 agenda item') });
    const all = { ...s, decisions: { ...s.decisions, [own.key]: decided } };
    expect(signCheck(all, who('m1'), true)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(signCheck(all, who('gm'), false)).toMatchObject({ ok: false, code: 'invalid' });
    expect(signCheck(all, who('gm'), true).ok).toBe(true);
    expect(signCheck({ ...all, status: 'signed' }, who('gm'), true)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('unsigned minutes remind the chair, then escalate to the administrators and compliance, each stamped with its own instant', () => {
    const input: MeetingInput = { id: '2026-12', month: '2026-12', kind: 'monthly', convenedBy: who('system'), convenedAt: 't' };
    const s = state({ status: 'minutes_ready', clock: { readyAt: 1_000, reminderAt: 2_000, escalateAt: 5_000 } });
    expect(nextMinutesEvent(s)).toEqual({ kind: 'reminder', at: 2_000 });
    expect(advanceMinutesClock(input, s, 1_999).audit).toEqual([]);
    const late = advanceMinutesClock(input, s, 9_000);
    expect(late.audit.map((a) => [a.action, a.at])).toEqual([
      ['meeting.minutes_reminder_sent', 2_000],
      ['meeting.minutes_escalated', 5_000],
    ]);
    expect(late.notes.map((n) => [n.topic, n.recipient])).toEqual([
      ['meeting.minutes_reminder', 'gm'],
      ['meeting.minutes_escalated', 'admin'],
      ['meeting.minutes_escalated', 'compliance_auditor'],
      ['meeting.minutes_escalated', 'gm'],
    ]);
    expect(nextMinutesEvent(s)).toBeNull();
    expect(meetingView(input, s).minutes).toMatchObject({ remindedAt: new Date(2_000).toISOString(), escalatedAt: new Date(5_000).toISOString() });
    // Signed minutes run no clock.
    expect(nextMinutesEvent({ ...s, status: 'signed', clock: { readyAt: 1, reminderAt: 2, escalateAt: 3 } })).toBeNull();
  });

  it('a meeting reviews the month before its own', () => {
    expect(monthBefore('2026-12')).toBe('2026-11');
    expect(monthBefore('2027-01')).toBe('2026-12');
  });
});
