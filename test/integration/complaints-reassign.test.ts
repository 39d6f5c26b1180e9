import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { auditRows, command, getComplaint, intake, notificationsOf, secondsPolicy, setPolicy } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { personBody } from '../support/notifications.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * A supervisor reassigns a complaint from one agent to another (docs/complaints.md "Reassigning"),
 * through the HTTP API on the real stack: the rule's refusals as 400 / 403 / 409, the audit
 * event, the notices to both agents, the new agent's inbox and rights; and an escalated complaint
 * names whom it reaches.
 */
let stack: Stack;
const { agent, agent2, handler, supervisor } = people;
const supervisor2: Principal = { userId: 'sam', name: 'Sam Supervisor', roles: ['supervisor'], department: 'customer-service' };
const head: Principal = { userId: 'cher', name: 'Cher Head', roles: [], department: 'customer-service' };
const gone: Principal = { userId: 'gus', name: 'Gus Gone', roles: ['cs_agent'], department: 'customer-service' };

beforeAll(async () => {
  stack = await startStack();
  await setPolicy(stack, secondsPolicy({ compensationApprovalLimit: 100 }));
  for (const [p, over] of [
    [agent, {}],
    [agent2, {}],
    [handler, {}],
    [supervisor, {}],
    [supervisor2, {}],
    [head, { departmentHead: true }],
    [gone, { active: false }],
  ] as const) {
    const res = await stack.as(people.admin).put(`/api/v1/people/${p.userId}`, { userId: p.userId, ...personBody(p, over) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});
afterAll(async () => stack?.stop());

const reassign = (who: Principal, id: string, body: unknown, headers?: Record<string, string>) => stack.as(who).post(`/api/v1/complaints/${id}/reassign`, body, headers);
const inboxOf = async (who: Principal) => {
  const res = await stack.as(who).get('/api/v1/tasks');
  expect(res.status).toBe(200);
  return (res.body.items as { entityId: string; kind: string }[]).filter((t) => t.kind.startsWith('complaint.'));
};

describe('reassigning a complaint', () => {
  it('a supervisor moves it to another agent: owner and first responder change, audited, both agents told, the new one’s inbox and rights; closes under the new agent', async () => {
    const c = await intake(stack);
    await command(stack, agent, c.id, '/responses', { message: 'We are looking into it', channel: 'hotline' });
    expect((await inboxOf(agent)).map((t) => t.entityId)).toContain(c.id);

    const key = { 'idempotency-key': `reassign-${c.id}` };
    const res = await reassign(supervisor, c.id, { toUserId: agent2.userId, reason: 'Cai is on leave this week' }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'responded', owner: { kind: 'user', id: agent2.userId }, agentId: agent2.userId, escalationLevel: 0, escalationRecipients: [] });
    expect(res.body.reassignments).toEqual([{ at: expect.any(String), by: supervisor.userId, from: agent.userId, to: agent2.userId, reason: 'Cai is on leave this week' }]);
    // the clocks are untouched: a reassignment is not progress
    expect(res.body.deadlines).toEqual(c.deadlines);

    // a retry with the same key is the same command: applied once
    const retry = await reassign(supervisor, c.id, { toUserId: agent2.userId, reason: 'Cai is on leave this week' }, key);
    expect(retry.status).toBe(200);
    expect(retry.body.reassignments).toHaveLength(1);
    expect((await getComplaint(stack, c.id)).owner).toEqual({ kind: 'user', id: agent2.userId });

    const rows = (await auditRows(stack, c.id)).filter((r) => r.action === 'complaint.reassigned');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: supervisor.userId, roles: ['supervisor'], reason: 'Cai is on leave this week' });
    expect(rows[0]!.before).toMatchObject({ owner: { kind: 'user', id: agent.userId }, agentId: agent.userId });
    expect(rows[0]!.after).toMatchObject({ owner: { kind: 'user', id: agent2.userId }, agentId: agent2.userId });

    const notes = (await notificationsOf(stack, c.id)).filter((n) => n.topic.startsWith('complaint.reassigned'));
    expect(notes.map((n) => [n.topic, n.recipient_kind, n.recipient])).toEqual([
      ['complaint.reassigned', 'user', agent2.userId],
      ['complaint.reassigned_away', 'user', agent.userId],
    ]);
    expect(notes[1]!.message).toContain('Cora Agent (cora)');

    // the inbox follows the owner
    expect((await inboxOf(agent2)).map((t) => t.entityId)).toContain(c.id);
    expect((await inboxOf(agent)).map((t) => t.entityId)).not.toContain(c.id);
    // so do the rights of the first responder, and showing the customer's details (no reason
    // asked of the complaint's own agent)
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/responses`, { message: 'x', channel: 'hotline' })).status).toBe(403);
    expect((await stack.as(agent2).get(`/api/v1/complaints/${c.id}`)).body.customer.reveal).toEqual({ reasonRequired: false });
    expect((await stack.as(agent).get(`/api/v1/complaints/${c.id}`)).body.customer.reveal).toBeNull();
    const shown = await stack.as(agent2).post(`/api/v1/complaints/${c.id}/customer/reveal`, {});
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body).toMatchObject({ complaintId: c.id, recorded: true });
    expect(shown.body.revealed).toContain('phone');
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/customer/reveal`, {})).status).toBe(403);

    // a department's resolution hands it back to the new agent
    await command(stack, agent2, c.id, '/transfer', { department: 'cards-ops', reason: 'a card matter' });
    const resolved = await command(stack, handler, c.id, '/resolution', { summary: 'Card unblocked', remedy: 'apology' });
    expect(resolved.owner).toEqual({ kind: 'user', id: agent2.userId });
    await command(stack, agent2, c.id, '/responses', { message: 'Your card works again', channel: 'hotline' });
    const closed = await command(stack, agent2, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'thanks' });
    expect(closed.status).toBe('closed');
    await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).result();
    await saveReplayFixture(stack.temporal, complaintWorkflowId(c.id), 'complaint-reassigned-transferred-closed');
  });

  it('refuses: not a supervisor (403); not an active agent, the agent who holds it, no reason (400 on the field); transferred, awaiting approval, closed (409)', async () => {
    const c = await intake(stack);
    const body = { toUserId: agent2.userId, reason: 'workload' };
    for (const who of [agent, agent2, handler, people.auditor, people.admin]) expect((await reassign(who, c.id, body)).status, who.userId).toBe(403);

    for (const [toUserId, code] of [
      [handler.userId, 'not_an_agent'],
      [supervisor.userId, 'not_an_agent'],
      [gone.userId, 'not_an_agent'],
      ['nobody-here', 'not_found'],
      [agent.userId, 'same_owner'],
    ] as const) {
      const res = await reassign(supervisor, c.id, { toUserId, reason: 'workload' });
      expect(res.status, toUserId).toBe(400);
      expect(res.body.errors, toUserId).toEqual([expect.objectContaining({ path: 'body.toUserId', code })]);
    }
    const noReason = await reassign(supervisor, c.id, { toUserId: agent2.userId, reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason']);
    expect((await reassign(supervisor, c.id, { toUserId: agent2.userId })).status).toBe(400);
    expect((await reassign(supervisor, '00000000-0000-4000-8000-000000000000', body)).status).toBe(404);

    // nothing was recorded by the refusals
    expect((await auditRows(stack, c.id)).map((r) => r.action)).toEqual(['complaint.received']);

    await command(stack, agent, c.id, '/transfer', { department: 'cards-ops', reason: 'a card matter' });
    const transferred = await reassign(supervisor, c.id, body);
    expect(transferred.status).toBe(409);
    expect(transferred.body.detail).toContain('department cards-ops');

    const pending = await intake(stack);
    await command(stack, agent, pending.id, '/resolution', { summary: 'Refund', remedy: 'refund', compensation: { amount: 500, currency: 'CNY' } });
    expect((await reassign(supervisor, pending.id, body)).status).toBe(409);

    const done = await intake(stack);
    await command(stack, agent, done.id, '/resolution', { summary: 'Done', remedy: 'apology' });
    await command(stack, agent, done.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'ok' });
    const closed = await reassign(supervisor, done.id, body);
    expect(closed.status).toBe(409);
    expect(closed.body.detail).toContain('closed');
  });

  it('an escalated complaint names whom it reaches: the supervisors at level 1, the department head at level 2; reassigning keeps the level', async () => {
    const c = await intake(stack);
    expect(c.escalationRecipients).toEqual([]);
    const first = await command(stack, agent, c.id, '/escalate', { reason: 'the customer asks for a manager' });
    expect(first.escalatedTo).toEqual({ kind: 'level', id: 'supervisor' });
    expect([...first.escalationRecipients].sort((a: { userId: string }, b: { userId: string }) => a.userId.localeCompare(b.userId))).toEqual([
      { userId: 'sam', name: 'Sam Supervisor' },
      { userId: 'sue', name: 'Sue Supervisor' },
    ]);
    await command(stack, agent, c.id, '/escalate', { reason: 'still unhappy' });
    const second = await getComplaint(stack, c.id);
    expect(second.escalatedTo).toEqual({ kind: 'level', id: 'department_head' });
    expect(second.escalationRecipients).toEqual([{ userId: 'cher', name: 'Cher Head' }]);
    // the list answers name them as well
    const list = await stack.as(supervisor).get('/api/v1/complaints?limit=200');
    expect(list.body.items.find((i: { id: string }) => i.id === c.id).escalationRecipients).toEqual([{ userId: 'cher', name: 'Cher Head' }]);

    const moved = await command(stack, supervisor, c.id, '/reassign', { toUserId: agent2.userId, reason: 'a senior agent takes it' });
    expect(moved).toMatchObject({ escalationLevel: 2, owner: { kind: 'user', id: agent2.userId }, escalationRecipients: [{ userId: 'cher', name: 'Cher Head' }] });
  });
});
