import { describe, it, expect } from 'vitest';
import {
  committeeComments,
  extensionCheck,
  initialReviewStatus,
  isTeamProductOwner,
  signOffAuthority,
  submissionCheck,
  voteCheck,
  withdrawalCheck,
  type CommandActor,
  type InitiativeFacts,
  type ReviewFacts,
} from '../../../domain/gates/commands.js';

const owner: CommandActor = { userId: 'pat', roles: ['product_owner'], department: 'retail-cards' };
const teammate: CommandActor = { userId: 'pam', roles: ['product_owner'], department: 'retail-cards' };
const otherTeam: CommandActor = { userId: 'pia', roles: ['product_owner'], department: 'wealth' };
const chair: CommandActor = { userId: 'gm', roles: ['supervisor'], department: 'executive' };

const initiative = (over: Partial<InitiativeFacts> = {}): InitiativeFacts => ({
  team: 'retail-cards',
  owner: 'pat',
  stage: 'research',
  status: 'in_progress',
  ...over,
});

const review = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  stage: 'research',
  version: 1,
  status: 'open',
  eligible: ['gm', 'm1', 'm2'],
  recused: ['m4'],
  chair: 'gm',
  submittedBy: 'pat',
  ...over,
});

describe('isTeamProductOwner', () => {
  it('needs both the role and the team as department', () => {
    expect(isTeamProductOwner(owner, 'retail-cards')).toBe(true);
    expect(isTeamProductOwner(otherTeam, 'retail-cards')).toBe(false);
    expect(isTeamProductOwner({ ...owner, roles: ['supervisor'] }, 'retail-cards')).toBe(false);
    expect(isTeamProductOwner({ userId: 'x', roles: ['product_owner'] }, 'retail-cards')).toBe(false);
  });
});

describe('submissionCheck', () => {
  it('lets a product owner of the team submit the current stage', () => {
    expect(submissionCheck(initiative(), undefined, owner, 'research')).toEqual({ ok: true });
    expect(submissionCheck(initiative(), undefined, teammate, 'research')).toEqual({ ok: true });
  });

  it('refuses other teams and other roles with forbidden, before looking at the state', () => {
    const r = submissionCheck(initiative({ status: 'rejected' }), undefined, otherTeam, 'design');
    expect(r).toEqual({ ok: false, code: 'forbidden', message: 'submission refused: only a product owner of team "retail-cards" may submit' });
    expect(submissionCheck(initiative(), undefined, { ...owner, roles: [] }, 'research')).toMatchObject({ code: 'forbidden' });
  });

  it('refuses an ended initiative, naming its status', () => {
    for (const status of ['launched', 'rejected', 'withdrawn'] as const) {
      expect(submissionCheck(initiative({ status }), undefined, owner, 'research')).toEqual({
        ok: false,
        code: 'conflict',
        message: `submission refused: the initiative is ${status}`,
      });
    }
  });

  it('refuses while a review is open or escalated', () => {
    expect(submissionCheck(initiative({ status: 'in_review' }), review(), owner, 'research')).toEqual({
      ok: false,
      code: 'conflict',
      message: 'submission refused: the review of research version 1 is already open',
    });
    expect(submissionCheck(initiative({ status: 'in_review' }), review({ status: 'escalated' }), owner, 'research')).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already escalated'),
    });
  });

  it('accepts a resubmission after a decided review (version n+1)', () => {
    expect(submissionCheck(initiative({ status: 'changes_requested' }), review({ status: 'decided' }), owner, 'research')).toEqual({ ok: true });
  });

  it('refuses a stage other than the current one', () => {
    expect(submissionCheck(initiative({ stage: 'design' }), undefined, owner, 'research')).toEqual({
      ok: false,
      code: 'conflict',
      message: 'submission refused: the initiative is at stage design, not research',
    });
    expect(submissionCheck(initiative({ stage: 'design' }), undefined, owner, 'launch_assessment')).toMatchObject({ code: 'conflict' });
  });
});

describe('withdrawalCheck', () => {
  it('lets the owner and team product owners withdraw while the initiative lives', () => {
    for (const status of ['in_progress', 'in_review', 'changes_requested'] as const) {
      expect(withdrawalCheck(initiative({ status }), owner)).toEqual({ ok: true });
      expect(withdrawalCheck(initiative({ status }), teammate)).toEqual({ ok: true });
    }
  });

  it('lets the owner withdraw after moving to another department', () => {
    expect(withdrawalCheck(initiative(), { ...owner, department: 'wealth' })).toEqual({ ok: true });
  });

  it('refuses others with forbidden', () => {
    expect(withdrawalCheck(initiative(), otherTeam)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(withdrawalCheck(initiative(), chair)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(withdrawalCheck(initiative(), { ...owner, roles: [] })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses once the initiative has ended', () => {
    for (const status of ['launched', 'rejected', 'withdrawn'] as const) {
      expect(withdrawalCheck(initiative({ status }), owner)).toEqual({
        ok: false,
        code: 'conflict',
        message: `withdrawal refused: the initiative is already ${status}`,
      });
    }
  });
});

describe('voteCheck', () => {
  it('accepts eligible members on open and escalated reviews', () => {
    expect(voteCheck(review(), 'in_review', 'm1')).toEqual({ ok: true });
    expect(voteCheck(review({ status: 'escalated' }), 'in_review', 'gm')).toEqual({ ok: true });
  });

  it('refuses recused members and non-members with forbidden, whatever the state', () => {
    expect(voteCheck(review(), 'in_review', 'm4')).toMatchObject({ code: 'forbidden', message: expect.stringContaining('m4 is recused') });
    expect(voteCheck(review({ status: 'decided' }), 'in_review', 'pat')).toMatchObject({
      code: 'forbidden',
      message: 'vote refused: pat is not a member of the committee for this review',
    });
  });

  it('refuses a decided or withdrawn review with conflict naming the state', () => {
    expect(voteCheck(review({ status: 'decided' }), 'in_progress', 'm1')).toEqual({
      ok: false,
      code: 'conflict',
      message: 'vote refused: the review of research version 1 is decided',
    });
    expect(voteCheck(review({ status: 'withdrawn' }), 'withdrawn', 'm1')).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('is withdrawn'),
    });
  });

  it('refuses when there never was a review', () => {
    expect(voteCheck(undefined, 'in_progress', 'm1')).toEqual({
      ok: false,
      code: 'conflict',
      message: 'vote refused: no review is open (the initiative is in_progress)',
    });
  });
});

describe('signOffAuthority', () => {
  it('accepts the snapshot’s chair', () => {
    expect(signOffAuthority(review(), initiative(), chair)).toEqual({ ok: true });
  });

  it('refuses anyone else with forbidden, naming the chair', () => {
    expect(signOffAuthority(review(), initiative(), { userId: 'm1', roles: [] })).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'sign-off refused: only the committee chair (gm) may sign off',
    });
  });

  it('judges the chair of the snapshot, not whoever chairs now', () => {
    expect(signOffAuthority(review({ chair: 'old' }), initiative(), chair)).toMatchObject({ code: 'forbidden' });
  });

  it('separation of duties: a chair who submitted or owns the initiative may not sign off', () => {
    expect(signOffAuthority(review({ submittedBy: 'gm' }), initiative(), chair)).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('separation of duties'),
    });
    expect(signOffAuthority(review(), initiative({ owner: 'gm' }), chair)).toMatchObject({ code: 'forbidden' });
  });

  it('refuses a withdrawn review and a missing one with conflict', () => {
    expect(signOffAuthority(review({ status: 'withdrawn' }), initiative({ status: 'withdrawn' }), chair)).toMatchObject({ code: 'conflict' });
    expect(signOffAuthority(undefined, initiative(), chair)).toMatchObject({ code: 'conflict', message: expect.stringContaining('in_progress') });
  });
});

describe('extensionCheck', () => {
  it('lets the chair extend an escalated review once', () => {
    expect(extensionCheck(review({ status: 'escalated' }), 'in_review', chair)).toEqual({ ok: true });
  });

  it('refuses before escalation', () => {
    expect(extensionCheck(review({ status: 'open' }), 'in_review', chair)).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringContaining('has not escalated (status open)'),
    });
  });

  it('refuses a second extension, also once escalated again', () => {
    const extended = review({ status: 'escalated', extendedUntil: '2026-01-01T00:00:00.000Z' });
    expect(extensionCheck(extended, 'in_review', chair)).toEqual({
      ok: false,
      code: 'conflict',
      message: 'extend refused: the review window was already extended once (until 2026-01-01T00:00:00.000Z)',
    });
    expect(extensionCheck({ ...extended, status: 'open' }, 'in_review', chair)).toMatchObject({ code: 'conflict' });
  });

  it('refuses non-chairs with forbidden and closed reviews with conflict', () => {
    expect(extensionCheck(review({ status: 'escalated' }), 'in_review', { userId: 'm1', roles: [] })).toMatchObject({ code: 'forbidden' });
    expect(extensionCheck(review({ status: 'decided' }), 'in_progress', chair)).toMatchObject({ code: 'conflict', message: 'extend refused: the review is decided' });
    expect(extensionCheck(undefined, 'in_progress', chair)).toMatchObject({ code: 'conflict' });
  });
});

describe('initialReviewStatus', () => {
  it('opens when someone can vote; goes to the chair at once when all are recused', () => {
    expect(initialReviewStatus(3)).toBe('open');
    expect(initialReviewStatus(1)).toBe('open');
    expect(initialReviewStatus(0)).toBe('escalated');
  });
});

describe('committeeComments', () => {
  it('keeps non-empty comments of current votes in order, then the chair’s', () => {
    const votes = [
      { userId: 'm1', decision: 'request_changes' as const, comment: ' add a focus group ' },
      { userId: 'm2', decision: 'approve' as const, comment: '' },
      { userId: 'm3', decision: 'request_changes' as const, comment: 'segment the elderly' },
    ];
    expect(committeeComments(votes, { userId: 'gm', decision: 'request_changes', comment: 'please address both' })).toEqual([
      'm1 (request_changes): add a focus group',
      'm3 (request_changes): segment the elderly',
      'gm (chair, request_changes): please address both',
    ]);
  });

  it('is empty when nobody commented', () => {
    expect(committeeComments([], { userId: 'gm', decision: 'request_changes', comment: '  ' })).toEqual([]);
  });
});
