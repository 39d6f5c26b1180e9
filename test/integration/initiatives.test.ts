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
