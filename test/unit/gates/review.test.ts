import { describe, it, expect } from 'vitest';
import {
  canVote,
  castVote,
  currentVotes,
  nextAfterDecision,
  quorum,
  recusalFor,
  reminderAtMs,
  reminderDue,
  remindees,
  signOffCheck,
  tally,
  type SignOffInput,
  type Vote,
  type VoteRecord,
} from '../../../domain/gates/review.js';
import { launchScoresBelowThreshold } from '../../../domain/gates/deliverables.js';
import { defaultReviewPolicy, type CommitteeMember } from '../../../domain/policies.js';
import type { Decision } from '../../../domain/gates/stages.js';

const member = (userId: string, department: string, chair = false): CommitteeMember => ({
  userId,
  name: userId.toUpperCase(),
  department,
  chair,
});

const roster = [
  member('gm', 'executive', true),
  member('ann', 'risk'),
  member('bob', 'retail'), // same department as the initiative's team below
  member('cat', 'it'),
  member('dan', 'compliance'),
];

const vote = (userId: string, decision: Decision, at = '2025-03-03T10:00:00+08:00', comment = ''): Vote => ({
  userId,
  decision,
  comment,
  at,
});

/** Records for a series of votes, cast in order (revisions numbered by castVote). */
const castAll = (...votes: Vote[]): VoteRecord[] => votes.reduce<VoteRecord[]>((records, v) => castVote(records, v), []);

describe('recusalFor', () => {
  it('recuses the submitter and the initiative team, keeping roster order; the chair votes', () => {
    expect(recusalFor(roster, { submitter: 'dan' }, 'retail')).toEqual({
      eligible: ['gm', 'ann', 'cat'],
      recused: ['bob', 'dan'],
    });
  });

  it('recuses every member of the team', () => {
    const withTwo = [...roster, member('eve', 'retail')];
    expect(recusalFor(withTwo, { submitter: 'nobody' }, 'retail').recused).toEqual(['bob', 'eve']);
  });

  it('a submitter outside the committee recuses no one by themselves', () => {
    expect(recusalFor(roster, { submitter: 'outsider' }, 'marketing')).toEqual({
      eligible: ['gm', 'ann', 'bob', 'cat', 'dan'],
      recused: [],
    });
  });

  it('a chair who submitted is recused from voting', () => {
    expect(recusalFor(roster, { submitter: 'gm' }, 'retail')).toEqual({
      eligible: ['ann', 'cat', 'dan'],
      recused: ['gm', 'bob'],
    });
  });

  it('a chair in the initiative team is recused', () => {
    expect(recusalFor(roster, { submitter: 'ann' }, 'executive').recused).toEqual(['gm', 'ann']);
  });

  it('everyone recused leaves nobody eligible', () => {
    const team = [member('x', 'retail', true), member('y', 'retail')];
    expect(recusalFor(team, { submitter: 'z' }, 'retail')).toEqual({ eligible: [], recused: ['x', 'y'] });
  });

  it('a roster of only the chair: the chair is the one voter', () => {
    expect(recusalFor([member('gm', 'executive', true)], { submitter: 'po' }, 'retail')).toEqual({ eligible: ['gm'], recused: [] });
  });

  it("recuses the initiative's owner who sits on the committee in another department, and keeps roster order", () => {
    // cat (department 'it') owns the initiative; dan submitted it for the retail team.
    expect(recusalFor(roster, { submitter: 'dan', owner: 'cat' }, 'retail')).toEqual({
      eligible: ['gm', 'ann'],
      recused: ['bob', 'cat', 'dan'],
    });
  });

  it('an owner outside the committee changes nothing; an owner who also submitted is recused once', () => {
    expect(recusalFor(roster, { submitter: 'dan', owner: 'outsider' }, 'retail')).toEqual(recusalFor(roster, { submitter: 'dan' }, 'retail'));
    expect(recusalFor(roster, { submitter: 'cat', owner: 'cat' }, 'marketing').recused).toEqual(['cat']);
  });

  it('an empty roster gives empty lists', () => {
    expect(recusalFor([], { submitter: 'po' }, 'retail')).toEqual({ eligible: [], recused: [] });
  });
});

describe('quorum', () => {
  it.each([
    // eligible, ratio, required
    [1, 0.5, 1],
    [2, 0.5, 1],
    [3, 0.5, 2], // ceil(1.5)
    [4, 0.5, 2],
    [5, 0.5, 3],
    [10, 0.3, 3], // 10 × 0.3 is 3.0000000000000004 in floating point; still 3
    [3, 0.1, 1],
    [7, 1, 7],
    [4, 0, 1], // a ratio of 0 still needs one vote
    [4, 1.5, 4], // a ratio above 1 is capped at everyone
  ])('%i eligible × %f → %i required', (eligible, ratio, required) => {
    expect(quorum(eligible, 0, ratio).required).toBe(required);
  });

  it('is met exactly at the required count', () => {
    expect(quorum(3, 1, 0.5)).toEqual({ required: 2, cast: 1, met: false });
    expect(quorum(3, 2, 0.5)).toEqual({ required: 2, cast: 2, met: true });
    expect(quorum(3, 3, 0.5)).toEqual({ required: 2, cast: 3, met: true });
  });

  it('all recused: nothing required, never met (the chair decides alone after escalation)', () => {
    expect(quorum(0, 0, 0.5)).toEqual({ required: 0, cast: 0, met: false });
  });

  it('roster of one: the single vote is the quorum', () => {
    expect(quorum(1, 0, 0.5).met).toBe(false);
    expect(quorum(1, 1, 0.5).met).toBe(true);
  });
});

describe('votes and revisions', () => {
  it('numbers each member’s revisions from 1 and keeps every record', () => {
    const records = castAll(vote('ann', 'reject'), vote('cat', 'approve'), vote('ann', 'request_changes'), vote('ann', 'approve'));
    expect(records.map((r) => [r.userId, r.decision, r.revision])).toEqual([
      ['ann', 'reject', 1],
      ['cat', 'approve', 1],
      ['ann', 'request_changes', 2],
      ['ann', 'approve', 3],
    ]);
  });

  it('castVote does not mutate the list it is given', () => {
    const before = castAll(vote('ann', 'reject'));
    const frozen = Object.freeze([...before]);
    const after = castVote(frozen, vote('ann', 'approve'));
    expect(frozen).toHaveLength(1);
    expect(after).toHaveLength(2);
  });

  it('the latest revision counts, members in order of their first vote', () => {
    const records = castAll(vote('ann', 'reject'), vote('cat', 'approve'), vote('ann', 'approve', '2025-03-04T09:00:00+08:00', 'fixed'));
    expect(currentVotes(records)).toEqual([
      { userId: 'ann', decision: 'approve', comment: 'fixed', at: '2025-03-04T09:00:00+08:00', revision: 2 },
      { userId: 'cat', decision: 'approve', comment: '', at: '2025-03-03T10:00:00+08:00', revision: 1 },
    ]);
  });

  it('the highest revision wins even when records arrive out of order', () => {
    const records: VoteRecord[] = [
      { ...vote('ann', 'approve'), revision: 2 },
      { ...vote('ann', 'reject'), revision: 1 },
    ];
    expect(currentVotes(records)).toEqual([{ ...vote('ann', 'approve'), revision: 2 }]);
    expect(castVote(records, vote('ann', 'reject')).at(-1)?.revision).toBe(3);
  });

  it('a revised vote counts once towards the quorum and the tally', () => {
    const current = currentVotes(castAll(vote('ann', 'reject'), vote('ann', 'approve'), vote('ann', 'approve')));
    expect(current).toHaveLength(1);
    expect(quorum(3, current.length, 0.5).met).toBe(false);
    expect(tally(current, 'gm')).toMatchObject({ approve: 1, reject: 0, outcome: 'approve' });
  });

  it('no votes, no current votes', () => {
    expect(currentVotes([])).toEqual([]);
  });
});

describe('canVote', () => {
  const review = { status: 'open' as const, eligible: ['gm', 'ann', 'cat'], recused: ['bob', 'dan'] };

  it('eligible members may vote while open or escalated', () => {
    expect(canVote(review, 'ann')).toBe('ok');
    expect(canVote(review, 'gm')).toBe('ok');
    expect(canVote({ ...review, status: 'escalated' }, 'ann')).toBe('ok');
  });

  it('recused and non-members are refused', () => {
    expect(canVote(review, 'bob')).toBe('recused');
    expect(canVote(review, 'stranger')).toBe('not_member');
  });

  it('a decided review is closed to eligible members', () => {
    expect(canVote({ ...review, status: 'decided' }, 'ann')).toBe('closed');
  });

  it('who-you-are is answered before the review state', () => {
    expect(canVote({ ...review, status: 'decided' }, 'bob')).toBe('recused');
    expect(canVote({ ...review, status: 'decided' }, 'stranger')).toBe('not_member');
  });
});

describe('reminders', () => {
  const eligible = ['gm', 'ann', 'cat'];

  it('go to eligible members who have not voted, in roster order', () => {
    const current = currentVotes(castAll(vote('ann', 'approve'), vote('ann', 'reject')));
    expect(remindees(eligible, current)).toEqual(['gm', 'cat']);
    expect(reminderDue(eligible, current)).toBe(true);
  });

  it('are not due when everyone has voted, nor when nobody is eligible', () => {
    const all = eligible.map((u) => vote(u, 'approve'));
    expect(remindees(eligible, all)).toEqual([]);
    expect(reminderDue(eligible, all)).toBe(false);
    expect(reminderDue([], [])).toBe(false);
  });

  it('fall at the policy ratio of the window', () => {
    expect(reminderAtMs(1_000, 11_000, defaultReviewPolicy.reminderRatio)).toBe(7_000);
    expect(reminderAtMs(0, 3, 0.5)).toBe(2); // whole milliseconds
  });
});

describe('tally', () => {
  const votes = (...pairs: [string, Decision][]) => pairs.map(([u, d]) => vote(u, d));

  it('the decision with most votes wins', () => {
    expect(tally(votes(['ann', 'approve'], ['cat', 'approve'], ['dan', 'reject']), 'gm')).toEqual({
      approve: 2,
      request_changes: 0,
      reject: 1,
      outcome: 'approve',
      tieBrokenByChair: false,
      tied: [],
    });
  });

  it('a plurality wins when no decision has more than half (3-2-1)', () => {
    const t = tally(votes(['a', 'reject'], ['b', 'reject'], ['c', 'reject'], ['d', 'approve'], ['e', 'approve'], ['f', 'request_changes']), 'gm');
    expect(t.outcome).toBe('reject');
  });

  it('a two-way tie goes to the chair’s vote', () => {
    const t = tally(votes(['gm', 'reject'], ['ann', 'approve'], ['cat', 'approve'], ['dan', 'reject']), 'gm');
    expect(t).toMatchObject({ approve: 2, reject: 2, outcome: 'reject', tieBrokenByChair: true, tied: ['approve', 'reject'] });
  });

  it('a three-way tie goes to the chair’s vote', () => {
    const t = tally(votes(['ann', 'approve'], ['gm', 'request_changes'], ['cat', 'reject']), 'gm');
    expect(t).toMatchObject({ outcome: 'request_changes', tieBrokenByChair: true, tied: ['approve', 'request_changes', 'reject'] });
  });

  it('a three-way tie without the chair’s vote needs the chair', () => {
    const t = tally(votes(['ann', 'approve'], ['bob', 'request_changes'], ['cat', 'reject']), 'gm');
    expect(t).toMatchObject({ outcome: 'tie_needs_chair', tieBrokenByChair: false, tied: ['approve', 'request_changes', 'reject'] });
  });

  it('a tie where the chair did not vote needs the chair', () => {
    const t = tally(votes(['ann', 'approve'], ['cat', 'reject']), 'gm');
    expect(t).toMatchObject({ outcome: 'tie_needs_chair', tieBrokenByChair: false, tied: ['approve', 'reject'] });
  });

  it('a tie where the chair voted for neither tied decision needs the chair', () => {
    const t = tally(votes(['ann', 'approve'], ['bob', 'approve'], ['cat', 'reject'], ['dan', 'reject'], ['gm', 'request_changes']), 'gm');
    expect(t).toMatchObject({ outcome: 'tie_needs_chair', tieBrokenByChair: false, tied: ['approve', 'reject'] });
  });

  it('the chair’s vote counts like any other when there is no tie', () => {
    const t = tally(votes(['gm', 'reject'], ['ann', 'approve'], ['cat', 'approve']), 'gm');
    expect(t).toMatchObject({ outcome: 'approve', tieBrokenByChair: false });
  });

  it('roster of one: the chair’s single vote is the outcome', () => {
    expect(tally(votes(['gm', 'request_changes']), 'gm')).toMatchObject({ outcome: 'request_changes', tieBrokenByChair: false });
  });

  it('no votes at all is a three-way tie for the chair', () => {
    expect(tally([], 'gm')).toMatchObject({ approve: 0, request_changes: 0, reject: 0, outcome: 'tie_needs_chair', tied: ['approve', 'request_changes', 'reject'] });
  });

  it('no chair known: ties need the chair at sign-off', () => {
    expect(tally(votes(['ann', 'approve'], ['cat', 'reject']), undefined).outcome).toBe('tie_needs_chair');
  });
});

describe('signOffCheck', () => {
  const met = quorum(3, 2, 0.5);
  const approveTally = tally([vote('ann', 'approve'), vote('cat', 'approve')], 'gm');
  const base: SignOffInput = {
    reviewStatus: 'open',
    quorum: met,
    tally: approveTally,
    decision: 'approve',
    comment: '',
    stage: 'design',
    launchScoresBelow: [],
  };

  it('accepts the committee’s outcome', () => {
    expect(signOffCheck(base)).toEqual({ ok: true, overridden: false });
  });

  it('refuses a decided review', () => {
    expect(signOffCheck({ ...base, reviewStatus: 'decided' })).toEqual({ ok: false, code: 'conflict', message: 'the review is already decided' });
  });

  it('refuses before quorum, saying how many votes are missing', () => {
    expect(signOffCheck({ ...base, quorum: quorum(5, 2, 0.5) })).toEqual({
      ok: false,
      code: 'conflict',
      message: 'quorum not met: 2 of 3 required votes cast',
    });
  });

  it('all recused: refuses an ordinary sign-off and says the review must escalate', () => {
    const r = signOffCheck({ ...base, quorum: quorum(0, 0, 0.5), tally: tally([], 'gm') });
    expect(r).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/every committee member is recused.*escalate/) });
  });

  describe('escalated: the chair decides alone', () => {
    const escalated = { ...base, reviewStatus: 'escalated' as const, quorum: quorum(3, 0, 0.5), tally: tally([], 'gm') };

    it.each(['approve', 'request_changes', 'reject'] as const)('without quorum, any decision (%s), not an override', (decision) => {
      expect(signOffCheck({ ...escalated, decision })).toEqual({ ok: true, overridden: false });
    });

    it('even against the votes cast, and the override flag changes nothing', () => {
      const votedApprove = { ...escalated, quorum: quorum(3, 1, 0.5), tally: tally([vote('ann', 'approve')], 'gm') };
      expect(signOffCheck({ ...votedApprove, decision: 'reject' })).toEqual({ ok: true, overridden: false });
      expect(signOffCheck({ ...votedApprove, decision: 'reject', override: true })).toEqual({ ok: true, overridden: false });
    });

    it('all recused, then escalated: the chair decides', () => {
      expect(signOffCheck({ ...escalated, quorum: quorum(0, 0, 0.5) })).toEqual({ ok: true, overridden: false });
    });

    it('still cannot approve a launch assessment with a low score', () => {
      const low = launchScoresBelowThreshold({ function: 90, performance: 90, security: 80, userExperience: 90 }, defaultReviewPolicy.launchThresholds);
      const r = signOffCheck({ ...escalated, stage: 'launch_assessment', launchScoresBelow: low });
      expect(r).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('security 80 < 90') });
    });
  });

  describe('launch thresholds', () => {
    const launchBase = { ...base, stage: 'launch_assessment' as const };
    const low = launchScoresBelowThreshold(
      { function: 70, performance: 85, security: 89, userExperience: 80 },
      defaultReviewPolicy.launchThresholds,
    );

    it('refuses approval naming each low score', () => {
      const r = signOffCheck({ ...launchBase, launchScoresBelow: low });
      expect(r).toEqual({
        ok: false,
        code: 'conflict',
        message: 'cannot approve the launch assessment: scores under threshold: function 70 < 80, security 89 < 90',
      });
    });

    it('an override does not lift the threshold', () => {
      expect(signOffCheck({ ...launchBase, launchScoresBelow: low, override: true, comment: 'board insists' }).ok).toBe(false);
    });

    it('allows request_changes and reject with low scores', () => {
      const changes = tally([vote('ann', 'request_changes'), vote('cat', 'request_changes')], 'gm');
      expect(signOffCheck({ ...launchBase, launchScoresBelow: low, tally: changes, decision: 'request_changes' }).ok).toBe(true);
      expect(signOffCheck({ ...launchBase, launchScoresBelow: low, decision: 'reject', override: true, comment: 'unsafe' })).toEqual({
        ok: true,
        overridden: true,
      });
    });

    it('approves when every score reaches its threshold', () => {
      expect(signOffCheck({ ...launchBase, launchScoresBelow: [] })).toEqual({ ok: true, overridden: false });
    });

    it('low scores on another stage are irrelevant', () => {
      expect(signOffCheck({ ...base, launchScoresBelow: low }).ok).toBe(true);
    });
  });

  describe('departing from the outcome', () => {
    it('without override is a conflict explaining the outcome', () => {
      expect(signOffCheck({ ...base, decision: 'reject' })).toEqual({
        ok: false,
        code: 'conflict',
        message: "the committee's outcome is approve (2 approve, 0 request_changes, 0 reject); to sign off reject instead, set override with the reason in the comment",
      });
    });

    it('with override and a reason is allowed and flagged', () => {
      expect(signOffCheck({ ...base, decision: 'reject', override: true, comment: 'regulator objection received today' })).toEqual({
        ok: true,
        overridden: true,
      });
    });

    it.each(['', '   \n'])('with override but no reason (%j) is invalid', (comment) => {
      expect(signOffCheck({ ...base, decision: 'reject', override: true, comment })).toEqual({
        ok: false,
        code: 'invalid',
        message: 'an override must give the reason in the comment',
      });
    });

    it('override with the matching decision is no override', () => {
      expect(signOffCheck({ ...base, override: true, comment: '' })).toEqual({ ok: true, overridden: false });
    });

    it('override: false behaves as no override', () => {
      expect(signOffCheck({ ...base, decision: 'reject', override: false, comment: 'why' }).ok).toBe(false);
    });
  });

  describe('ties', () => {
    const tied = tally([vote('ann', 'approve'), vote('cat', 'reject')], 'gm');
    const tieBase = { ...base, tally: tied };

    it('tie broken by the chair’s vote: the chair signs that decision', () => {
      const broken = tally([vote('gm', 'reject'), vote('ann', 'approve'), vote('cat', 'approve'), vote('dan', 'reject')], 'gm');
      expect(signOffCheck({ ...base, quorum: quorum(4, 4, 0.5), tally: broken, decision: 'reject' })).toEqual({ ok: true, overridden: false });
      expect(signOffCheck({ ...base, quorum: quorum(4, 4, 0.5), tally: broken, decision: 'approve' }).ok).toBe(false);
    });

    it('tie needing the chair: any tied decision is accepted without override', () => {
      expect(signOffCheck({ ...tieBase, decision: 'approve' })).toEqual({ ok: true, overridden: false });
      expect(signOffCheck({ ...tieBase, decision: 'reject' })).toEqual({ ok: true, overridden: false });
    });

    it('tie needing the chair: a decision outside the tie needs an override', () => {
      const r = signOffCheck({ ...tieBase, decision: 'request_changes' });
      expect(r).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/tied .*one of approve, reject/) });
      expect(signOffCheck({ ...tieBase, decision: 'request_changes', override: true, comment: 'compromise' })).toEqual({
        ok: true,
        overridden: true,
      });
    });

    it('submitter is the chair: recused from voting, still decides the tie at sign-off', () => {
      const { eligible } = recusalFor(roster, { submitter: 'gm' }, 'retail'); // ann, cat, dan
      const current = currentVotes(castAll(vote('ann', 'approve'), vote('cat', 'reject')));
      const q = quorum(eligible.length, current.length, 0.5);
      const t = tally(current, 'gm');
      expect(t.outcome).toBe('tie_needs_chair');
      expect(signOffCheck({ ...base, quorum: q, tally: t, decision: 'reject' })).toEqual({ ok: true, overridden: false });
    });
  });

  it('roster of one: the chair votes, meets quorum alone and signs off the own vote', () => {
    const { eligible } = recusalFor([member('gm', 'executive', true)], { submitter: 'po' }, 'retail');
    const current = currentVotes(castAll(vote('gm', 'approve')));
    const q = quorum(eligible.length, current.length, defaultReviewPolicy.quorumRatio);
    expect(q).toEqual({ required: 1, cast: 1, met: true });
    expect(signOffCheck({ ...base, quorum: q, tally: tally(current, 'gm') })).toEqual({ ok: true, overridden: false });
  });

  it('roster of one who is the submitter: nobody can vote, only escalation decides', () => {
    const { eligible, recused } = recusalFor([member('gm', 'retail', true)], { submitter: 'gm' }, 'retail');
    expect(eligible).toEqual([]);
    expect(recused).toEqual(['gm']);
    const q = quorum(eligible.length, 0, 0.5);
    expect(signOffCheck({ ...base, quorum: q, tally: tally([], 'gm') }).ok).toBe(false);
    expect(signOffCheck({ ...base, reviewStatus: 'escalated', quorum: q, tally: tally([], 'gm') }).ok).toBe(true);
  });
});

describe('nextAfterDecision', () => {
  it.each([
    ['research', 'design'],
    ['design', 'prototype_testing'],
    ['prototype_testing', 'launch_assessment'],
  ] as const)('approving %s opens %s at version 1', (stage, next) => {
    expect(nextAfterDecision(stage, 'approve', 3)).toEqual({ stage: next, status: 'in_progress', nextVersion: 1 });
  });

  it('approving the launch assessment launches the product', () => {
    expect(nextAfterDecision('launch_assessment', 'approve', 1)).toEqual({ stage: 'launched', status: 'launched', nextVersion: null });
  });

  it('request_changes reopens the same stage as version n+1', () => {
    expect(nextAfterDecision('design', 'request_changes', 1)).toEqual({ stage: 'design', status: 'changes_requested', nextVersion: 2 });
    expect(nextAfterDecision('launch_assessment', 'request_changes', 4)).toEqual({
      stage: 'launch_assessment',
      status: 'changes_requested',
      nextVersion: 5,
    });
  });

  it('reject ends the initiative at its stage', () => {
    expect(nextAfterDecision('prototype_testing', 'reject', 2)).toEqual({ stage: 'prototype_testing', status: 'rejected', nextVersion: null });
  });
});
