import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintLinked, createInitiative, initiativeWorkflowType, type InitiativeWorkflowInput } from '../../workflows/initiative/messages.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, testCommandSigner, type Stack } from '../support/stack.js';

/**
 * The gate timers with second-based policies: reminder, escalation to the chair, the single
 * extension, and post-launch monitoring. Waits use eventually(); nothing asserts a duration.
 */
let stack: Stack;
let g: ReturnType<typeof gates>;
beforeAll(async () => {
  stack = await startStack();
  g = gates(stack);
  await g.roster();
});
afterAll(async () => stack?.stop());

const wf = (id: string) => `initiative-${id}`;
const extend = (id: string, amount: number, reason: string, who = people.chair) =>
  stack.as(who).post(`/api/v1/initiatives/${id}/review/extend`, { until: { amount, unit: 'second' }, reason });
const tasksOf = async (who: (typeof people)[keyof typeof people], id: string) =>
  (await stack.as(who).get('/api/v1/tasks')).body.items.filter((t: any) => t.entityId === id);

describe('review timers', () => {
  it('reminds members who have not voted, escalates to the chair at the deadline, extends once, escalates again; the chair decides alone', async () => {
    await g.policy({ reviewDeadline: { amount: 8, unit: 'second' }, reminderRatio: 0.5 });
    const id = await g.create();
    const opened = (await g.submit(id, 'research')).body;
    expect(Date.parse(opened.reminderAt) - Date.parse(opened.openedAt)).toBe(4_000);
    expect((await g.vote(people.m1, id, 'approve', 'early bird')).status).toBe(200);

    const tooEarly = await extend(id, 3, 'more time');
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.detail).toContain('has not escalated (status open)');

    const reminders = await eventually(async () => {
      const rows = await g.notifications(id, 'gate.reminder');
      return rows.length > 0 ? rows : undefined;
    }, 'the reminder');
    expect(reminders.map((n) => n.recipient).sort()).toEqual(['gm', 'm2', 'm3']);
    expect((await g.get(id)).body.review.remindedAt).toEqual(expect.any(String));
    expect(await tasksOf(people.m2, id)).toEqual([expect.objectContaining({ kind: 'gate.vote', deadlineState: 'at_risk' })]);

    const escalated = await eventually(async () => {
      const review = (await g.get(id)).body.review;
      return review?.status === 'escalated' ? review : undefined;
    }, 'the escalation');
    expect(escalated.escalatedAt).toEqual(expect.any(String));
    expect((await g.notifications(id, 'gate.escalated')).map((n) => n.recipient)).toEqual(['gm']);
    expect(await tasksOf(people.chair, id)).toContainEqual(expect.objectContaining({ kind: 'gate.signoff', deadlineState: 'breached' }));

    expect((await extend(id, 3, 'not mine', people.m2)).status).toBe(403);
    const extended = await extend(id, 3, 'waiting for the technology review');
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ status: 'open', extension: { reason: 'waiting for the technology review', by: 'gm', duration: { amount: 3, unit: 'second' } } });
    expect(extended.body.deadline).toBe(extended.body.extension.until);
    expect(Date.parse(extended.body.deadline)).toBeGreaterThan(Date.parse(opened.deadline));
    const twice = await extend(id, 3, 'again');
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('already extended once');

    await eventually(async () => ((await g.get(id)).body.review?.status === 'escalated' ? true : undefined), 'the second escalation');
    expect((await g.notifications(id, 'gate.escalated')).map((n) => n.recipient)).toEqual(['gm', 'gm']);
    expect((await extend(id, 3, 'once more')).status).toBe(409);

    // Escalated: the chair decides alone, without quorum and against the single vote cast.
    const decided = await g.signOff(id, 'request_changes', 'segment data is missing');
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ outcome: 'request_changes', override: false, quorum: { cast: 1, required: 2, met: false }, initiative: { status: 'changes_requested' } });

    const actions = (await g.audit(id)).map((e) => e.action);
    expect(actions).toEqual([
      'initiative.created',
      'review.opened',
      'review.vote_cast',
      'review.reminder_sent',
      'review.escalated',
      'review.extended',
      'review.escalated',
      'review.signed_off',
      'initiative.changes_requested',
    ]);
    const escalations = (await g.audit(id)).filter((e) => e.action === 'review.escalated');
    expect(escalations.map((e) => [e.actor, e.after.afterExtension])).toEqual([
      ['system', false],
      ['system', true],
    ]);

    await saveReplayFixture(stack.temporal, wf(id), 'initiative-escalated');
  });

  it('skips the reminder when everyone has voted; an undecided review still escalates at the deadline', async () => {
    await g.policy({ reviewDeadline: { amount: 4, unit: 'second' }, reminderRatio: 0.9 });
    const id = await g.create();
    await g.submit(id, 'research');
    for (const m of [people.m1, people.m2, people.m3, people.chair]) expect((await g.vote(m, id, 'approve')).status).toBe(200);
    const review = await eventually(async () => {
      const r = (await g.get(id)).body.review;
      return r?.status === 'escalated' ? r : undefined;
    }, 'the escalation');
    expect(review.remindedAt).toBeUndefined();
    expect(await g.notifications(id, 'gate.reminder')).toEqual([]);
    expect((await g.audit(id)).map((e) => e.action)).not.toContain('review.reminder_sent');
    // the chair may still sign off the committee's outcome
    expect((await g.signOff(id, 'approve')).status).toBe(200);
  });

  it('never escalates a review decided before its deadline', async () => {
    await g.policy({ reviewDeadline: { amount: 3, unit: 'second' }, reminderRatio: 0.9 });
    const id = await g.create();
    const opened = (await g.submit(id, 'research')).body;
    await g.vote(people.m1, id, 'approve');
    await g.vote(people.m2, id, 'approve');
    expect((await g.signOff(id, 'approve')).status).toBe(200);
    await eventually(async () => (Date.now() > Date.parse(opened.deadline) + 2_000 ? true : undefined), 'the old deadline to pass');
    const actions = (await g.audit(id)).map((e) => e.action);
    expect(actions).not.toContain('review.escalated');
    expect(actions).not.toContain('review.reminder_sent');
    expect((await g.get(id)).body).toMatchObject({ stage: 'design', status: 'in_progress', review: null });
  });
});

describe('post-launch monitoring', () => {
  it('counts distinct complaints linked after launch, raises one review item over the threshold, and keeps counting across continue-as-new', async () => {
    await g.policy({ postLaunch: { window: { amount: 120, unit: 'second' }, complaintThreshold: 2 } });
    // Started the way the API starts it, but with a tiny signals-per-run limit so that the
    // history roll-over (continue-as-new) happens within the test.
    const id = randomUUID();
    const owner = { ...people.owner, roles: [...people.owner.roles] };
    const input: InitiativeWorkflowInput = {
      init: { id, name: 'Monitored card', businessLine: 'banking', description: 'd', team: 'retail-cards', owner },
      limits: { signalsPerRun: 4 },
    };
    // Signed as the API signs (domain/command-proof.ts): workflows refuse unsigned commands.
    const signer = testCommandSigner();
    const createId = randomUUID();
    await stack.temporal.workflow.executeUpdateWithStart(createInitiative, {
      args: [signer.sign({ workflowId: wf(id), name: createInitiative.name, updateId: createId }, { actor: owner })],
      updateId: createId,
      startWorkflowOperation: new WithStartWorkflowOperation(initiativeWorkflowType, {
        workflowId: wf(id),
        taskQueue: stack.taskQueue,
        args: [signer.sign({ workflowId: wf(id), name: initiativeWorkflowType, updateId: null }, input)],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    const handle = stack.temporal.workflow.getHandle(wf(id));
    const now = () => new Date().toISOString();

    // before launch a link is not post-launch and is ignored
    await handle.signal(complaintLinked, { complaintId: 'early', at: now() });
    for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await g.passGate(id, stage);
    const started = await eventually(async () => (await g.get(id)).body.postLaunch ?? undefined, 'monitoring to start');
    expect(started).toMatchObject({ status: 'monitoring', threshold: 2, linkedComplaints: 0, reviewItem: null });
    const firstRun = (await handle.describe()).runId;

    await handle.signal(complaintLinked, { complaintId: 'c1', at: now() });
    await handle.signal(complaintLinked, { complaintId: 'c2', at: now() });
    await handle.signal(complaintLinked, { complaintId: 'old', at: '2020-01-01T00:00:00Z' }); // outside the window
    await eventually(async () => ((await g.get(id)).body.postLaunch.linkedComplaints === 2 ? true : undefined), 'two complaints counted');
    expect((await g.get(id)).body.postLaunch.reviewItem).toBeNull(); // 2 is not more than 2

    await handle.signal(complaintLinked, { complaintId: 'c3', at: now() });
    const raised = await eventually(async () => (await g.get(id)).body.postLaunch.reviewItem ?? undefined, 'the review item');
    expect(raised).toMatchObject({ complaintCount: 3, threshold: 2 });

    // the run's fourth signal ('early', c1, c2, old) rolled the history over; state survives it
    await eventually(async () => ((await handle.describe()).runId !== firstRun ? true : undefined), 'continue-as-new');
    await handle.signal(complaintLinked, { complaintId: 'c1', at: now() }); // the same complaint again counts once
    await handle.signal(complaintLinked, { complaintId: 'c4', at: now() });
    const after = await eventually(async () => {
      const pl = (await g.get(id)).body.postLaunch;
      return pl.linkedComplaints === 4 ? pl : undefined;
    }, 'counting in the new run');
    expect(after.reviewItem).toEqual(raised);
    expect(after.status).toBe('monitoring');

    expect(await stack.query('select complaint_count, threshold, chair, status from post_launch_reviews where initiative_id = $1', [id])).toEqual([
      { complaint_count: 3, threshold: 2, chair: 'gm', status: 'open' },
    ]);
    expect((await g.notifications(id, 'gate.post_launch_review')).map((n) => n.recipient)).toEqual(['gm']);
    const actions = (await g.audit(id)).map((e) => e.action);
    expect(actions.filter((a) => a === 'post_launch.review_raised')).toHaveLength(1);
    expect(actions.filter((a) => a === 'post_launch.complaint_linked')).toHaveLength(4);
    await handle.terminate('test done');
  });
});
