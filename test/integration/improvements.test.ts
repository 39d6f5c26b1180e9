import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { defaultImprovementPolicy, type ImprovementPolicy } from '../../domain/improvements/types.js';
import { improvementWorkflowId } from '../../workflows/improvement/messages.js';
import { intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * Improvement actions on the real stack (docs/improvements.md), with second-based due dates: a
 * supervisor raises one from a hot issue for an owner picked from the directory; the owner
 * reports progress; the reminder, the overdue escalation to the department head and the climb to
 * the committee chair fall due; the owner completes it with evidence; the supervisor sends it back
 * with a reason and a new due date; the owner completes it again; the supervisor verifies it; the
 * effectiveness check a policy period later records the complaints of its category before and
 * after. The trail is intact; the same source raises one action; only those involved may act.
 */
let stack: Stack;
const { admin, supervisor, auditor, handler, chair, agent, m1 } = people;
const sec = (amount: number) => ({ amount, unit: 'second' as const });
const policy: ImprovementPolicy = { ...defaultImprovementPolicy, dueUnit: 'second', reminderRatio: 0.5, escalationWindow: sec(2), effectivenessAfter: sec(6), requiredFall: 0 };
const head: Principal = { userId: 'hed', name: 'Hedda Head', roles: [], department: 'cards-ops' };

beforeAll(async () => {
  stack = await startStack();
  const g = gates(stack);
  await g.roster();
  await setPolicy(stack, secondsPolicy());
  expect((await stack.as(admin).put('/api/v1/policies/improvements', policy)).status).toBe(200);
  for (const p of [handler, head]) {
    const res = await stack.as(admin).put(`/api/v1/people/${p.userId}`, { userId: p.userId, name: p.name, department: 'cards-ops', roles: p.roles, departmentHead: p === head });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});
afterAll(async () => {
  await stack?.stop();
});

// Action ids come from their source, and every test file shares one Temporal namespace: this
// file's hot issue is one no other file raises (the browser test raises category hot issues).
const raiseBody = (over: Record<string, unknown> = {}) => ({
  source: { kind: 'hot_issue', id: 'rootCause:card_fees.annual_fee', label: 'Fees: +40% month on month' },
  title: 'Show the card fee before confirmation',
  problem: 'Customers learn of the annual fee only after confirming',
  plan: 'Move the fee onto the confirmation page; brief the branches',
  ownerDepartment: 'cards-ops',
  ownerId: handler.userId,
  dueInDays: 3,
  measure: { dimension: 'category', value: 'policy_process' },
  ...over,
});
const notes = (id: string) => stack.query<{ topic: string; recipient: string }>(`select topic, recipient from notifications where entity_type = 'improvement' and entity_id = $1 order by id`, [id]);
const get = async (id: string, who: Principal = supervisor) => (await stack.as(who).get(`/api/v1/improvements/${encodeURIComponent(id)}`)).body;
const post = (who: Principal, id: string, path: string, body: unknown) => stack.as(who).post(`/api/v1/improvements/${encodeURIComponent(id)}${path}`, body);

describe('an improvement action from a hot issue', () => {
  it('runs raise → progress → remind → overdue → climb → complete → send back → complete → verify → effectiveness', async () => {
    // Complaints of the category before the raise: what the effectiveness check compares against.
    for (let i = 0; i < 2; i++) await intake(stack, { category: 'policy_process' }, agent);

    const raised = await stack.as(supervisor).post('/api/v1/improvements', raiseBody());
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const id = raised.body.id as string;
    expect(id).toBe('hot_issue.rootCause:card_fees.annual_fee');
    expect(raised.body).toMatchObject({ status: 'in_progress', owner: { userId: 'hal', name: 'Hal Handler' }, verifierId: 'sue', source: { kind: 'hot_issue' }, escalationLevel: 0 });

    // The same source again: the same action, nothing new.
    const again = await stack.as(supervisor).post('/api/v1/improvements', raiseBody({ title: 'A second try' }));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id, title: 'Show the card fee before confirmation' });
    expect((await stack.query<{ n: number }>('select count(*)::int as n from improvement_actions'))[0]!.n).toBe(1);

    // Only the owner reports progress.
    expect((await post(supervisor, id, '/progress', { note: 'started', evidence: [] })).status).toBe(403);
    const progressed = await post(handler, id, '/progress', { note: 'Design agreed', evidence: [{ url: 'https://wiki.bank/fee-page', note: 'mock-up' }] });
    expect(progressed.status, JSON.stringify(progressed.body)).toBe(200);
    expect(progressed.body.progress).toEqual([expect.objectContaining({ note: 'Design agreed', by: 'hal' })]);

    // The clock: reminder, overdue to the department head, climb to the chair.
    const climbed = await eventually(async () => {
      const v = await get(id);
      return v.escalationLevel === 2 ? v : undefined;
    }, 'the climb to the chair');
    expect(climbed.dueState).toBe('overdue');
    expect(await notes(id)).toEqual([
      { topic: 'improvement.assigned', recipient: 'hal' },
      { topic: 'improvement.reminder', recipient: 'hal' },
      { topic: 'improvement.overdue', recipient: 'hal' },
      { topic: 'improvement.escalated', recipient: 'hed' },
      { topic: 'improvement.escalated', recipient: 'gm' },
    ]);
    const headTasks = (await stack.as(head).get('/api/v1/tasks')).body.items.filter((t: { entityType: string }) => t.entityType === 'improvement');
    expect(headTasks).toEqual([expect.objectContaining({ kind: 'improvement.escalated', entityId: id })]);

    // Completion needs evidence; the verifier sends it back with a reason and a new due date.
    expect((await post(handler, id, '/complete', { summary: 'done', evidence: [] })).status).toBe(400);
    const completed = await post(handler, id, '/complete', { summary: 'Fee shown before confirmation', evidence: [{ url: 'https://release.bank/r/42', note: 'release notes' }] });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body.status).toBe('awaiting_verification');
    expect((await stack.as(supervisor).get('/api/v1/tasks')).body.items).toContainEqual(expect.objectContaining({ kind: 'improvement.verify', entityId: id }));
    expect((await post(handler, id, '/verify', {})).status).toBe(403);
    expect((await post(supervisor, id, '/send-back', { reason: '', dueInDays: 30 })).status).toBe(400);
    const sentBack = await post(supervisor, id, '/send-back', { reason: 'Branches not briefed yet', dueInDays: 30 });
    expect(sentBack.status, JSON.stringify(sentBack.body)).toBe(200);
    expect(sentBack.body).toMatchObject({ status: 'in_progress', escalationLevel: 0, dueState: 'pending', verifications: [{ decision: 'sent_back', reason: 'Branches not briefed yet', by: 'sue' }] });
    expect(Date.parse(sentBack.body.due)).toBeGreaterThan(Date.parse(climbed.due));

    const again2 = await post(handler, id, '/complete', { summary: 'Branches briefed too', evidence: [{ url: 'https://wiki.bank/brief', note: 'briefing' }] });
    expect(again2.status).toBe(200);
    const verified = await post(supervisor, id, '/verify', {});
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body).toMatchObject({ status: 'closed', effectiveness: null });
    expect(verified.body.closedAt).not.toBeNull();
    expect((await post(handler, id, '/progress', { note: 'more', evidence: [] })).status).toBe(409);

    // A policy period later: the two complaints before, none after — effective.
    const checked = await eventually(async () => {
      const v = await get(id);
      return v.effectiveness ? v : undefined;
    }, 'the effectiveness check');
    expect(checked.effectiveness).toMatchObject({ verdict: 'effective', measure: { dimension: 'category', value: 'policy_process' }, before: { count: 2 }, after: { count: 0 } });
    await stack.temporal.workflow.getHandle(improvementWorkflowId(id)).result();

    const trail = await stack.as(auditor).get(`/api/v1/audit/events?entityType=improvement&entityId=${encodeURIComponent(id)}&limit=100`);
    expect(trail.status, JSON.stringify(trail.body)).toBe(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      'improvement.raised',
      'improvement.progress_reported',
      'improvement.reminder_sent',
      'improvement.escalated',
      'improvement.escalated',
      'improvement.completed',
      'improvement.sent_back',
      'improvement.completed',
      'improvement.verified',
      'improvement.effectiveness_checked',
    ]);
    expect((await stack.as(auditor).get(`/api/v1/audit/verify?entityType=improvement&entityId=${encodeURIComponent(id)}`)).body.ok).toBe(true);
    await saveReplayFixture(stack.temporal, improvementWorkflowId(id), 'improvement-sent-back-verified-effective');

    // The process ran, but the database holds no record of it (restored from before the raise):
    // raising from the source again says so and starts nothing.
    await stack.query('delete from improvement_links where improvement_id = $1', [id]);
    await stack.query('delete from improvement_actions where id = $1', [id]);
    const orphan = await stack.as(supervisor).post('/api/v1/improvements', raiseBody());
    expect(orphan.status, JSON.stringify(orphan.body)).toBe(409);
    expect(orphan.body.detail).toContain('this database has no record of it');
  });

  it('the board, the source rules and who may read', async () => {
    // Only the chair raises from the committee's sources; a post-launch review item must exist.
    expect((await stack.as(supervisor).post('/api/v1/improvements', raiseBody({ source: { kind: 'committee', id: 'm-2026-11:1' } }))).status).toBe(403);
    const noItem = await stack.as(chair).post('/api/v1/improvements', raiseBody({ source: { kind: 'post_launch_review', id: 'nope-plr' } }));
    expect(noItem.status).toBe(400);
    // An owner must be someone active in the directory.
    const ghost = await stack.as(supervisor).post('/api/v1/improvements', raiseBody({ source: { kind: 'supervisor' }, ownerId: 'ghost' }));
    expect(ghost.status).toBe(400);
    // The chair raises a committee action: the chair verifies it.
    const committee = await stack.as(chair).post('/api/v1/improvements', raiseBody({ source: { kind: 'committee', id: 'm-2026-11:1' }, dueInDays: 100, measure: null }));
    expect(committee.status, JSON.stringify(committee.body)).toBe(201);
    expect(committee.body).toMatchObject({ id: 'committee.m-2026-11:1', verifierId: 'gm' });

    const board = await stack.as(m1).get('/api/v1/improvements?status=in_progress');
    expect(board.status).toBe(200);
    expect(board.body.items.map((v: { id: string }) => v.id)).toContain('committee.m-2026-11:1');
    // Someone uninvolved and without a reader role sees nothing and may not open one.
    expect((await stack.as(people.nobody).get('/api/v1/improvements')).body.items).toEqual([]);
    expect((await stack.as(people.nobody).get('/api/v1/improvements/committee.m-2026-11:1')).status).toBe(403);
    // The owner sees their own.
    expect((await stack.as(handler).get('/api/v1/improvements')).body.items.map((v: { id: string }) => v.id)).toContain('committee.m-2026-11:1');
  });

  it('the committee chair raises one action from a post-launch review item, whoever asks twice; the initiative lists it', async () => {
    const g = gates(stack);
    await g.policy({ postLaunch: { window: { amount: 600, unit: 'second' }, complaintThreshold: 0 } });
    const initiative = await g.create();
    for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await g.passGate(initiative, stage);
    await eventually(async () => ((await g.get(initiative)).body.postLaunch ? true : undefined), 'post-launch monitoring started');
    await intake(stack, { initiativeId: initiative, category: 'product' }, agent);
    const item = await eventually(async () => (await g.get(initiative)).body.postLaunch.reviewItem ?? undefined, 'the review item');

    const body = raiseBody({ source: { kind: 'post_launch_review', id: item.id }, measure: { dimension: 'product', value: initiative } });
    expect((await stack.as(supervisor).post('/api/v1/improvements', body)).status).toBe(403);
    const first = await stack.as(chair).post('/api/v1/improvements', body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ id: `post_launch_review.${item.id}`, verifierId: 'gm', links: { initiatives: [initiative] } });
    const second = await stack.as(chair).post('/api/v1/improvements', { ...body, title: 'Again' });
    expect(second.body).toMatchObject({ id: first.body.id, title: first.body.title });
    expect((await stack.query<{ n: number }>(`select count(*)::int as n from improvement_actions where source_kind = 'post_launch_review'`))[0]!.n).toBe(1);
    const linked = await stack.as(m1).get(`/api/v1/improvements/linked/initiative/${initiative}`);
    expect(linked.status).toBe(200);
    expect(linked.body.items.map((v: { id: string }) => v.id)).toEqual([first.body.id]);
  });
});
