import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { followUpWorkflowId } from '../../domain/followups/rules.js';
import { command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * Callbacks (回访) and detractor follow-ups on the real stack (docs/followups.md): an agent records
 * a callback with NPS 3 on a closed complaint; the worker's sweeper opens the follow-up; it is in
 * the inbox of the supervisor of the complaint's accountable department (not of a supervisor of
 * another department); the supervisor records the outcome, audited, and it leaves the inbox. An
 * unreachable callback opens nothing; a callback on an open complaint is refused, and so is one by
 * a business handler of another department. An answer by the survey link (written by the survey
 * work) opens one the same way; its follow-up falls overdue on a second-based policy and reaches
 * the department head.
 */
let stack: Stack;
const { admin, agent, supervisor, handler } = people;
const otherSupervisor: Principal = { userId: 'sam', name: 'Sam Supervisor', roles: ['supervisor'], department: 'loans' };
const head: Principal = { userId: 'fuh', name: 'Fu Head', roles: [], department: 'customer-service' };

beforeAll(async () => {
  stack = await startStack({ followUps: true, env: { FOLLOW_UP_SWEEP_SECONDS: '1' } });
  await setPolicy(stack, secondsPolicy());
  for (const p of [supervisor, otherSupervisor, head, handler]) {
    const res = await stack.as(admin).put(`/api/v1/people/${p.userId}`, { userId: p.userId, name: p.name, department: p.department, roles: p.roles, departmentHead: p === head });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});
afterAll(async () => {
  await stack?.stop();
});

async function closedComplaint() {
  const c = await intake(stack);
  await command(stack, agent, c.id, '/responses', { message: 'We are looking into it', channel: 'hotline' });
  await command(stack, agent, c.id, '/resolution', { summary: 'Card unblocked', remedy: 'Fee waived' });
  await command(stack, agent, c.id, '/responses', { message: 'Your card works again', channel: 'hotline' });
  const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'ok' });
  expect(closed.status).toBe('closed');
  return c.id as string;
}

const tasksOf = async (who: Principal) => ((await stack.as(who).get('/api/v1/tasks')).body.items as { kind: string; entityType: string; entityId: string; deadline: string }[]).filter((t) => t.entityType === 'follow_up');
const followUpAudit = (id: string) => stack.query<{ action: string; actor: string; after: any }>(`select action, actor, after from audit_events where entity_type = 'follow_up' and entity_id = $1 order by seq`, [id]);

describe('a detractor callback', () => {
  it('opens a follow-up for the department’s supervisor, who records the outcome; audited, out of the inbox', async () => {
    const id = await closedComplaint();
    const body = { reached: true, csat: 3, nps: 3, verbatim: 'Nobody called me back, my number is 138 1234 5678' };
    const res = await stack.as(agent).post(`/api/v1/complaints/${id}/callbacks`, body, { 'Idempotency-Key': `fu-cb-${id}` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const answer = res.body;
    expect(answer).toMatchObject({ source: 'callback', kind: 'complaint', reached: true, csat: 3, nps: 3, detractor: true, recordedBy: agent.userId, department: 'customer-service', channel: 'hotline', product: 'none', agentId: agent.userId });
    expect(answer.verbatim).toBe('Nobody called me back, my number is *** **** 5678');
    // a retry with the same key answers the same record
    const again = await stack.as(agent).post(`/api/v1/complaints/${id}/callbacks`, body, { 'Idempotency-Key': `fu-cb-${id}` });
    expect(again.body.id, JSON.stringify(again.body)).toBe(answer.id);
    expect(await stack.query(`select id from survey_responses where contact_id = $1`, [id])).toHaveLength(1);
    // audited on the complaint's chain, in the same transaction
    const trail = await stack.query<{ action: string; actor: string; after: any }>(`select action, actor, after from audit_events where entity_type = 'complaint' and entity_id = $1 and action = 'complaint.callback_recorded'`, [id]);
    expect(trail).toEqual([expect.objectContaining({ actor: agent.userId, after: expect.objectContaining({ responseId: answer.id, nps: 3, detractor: true }) })]);

    // the sweeper opens the follow-up and marks the answer
    await eventually(async () => (await stack.query(`select follow_up_id from survey_responses where id = $1`, [answer.id]))[0]?.follow_up_id === answer.id, 'the follow-up opened');
    const tasks = await eventually(async () => {
      const t = await tasksOf(supervisor);
      return t.some((x) => x.entityId === answer.id) && t;
    }, 'the follow-up in the supervisor’s inbox');
    expect(tasks.find((t) => t.entityId === answer.id)).toMatchObject({ kind: 'follow_up.call', deadline: expect.any(String) });
    // a supervisor of another department does not get it
    expect((await tasksOf(otherSupervisor)).some((t) => t.entityId === answer.id)).toBe(false);

    const view = (await stack.as(supervisor).get(`/api/v1/follow-ups/${answer.id}`)).body;
    expect(view).toMatchObject({ status: 'open', complaintId: id, nps: 3, csat: 3, supervisorIds: [supervisor.userId], departmentHeadId: head.userId, dueState: 'pending', verbatim: answer.verbatim });
    // two working days on the business calendar
    expect(Date.parse(view.due)).toBeGreaterThan(Date.parse(view.openedAt) + 24 * 3_600_000);
    expect((await stack.as(supervisor).get('/api/v1/policies/follow-ups')).body).toEqual({ due: { amount: 2, unit: 'business_day' }, reminderRatio: 0.5 });
    expect((await stack.as(agent).get(`/api/v1/follow-ups/${answer.id}`)).status).toBe(403);
    const notice = await stack.query(`select recipient, topic from notifications where entity_type = 'follow_up' and entity_id = $1`, [answer.id]);
    expect(notice).toEqual([{ recipient: supervisor.userId, topic: 'follow_up.assigned' }]);

    // only a supervisor records the outcome; the content is checked
    expect((await stack.as(agent).post(`/api/v1/follow-ups/${answer.id}/outcome`, { outcome: 'contacted_resolved', note: 'x' })).status).toBe(403);
    const bad = await stack.as(supervisor).post(`/api/v1/follow-ups/${answer.id}/outcome`, { outcome: 'solved', note: 'x' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('outcome');
    const done = await stack.as(supervisor).post(`/api/v1/follow-ups/${answer.id}/outcome`, { outcome: 'contacted_resolved', note: 'Called on 13912345678, apologised, fee refunded' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'closed', dueState: 'met', outcome: { outcome: 'contacted_resolved', note: 'Called on *******5678, apologised, fee refunded', by: supervisor.userId } });
    expect((await stack.as(supervisor).post(`/api/v1/follow-ups/${answer.id}/outcome`, { outcome: 'no_action', note: 'again' })).status).toBe(409);
    expect((await tasksOf(supervisor)).some((t) => t.entityId === answer.id)).toBe(false);
    expect((await followUpAudit(answer.id)).map((e) => [e.action, e.actor])).toEqual([
      ['follow_up.opened', 'system'],
      ['follow_up.outcome_recorded', supervisor.userId],
    ]);
    const verify = await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=follow_up&entityId=${answer.id}`);
    expect(verify.body).toMatchObject({ ok: true, checked: 2 });
    expect((await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=complaint&entityId=${id}`)).body).toMatchObject({ ok: true });

    // the complaint's page lists its answers and follow-ups
    const answers = await stack.as(agent).get(`/api/v1/complaints/${id}/responses`);
    expect(answers.body.items.map((a: any) => [a.id, a.followUpId])).toEqual([[answer.id, answer.id]]);
    const followUps = await stack.as(agent).get(`/api/v1/complaints/${id}/follow-ups`);
    expect(followUps.body.items.map((f: any) => [f.id, f.status])).toEqual([[answer.id, 'closed']]);

    await eventually(async () => (await stack.temporal.workflow.getHandle(followUpWorkflowId(answer.id)).describe()).status.name === 'COMPLETED', 'the workflow ended');
    await saveReplayFixture(stack.temporal, followUpWorkflowId(answer.id), 'followup-callback-resolved');
  });

  it('records an unreachable callback with its attempts and opens nothing', async () => {
    const id = await closedComplaint();
    const res = await stack.as(supervisor).post(`/api/v1/complaints/${id}/callbacks`, { reached: false, attempts: 3 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ reached: false, attempts: 3, csat: null, nps: null, verbatim: null, detractor: false, recordedBy: supervisor.userId });
    expect((await stack.as(agent).post(`/api/v1/complaints/${id}/callbacks`, { reached: false, attempts: 0 })).status).toBe(400);
    expect((await stack.as(agent).post(`/api/v1/complaints/${id}/callbacks`, { reached: true, csat: 6, nps: 3 })).status).toBe(400);
    expect((await stack.as(agent).post(`/api/v1/complaints/${id}/callbacks`, { reached: true, nps: 3 })).status).toBe(400);
    // a satisfied customer: no follow-up either
    const happy = await stack.as(agent).post(`/api/v1/complaints/${id}/callbacks`, { reached: true, csat: 5, nps: 10 });
    expect(happy.body.detractor).toBe(false);
    const rows = await stack.query(`select id, follow_up_id from survey_responses where contact_id = $1`, [id]);
    expect(rows).toHaveLength(2);
    expect(rows.every((r: any) => r.follow_up_id === null)).toBe(true);
    expect(await stack.query(`select id from follow_ups where complaint_id = $1`, [id])).toEqual([]);
  });

  it('is refused on an open complaint, and to a business handler of another department or a caller without the role', async () => {
    const open = await intake(stack);
    const refused = await stack.as(agent).post(`/api/v1/complaints/${open.id}/callbacks`, { reached: true, csat: 1, nps: 0 });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('open');
    const closed = await closedComplaint();
    // hal handles cards-ops; this complaint was never transferred there
    expect((await stack.as(handler).post(`/api/v1/complaints/${closed}/callbacks`, { reached: true, csat: 1, nps: 0 })).status).toBe(403);
    expect((await stack.as(handler).get(`/api/v1/complaints/${closed}/responses`)).status).toBe(403);
    expect((await stack.as(people.auditor).post(`/api/v1/complaints/${closed}/callbacks`, { reached: true, csat: 1, nps: 0 })).status).toBe(403);
    expect((await stack.as(agent).post(`/api/v1/complaints/00000000-0000-4000-8000-000000000000/callbacks`, { reached: true, csat: 1, nps: 0 })).status).toBe(404);
    expect(await stack.query(`select id from survey_responses where contact_id in ($1, $2)`, [open.id, closed])).toEqual([]);
  });
});

describe('a detractor answer by the survey link', () => {
  it('opens a follow-up that falls overdue and reaches the department head; closed late', async () => {
    const policy = await stack.as(admin).put('/api/v1/policies/follow-ups', { due: { amount: 2, unit: 'second' }, reminderRatio: 0.5 });
    expect(policy.status, JSON.stringify(policy.body)).toBe(200);
    const id = await closedComplaint();
    const responseId = `SR-fu-${id}`;
    // as the survey work writes a link answer (db/surveys.ts)
    await stack.query(
      `insert into survey_responses (id, invitation_id, kind, source, contact_type, contact_id, product, channel, department, agent_id, reached, attempts, csat, nps, verbatim, detractor, recorded_by, responded_at)
       values ($1, null, 'complaint', 'link', 'complaint', $2, 'none', 'hotline', 'customer-service', $3, true, 1, 2, 8, null, true, null, now())`,
      [responseId, id, agent.userId],
    );
    const escalated = await eventually(async () => {
      const v = (await stack.as(supervisor).get(`/api/v1/follow-ups/${responseId}`)).body;
      return v?.escalationLevel === 1 && v;
    }, 'the follow-up overdue');
    expect(escalated).toMatchObject({ status: 'open', dueState: 'overdue', source: 'link', csat: 2, nps: 8 });
    // the department head reads it (the inbox links to it), though they hold no role
    expect((await stack.as(head).get(`/api/v1/follow-ups/${responseId}`)).status).toBe(200);
    expect((await stack.as(people.nobody).get(`/api/v1/follow-ups/${responseId}`)).status).toBe(403);
    const headTasks = await tasksOf(head);
    expect(headTasks.find((t) => t.entityId === responseId)).toMatchObject({ kind: 'follow_up.escalated' });
    const topics = (await stack.query<{ topic: string; recipient: string }>(`select topic, recipient from notifications where entity_type = 'follow_up' and entity_id = $1 order by id`, [responseId])).map((n) => `${n.topic}:${n.recipient}`);
    expect(topics).toEqual(['follow_up.assigned:sue', 'follow_up.reminder:sue', 'follow_up.overdue:sue', 'follow_up.escalated:fuh']);
    const done = await stack.as(supervisor).post(`/api/v1/follow-ups/${responseId}/outcome`, { outcome: 'unreachable', note: 'three calls, no answer' });
    expect(done.body).toMatchObject({ status: 'closed', dueState: 'met' });
    expect((await followUpAudit(responseId)).map((e) => e.action)).toEqual(['follow_up.opened', 'follow_up.reminder_sent', 'follow_up.escalated', 'follow_up.outcome_recorded']);
    expect((await followUpAudit(responseId)).at(-1)!.after.late).toBe(true);
    expect((await tasksOf(head)).some((t) => t.entityId === responseId)).toBe(false);
    await eventually(async () => (await stack.temporal.workflow.getHandle(followUpWorkflowId(responseId)).describe()).status.name === 'COMPLETED', 'the workflow ended');
    await saveReplayFixture(stack.temporal, followUpWorkflowId(responseId), 'followup-link-overdue-escalated-unreachable');

    // A crash between the start and marking the answer: the next sweep starts again, lands on the
    // same (ended) follow-up, opens nothing new and marks the answer.
    await stack.query(`update survey_responses set follow_up_id = null where id = $1`, [responseId]);
    await eventually(async () => (await stack.query(`select follow_up_id from survey_responses where id = $1`, [responseId]))[0]?.follow_up_id === responseId, 'the answer marked again');
    expect((await followUpAudit(responseId)).filter((e) => e.action === 'follow_up.opened')).toHaveLength(1);
    expect((await stack.as(supervisor).get(`/api/v1/follow-ups/${responseId}`)).body.status).toBe('closed');
  });
});

describe('the follow-up workflow', () => {
  it('refuses a start without the signed proof (no side door around the sweeper)', async () => {
    const id = `unsigned-${randomUUID()}`;
    const now = new Date().toISOString();
    const handle = await stack.temporal.workflow.start('followUpWorkflow', {
      taskQueue: stack.taskQueue,
      workflowId: followUpWorkflowId(id),
      args: [{ id, complaintId: 'c-unsigned', source: 'callback', kind: 'complaint', csat: 1, nps: 0, verbatim: null, respondedAt: now, department: 'customer-service', openedAt: now, recordedBy: 'cai' }],
    });
    await expect(handle.result()).rejects.toMatchObject({ cause: { message: expect.stringContaining('carries no proof') } });
    expect(await stack.query(`select id from follow_ups where id = $1`, [id])).toEqual([]);
    expect(await stack.query(`select id from audit_events where entity_type = 'follow_up' and entity_id = $1`, [id])).toEqual([]);
  });
});
