import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, type Principal } from '../../api/auth/roles.js';
import { idFromKey } from '../../api/idempotency.js';
import { archiveClosedWorkflows } from '../../audit/archive.js';
import { createLogger } from '../../config/logger.js';
import { defaultKpiTargets } from '../../domain/targets/targets.js';
import { complaintWorkflowId, type ComplaintInput } from '../../workflows/complaint/messages.js';
import { feedbackWorkflowId, type FeedbackInput } from '../../workflows/feedback/messages.js';
import { initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { targetProposalWorkflowId, targetProposalWorkflowType, type ProposalInput } from '../../workflows/targets/messages.js';
import { command, intake, intakeBody, secondsPolicy, setPolicy } from '../support/complaints.js';
import { feedbackBody } from '../support/endpoints.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * A process ended from the Temporal side (`temporal workflow terminate`, here through the
 * client) is not silent: the archiver records an audit event by `system` with Temporal's reason,
 * a notice to compliance, and the entity shows `processEnded` and takes no more commands —
 * once, however often the sweep runs.
 */
let stack: Stack;
const logger = createLogger('silent', 'test');

beforeAll(async () => {
  stack = await startStack();
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

const sweepUntilArchived = (workflowId: string) =>
  eventually(async () => {
    await archiveClosedWorkflows(stack.temporal, stack.database.db, logger, { taskQueue: stack.taskQueue });
    const rows = await stack.query(`select 1 from workflow_histories where workflow_id = $1`, [workflowId]);
    return rows.length > 0;
  }, `the archive of ${workflowId}`);

const audit = (entityId: string) => stack.query<{ action: string; actor: string; roles: string[]; reason: string | null; after: Record<string, unknown> }>(`select action, actor, roles, reason, after from audit_events where entity_id = $1 and entity_type in ('complaint', 'initiative') order by seq`, [entityId]);

describe('a complaint terminated in Temporal', () => {
  let id: string;
  beforeAll(async () => {
    id = (await intake(stack)).id;
    await stack.temporal.workflow.getHandle(complaintWorkflowId(id)).terminate('cleanup by ops, call 13912345678');
    await sweepUntilArchived(complaintWorkflowId(id));
  });

  it('is an audit event by system with the reason Temporal recorded (phone masked)', async () => {
    const events = await audit(id);
    const ended = events.find((e) => e.action === 'complaint.terminated');
    expect(ended).toMatchObject({ actor: 'system', roles: ['system'], reason: 'cleanup by ops, call *******5678', after: { status: 'TERMINATED', processEnded: { status: 'terminated' } } });
    expect(events.map((e) => e.action)).toEqual(['complaint.received', 'complaint.terminated', 'complaint.history_archived']);
    expect((await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=complaint&entityId=${id}`)).body.ok).toBe(true);
  });

  it('is a notice to compliance, without the reason', async () => {
    const notes = await stack.query<{ recipient_kind: string; recipient: string; topic: string; message: string }>(`select recipient_kind, recipient, topic, message from notifications where entity_id = $1 and topic = 'complaint.process_ended'`, [id]);
    expect(notes).toEqual([{ recipient_kind: 'role', recipient: 'compliance_auditor', topic: 'complaint.process_ended', message: expect.stringContaining('terminated outside cxgov') }]);
    expect(notes[0]!.message).not.toContain('cleanup');
  });

  it('shows on the complaint, which takes no more commands and leaves the inbox', async () => {
    const res = await stack.as(people.supervisor).get(`/api/v1/complaints/${id}`);
    expect(res.body).toMatchObject({ status: 'open', processEnded: { status: 'terminated', at: expect.any(String), reason: 'cleanup by ops, call *******5678' } });
    const listed = (await stack.as(people.supervisor).get(`/api/v1/complaints?limit=100`)).body.items.find((c: { id: string }) => c.id === id);
    expect(listed.processEnded).toMatchObject({ status: 'terminated' });
    const refused = await stack.as(people.agent).post(`/api/v1/complaints/${id}/responses`, { message: 'hello?', channel: 'app' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('terminated');
    const inbox = (await stack.as(people.agent).get('/api/v1/tasks')).body.items.map((t: { entityId: string }) => t.entityId);
    expect(inbox).not.toContain(id);
  });

  it('is recorded once, however often the sweep runs', async () => {
    const before = await audit(id);
    await archiveClosedWorkflows(stack.temporal, stack.database.db, logger, { taskQueue: stack.taskQueue });
    expect(await audit(id)).toEqual(before);
    const [n] = await stack.query<{ n: number }>(`select count(*)::int as n from notifications where entity_id = $1 and topic = 'complaint.process_ended'`, [id]);
    expect(n!.n).toBe(1);
  });
});

describe('an initiative terminated in Temporal', () => {
  it('is recorded and shown the same way', async () => {
    const id = await gates(stack).create();
    await stack.temporal.workflow.getHandle(initiativeWorkflowId(id)).terminate('stuck, ended by ops');
    await sweepUntilArchived(initiativeWorkflowId(id));
    expect((await audit(id)).map((e) => e.action)).toEqual(['initiative.created', 'initiative.terminated', 'initiative.history_archived']);
    const res = await gates(stack).get(id);
    expect(res.body).toMatchObject({ status: 'in_progress', processEnded: { status: 'terminated', reason: 'stuck, ended by ops' } });
    const refused = await gates(stack).submit(id, 'research');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('terminated');
  });
});

describe('a process that completes', () => {
  it('is archived with no end event and no notice', async () => {
    const c = await intake(stack);
    await command(stack, people.agent, c.id, '/resolution', { summary: 'done', remedy: 'none' });
    expect((await command(stack, people.agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '' })).status).toBe('closed');
    await eventually(async () => ((await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).describe()).status.name === 'COMPLETED' ? true : undefined), 'the process to complete');
    await sweepUntilArchived(complaintWorkflowId(c.id));
    const actions = (await audit(c.id)).map((e) => e.action);
    expect(actions.at(-1)).toBe('complaint.history_archived');
    expect(actions.filter((a) => /terminated|failed|timed_out|cancelled/.test(a))).toEqual([]);
    expect((await stack.as(people.supervisor).get(`/api/v1/complaints/${c.id}`)).body.processEnded).toBeUndefined();
  });
});

/**
 * A process that failed before it recorded anything — as when, during a roll, the old API's
 * unsigned start reaches a new worker that refuses it (docs/operations.md) — still holds its id,
 * and a closed process's id is never started again. A retry with the same Idempotency-Key names
 * that id: it is answered 409 with what to do (send a new key), each time, not a 500.
 */
describe('a request whose process failed before it recorded anything', () => {
  /** Starts the process the API would start for `id`, without the API's proof, and waits for it to fail. */
  const failedAhead = async (workflowType: string, workflowId: string, input: object) => {
    const handle = await stack.temporal.workflow.start(workflowType, { workflowId, taskQueue: stack.taskQueue, args: [input] });
    await expect(handle.result()).rejects.toThrow();
  };
  /** The request with the failed process's key, twice (409 each time), then with a new key: its answer. */
  const sendAgain = async (who: Principal, path: string, body: object, key: string) => {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const again = await stack.as(who).post(path, body, { 'Idempotency-Key': key });
      expect(again.status, JSON.stringify(again.body)).toBe(409);
      expect(again.body.detail).toMatch(/new Idempotency-Key/);
      // The first 409 is kept as the key's answer (a 4xx): the second is it, replayed.
      expect(again.headers.get('idempotent-replayed')).toBe(attempt === 2 ? 'true' : null);
    }
    return stack.as(who).post(path, body, { 'Idempotency-Key': `${key}-again` });
  };

  it('a KPI target proposal: the same Idempotency-Key is a 409 asking for a new key, every time; a new key proposes it', async () => {
    await gates(stack).roster(); // a chair to decide
    const key = `propose-${Date.now()}`;
    const id = idFromKey('targets', people.admin.userId, key);
    const body = { targets: { ...defaultKpiTargets, firstResponseOnTime: 0.95 }, reason: 'the committee asked for faster answers' };
    const input: ProposalInput = { id, ...body, proposedBy: actorOf(people.admin), proposedAt: new Date().toISOString() };
    await failedAhead(targetProposalWorkflowType, targetProposalWorkflowId(id), input);

    const fresh = await sendAgain(people.admin, '/api/v1/targets/proposals', body, key);
    expect(await stack.query('select id from target_proposals where id = $1', [id])).toEqual([]);
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
    expect(fresh.body).toMatchObject({ status: 'pending', reason: body.reason });
  });

  it('a complaint: the same answer', async () => {
    const key = `intake-${Date.now()}`;
    const id = idFromKey('complaint', people.agent.userId, key);
    const body = intakeBody();
    const input: ComplaintInput = { id, channel: 'hotline', category: 'service', severity: 'general', description: 'made up', receivedAt: new Date().toISOString(), customerRef: body.customer.ref, piiRef: id, intakeBy: actorOf(people.agent) };
    await failedAhead('complaintWorkflow', complaintWorkflowId(id), input);

    const fresh = await sendAgain(people.agent, '/api/v1/complaints', body, key);
    expect(await stack.query('select id from complaints where id = $1', [id])).toEqual([]);
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
    expect(fresh.body).toMatchObject({ status: 'open', id: idFromKey('complaint', people.agent.userId, `${key}-again`) });
  });

  it('a feedback item reclassified into a complaint whose process failed: a 409 saying to take the contact as a new complaint', async () => {
    const logged = await stack.as(people.agent).post('/api/v1/feedback', feedbackBody('suggestion'));
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    // The complaint's id derives from the item's (api/routes/feedback.ts), so no new key helps.
    const complaintId = idFromKey('complaint-from-feedback', 'cxgov', logged.body.id);
    const input: ComplaintInput = { id: complaintId, channel: 'app', category: 'product', severity: 'major', description: 'made up', receivedAt: new Date().toISOString(), customerRef: logged.body.customer.ref, piiRef: complaintId, intakeBy: actorOf(people.agent) };
    await failedAhead('complaintWorkflow', complaintWorkflowId(complaintId), input);

    const body = { reason: 'The customer was charged wrongly: a complaint', category: 'product', severity: 'major' };
    const refused = await stack.as(people.agent).post(`/api/v1/feedback/${logged.body.id}/reclassify`, body, { 'Idempotency-Key': `reclassify-${Date.now()}` });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.detail).toContain(complaintId);
    expect(refused.body.detail).toMatch(/take the contact as a new complaint/);
    expect(await stack.query('select id from complaints where id = $1', [complaintId])).toEqual([]);
  });

  it('a complaint reclassified as feedback whose item\'s process failed: a 409 saying to log the contact as a new item', async () => {
    const c = await intake(stack, { description: 'The customer only wanted to thank the branch staff' });
    // The item's id derives from the complaint's (api/routes/feedback.ts), so no new key helps.
    const feedbackId = idFromKey('feedback-from-complaint', 'cxgov', c.id);
    const input: FeedbackInput = { id: feedbackId, kind: 'praise', channel: c.channel, description: 'made up', receivedAt: new Date().toISOString(), customerRef: c.customerRef, piiRef: feedbackId, loggedBy: actorOf(people.agent) };
    await failedAhead('feedbackWorkflow', feedbackWorkflowId(feedbackId), input);

    const refused = await stack.as(people.supervisor).post(`/api/v1/complaints/${c.id}/reclassify`, { kind: 'praise', reason: 'The customer called to thank the branch' }, { 'Idempotency-Key': `reclassify-${Date.now()}` });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.detail).toContain(feedbackId);
    expect(refused.body.detail).toMatch(/log the contact as a new feedback item/);
    expect(await stack.query('select id from feedback_items where id = $1', [feedbackId])).toEqual([]);
  });
});
