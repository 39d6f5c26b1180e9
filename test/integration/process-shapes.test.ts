import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { complaintWorkflowId, intakeUpdate, type ComplaintInput } from '../../workflows/complaint/messages.js';
import { createInitiative, initiativeWorkflowId, initiativeWorkflowType, type InitiativeWorkflowInput } from '../../workflows/initiative/messages.js';
import { command, getComplaint, intake, notificationsOf, sec, secondsPolicy, setPolicy } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { deliverables, gates, standardRoster } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, testCommandSigner, type Stack } from '../support/stack.js';

/**
 * Process shapes driven to their end through the HTTP API on the real stack, one workflow history
 * each recorded as a replay fixture (UPDATE_REPLAY_FIXTURES=1). They widen what the replay test
 * proves: every shape here must still replay after the workflow code is reworked. Every test
 * asserts its outcome (status, audit trail) whether or not it records.
 */
let stack: Stack;
let g: ReturnType<typeof gates>;
beforeAll(async () => {
  stack = await startStack();
  g = gates(stack);
  await g.roster();
});
afterAll(async () => stack?.stop());

const { agent, agent2, handler, supervisor, chair, owner } = people;
const supervisor2: Principal = { userId: 'sam', name: 'Sam Supervisor', roles: ['supervisor'], department: 'customer-service' };
const loansHandler: Principal = { userId: 'hugo', name: 'Hugo Handler', roles: ['business_handler'], department: 'loans' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The audit trail of one entity as the audit API serves it, in sequence order. */
async function trail(entityType: 'complaint' | 'initiative', entityId: string) {
  const res = await stack.as(people.auditor).get(`/api/v1/audit/events?entityType=${entityType}&entityId=${encodeURIComponent(entityId)}&limit=1000`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const items = (res.body.items as { seq: number; action: string; actor: string; reason?: string }[]).slice().sort((a, b) => a.seq - b.seq);
  expect(items.map((e) => e.seq)).toEqual(items.map((_, i) => i + 1));
  const verified = await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=${entityType}&entityId=${encodeURIComponent(entityId)}`);
  expect(verified.status).toBe(200);
  expect(verified.body.ok).toBe(true);
  return items;
}
const actionsOf = async (entityType: 'complaint' | 'initiative', id: string) => (await trail(entityType, id)).map((e) => e.action);
const sorted = (xs: string[]) => [...xs].sort();

/** How the run ended: the attributes of its last history event tell. */
async function lastEvent(workflowId: string, runId?: string) {
  const history = await stack.temporal.workflow.getHandle(workflowId, runId).fetchHistory();
  const last = history.events!.at(-1)!;
  if (last.workflowExecutionCompletedEventAttributes) return 'completed';
  if (last.workflowExecutionContinuedAsNewEventAttributes) return 'continued-as-new';
  return 'other';
}

/** Waits for the complaint's workflow to end, checks it completed, and records its history. */
async function finishComplaint(id: string, fixture: string) {
  const workflowId = complaintWorkflowId(id);
  const result = await stack.temporal.workflow.getHandle(workflowId).result();
  expect(result.status).toBe('closed');
  expect(await lastEvent(workflowId)).toBe('completed');
  await saveReplayFixture(stack.temporal, workflowId, fixture);
}

async function finishInitiative(id: string, fixture: string) {
  const workflowId = initiativeWorkflowId(id);
  await stack.temporal.workflow.getHandle(workflowId).result();
  expect(await lastEvent(workflowId)).toBe('completed');
  await saveReplayFixture(stack.temporal, workflowId, fixture);
}

// ── complaints ──────────────────────────────────────────────────────────────────────────────────

describe('complaint shapes', () => {
  it('transferred to a department, re-routed, resolved by its handler, fed back, closed', async () => {
    await setPolicy(stack, secondsPolicy());
    const c = await intake(stack, { category: 'product' });
    await command(stack, agent, c.id, '/responses', { message: 'Forwarding to the loans team', channel: 'hotline' });
    const first = await command(stack, agent, c.id, '/transfer', { department: 'loans', reason: 'looks like a loan fee' });
    expect(first).toMatchObject({ status: 'transferred', owner: { kind: 'department', id: 'loans' } });
    // the loans team finds it is a card matter and re-routes it
    const rerouted = await command(stack, loansHandler, c.id, '/transfer', { department: 'cards-ops', reason: 'a card fee, not a loan' });
    expect(rerouted).toMatchObject({ status: 'transferred', owner: { kind: 'department', id: 'cards-ops' }, department: 'cards-ops' });
    expect(rerouted.transfers.map((t: any) => [t.by, t.department])).toEqual([
      ['cai', 'loans'],
      ['hugo', 'cards-ops'],
    ]);
    expect((await stack.as(loansHandler).post(`/api/v1/complaints/${c.id}/resolution`, { summary: 's', remedy: 'r' })).status).toBe(403);

    const resolved = await command(stack, handler, c.id, '/resolution', { summary: 'Fee reversed', remedy: 'refund of the fee' });
    expect(resolved).toMatchObject({ status: 'resolved', owner: { kind: 'user', id: agent.userId } });
    expect(resolved.clocks.investigation.state).toBe('met');
    expect(resolved.resolutions[0]).toMatchObject({ proposedBy: handler.userId, state: 'accepted' });
    await command(stack, agent, c.id, '/responses', { message: 'The card team reversed the fee', channel: 'hotline' });
    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'thanks' });
    expect(closed.status).toBe('closed');
    expect((await getComplaint(stack, c.id)).status).toBe('closed');

    const rows = await trail('complaint', c.id);
    expect(rows.map((e) => [e.action, e.actor])).toEqual([
      ['complaint.received', 'cai'],
      ['complaint.responded', 'cai'],
      ['complaint.transferred', 'cai'],
      ['complaint.transferred', 'hugo'],
      ['complaint.resolved', 'hal'],
      ['complaint.responded', 'cai'],
      ['complaint.closed', 'cai'],
    ]);
    await finishComplaint(c.id, 'complaint-transferred-department-resolved');
  });

  it('compensation above the limit proposed by an escalated supervisor, approved by another supervisor, closed', async () => {
    await setPolicy(stack, secondsPolicy({ compensationApprovalLimit: 1000 }));
    const c = await intake(stack);
    await command(stack, agent, c.id, '/responses', { message: 'We are looking into it', channel: 'hotline' });
    const escalated = await command(stack, agent, c.id, '/escalate', { reason: 'the customer asks for a supervisor' });
    expect(escalated.escalationLevel).toBe(1);

    // escalated: the supervisor acts as owner and proposes; the proposer may not approve
    const proposed = await command(stack, supervisor, c.id, '/resolution', { summary: 'Refund and goodwill', remedy: 'refund', compensation: { amount: 2500, currency: 'CNY' } });
    expect(proposed.status).toBe('awaiting_approval');
    const self = await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/resolution/approval`, { approved: true, comment: 'mine' });
    expect(self.status).toBe(403);
    expect(self.body.detail).toContain('separation of duties');

    const approved = await command(stack, supervisor2, c.id, '/resolution/approval', { approved: true, comment: 'justified by the fee history' });
    expect(approved).toMatchObject({ status: 'resolved', owner: { kind: 'user', id: agent.userId } });
    expect(approved.resolutions[0]).toMatchObject({ proposedBy: 'sue', state: 'approved', approval: { approved: true, by: 'sam' } });
    expect((await command(stack, agent, c.id, '/responses', { message: 'Refund approved', channel: 'hotline' })).status).toBe('awaiting_customer');
    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'fine' });
    expect(closed).toMatchObject({ status: 'closed', escalationLevel: 1, signoff: null });

    expect((await trail('complaint', c.id)).map((e) => [e.action, e.actor])).toEqual([
      ['complaint.received', 'cai'],
      ['complaint.responded', 'cai'],
      ['complaint.escalated', 'cai'],
      ['complaint.resolution_proposed', 'sue'],
      ['complaint.resolution_approved', 'sam'],
      ['complaint.responded', 'cai'],
      ['complaint.closed', 'cai'],
    ]);
    await finishComplaint(c.id, 'complaint-compensation-approved');
  });

  it('compensation rejected, a new resolution without compensation, closed', async () => {
    await setPolicy(stack, secondsPolicy({ compensationApprovalLimit: 1000 }));
    const c = await intake(stack);
    await command(stack, agent, c.id, '/responses', { message: 'hello', channel: 'app' });
    expect((await command(stack, agent, c.id, '/resolution', { summary: 'Refund', remedy: 'refund', compensation: { amount: 5000, currency: 'CNY' } })).status).toBe('awaiting_approval');
    const rejected = await command(stack, supervisor, c.id, '/resolution/approval', { approved: false, comment: 'far above the loss' });
    expect(rejected).toMatchObject({ status: 'responded', owner: { kind: 'user', id: agent.userId } });
    expect(rejected.resolutions[0]).toMatchObject({ state: 'rejected', approval: { approved: false, by: 'sue' } });

    const again = await command(stack, agent, c.id, '/resolution', { summary: 'Explained the fee and waived the next one', remedy: 'fee waiver' });
    expect(again.status).toBe('resolved');
    expect(again.resolutions.map((r: any) => r.state)).toEqual(['rejected', 'accepted']);
    // a callback tells the result and hears the answer in one go
    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'ok' });
    expect(closed.status).toBe('closed');
    expect(await actionsOf('complaint', c.id)).toEqual([
      'complaint.received',
      'complaint.responded',
      'complaint.resolution_proposed',
      'complaint.resolution_rejected',
      'complaint.resolved',
      'complaint.closed',
    ]);
    await finishComplaint(c.id, 'complaint-compensation-rejected');
  });

  it('paused and resumed twice (open, then resolved while the customer is away), closed', async () => {
    await setPolicy(stack, secondsPolicy());
    const c = await intake(stack);
    expect((await command(stack, agent, c.id, '/pause', { reason: 'customer abroad' })).paused).toBe(true);
    const resumed = await command(stack, agent, c.id, '/resume', { reason: 'customer back' });
    expect(resumed.paused).toBe(false);
    await command(stack, agent, c.id, '/responses', { message: 'hello again', channel: 'hotline' });
    expect((await command(stack, agent, c.id, '/resolution', { summary: 'Card replaced', remedy: 'new card' })).status).toBe('resolved');
    const pausedResolved = await command(stack, agent, c.id, '/pause', { reason: 'cannot reach the customer' });
    expect(pausedResolved).toMatchObject({ status: 'resolved', paused: true });
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/pause`, { reason: 'again' })).status).toBe(409);
    await command(stack, agent, c.id, '/resume', { reason: 'customer reached' });
    expect((await command(stack, agent, c.id, '/responses', { message: 'your new card is on its way', channel: 'hotline' })).status).toBe('awaiting_customer');
    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '' });
    expect(closed).toMatchObject({ status: 'closed', paused: false, breaches: [] });
    expect(closed.pauses.map((p: any) => [p.by, p.resumedBy])).toEqual([
      ['cai', 'cai'],
      ['cai', 'cai'],
    ]);
    expect(await actionsOf('complaint', c.id)).toEqual([
      'complaint.received',
      'complaint.paused',
      'complaint.resumed',
      'complaint.responded',
      'complaint.resolved',
      'complaint.paused',
      'complaint.resumed',
      'complaint.responded',
      'complaint.closed',
    ]);
    await finishComplaint(c.id, 'complaint-paused-resumed');
  });

  it('a pause capped by the policy resumes by itself; no further pause; closed', async () => {
    await setPolicy(stack, secondsPolicy({ maxPause: sec(2) }));
    const c = await intake(stack);
    await command(stack, agent, c.id, '/pause', { reason: 'waiting for documents' });
    const resumed = await eventually(async () => {
      const v = await getComplaint(stack, c.id);
      return v.paused ? undefined : v;
    }, 'the automatic resume at the cap');
    expect(resumed.pauses).toEqual([expect.objectContaining({ resumedBy: 'system', capped: true })]);
    const again = await stack.as(agent).post(`/api/v1/complaints/${c.id}/pause`, { reason: 'more' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('allowance');

    await command(stack, agent, c.id, '/responses', { message: 'documents received', channel: 'email' });
    await command(stack, agent, c.id, '/resolution', { summary: 'Address corrected', remedy: 'none' });
    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'survey', comment: '' });
    expect(closed.status).toBe('closed');
    const rows = await trail('complaint', c.id);
    expect(rows.map((e) => [e.action, e.actor])).toEqual([
      ['complaint.received', 'cai'],
      ['complaint.paused', 'cai'],
      ['complaint.resumed', 'system'],
      ['complaint.responded', 'cai'],
      ['complaint.resolved', 'cai'],
      ['complaint.closed', 'cai'],
    ]);
    await finishComplaint(c.id, 'complaint-pause-capped');
  });

  it('escalated by hand and by breaches to the committee chair; satisfied; closed by the chair’s sign-off', async () => {
    await setPolicy(stack, secondsPolicy({ firstResponse: sec(3), breachWindow: sec(2) }));
    const c = await intake(stack, { severity: 'major' });
    expect((await command(stack, agent, c.id, '/escalate', { reason: 'the customer is a VIP' })).escalationLevel).toBeGreaterThanOrEqual(1);
    // the first-response breach climbs one level, one breach window later one more: the chair
    const top = await eventually(async () => {
      const v = await getComplaint(stack, c.id);
      return v.escalationLevel === 3 ? v : undefined;
    }, 'the committee level', 30_000);
    expect(top).toMatchObject({ chairUserId: 'gm', escalatedTo: { kind: 'level', id: 'committee_chair' } });
    expect(top.breaches.map((b: any) => [b.clock, b.window])).toEqual([
      ['firstResponse', 0],
      ['firstResponse', 1],
    ]);
    expect((await stack.as(agent).post(`/api/v1/complaints/${c.id}/escalate`, { reason: 'more' })).status).toBe(409);
    expect(await notificationsOf(stack, c.id)).toEqual(expect.arrayContaining([expect.objectContaining({ topic: 'complaint.compliance_notice' })]));

    await command(stack, agent, c.id, '/responses', { message: 'sorry for the wait', channel: 'hotline' });
    await command(stack, agent, c.id, '/resolution', { summary: 'Refund', remedy: 'refund' });
    const satisfied = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'fine' });
    expect(satisfied.status).toBe('awaiting_customer');
    expect((await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/signoff`, { comment: 'me' })).status).toBe(403);
    const signed = await command(stack, chair, c.id, '/signoff', { comment: 'handled properly' });
    expect(signed).toMatchObject({ status: 'closed', signoff: { by: 'gm', comment: 'handled properly' } });

    const actions = await actionsOf('complaint', c.id);
    // the manual escalation lands right after intake; the clock's warning, breach and climb follow
    expect(actions[0]).toBe('complaint.received');
    expect(sorted(actions.slice(1, 5))).toEqual(sorted(['complaint.escalated', 'complaint.clock_at_risk', 'complaint.clock_breached', 'complaint.breach_escalated']));
    expect(actions.indexOf('complaint.clock_breached')).toBeLessThan(actions.indexOf('complaint.breach_escalated'));
    expect(actions.slice(5)).toEqual(['complaint.responded', 'complaint.resolved', 'complaint.customer_confirmed', 'complaint.signed_off']);
    await finishComplaint(c.id, 'complaint-escalated-signed-off');
  });

  it('reaches the committee level while the roster has no chair: a sign-off accepted, then refused by the handler’s lookup; the chair closes it', async () => {
    await setPolicy(stack, secondsPolicy());
    const c = await intake(stack, { severity: 'urgent' });
    await stack.query('delete from committee_members');
    try {
      for (const level of [1, 2, 3]) expect((await command(stack, agent, c.id, '/escalate', { reason: `step ${level}` })).escalationLevel).toBe(level);
    } finally {
      await g.roster();
    }
    expect(await getComplaint(stack, c.id)).toMatchObject({ escalationLevel: 3, chairUserId: null });
    await command(stack, agent, c.id, '/responses', { message: 'a manager is on it', channel: 'hotline' });
    await command(stack, agent, c.id, '/resolution', { summary: 'Fraud reversed', remedy: 'refund' });
    expect((await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'relieved' })).status).toBe('awaiting_customer');

    // the chair is unknown, so the validator lets any sign-off through; the handler looks again and refuses
    const notChair = await stack.as(supervisor).post(`/api/v1/complaints/${c.id}/signoff`, { comment: 'me' });
    expect(notChair.status).toBe(403);
    expect(notChair.body.detail).toContain('only the committee chair');
    const history = await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).fetchHistory();
    const refusedInHandler = history.events!.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes?.outcome?.failure);
    expect(refusedInHandler).toHaveLength(1);

    const signed = await command(stack, chair, c.id, '/signoff', { comment: 'reviewed' });
    expect(signed).toMatchObject({ status: 'closed', chairUserId: 'gm', signoff: { by: 'gm' } });
    expect(await actionsOf('complaint', c.id)).toEqual([
      'complaint.received',
      'complaint.escalated',
      'complaint.escalated',
      'complaint.escalated',
      'complaint.responded',
      'complaint.resolved',
      'complaint.customer_confirmed',
      'complaint.signed_off',
    ]);
    await finishComplaint(c.id, 'complaint-chair-unknown-signoff-refused');
  });

  it('a repeat complaint of the same customer, linked to a launched product whose monitoring counts it', async () => {
    await setPolicy(stack, secondsPolicy());
    await g.policy({ postLaunch: { window: { amount: 600, unit: 'second' }, complaintThreshold: 10 } });
    const initiative = await g.create();
    for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await g.passGate(initiative, stage);
    await eventually(async () => ((await g.get(initiative)).body.postLaunch?.status === 'monitoring' ? true : undefined), 'post-launch monitoring');

    const customer = { ref: `cust-repeat-${randomUUID()}`, name: '李四', phone: '13900001111', idNumber: '110101198001011234' };
    const first = await intake(stack, { customer, category: 'product', initiativeId: initiative });
    await command(stack, agent, first.id, '/resolution', { summary: 'Explained the card limits', remedy: 'none' });
    expect((await command(stack, agent, first.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '' })).status).toBe('closed');
    await eventually(async () => ((await g.get(initiative)).body.postLaunch.linkedComplaints === 1 ? true : undefined), 'the first link counted');

    const repeat = await intake(stack, { customer, category: 'product', initiativeId: initiative, description: 'The virtual card is refused again' });
    expect(repeat).toMatchObject({ initiativeId: initiative, repeatOf: [first.id] });
    expect(await notificationsOf(stack, repeat.id)).toEqual([expect.objectContaining({ topic: 'complaint.repeat', recipient: agent.userId })]);
    const counted = await eventually(async () => {
      const v = (await g.get(initiative)).body;
      return v.postLaunch.linkedComplaints === 2 ? v : undefined;
    }, 'the repeat complaint counted');
    expect(counted.postLaunch).toMatchObject({ status: 'monitoring', reviewItem: null });

    await command(stack, agent, repeat.id, '/responses', { message: 'escalating to the card team', channel: 'hotline' });
    await command(stack, agent, repeat.id, '/resolution', { summary: 'Card limit raised', remedy: 'limit raised' });
    const closed = await command(stack, agent, repeat.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'works now' });
    expect(closed).toMatchObject({ status: 'closed', repeatOf: [first.id] });
    expect(await actionsOf('complaint', repeat.id)).toEqual(['complaint.received', 'complaint.responded', 'complaint.resolved', 'complaint.closed']);
    expect((await actionsOf('initiative', initiative)).filter((a) => a === 'post_launch.complaint_linked')).toHaveLength(2);
    await finishComplaint(repeat.id, 'complaint-repeat-linked-initiative');
  });

  it('concurrent commands while the resolution deadline falls due: one pause wins, the other is refused; closed', async () => {
    // the pause allowance (1 s) is shorter than any wait here: a pause cannot keep the deadline off
    await setPolicy(stack, secondsPolicy({ resolution: { general: sec(3), major: sec(600), urgent: sec(600) }, maxPause: sec(1) }));
    const c = await intake(stack);
    await sleep(Math.max(0, Date.parse(c.deadlines.resolution) - 300 - Date.now()));
    const path = (p: string) => `/api/v1/complaints/${c.id}${p}`;
    const [respond, pauseA, pauseB, escalate, stranger, foreign] = await Promise.all([
      stack.as(agent).post(path('/responses'), { message: 'we are on it', channel: 'hotline' }),
      stack.as(agent).post(path('/pause'), { reason: 'waiting for the statement' }),
      stack.as(agent).post(path('/pause'), { reason: 'waiting for the customer' }),
      stack.as(agent).post(path('/escalate'), { reason: 'the customer asks for a manager' }),
      stack.as(agent2).post(path('/responses'), { message: 'not mine', channel: 'hotline' }),
      stack.as(agent2).post(path('/transfer'), { department: 'cards-ops', reason: 'not mine' }),
    ]);
    expect(respond.status, JSON.stringify(respond.body)).toBe(200);
    expect(escalate.status, JSON.stringify(escalate.body)).toBe(200);
    expect(sorted([String(pauseA.status), String(pauseB.status)])).toEqual(['200', '409']);
    expect(stranger.status).toBe(403);
    expect(foreign.status).toBe(403);

    // the pause is capped, the clock runs again and breaches: one more level
    const breached = await eventually(async () => {
      const v = await getComplaint(stack, c.id);
      return !v.paused && v.breaches.length > 0 ? v : undefined;
    }, 'the resolution breach', 30_000);
    expect(breached.breaches).toEqual([expect.objectContaining({ clock: 'resolution', level: 2, window: 0 })]);
    expect(breached).toMatchObject({ status: 'responded', escalationLevel: 2 });
    expect(breached.pauses).toEqual([expect.objectContaining({ by: 'cai', resumedBy: 'system', capped: true })]);

    await command(stack, agent, c.id, '/resolution', { summary: 'Statement corrected', remedy: 'correction' });
    await command(stack, agent, c.id, '/responses', { message: 'your statement is corrected', channel: 'hotline' });
    const closed = await command(stack, agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '' });
    expect(closed).toMatchObject({ status: 'closed', escalationLevel: 2 });
    const rows = await trail('complaint', c.id);
    expect(sorted(rows.map((e) => e.action))).toEqual(
      sorted([
        'complaint.received',
        'complaint.clock_at_risk',
        'complaint.responded',
        'complaint.paused',
        'complaint.escalated',
        'complaint.resumed',
        'complaint.clock_breached',
        'complaint.resolved',
        'complaint.responded',
        'complaint.closed',
      ]),
    );
    expect(rows.find((e) => e.action === 'complaint.resumed')!.actor).toBe('system');
    expect(rows.at(-1)!.action).toBe('complaint.closed');
    await finishComplaint(c.id, 'complaint-concurrent-commands');
  });

  it('continues as new after two commands (the run limit), keeps its clocks, and closes in the next run', async () => {
    await setPolicy(stack, secondsPolicy());
    const id = randomUUID();
    const workflowId = complaintWorkflowId(id);
    const intakeBy = { userId: agent.userId, name: agent.name, roles: [...agent.roles], department: agent.department };
    const input: ComplaintInput = {
      id,
      channel: 'hotline',
      category: 'service',
      severity: 'general',
      description: 'Started with a run limit to exercise continue-as-new',
      receivedAt: new Date().toISOString(),
      customerRef: `cust-can-${id}`,
      piiRef: id,
      intakeBy,
      runLimits: { commandsPerRun: 2 },
    };
    // Signed as the API signs (domain/command-proof.ts): workflows refuse unsigned commands.
    const signer = testCommandSigner();
    const intakeId = randomUUID();
    await stack.temporal.workflow.executeUpdateWithStart(intakeUpdate, {
      args: [signer.sign({ workflowId, name: intakeUpdate.name, updateId: intakeId }, { actor: intakeBy })],
      updateId: intakeId,
      startWorkflowOperation: new WithStartWorkflowOperation('complaintWorkflow', {
        workflowId,
        taskQueue: stack.taskQueue,
        args: [signer.sign({ workflowId, name: 'complaintWorkflow', updateId: null }, input)],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    const handle = stack.temporal.workflow.getHandle(workflowId);
    const firstRun = (await handle.describe()).runId;
    await command(stack, agent, id, '/responses', { message: 'We are looking into it', channel: 'hotline' });
    await command(stack, agent, id, '/pause', { reason: 'waiting for the customer' });
    await eventually(async () => ((await handle.describe()).runId !== firstRun ? true : undefined), 'continue-as-new after two commands');
    const carried = await getComplaint(stack, id);
    expect(carried).toMatchObject({ status: 'responded', paused: true });
    await command(stack, agent, id, '/resume', { reason: 'the customer called back' });
    await command(stack, agent, id, '/resolution', { summary: 'Card unblocked', remedy: 'Fee refunded' });
    await command(stack, agent, id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '' });
    const lastRun = (await handle.describe()).runId;
    expect((await handle.result()).status).toBe('closed');
    expect(await lastEvent(workflowId, firstRun)).toBe('continued-as-new');
    const actions = await actionsOf('complaint', id);
    expect(actions.slice(0, 3)).toEqual(['complaint.received', 'complaint.responded', 'complaint.paused']);
    expect(actions.at(-1)).toBe('complaint.closed');
    await saveReplayFixture(stack.temporal, workflowId, 'complaint-continued-run1', firstRun);
    await saveReplayFixture(stack.temporal, workflowId, 'complaint-continued-run2', lastRun);
  });
});

// ── initiatives ─────────────────────────────────────────────────────────────────────────────────

describe('initiative shapes', () => {
  it('withdrawn while a review with quorum is open', async () => {
    await g.policy();
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);
    expect((await g.vote(people.m1, id, 'approve', 'fine')).status).toBe(200);
    expect((await g.vote(people.m2, id, 'approve')).status).toBe(200);
    const res = await stack.as(owner).post(`/api/v1/initiatives/${id}/withdraw`, { reason: 'the market moved' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', review: null, withdrawal: { by: 'pat', reason: 'the market moved' } });
    expect(res.body.reviews[0]).toMatchObject({ status: 'withdrawn' });
    expect((await g.signOff(id, 'approve')).status).toBe(409);
    expect((await g.get(id)).body.status).toBe('withdrawn');
    expect(await actionsOf('initiative', id)).toEqual(['initiative.created', 'review.opened', 'review.vote_cast', 'review.vote_cast', 'initiative.withdrawn']);
    await finishInitiative(id, 'initiative-withdrawn-in-review');
  });

  it('rejected at the design gate after passing research', async () => {
    await g.policy();
    const id = await g.create();
    await g.passGate(id, 'research');
    expect((await g.submit(id, 'design')).status).toBe(201);
    await g.vote(people.m1, id, 'reject', 'no business case');
    await g.vote(people.m2, id, 'reject', 'the platform cannot carry it');
    await g.vote(people.m3, id, 'request_changes', 'needs a compliance review');
    const signed = await g.signOff(id, 'reject', 'rejected');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ outcome: 'reject', override: false, initiative: { stage: 'design', status: 'rejected' } });
    expect((await g.get(id)).body).toMatchObject({ stage: 'design', status: 'rejected', review: null, nextVersion: null });
    expect((await g.submit(id, 'design')).status).toBe(409);
    const actions = await actionsOf('initiative', id);
    expect(actions.slice(-6)).toEqual(['review.opened', 'review.vote_cast', 'review.vote_cast', 'review.vote_cast', 'review.signed_off', 'initiative.rejected']);
    await finishInitiative(id, 'initiative-rejected');
  });

  it('all members vote at once, one revises, the chair signs off; then the owner withdraws', async () => {
    await g.policy();
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);
    const answers = await Promise.all([
      g.vote(people.m1, id, 'approve', 'one'),
      g.vote(people.m2, id, 'request_changes', 'two'),
      g.vote(people.m3, id, 'approve', 'three'),
      g.vote(chair, id, 'approve', 'four'),
      g.vote(people.m4, id, 'approve', 'recused'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 403]);
    const revised = await g.vote(people.m2, id, 'approve', 'convinced');
    expect(revised.status).toBe(200);
    expect(revised.body.votes.filter((v: any) => v.userId === 'm2').map((v: any) => [v.decision, v.revision])).toEqual([
      ['request_changes', 1],
      ['approve', 2],
    ]);
    expect(revised.body.quorum).toEqual({ required: 2, cast: 4, met: true });
    const signed = await g.signOff(id, 'approve', 'unanimous');
    expect(signed.status).toBe(200);
    expect(signed.body.initiative).toEqual({ id, stage: 'design', status: 'in_progress' });

    const withdrawn = await stack.as(owner).post(`/api/v1/initiatives/${id}/withdraw`, { reason: 'merged into another product' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ stage: 'design', status: 'withdrawn', review: null });
    const actions = await actionsOf('initiative', id);
    expect(actions.filter((a) => a === 'review.vote_cast')).toHaveLength(4);
    expect(actions.slice(-4)).toEqual(['review.vote_revised', 'review.signed_off', 'initiative.advanced', 'initiative.withdrawn']);
    await finishInitiative(id, 'initiative-concurrent-votes');
  });

  it('escalated at its deadline, extended once by the chair, votes arrive, decided; then withdrawn', async () => {
    await g.policy({ reviewDeadline: { amount: 4, unit: 'second' }, reminderRatio: 0.5 });
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);
    await eventually(async () => ((await g.get(id)).body.review?.status === 'escalated' ? true : undefined), 'the escalation');
    const extended = await stack.as(chair).post(`/api/v1/initiatives/${id}/review/extend`, { until: { amount: 120, unit: 'second' }, reason: 'members were travelling' });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ status: 'open', extension: { by: 'gm', reason: 'members were travelling' } });
    expect((await g.vote(people.m1, id, 'request_changes', 'segments too narrow')).status).toBe(200);
    expect((await g.vote(people.m3, id, 'request_changes', 'add elderly customers')).status).toBe(200);
    const signed = await g.signOff(id, 'request_changes', 'please widen the research');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ outcome: 'request_changes', initiative: { stage: 'research', status: 'changes_requested' } });
    const withdrawn = await stack.as(owner).post(`/api/v1/initiatives/${id}/withdraw`, { reason: 'no budget for more research' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(await actionsOf('initiative', id)).toEqual([
      'initiative.created',
      'review.opened',
      'review.reminder_sent',
      'review.escalated',
      'review.extended',
      'review.vote_cast',
      'review.vote_cast',
      'review.signed_off',
      'initiative.changes_requested',
      'initiative.withdrawn',
    ]);
    await finishInitiative(id, 'initiative-extended-then-decided');
  });

  it('every member recused at every gate: the chair decides alone up to launch; monitoring ends', async () => {
    await g.policy({ postLaunch: { window: { amount: 2, unit: 'second' }, complaintThreshold: 10 } });
    await g.roster([
      { userId: 'gm', name: 'Grace GM', department: 'retail-cards', chair: true },
      { userId: 'm4', name: 'Max Cards', department: 'retail-cards', chair: false },
    ]);
    try {
      const id = await g.create();
      for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) {
        const opened = await g.submit(id, stage, deliverables[stage]);
        expect(opened.status).toBe(201);
        expect(opened.body).toMatchObject({ status: 'escalated', eligible: [], recused: ['gm', 'm4'] });
        expect((await g.vote(people.m4, id, 'approve')).status).toBe(403);
        const signed = await g.signOff(id, 'approve', `decided alone: ${stage}`);
        expect(signed.status).toBe(200);
      }
      const ended = await eventually(async () => {
        const v = (await g.get(id)).body;
        return v.postLaunch?.status === 'ended' ? v : undefined;
      }, 'post-launch monitoring to end');
      expect(ended).toMatchObject({ stage: 'launched', status: 'launched', postLaunch: { linkedComplaints: 0 } });
      expect((await g.notifications(id, 'gate.escalated')).map((n) => n.recipient)).toEqual(['gm', 'gm', 'gm', 'gm']);
      const actions = await actionsOf('initiative', id);
      expect(actions.filter((a) => a === 'review.signed_off')).toHaveLength(4);
      expect(actions.filter((a) => a.startsWith('review.vote'))).toEqual([]);
      expect(actions.slice(-3)).toEqual(['initiative.launched', 'post_launch.monitoring_started', 'post_launch.monitoring_ended']);
      await finishInitiative(id, 'initiative-all-recused');
    } finally {
      await g.roster(standardRoster);
    }
  });

  it('launched, more complaint links than one run takes: continues as new, then the window ends', async () => {
    await setPolicy(stack, secondsPolicy());
    await g.policy({ postLaunch: { window: { amount: 30, unit: 'second' }, complaintThreshold: 2 } });
    // Started the way the API starts it, with a small signals-per-run limit so that the history
    // rolls over (continue-as-new) within the test.
    const id = randomUUID();
    const ownerActor = { ...owner, roles: [...owner.roles] };
    const input: InitiativeWorkflowInput = {
      init: { id, name: 'Monitored card', businessLine: 'banking', description: 'A card watched after launch', team: 'retail-cards', owner: ownerActor },
      limits: { signalsPerRun: 3 },
    };
    const workflowId = initiativeWorkflowId(id);
    // Signed as the API signs (domain/command-proof.ts): workflows refuse unsigned commands.
    const signer = testCommandSigner();
    const createId = randomUUID();
    await stack.temporal.workflow.executeUpdateWithStart(createInitiative, {
      args: [signer.sign({ workflowId: workflowId, name: createInitiative.name, updateId: createId }, { actor: ownerActor })],
      updateId: createId,
      startWorkflowOperation: new WithStartWorkflowOperation(initiativeWorkflowType, {
        workflowId,
        taskQueue: stack.taskQueue,
        args: [signer.sign({ workflowId: workflowId, name: initiativeWorkflowType, updateId: null }, input)],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    const handle = stack.temporal.workflow.getHandle(workflowId);
    for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await g.passGate(id, stage);
    await eventually(async () => ((await g.get(id)).body.postLaunch?.status === 'monitoring' ? true : undefined), 'monitoring to start');
    const firstRun = (await handle.describe()).runId;

    // three complaints against the product: the third signal of the run rolls the history over
    const linked = async () => (await intake(stack, { category: 'product', initiativeId: id })).id as string;
    for (let i = 0; i < 3; i++) await linked();
    await eventually(async () => ((await handle.describe()).runId !== firstRun ? true : undefined), 'continue-as-new');
    const raised = await eventually(async () => {
      const pl = (await g.get(id)).body.postLaunch;
      return pl.linkedComplaints === 3 && pl.reviewItem ? pl : undefined;
    }, 'three counted, the review item raised');
    expect(raised.reviewItem).toMatchObject({ complaintCount: 3, threshold: 2 });

    // two more in the continued run (under its limit): counted there, then the window ends
    for (let i = 0; i < 2; i++) await linked();
    const ended = await eventually(
      async () => {
        const pl = (await g.get(id)).body.postLaunch;
        return pl.status === 'ended' ? pl : undefined;
      },
      'the window to end',
      90_000,
    );
    expect(ended).toMatchObject({ linkedComplaints: 5, reviewItem: raised.reviewItem });
    await handle.result();
    const lastRun = (await handle.describe()).runId;
    expect(lastRun).not.toBe(firstRun);
    expect(await lastEvent(workflowId, firstRun)).toBe('continued-as-new');
    expect(await lastEvent(workflowId, lastRun)).toBe('completed');

    const actions = await actionsOf('initiative', id);
    expect(actions.filter((a) => a === 'post_launch.complaint_linked')).toHaveLength(5);
    expect(actions.filter((a) => a === 'post_launch.review_raised')).toHaveLength(1);
    expect(actions.slice(-1)).toEqual(['post_launch.monitoring_ended']);
    await saveReplayFixture(stack.temporal, workflowId, 'initiative-post-launch-continued-run1', firstRun);
    await saveReplayFixture(stack.temporal, workflowId, 'initiative-post-launch-continued-run2', lastRun);
  });
});
