import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { auditActions, auditRows, command, getComplaint, intake, notificationsOf, secondsPolicy, setPolicy } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/** Complaint handling through the HTTP API, windows long enough that no clock falls due. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

const { agent, agent2, handler, supervisor } = people;

describe('intake to closed on time', () => {
  it('takes a complaint, responds, resolves, confirms with the customer and closes with every clock met', async () => {
    const c = await intake(stack);
    expect(c).toMatchObject({ status: 'open', owner: { kind: 'user', id: agent.userId }, escalationLevel: 0, reopenCount: 0, repeatOf: [] });
    expect(Date.parse(c.deadlines.firstResponse) - Date.parse(c.receivedAt)).toBe(600_000);
    expect(c.clocks.firstResponse.state).toBe('pending');
    // the intake answer is read-your-writes: the projection is there
    expect((await getComplaint(stack, c.id)).status).toBe('open');

    const responded = await command(stack, agent, c.id, '/responses', { message: 'We are looking into it', channel: 'hotline' });
    expect(responded.status).toBe('responded');
    expect(responded.clocks.firstResponse.state).toBe('met');

    const resolved = await command(stack, agent, c.id, '/resolution', { summary: 'Card unblocked', remedy: 'Fee waived' });
    expect(resolved.status).toBe('resolved');
    expect(resolved.clocks.resolution.state).toBe('met');
    expect(resolved.clocks.customerFeedback.state).toBe('pending');

    const told = await command(stack, agent, c.id, '/responses', { message: 'Your card works again', channel: 'hotline' });
    expect(told.status).toBe('awaiting_customer');
    expect(told.clocks.customerFeedback.state).toBe('met');

    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'thanks' });
    expect(closed.status).toBe('closed');
    expect(closed.breaches).toEqual([]);
    expect(Object.values(closed.clocks).map((k: any) => k.state)).toEqual(['met', 'met', 'met']);

    expect(await auditActions(stack, c.id)).toEqual(['complaint.received', 'complaint.responded', 'complaint.resolved', 'complaint.responded', 'complaint.closed']);
    const rows = await auditRows(stack, c.id);
    expect(rows.map((r) => r.actor)).toEqual(['cai', 'cai', 'cai', 'cai', 'cai']);
    expect(rows[0]!.after).toMatchObject({ slaPolicyVersion: expect.any(Number), status: 'open' });
    expect(rows[0]!.after.slaPolicyVersion).toBeGreaterThan(0);

    const handle = stack.temporal.workflow.getHandle(complaintWorkflowId(c.id));
    await handle.result();
    await saveReplayFixture(stack.temporal, complaintWorkflowId(c.id), 'complaint-on-time');

    // a closed complaint refuses further commands, naming its status
    const late = await stack.as(agent).post(`/api/v1/complaints/${c.id}/responses`, { message: 'again', channel: 'hotline' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain("'closed'");
  });
});

describe('transfer to a business department', () => {
  it('the department owns it with its own investigation deadline, resolves, and customer service closes the loop', async () => {
    const c = await intake(stack, { category: 'product' });
    await command(stack, agent, c.id, '/responses', { message: 'Forwarding to the card team', channel: 'hotline' });

    // another agent is not the first responder
    const stolen = await stack.as(agent2).post(`/api/v1/complaints/${c.id}/transfer`, { department: 'cards-ops', reason: 'x' });
    expect(stolen.status).toBe(403);

    const t = await command(stack, agent, c.id, '/transfer', { department: 'cards-ops', reason: 'needs the card system' });
    expect(t).toMatchObject({ status: 'transferred', owner: { kind: 'department', id: 'cards-ops' }, department: 'cards-ops' });
    expect(t.transfers).toEqual([expect.objectContaining({ by: agent.userId, department: 'cards-ops', reason: 'needs the card system', from: { kind: 'user', id: agent.userId } })]);
    expect(t.clocks.investigation.state).toBe('pending');
    // within the resolution window
    expect(Date.parse(t.clocks.investigation.deadline)).toBeLessThanOrEqual(Date.parse(t.clocks.resolution.deadline));
    expect(await notificationsOf(stack, c.id)).toEqual(expect.arrayContaining([expect.objectContaining({ topic: 'complaint.transferred', recipient_kind: 'department', recipient: 'cards-ops' })]));

    // the handler sees it in their inbox and list; a handler of another department does not
    const inbox = await stack.as(handler).get('/api/v1/tasks');
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ entityId: c.id, kind: 'complaint.resolve' })]));
    const list = await stack.as(handler).get('/api/v1/complaints');
    expect(list.body.items.map((i: any) => i.id)).toContain(c.id);
    const outsider = { userId: 'hugo', name: 'Hugo', roles: ['business_handler'], department: 'loans' };
    expect((await stack.as(outsider).get(`/api/v1/complaints/${c.id}`)).status).toBe(403);
    expect((await stack.as(outsider).post(`/api/v1/complaints/${c.id}/resolution`, { summary: 's', remedy: 'r' })).status).toBe(403);
    // the agent no longer resolves it
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/resolution`, { summary: 's', remedy: 'r' })).status).toBe(403);
    // the handler sees the customer masked
    const seen = await getComplaint(stack, c.id, handler);
    expect(seen.customer).toMatchObject({ phone: '138****5678', idNumber: '110***********1234', name: '张**', masked: true });

    const r = await command(stack, handler, c.id, '/resolution', { summary: 'Limit restored', remedy: 'Apology letter' });
    expect(r).toMatchObject({ status: 'resolved', owner: { kind: 'user', id: agent.userId } });
    expect(r.clocks.investigation.state).toBe('met');
    expect(r.clocks.resolution.state).toBe('met');
    expect(r.resolutions[0]).toMatchObject({ proposedBy: handler.userId, state: 'accepted' });

    await command(stack, agent, c.id, '/responses', { message: 'The card team restored your limit', channel: 'hotline' });
    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'survey', comment: '' });
    expect(closed.status).toBe('closed');
    const rows = await auditRows(stack, c.id);
    expect(rows.map((e) => [e.action, e.actor])).toEqual([
      ['complaint.received', 'cai'],
      ['complaint.responded', 'cai'],
      ['complaint.transferred', 'cai'],
      ['complaint.resolved', 'hal'],
      ['complaint.responded', 'cai'],
      ['complaint.closed', 'cai'],
    ]);
    expect(rows[2]!.reason).toBe('needs the card system');
    expect(rows[2]!.before.status).toBe('responded');
    expect(rows[2]!.after.status).toBe('transferred');
  });
});

describe('reopen and appeal', () => {
  it('an unsatisfied customer reopens the complaint with a new resolution window; the appeal is upheld, then closed', async () => {
    const c = await intake(stack);
    await command(stack, agent, c.id, '/responses', { message: 'On it', channel: 'hotline' });
    const first = await command(stack, agent, c.id, '/resolution', { summary: 'Explained the fee', remedy: 'none' });
    const reopened = await command(stack, agent, c.id, '/customer-feedback', { satisfied: false, via: 'callback', comment: 'wants a refund' });
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1 });
    expect(reopened.clocks.resolution.state).toBe('pending');
    expect(Date.parse(reopened.clocks.resolution.deadline)).toBeGreaterThan(Date.parse(first.clocks.resolution.deadline));

    // an appeal is the customer's, lodged by the agent; the supervisor decides
    expect((await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/appeal/decision`, { upheld: true, decision: 'x' })).status).toBe(409);
    const appealed = await command(stack, agent, c.id, '/appeal', { reason: 'the fee was never disclosed' });
    expect(appealed.status).toBe('in_appeal');
    expect(appealed.clocks.appeal.state).toBe('pending');
    const inbox = await stack.as(supervisor).get('/api/v1/tasks');
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ entityId: c.id, kind: 'complaint.appeal', deadline: appealed.clocks.appeal.deadline })]));
    // the agent cannot decide their own complaint's appeal
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/appeal/decision`, { upheld: true, decision: 'x' })).status).toBe(403);

    const upheld = await command(stack, supervisor, c.id, '/appeal/decision', { upheld: true, decision: 'Refund the fee' });
    expect(upheld.status).toBe('resolved');
    expect(upheld.clocks.appeal.state).toBe('met');
    expect(upheld.appeals[0]).toMatchObject({ reason: 'the fee was never disclosed', decision: { upheld: true, by: supervisor.userId } });
    expect(upheld.resolutions.at(-1)).toMatchObject({ summary: 'Refund the fee', source: 'appeal' });

    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'ok now' });
    expect(closed).toMatchObject({ status: 'closed', reopenCount: 1 });
    expect(await auditActions(stack, c.id)).toEqual([
      'complaint.received',
      'complaint.responded',
      'complaint.resolved',
      'complaint.reopened',
      'complaint.appealed',
      'complaint.appeal_decided',
      'complaint.closed',
    ]);
    await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).result();
    await saveReplayFixture(stack.temporal, complaintWorkflowId(c.id), 'complaint-reopened-appealed');
  });

  it('a dismissed appeal closes the complaint', async () => {
    const c = await intake(stack);
    await command(stack, agent, c.id, '/resolution', { summary: 'Explained', remedy: 'none' });
    await command(stack, agent, c.id, '/customer-feedback', { satisfied: false, via: 'callback', comment: 'no' });
    await command(stack, agent, c.id, '/appeal', { reason: 'disagrees' });
    const dismissed = await command(stack, supervisor, c.id, '/appeal/decision', { upheld: false, decision: 'The fee was disclosed in the contract' });
    expect(dismissed.status).toBe('closed');
    expect(dismissed.appeals[0].decision).toMatchObject({ upheld: false });
    expect(dismissed.closedAt).toEqual(expect.any(String));
    const audit = await auditRows(stack, c.id);
    expect(audit.at(-1)).toMatchObject({ action: 'complaint.appeal_decided', actor: supervisor.userId, reason: 'The fee was disclosed in the contract' });
    expect(audit.at(-1)!.after.status).toBe('closed');
  });
});

describe('compensation above the policy limit', () => {
  it('waits for a supervisor; approved → resolved', async () => {
    const c = await intake(stack);
    const waiting = await command(stack, agent, c.id, '/resolution', { summary: 'Refund', remedy: 'refund', compensation: { amount: 1500, currency: 'CNY' } });
    expect(waiting.status).toBe('awaiting_approval');
    expect(waiting.clocks.resolution.state).toBe('pending'); // still running: the approval is internal
    expect(await notificationsOf(stack, c.id)).toEqual(expect.arrayContaining([expect.objectContaining({ topic: 'complaint.approval_needed', recipient_kind: 'role', recipient: 'supervisor' })]));
    const inbox = await stack.as(supervisor).get('/api/v1/tasks');
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ entityId: c.id, kind: 'complaint.approve' })]));
    // it waits on the supervisor, not on the agent
    expect((await stack.as(agent).get('/api/v1/tasks')).body.items.map((t: any) => t.entityId)).not.toContain(c.id);
    // nobody but a supervisor approves; the customer cannot be told yet
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/resolution/approval`, { approved: true, comment: 'me' })).status).toBe(403);
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/customer-feedback`, { satisfied: true, via: 'callback', comment: '' })).status).toBe(409);

    const approved = await command(stack, supervisor, c.id, '/resolution/approval', { approved: true, comment: 'justified' });
    expect(approved.status).toBe('resolved');
    expect(approved.clocks.resolution.state).toBe('met');
    expect(approved.resolutions[0]).toMatchObject({ state: 'approved', approval: { approved: true, by: supervisor.userId, comment: 'justified' } });
    expect(await auditActions(stack, c.id)).toEqual(['complaint.received', 'complaint.resolution_proposed', 'complaint.resolution_approved']);
  });

  it('rejected → back to the handler in the status it was proposed in; exactly the limit needs no approval', async () => {
    const c = await intake(stack);
    await command(stack, agent, c.id, '/responses', { message: 'hi', channel: 'app' });
    await command(stack, agent, c.id, '/resolution', { summary: 'Refund', remedy: 'refund', compensation: { amount: 5000, currency: 'CNY' } });
    const rejected = await command(stack, supervisor, c.id, '/resolution/approval', { approved: false, comment: 'too much' });
    expect(rejected).toMatchObject({ status: 'responded', owner: { kind: 'user', id: agent.userId } });
    expect(rejected.resolutions[0]).toMatchObject({ state: 'rejected', approval: { approved: false, comment: 'too much' } });
    expect(await notificationsOf(stack, c.id)).toEqual(expect.arrayContaining([expect.objectContaining({ topic: 'complaint.approval_decided', recipient: agent.userId })]));
    const again = await command(stack, agent, c.id, '/resolution', { summary: 'Partial refund', remedy: 'refund', compensation: { amount: 1000, currency: 'CNY' } });
    expect(again.status).toBe('resolved');
    const audit = await auditRows(stack, c.id);
    expect(audit.find((e) => e.action === 'complaint.resolution_rejected')).toMatchObject({ actor: supervisor.userId, reason: 'too much' });
  });
});

describe('committee level', () => {
  it('a complaint escalated to the committee chair is not closed until the chair signs off', async () => {
    const roster = await stack.as(people.admin).put('/api/v1/committee', {
      members: [
        { userId: 'gm', name: 'Grace GM', department: 'executive', chair: true },
        { userId: 'm1', name: 'Mina Risk', department: 'risk', chair: false },
      ],
    });
    expect(roster.status).toBe(200);
    const c = await intake(stack, { severity: 'major' });
    for (const level of [1, 2, 3]) {
      const e = await command(stack, agent, c.id, '/escalate', { reason: `step ${level}` });
      expect(e.escalationLevel).toBe(level);
    }
    const top = await getComplaint(stack, c.id);
    expect(top).toMatchObject({ escalationLevel: 3, chairUserId: 'gm', escalatedTo: { kind: 'level', id: 'committee_chair' } });
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/escalate`, { reason: 'more' })).status).toBe(409);
    expect(await notificationsOf(stack, c.id)).toEqual(expect.arrayContaining([expect.objectContaining({ topic: 'complaint.escalated', recipient_kind: 'user', recipient: 'gm' })]));

    await command(stack, agent, c.id, '/resolution', { summary: 'Refund', remedy: 'refund' });
    const satisfied = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'fine' });
    expect(satisfied.status).toBe('awaiting_customer'); // satisfied, but not closed without the chair
    expect((await stack.as(people.chair).get('/api/v1/tasks')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ entityId: c.id, kind: 'complaint.signoff' })]));
    // only the chair signs off
    const notChair = await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/signoff`, { comment: 'me' });
    expect(notChair.status).toBe(403);
    const signed = await command(stack, people.chair, c.id, '/signoff', { comment: 'handled properly' });
    expect(signed).toMatchObject({ status: 'closed', signoff: { by: 'gm', comment: 'handled properly' } });
    const actions = await auditActions(stack, c.id);
    expect(actions.slice(-3)).toEqual(['complaint.resolved', 'complaint.customer_confirmed', 'complaint.signed_off']);
  });

  it('a sign-off is refused where it is not needed', async () => {
    const c = await intake(stack);
    await command(stack, agent, c.id, '/resolution', { summary: 'Refund', remedy: 'refund' });
    const res = await stack.as(people.chair).post(`/api/v1/complaints/${c.id}/signoff`, { comment: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('committee level');
  });
});
