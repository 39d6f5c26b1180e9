import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveReplayFixture } from '../support/fixtures.js';
import { deliverables, gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let g: ReturnType<typeof gates>;
beforeAll(async () => {
  stack = await startStack();
  g = gates(stack);
  await g.roster();
});
afterAll(async () => stack?.stop());
// Every review snapshots the policy at submission; the tests here never wait for its timers.
beforeEach(async () => g.policy());

const wf = (id: string) => `initiative-${id}`;

describe('a full path to launch', () => {
  it('creates, passes four gates and launches; GET, audit trail and work inbox agree', async () => {
    await g.policy({ postLaunch: { window: { amount: 2, unit: 'second' }, complaintThreshold: 10 } });
    const created = await stack.as(people.owner).post('/api/v1/initiatives', {
      name: 'Instant virtual card',
      businessLine: 'banking',
      description: 'A virtual debit card issued at onboarding',
      team: 'retail-cards',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/initiatives/${created.body.id}`);
    expect(created.body).toMatchObject({ stage: 'research', status: 'in_progress', owner: 'pat', team: 'retail-cards', review: null, reviews: [], nextVersion: 1 });
    const id: string = created.body.id;
    expect((await g.get(id)).body).toEqual(created.body);

    // research: the review snapshot, recusal and quorum
    const opened = await g.submit(id, 'research');
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      stage: 'research',
      version: 1,
      status: 'open',
      chair: 'gm',
      eligible: ['gm', 'm1', 'm2', 'm3'],
      recused: ['m4'],
      votes: [],
      quorum: { required: 2, cast: 0, met: false },
      submittedBy: 'pat',
    });
    expect(Date.parse(opened.body.deadline) - Date.parse(opened.body.openedAt)).toBe(600_000);

    // the work inbox: m1 owes a vote; the chair has nothing to sign yet
    const inbox = await stack.as(people.m1).get('/api/v1/tasks');
    expect(inbox.body.items).toContainEqual(expect.objectContaining({ kind: 'gate.vote', entityId: id, deadline: opened.body.deadline, deadlineState: 'pending' }));
    expect((await stack.as(people.chair).get('/api/v1/tasks')).body.items.filter((t: any) => t.entityId === id).map((t: any) => t.kind)).toEqual(['gate.vote']);

    const v1 = await g.vote(people.m1, id, 'approve', 'solid research');
    expect(v1.status).toBe(200);
    expect(v1.body.votes).toEqual([expect.objectContaining({ userId: 'm1', decision: 'approve', comment: 'solid research', revision: 1 })]);
    // read-your-writes: the GET right after the command shows the vote
    expect((await g.get(id, people.m1)).body.review).toEqual(v1.body);
    expect((await stack.as(people.m1).get('/api/v1/tasks')).body.items.filter((t: any) => t.entityId === id)).toEqual([]);

    const v2 = await g.vote(people.m2, id, 'approve');
    expect(v2.body.quorum).toEqual({ required: 2, cast: 2, met: true });
    expect((await stack.as(people.chair).get('/api/v1/tasks')).body.items.filter((t: any) => t.entityId === id).map((t: any) => t.kind).sort()).toEqual(['gate.signoff', 'gate.vote']);

    const signed = await g.signOff(id, 'approve', 'go on');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'decided', outcome: 'approve', signedOffBy: 'gm', override: false, initiative: { id, stage: 'design', status: 'in_progress' } });

    await g.passGate(id, 'design');
    await g.passGate(id, 'prototype_testing');
    const launched = await g.passGate(id, 'launch_assessment');
    expect(launched.initiative).toEqual({ id, stage: 'launched', status: 'launched' });

    const final = (await g.get(id, people.auditor)).body;
    expect(final).toMatchObject({ stage: 'launched', status: 'launched', review: null, nextVersion: null });
    expect(final.reviews.map((r: any) => [r.stage, r.version, r.outcome])).toEqual([
      ['research', 1, 'approve'],
      ['design', 1, 'approve'],
      ['prototype_testing', 1, 'approve'],
      ['launch_assessment', 1, 'approve'],
    ]);
    expect(final.reviews[3].deliverables).toEqual(deliverables.launch_assessment);

    // post-launch monitoring ran its (2-second) window and the process finished
    const ended = await eventually(async () => {
      const v = (await g.get(id)).body;
      return v.postLaunch?.status === 'ended' ? v : undefined;
    }, 'post-launch monitoring to end');
    expect(ended.postLaunch).toMatchObject({ linkedComplaints: 0, reviewItem: null, threshold: 10 });
    expect(await eventually(async () => (await stack.temporal.workflow.getHandle(wf(id)).describe()).status.name === 'COMPLETED' || undefined, 'workflow to complete')).toBe(true);

    // one audit event per state change, hash-chained
    const audit = await g.audit(id);
    expect(audit.map((e) => e.action)).toEqual([
      'initiative.created',
      ...['research', 'design', 'prototype_testing'].flatMap(() => ['review.opened', 'review.vote_cast', 'review.vote_cast', 'review.signed_off', 'initiative.advanced']),
      'review.opened',
      'review.vote_cast',
      'review.vote_cast',
      'review.signed_off',
      'initiative.launched',
      'post_launch.monitoring_started',
      'post_launch.monitoring_ended',
    ]);
    audit.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prev_hash).toBe(i === 0 ? null : audit[i - 1]!.hash);
    });
    expect(audit.find((e) => e.action === 'review.opened')!.after).toMatchObject({ policyVersion: expect.any(Number), eligible: ['gm', 'm1', 'm2', 'm3'], recused: ['m4'] });

    await saveReplayFixture(stack.temporal, wf(id), 'initiative-launched');
  });
});

describe('request changes and resubmission', () => {
  it('reopens the stage as version 2 carrying the committee’s comments, keeps revised votes, then approves', async () => {
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);
    expect((await g.vote(people.m1, id, 'approve', 'looks fine')).status).toBe(200);
    // m1 changes their mind: both records are kept, the latest counts
    const revised = await g.vote(people.m1, id, 'request_changes', 'add a focus group');
    expect(revised.body.votes.map((v: any) => [v.userId, v.decision, v.revision])).toEqual([
      ['m1', 'approve', 1],
      ['m1', 'request_changes', 2],
    ]);
    expect(revised.body.quorum).toEqual({ required: 2, cast: 1, met: false });
    await g.vote(people.m3, id, 'request_changes', 'cover elderly customers');
    await g.vote(people.m2, id, 'approve');

    const signed = await g.signOff(id, 'request_changes', 'please address both');
    expect(signed.status).toBe(200);
    expect(signed.body.comments).toEqual([
      'm1 (request_changes): add a focus group',
      'm3 (request_changes): cover elderly customers',
      'gm (chair, request_changes): please address both',
    ]);
    expect(signed.body.initiative).toEqual({ id, stage: 'research', status: 'changes_requested' });

    const between = (await g.get(id)).body;
    expect(between).toMatchObject({ status: 'changes_requested', nextVersion: 2, review: null, requestedChanges: signed.body.comments });

    const v2 = await g.submit(id, 'research', { ...deliverables.research, methods: ['questionnaire', 'focus_group'] });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ stage: 'research', version: 2, status: 'open', votes: [], carriedComments: signed.body.comments });

    // votes on the old review are not carried over; the new review is decided on its own
    await g.vote(people.m1, id, 'approve', 'addressed');
    await g.vote(people.m3, id, 'approve');
    const approved = await g.signOff(id, 'approve');
    expect(approved.body.initiative).toEqual({ id, stage: 'design', status: 'in_progress' });

    const view = (await g.get(id)).body;
    expect(view.reviews.map((r: any) => [r.stage, r.version, r.status, r.outcome])).toEqual([
      ['research', 1, 'decided', 'request_changes'],
      ['research', 2, 'decided', 'approve'],
    ]);
    expect(view.reviews[0].votes).toHaveLength(4);
    expect(await stack.query('select count(*)::int as n from gate_votes where review_id = $1', [view.reviews[0].id])).toEqual([{ n: 4 }]);
    const actions = (await g.audit(id)).map((e) => e.action);
    expect(actions).toContain('review.vote_revised');
    expect(actions).toContain('initiative.changes_requested');

    await saveReplayFixture(stack.temporal, wf(id), 'initiative-rework');
  });
});

describe('rejection', () => {
  it('ends the initiative as rejected; later commands are refused with 409', async () => {
    const id = await g.create();
    await g.submit(id, 'research');
    await g.vote(people.m1, id, 'reject', 'no demand');
    await g.vote(people.m2, id, 'reject', 'duplicate of an existing card');
    const signed = await g.signOff(id, 'reject', 'rejected');
    expect(signed.body).toMatchObject({ outcome: 'reject', initiative: { stage: 'research', status: 'rejected' } });
    expect((await g.get(id)).body).toMatchObject({ stage: 'research', status: 'rejected', nextVersion: null, review: null });

    const late = await g.vote(people.m3, id, 'approve');
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('rejected');
    expect((await g.submit(id, 'research')).status).toBe(409);
    expect((await stack.as(people.owner).post(`/api/v1/initiatives/${id}/withdraw`, { reason: 'too late' })).status).toBe(409);
    expect((await g.audit(id)).at(-1)!.action).toBe('initiative.rejected');
  });
});

describe('who may vote', () => {
  it('recuses the submitter and the initiative’s team: their votes are 403; non-members too', async () => {
    // pat sits on the committee for the product office: recused as the submitter; m4 as retail-cards
    await g.roster([...g_roster(), { userId: 'pat', name: 'Pat Product', department: 'product-office', chair: false }]);
    try {
      const id = await g.create();
      const opened = await g.submit(id, 'research');
      expect(opened.body.recused).toEqual(['m4', 'pat']);
      expect(opened.body.eligible).toEqual(['gm', 'm1', 'm2', 'm3']);

      const submitter = await g.vote(people.owner, id, 'approve');
      expect(submitter.status).toBe(403);
      expect(submitter.body.detail).toBe('vote refused: pat is recused from this review (the submitter or a member of the initiative\'s team)');
      expect((await g.vote(people.m4, id, 'approve')).status).toBe(403);
      const outsider = await g.vote(people.nobody, id, 'approve');
      expect(outsider.status).toBe(403);
      expect(outsider.body.detail).toContain('not a member of the committee');
      expect((await g.get(id)).body.review.votes).toEqual([]);
    } finally {
      await g.roster();
    }
  });

  it('keeps the roster snapshot: a member added after submission cannot vote, a removed one still can', async () => {
    const id = await g.create();
    await g.submit(id, 'research');
    await g.roster([...g_roster().filter((m) => m.userId !== 'm3'), { userId: 'nob', name: 'No Roles', department: 'audit', chair: false }]);
    try {
      expect((await g.vote(people.nobody, id, 'approve')).status).toBe(403);
      expect((await g.vote(people.m3, id, 'approve')).status).toBe(200);
    } finally {
      await g.roster();
    }
  });
});

const g_roster = () => [
  { userId: 'gm', name: 'Grace GM', department: 'executive', chair: true },
  { userId: 'm1', name: 'Mina Risk', department: 'risk', chair: false },
  { userId: 'm2', name: 'Milo Tech', department: 'technology', chair: false },
  { userId: 'm3', name: 'Mei Compliance', department: 'compliance', chair: false },
  { userId: 'm4', name: 'Max Cards', department: 'retail-cards', chair: false },
];

describe('sign-off rules', () => {
  it('refuses a sign-off before quorum with 409 saying how many votes are missing', async () => {
    const id = await g.create();
    await g.submit(id, 'research');
    await g.vote(people.m1, id, 'approve');
    const early = await g.signOff(id, 'approve');
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe('sign-off refused: quorum not met: 1 of 2 required votes cast');
    expect((await g.get(id)).body.review.status).toBe('open');
  });

  it('lets only the chair sign off', async () => {
    const id = await g.create();
    await g.submit(id, 'research');
    await g.vote(people.m1, id, 'approve');
    await g.vote(people.m2, id, 'approve');
    const res = await g.signOff(id, 'approve', '', {}, people.m1);
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('sign-off refused: only the committee chair (gm) may sign off');
  });

  it('breaks a tie with the chair’s own vote', async () => {
    const id = await g.create();
    await g.submit(id, 'research');
    await g.vote(people.m1, id, 'approve');
    await g.vote(people.m2, id, 'reject', 'too risky');
    await g.vote(people.m3, id, 'reject');
    await g.vote(people.chair, id, 'approve', 'worth it');
    const against = await g.signOff(id, 'reject');
    expect(against.status).toBe(409);
    expect(against.body.detail).toContain('the committee’s outcome is approve'.replace('’', "'"));
    const signed = await g.signOff(id, 'approve');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ outcome: 'approve', override: false, initiative: { stage: 'design' } });
    const event = (await g.audit(id)).find((e) => e.action === 'review.signed_off')!;
    expect(event.after.committee).toMatchObject({ outcome: 'approve', approve: 2, reject: 2, tieBrokenByChair: true });
  });

  it('flags a chair override for compliance; an override needs a reason', async () => {
    const id = await g.create();
    await g.submit(id, 'research');
    await g.vote(people.m1, id, 'approve');
    await g.vote(people.m2, id, 'approve');
    const noReason = await g.signOff(id, 'reject', '  ', { override: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.detail).toContain('reason');
    const overridden = await g.signOff(id, 'reject', 'regulatory concern raised by the PBoC', { override: true });
    expect(overridden.status).toBe(200);
    expect(overridden.body).toMatchObject({ outcome: 'reject', override: true, initiative: { status: 'rejected' } });
    expect((await g.get(id)).body.reviews[0].override).toBe(true);
    const event = (await g.audit(id)).find((e) => e.action === 'review.override')!;
    expect(event).toMatchObject({ actor: 'gm', reason: 'regulatory concern raised by the PBoC', after: { decision: 'reject' }, before: { committeeOutcome: 'approve', approve: 2 } });
  });

  it('refuses to approve a launch assessment with a score under its threshold, naming the score', async () => {
    const id = await g.create();
    await g.passGate(id, 'research');
    await g.passGate(id, 'design');
    await g.passGate(id, 'prototype_testing');
    const low = { ...deliverables.launch_assessment, scores: { function: 92, performance: 85, security: 85, userExperience: 88 } };
    expect((await g.submit(id, 'launch_assessment', low)).status).toBe(201);
    await g.vote(people.m1, id, 'approve');
    await g.vote(people.m2, id, 'approve');
    const refused = await g.signOff(id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('sign-off refused: cannot approve the launch assessment: scores under threshold: security 85 < 90');
    expect((await g.signOff(id, 'approve', 'ship it anyway', { override: true })).status).toBe(409);
    const rework = await g.signOff(id, 'request_changes', 'raise security first', { override: true });
    expect(rework.status).toBe(200);
    expect(rework.body.initiative).toEqual({ id, stage: 'launch_assessment', status: 'changes_requested' });
  });

  it('separation of duties: a chair who submitted the initiative may not sign it off', async () => {
    const chairAsOwner = { ...people.chair, roles: ['supervisor', 'product_owner'], department: 'retail-cards' };
    const id = await g.create(chairAsOwner);
    const opened = await g.submit(id, 'research', deliverables.research, chairAsOwner);
    expect(opened.body.recused).toContain('gm');
    await g.vote(people.m1, id, 'approve');
    await g.vote(people.m2, id, 'approve');
    const res = await g.signOff(id, 'approve', '', {}, chairAsOwner);
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('separation of duties');
  });

  it('sends a review where every member is recused straight to the chair, who decides alone', async () => {
    await g.roster([
      { userId: 'gm', name: 'Grace GM', department: 'retail-cards', chair: true },
      { userId: 'm4', name: 'Max Cards', department: 'retail-cards', chair: false },
    ]);
    try {
      const id = await g.create();
      const opened = await g.submit(id, 'research');
      expect(opened.body).toMatchObject({ status: 'escalated', eligible: [], recused: ['gm', 'm4'], quorum: { required: 0, cast: 0, met: false } });
      expect((await g.notifications(id, 'gate.escalated')).map((n) => n.recipient)).toEqual(['gm']);
      const signed = await g.signOff(id, 'approve', 'decided alone');
      expect(signed.status).toBe(200);
      expect(signed.body.initiative.stage).toBe('design');
    } finally {
      await g.roster();
    }
  });
});

describe('submissions', () => {
  it('refuses incomplete deliverables with 400 naming each missing part', async () => {
    const id = await g.create();
    const res = await g.submit(id, 'research', { methods: [], findings: { needs: ['x'], painPoints: [] }, extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.path)).toEqual(
      expect.arrayContaining(['body.deliverables.methods', 'body.deliverables.segments', 'body.deliverables.findings.painPoints', 'body.deliverables.findings.expectations', 'body.deliverables.extra']),
    );
    expect(res.body.detail).toContain('at least one method');
    const unknown = await stack.as(people.owner).post(`/api/v1/initiatives/${id}/submissions`, { stage: 'research', deliverables: deliverables.research, note: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toContainEqual({ path: 'body.note', message: 'unknown field "note" is not allowed', code: 'unknown_field' });
  });

  it('refuses another stage (409), a second open review (409), another team (403) and other roles (403)', async () => {
    const id = await g.create();
    const wrong = await g.submit(id, 'design');
    expect(wrong.status).toBe(409);
    expect(wrong.body.detail).toBe('submission refused: the initiative is at stage research, not design');
    expect((await g.submit(id, 'research')).status).toBe(201);
    const again = await g.submit(id, 'research');
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('already open');
    const other = await g.submit(id, 'research', deliverables.research, people.owner2);
    expect(other.status).toBe(403);
    expect((await g.submit(id, 'research', deliverables.research, people.agent)).status).toBe(403);
  });

  it('refuses a submission while the committee has no chair (409), and accepts it once the roster is set', async () => {
    const id = await g.create();
    await stack.query('delete from committee_members');
    try {
      const res = await g.submit(id, 'research');
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('the committee roster has no chair');
      expect((await g.get(id)).body).toMatchObject({ status: 'in_progress', reviews: [] });
    } finally {
      await g.roster();
    }
    expect((await g.submit(id, 'research')).status).toBe(201);
  });

  it('answers 404 for an unknown initiative', async () => {
    expect((await g.submit('no-such-initiative', 'research')).status).toBe(404);
    expect((await g.vote(people.m1, 'no-such-initiative', 'approve')).status).toBe(404);
    expect((await g.get('no-such-initiative')).status).toBe(404);
  });
});

describe('withdrawal', () => {
  it('withdraws before the decision: the open review closes undecided and commands stop', async () => {
    const id = await g.create();
    await g.submit(id, 'research');
    await g.vote(people.m1, id, 'approve');
    expect((await stack.as(people.owner2).post(`/api/v1/initiatives/${id}/withdraw`, { reason: 'not mine' })).status).toBe(403);
    expect((await stack.as(people.owner).post(`/api/v1/initiatives/${id}/withdraw`, {})).status).toBe(400);
    const res = await stack.as(people.owner).post(`/api/v1/initiatives/${id}/withdraw`, { reason: 'strategy changed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', review: null, withdrawal: { by: 'pat', reason: 'strategy changed' } });
    expect(res.body.reviews[0]).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    expect(res.body.reviews[0].outcome).toBeUndefined();
    expect((await g.get(id)).body).toEqual(res.body);

    expect((await g.vote(people.m2, id, 'approve')).status).toBe(409);
    expect((await g.signOff(id, 'approve')).status).toBe(409);
    expect((await stack.as(people.owner).post(`/api/v1/initiatives/${id}/withdraw`, { reason: 'again' })).status).toBe(409);
    const event = (await g.audit(id)).at(-1)!;
    expect(event).toMatchObject({ action: 'initiative.withdrawn', actor: 'pat', reason: 'strategy changed', before: { status: 'in_review' }, after: { status: 'withdrawn' } });
    expect((await g.notifications(id, 'gate.review_withdrawn')).map((n) => n.recipient).sort()).toEqual(['gm', 'm1', 'm2', 'm3']);
  });
});

describe('concurrency', () => {
  it('keeps both votes when two members vote at the same moment, and a complete audit trail', async () => {
    const id = await g.create();
    await g.submit(id, 'research');
    const answers = await Promise.all([
      g.vote(people.m1, id, 'approve', 'one'),
      g.vote(people.m2, id, 'reject', 'two'),
      g.vote(people.m3, id, 'approve', 'three'),
      g.vote(people.chair, id, 'approve', 'four'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const review = (await g.get(id)).body.review;
    expect(review.votes.map((v: any) => v.userId).sort()).toEqual(['gm', 'm1', 'm2', 'm3']);
    expect(review.quorum).toEqual({ required: 2, cast: 4, met: true });
    const votes = await stack.query('select user_id from gate_votes where review_id = $1 order by position', [review.id]);
    expect(votes.map((v) => v.user_id)).toEqual(review.votes.map((v: any) => v.userId));
    const audit = await g.audit(id);
    expect(audit.filter((e) => e.action === 'review.vote_cast')).toHaveLength(4);
    audit.forEach((e, i) => expect(e.seq).toBe(i + 1));
  });

  it('a vote racing the sign-off: either lands before the decision or is refused as closed', async () => {
    const id = await g.create();
    await g.submit(id, 'research');
    await g.vote(people.m1, id, 'approve');
    await g.vote(people.m2, id, 'approve');
    const [signed, late] = await Promise.all([g.signOff(id, 'approve'), g.vote(people.m3, id, 'reject', 'wait')]);
    expect(signed.status).toBe(200);
    expect([200, 409]).toContain(late.status);
    const review = (await g.get(id)).body.reviews[0];
    expect(review.votes.some((v: any) => v.userId === 'm3')).toBe(late.status === 200);
    expect(review.status).toBe('decided');
  });
});

describe('reading', () => {
  it('lets committee members and reader roles read, refuses others; lists filter and paginate', async () => {
    const a = await g.create(people.owner, { name: 'Paging A' });
    const b = await g.create(people.owner, { name: 'Paging B' });
    expect((await g.get(a, people.m1)).status).toBe(200);
    expect((await g.get(a, people.supervisor)).status).toBe(200);
    expect((await g.get(a, people.agent)).status).toBe(403);
    expect((await stack.as(people.handler).get('/api/v1/initiatives')).status).toBe(403);

    const first = await stack.as(people.auditor).get('/api/v1/initiatives?status=in_progress&stage=research&limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: any) => i.id)).toEqual([b]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await stack.as(people.auditor).get(`/api/v1/initiatives?status=in_progress&stage=research&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: any) => i.id)).toEqual([a]);
    const all = await stack.as(people.auditor).get('/api/v1/initiatives?limit=100');
    expect(all.body.items.every((i: any) => Array.isArray(i.reviews))).toBe(true);
    expect((await stack.as(people.auditor).get('/api/v1/initiatives?status=nope')).status).toBe(400);
    expect((await stack.as(people.auditor).get('/api/v1/initiatives?cursor=garbage')).status).toBe(400);
  });

  it('creates exactly one initiative for a retried POST with the same Idempotency-Key', async () => {
    const body = { name: 'Retry me', businessLine: 'fund', description: 'd', team: 'retail-cards' };
    const one = await stack.as(people.owner).post('/api/v1/initiatives', body, { 'idempotency-key': 'create-retry-1' });
    const two = await stack.as(people.owner).post('/api/v1/initiatives', body, { 'idempotency-key': 'create-retry-1' });
    expect(one.status).toBe(201);
    expect(two.status).toBe(201);
    expect(two.body.id).toBe(one.body.id);
    expect(await stack.query("select count(*)::int as n from initiatives where name = 'Retry me'")).toEqual([{ n: 1 }]);
  });

  it('documents every endpoint of the section in the OpenAPI document', async () => {
    const doc = (await stack.anonymous.get('/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/initiatives',
        '/api/v1/initiatives/{id}',
        '/api/v1/initiatives/{id}/submissions',
        '/api/v1/initiatives/{id}/review/votes',
        '/api/v1/initiatives/{id}/review/signoff',
        '/api/v1/initiatives/{id}/review/extend',
        '/api/v1/initiatives/{id}/withdraw',
      ]),
    );
    expect(doc.paths['/api/v1/initiatives/{id}/review/signoff'].post.responses['409']).toBeDefined();
  });
});

// The authorization table of the gate endpoints (every role) now lives in authz-matrix.test.ts,
// with every other endpoint's.
