import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { feedbackWorkflowId } from '../../domain/feedback/process.js';
import type { FeedbackPolicy } from '../../domain/feedback/types.js';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * Feedback of every kind on the real stack (docs/feedback.md): an inquiry answered against its
 * first-response target (met, and breached with the owner told), a suggestion routed to its
 * product team who respond and take it up as an improvement action, praise credited to a staff
 * member; reclassification both ways, audited; refusals 400 / 403 / 409.
 */
let stack: Stack;
const { admin, supervisor, auditor, handler, agent, agent2 } = people;
const head: Principal = { userId: 'fbhead', name: 'Fay Head', roles: [], department: 'cards-ops' };
const sec = (amount: number) => ({ amount, unit: 'second' as const });
const longPolicy: FeedbackPolicy = { inquiryFirstResponse: sec(600), atRiskRatio: 0.8 };
const shortPolicy: FeedbackPolicy = { inquiryFirstResponse: sec(2), atRiskRatio: 0.5 };

beforeAll(async () => {
  stack = await startStack();
  await gates(stack).roster();
  await setPolicy(stack, secondsPolicy());
  expect((await stack.as(admin).put('/api/v1/policies/feedback', longPolicy)).status).toBe(200);
  for (const p of [handler, head, agent, agent2, supervisor]) {
    const res = await stack.as(admin).put(`/api/v1/people/${p.userId}`, { userId: p.userId, name: p.name, department: p.department, roles: p.roles, departmentHead: p === head });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});
afterAll(async () => {
  await stack?.stop();
});

let n = 0;
const intakeBody = (kind: string, over: Record<string, unknown> = {}) => ({
  kind,
  channel: 'app',
  customer: { ref: `fb-cust-${process.pid}-${++n}`, name: '李小龙', phone: '13912345678' },
  description: `Feedback test ${kind} ${n}: 手机银行 could show the card fee earlier`,
  ...over,
});
async function log(kind: string, over: Record<string, unknown> = {}, who: Principal = agent) {
  const res = await stack.as(who).post('/api/v1/feedback', intakeBody(kind, over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const post = (who: Principal, id: string, path: string, body: unknown) => stack.as(who).post(`/api/v1/feedback/${id}${path}`, body);
async function ok(who: Principal, id: string, path: string, body: unknown) {
  const res = await post(who, id, path, body);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}
const audit = async (id: string) => (await stack.query<{ action: string; actor: string; reason: string | null; after: any }>(`select action, actor, reason, after from audit_events where entity_type = 'feedback' and entity_id = $1 order by seq`, [id]));
const notes = (id: string) => stack.query<{ topic: string; recipient: string }>(`select topic, recipient from notifications where entity_type = 'feedback' and entity_id = $1 order by id`, [id]);
const verified = async (entityType: string, id: string) => (await stack.as(auditor).get(`/api/v1/audit/verify?entityType=${entityType}&entityId=${id}`)).body.ok;

describe('an inquiry', () => {
  it('is logged with the complaint intake’s fields, answered within its first-response target and archived', async () => {
    const q = await log('inquiry', { initiativeId: undefined });
    expect(q).toMatchObject({ kind: 'inquiry', status: 'open', channel: 'app', ownerId: agent.userId, firstResponse: { state: 'pending', onTime: null } });
    expect(q.customer).toMatchObject({ masked: true, name: expect.not.stringMatching(/^李小龙$/) });
    expect(q.customer.phone).not.toContain('13912345678');
    expect(Date.parse(q.firstResponse.due) - Date.parse(q.receivedAt)).toBe(600_000);
    const inbox = (await stack.as(agent).get('/api/v1/tasks')).body.items;
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ entityType: 'feedback', entityId: q.id, kind: 'feedback.answer', deadline: q.firstResponse.due })]));

    expect((await post(agent2, q.id, '/answer', { answer: 'It is on the fees page' })).status).toBe(403);
    expect((await post(agent, q.id, '/answer', { answer: '' })).status).toBe(400);
    expect((await post(agent, q.id, '/route', { department: 'cards-ops' })).status).toBe(409);
    const answered = await ok(agent, q.id, '/answer', { answer: 'The annual fee is shown on the card’s page under 费用' });
    expect(answered).toMatchObject({ status: 'answered', firstResponse: { state: 'met', onTime: true }, answer: { by: agent.userId } });
    const archived = await ok(agent, q.id, '/archive', {});
    expect(archived).toMatchObject({ status: 'archived', allowed: [] });
    expect((await post(agent, q.id, '/answer', { answer: 'again' })).status).toBe(409);
    expect((await audit(q.id)).map((e) => e.action)).toEqual(['feedback.logged', 'feedback.answered', 'feedback.archived']);
    expect(await verified('feedback', q.id)).toBe(true);
    await eventually(async () => (await stack.temporal.workflow.getHandle(feedbackWorkflowId(q.id)).describe()).status.name === 'COMPLETED', 'the inquiry’s process to end');
    await saveReplayFixture(stack.temporal, feedbackWorkflowId(q.id), 'feedback-inquiry-answered-archived');
  });

  it('tells its owner when the first response is at risk and overdue, and records a late answer as late', async () => {
    expect((await stack.as(admin).put('/api/v1/policies/feedback', shortPolicy)).status).toBe(200);
    try {
      const q = await log('inquiry');
      const breached = await eventually(async () => {
        const v = (await stack.as(agent).get(`/api/v1/feedback/${q.id}`)).body;
        return v.firstResponse.state === 'breached' ? v : undefined;
      }, 'the first response to be overdue');
      expect(breached.status).toBe('open');
      expect(await notes(q.id)).toEqual([
        { topic: 'feedback.first_response_at_risk', recipient: agent.userId },
        { topic: 'feedback.first_response_overdue', recipient: agent.userId },
      ]);
      const answered = await ok(supervisor, q.id, '/answer', { answer: 'Answered by the supervisor' });
      expect(answered.firstResponse).toMatchObject({ state: 'met', onTime: false });
      expect((await audit(q.id)).map((e) => e.action)).toEqual(['feedback.logged', 'feedback.first_response_at_risk', 'feedback.first_response_overdue', 'feedback.answered']);
      expect((await audit(q.id)).at(-1)!.after.late).toBe(true);
      await ok(agent, q.id, '/archive', { note: 'done' });
      await saveReplayFixture(stack.temporal, feedbackWorkflowId(q.id), 'feedback-inquiry-overdue-answered-late');
    } finally {
      expect((await stack.as(admin).put('/api/v1/policies/feedback', longPolicy)).status).toBe(200);
    }
  });
});

describe('a suggestion', () => {
  it('is routed to its product team, who respond; a supervisor raises an improvement action from it; it is archived', async () => {
    const s = await log('suggestion');
    expect(s.firstResponse).toBeNull();
    expect((await stack.as(supervisor).get('/api/v1/tasks')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ entityId: s.id, kind: 'feedback.route' })]));
    expect((await post(agent, s.id, '/route', { department: 'no-such-team' })).status).toBe(400);
    expect((await post(handler, s.id, '/respond', { response: 'too early' })).status).toBe(409);
    const routed = await ok(agent, s.id, '/route', { department: 'cards-ops', note: 'Fees page' });
    expect(routed).toMatchObject({ status: 'routed', routing: { department: 'cards-ops', teamLeadId: head.userId } });
    expect(await notes(s.id)).toEqual([{ topic: 'feedback.routed', recipient: head.userId }]);
    // The team reads it and finds it in its inbox; someone outside the team may not respond.
    expect((await stack.as(handler).get(`/api/v1/feedback/${s.id}`)).status).toBe(200);
    expect((await stack.as(handler).get('/api/v1/tasks')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ entityId: s.id, kind: 'feedback.respond' })]));
    expect((await post(agent2, s.id, '/respond', { response: 'not mine' })).status).toBe(403);
    const responded = await ok(handler, s.id, '/respond', { response: 'We will show the fee before confirmation' });
    expect(responded).toMatchObject({ status: 'responded', response: { by: handler.userId } });

    const raise = {
      source: { kind: 'suggestion', id: s.id, label: 'Customer suggestion' },
      title: 'Show the fee before confirmation (customer suggestion)',
      problem: 'Customers suggest seeing the card fee earlier',
      plan: 'Move the fee onto the confirmation page',
      ownerDepartment: 'cards-ops',
      ownerId: handler.userId,
      dueInDays: 5,
    };
    expect((await stack.as(agent).post('/api/v1/improvements', raise)).status).toBe(403);
    const action = await stack.as(supervisor).post('/api/v1/improvements', raise);
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    expect(action.body.source).toMatchObject({ kind: 'suggestion', id: s.id });
    const linked = (await stack.as(agent).get(`/api/v1/feedback/${s.id}`)).body;
    expect(linked.links.improvements).toEqual([action.body.id]);
    // A second raise answers the same action and links nothing twice.
    expect((await stack.as(supervisor).post('/api/v1/improvements', raise)).body.id).toBe(action.body.id);
    expect((await stack.as(agent).get(`/api/v1/feedback/${s.id}`)).body.links.improvements).toEqual([action.body.id]);
    expect((await stack.as(supervisor).post('/api/v1/improvements', { ...raise, source: { kind: 'suggestion', id: '00000000-0000-4000-8000-000000000000' } })).status).toBe(400);

    await ok(agent, s.id, '/archive', { note: 'Taken up as an improvement action' });
    expect((await audit(s.id)).map((e) => e.action)).toEqual(['feedback.logged', 'feedback.routed', 'feedback.responded', 'feedback.linked', 'feedback.archived']);
    expect(await verified('feedback', s.id)).toBe(true);
    await saveReplayFixture(stack.temporal, feedbackWorkflowId(s.id), 'feedback-suggestion-routed-improvement-archived');
  });
});

describe('praise', () => {
  it('is credited to a staff member picked from the directory, who is told, and archived', async () => {
    const p = await log('praise', { channel: 'branch' });
    expect((await post(agent, p.id, '/credit', { kind: 'person', id: 'nobody-here' })).status).toBe(400);
    expect((await post(agent, p.id, '/credit', { kind: 'team', id: agent2.userId })).status).toBe(400);
    const credited = await ok(agent, p.id, '/credit', { kind: 'person', id: agent2.userId, note: 'Patient with an elderly customer' });
    expect(credited).toMatchObject({ status: 'credited', credit: { kind: 'person', id: agent2.userId, name: agent2.name } });
    expect(await notes(p.id)).toEqual([{ topic: 'feedback.praised', recipient: agent2.userId }]);
    await ok(agent, p.id, '/archive', { note: 'Thanked the customer' });
    expect((await audit(p.id)).map((e) => e.action)).toEqual(['feedback.logged', 'feedback.credited', 'feedback.archived']);
    await saveReplayFixture(stack.temporal, feedbackWorkflowId(p.id), 'feedback-praise-credited-archived');
  });

  it('can be credited to a department (a branch)', async () => {
    const p = await log('praise');
    const credited = await ok(supervisor, p.id, '/credit', { kind: 'department', id: 'cards-ops' });
    expect(credited.credit).toMatchObject({ kind: 'department', id: 'cards-ops' });
  });
});

describe('reclassification', () => {
  it('opens a complaint from a feedback item mistakenly taken, with the same intake facts, and ends the item pointing at it', async () => {
    const s = await log('suggestion', { channel: 'hotline' });
    const body = { reason: 'The customer was charged wrongly: a complaint', category: 'product', severity: 'major' };
    expect((await post(agent2, s.id, '/reclassify', body)).status).toBe(403);
    expect((await post(agent, s.id, '/reclassify', { ...body, reason: '' })).status).toBe(400);
    const r = await ok(agent, s.id, '/reclassify', body);
    expect(r).toMatchObject({ status: 'reclassified', reclassified: { reason: body.reason, by: agent.userId } });
    const complaintId = r.reclassified.complaintId;
    const c = (await stack.as(supervisor).get(`/api/v1/complaints/${complaintId}`)).body;
    expect(c).toMatchObject({ id: complaintId, status: 'open', channel: 'hotline', category: 'product', severity: 'major', description: s.description, receivedAt: s.receivedAt, agentId: agent.userId });
    expect(c.customer).toMatchObject({ ref: s.customer.ref, name: s.customer.name, phone: s.customer.phone });
    // A retry opens nothing new; an ended item takes no more commands.
    expect((await post(agent, s.id, '/reclassify', body)).body.reclassified.complaintId).toBe(complaintId);
    expect((await post(agent, s.id, '/route', { department: 'cards-ops' })).status).toBe(409);
    const events = await audit(s.id);
    expect(events.at(-1)).toMatchObject({ action: 'feedback.reclassified', actor: agent.userId, reason: body.reason, after: { complaintId } });
    expect(await verified('feedback', s.id)).toBe(true);
    await saveReplayFixture(stack.temporal, feedbackWorkflowId(s.id), 'feedback-reclassified-as-complaint');
  });

  it('closes a complaint that was really praise (a supervisor, before any resolution) and opens the praise from it', async () => {
    const c = await intake(stack, { description: 'Feedback test: the customer only wanted to thank the branch staff' });
    const body = { kind: 'praise', reason: 'The customer called to thank the branch, not to complain' };
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/reclassify`, body)).status).toBe(403);
    expect((await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/reclassify`, { kind: 'complaint', reason: 'x' })).status).toBe(400);
    const res = await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/reclassify`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = res.body.feedback;
    expect(f).toMatchObject({ kind: 'praise', status: 'open', channel: c.channel, description: c.description, receivedAt: c.receivedAt, ownerId: agent.userId, reclassifiedFrom: { complaintId: c.id, reason: body.reason, by: supervisor.userId } });
    const closed = (await stack.as(supervisor).get(`/api/v1/complaints/${c.id}`)).body;
    expect(closed).toMatchObject({ status: 'closed', reclassified: { kind: 'praise', feedbackId: f.id, reason: body.reason, by: supervisor.userId } });
    expect((await stack.as(supervisor).get(`/api/v1/complaints/${c.id}/reclassified-as`)).body.item.id).toBe(f.id);
    const trail = await stack.query<{ action: string; reason: string | null }>(`select action, reason from audit_events where entity_type = 'complaint' and entity_id = $1 order by seq`, [c.id]);
    expect(trail.at(-1)).toEqual({ action: 'complaint.reclassified', reason: body.reason });
    expect(await verified('complaint', c.id)).toBe(true);
    // Again: the same item, nothing opened twice; a closed complaint is not reclassified anew.
    const again = await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/reclassify`, body);
    expect(again.body.feedback.id).toBe(f.id);
    await eventually(async () => (await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).describe()).status.name === 'COMPLETED', 'the complaint’s process to end');
    await saveReplayFixture(stack.temporal, complaintWorkflowId(c.id), 'complaint-reclassified-as-praise');
    await ok(agent, f.id, '/credit', { kind: 'department', id: 'cards-ops' });
  });

  it('refuses a complaint once a resolution was given', async () => {
    const c = await intake(stack);
    await command(stack, agent, c.id, '/resolution', { summary: 'Card unblocked', remedy: 'Fee waived' });
    expect((await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/reclassify`, { kind: 'inquiry', reason: 'too late' })).status).toBe(409);
  });
});

describe('reading', () => {
  it('lists by kind for readers, and only what involves them for others', async () => {
    const all = (await stack.as(supervisor).get('/api/v1/feedback?kind=praise')).body.items;
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((v: { kind: string }) => v.kind === 'praise')).toBe(true);
    const mine = (await stack.as(handler).get('/api/v1/feedback')).body.items;
    expect(mine.every((v: { routing: { department: string } | null }) => v.routing?.department === 'cards-ops')).toBe(true);
    const other = await log('inquiry');
    expect((await stack.as(handler).get(`/api/v1/feedback/${other.id}`)).status).toBe(403);
    expect((await stack.as(agent).post('/api/v1/feedback', { ...intakeBody('inquiry'), category: 'service' })).status).toBe(400);
    expect((await stack.as(handler).post('/api/v1/feedback', intakeBody('inquiry'))).status).toBe(403);
  });
});

describe('the KPIs', () => {
  it('count this file’s feedback by kind and channel, the inquiries’ first response on time, and the reclassifications', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await stack.as(supervisor).get(`/api/v1/reports/kpis?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = res.body.kpis.feedback;
    // Inquiries: one answered in time, one late, one never answered (the reading test's); praise:
    // two logged and one from a complaint; suggestions: the routed one and the reclassified one.
    expect(f.volume.byKind).toEqual({ inquiry: 3, suggestion: 2, praise: 3 });
    expect(f.received).toBe(8);
    expect(f.volume.byChannel).toMatchObject({ app: 5, branch: 1, hotline: 2 });
    expect(f.inquiryFirstResponse).toEqual({ onTime: 1, late: 1, pending: 1, rate: 0.5 });
    expect(f.reclassified).toEqual({ asComplaint: 1, fromComplaint: 1 });
    // The complaint reclassified as praise is feedback now: no complaint KPI counts it (it would
    // count as a complaint resolved and closed at once).
    const [counted] = await stack.query<{ total: number; reclassified: number }>(
      `select count(*)::int as total, count(*) filter (where view->'reclassified' is not null)::int as reclassified from complaints where received_at >= $1 and received_at < $2`,
      [from, to],
    );
    const { total: all, reclassified } = counted!;
    expect(reclassified).toBe(1);
    expect(res.body.kpis.complaints.received).toBe(all - reclassified);
    expect(Object.values(res.body.kpis.complaints.volume.byChannel as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(all - reclassified);
  });
});
