import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idFromKey } from '../../api/idempotency.js';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { initiativeQuery, initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { auditActions, intakeBody, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates, projectedInitiative } from '../support/gates.js';
import { people } from '../support/people.js';
import { startProcessStack, type ProcessStack } from '../support/processes.js';
import { eventually } from '../support/stack.js';

/**
 * The API process is killed (SIGKILL) while a request is in flight and started again on the same
 * port; the client retries with the same Idempotency-Key. The dead request's key claim is taken
 * over after IDEMPOTENCY_STALE_SECONDS (5 s here); the retry derives the same complaint id and
 * Temporal update id, so it finds the first attempt's work instead of doing it twice.
 */
/** The outcome of a request whose connection may die: never rejects. */
const settle = <T>(p: Promise<T>) => p.then((value) => ({ failed: false as const, value }), (error: unknown) => ({ failed: true as const, error }));

let stack: ProcessStack;
beforeAll(async () => {
  // No worker yet: the first test's intake must still be in flight when the API dies.
  stack = await startProcessStack({ worker: false, env: { IDEMPOTENCY_STALE_SECONDS: '5', COMMAND_TIMEOUT_SECONDS: '60' } });
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

describe('API killed mid-request', () => {
  it('an intake in flight when the API is killed is created exactly once when the client retries with the same Idempotency-Key', async () => {
    const body = intakeBody();
    const key = `intake-crash-${Date.now()}`;
    const id = idFromKey('complaint', people.agent.userId, key);
    const headers = { 'Idempotency-Key': key };

    // settled at once so that its failure, when the API dies, is not an unhandled rejection
    const inFlight = settle(stack.as(people.agent).post('/api/v1/complaints', body, headers));
    // The API has started the workflow and waits on its intake (no worker runs it): kill the API.
    await eventually(async () => (await stack.temporal.workflow.getHandle(complaintWorkflowId(id)).describe()).status.name === 'RUNNING', 'the complaint workflow to start');
    await stack.api!.kill();
    expect(await inFlight).toMatchObject({ failed: true }); // the connection died with the API

    await stack.startWorker();
    await stack.startApi();
    // The retry: 409 "still being processed" while the dead claim is fresh, then it runs again.
    const retried = await eventually(
      async () => {
        const r = await stack.as(people.agent).post('/api/v1/complaints', body, headers);
        if (r.status !== 201) expect(r.status, JSON.stringify(r.body)).toBe(409);
        return r.status === 201 ? r : undefined;
      },
      'the retried intake to answer 201',
      60_000,
    );
    expect(retried.body.id).toBe(id);
    const again = await stack.as(people.agent).post('/api/v1/complaints', body, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(id);

    // exactly one complaint: one projection row, one PII row, one workflow, one intake event
    expect(await stack.query('select id from complaints where customer_ref = $1', [body.customer.ref])).toEqual([{ id }]);
    expect(await stack.query('select complaint_id from complaint_customers where customer_ref = $1', [body.customer.ref])).toEqual([{ complaint_id: id }]);
    expect(await auditActions(stack, id)).toEqual(['complaint.received']);
    const workflows: string[] = [];
    for await (const w of stack.temporal.workflow.list({ query: `TaskQueue = '${stack.taskQueue}' AND WorkflowType = 'complaintWorkflow'` })) workflows.push(w.workflowId);
    expect(workflows).toEqual([complaintWorkflowId(id)]);
  });

  it('a client that times out and retries with the same Idempotency-Key while the first attempt still runs gets exactly one complaint', async () => {
    await stack.worker?.kill(); // the intake cannot finish: the client's request times out
    const body = intakeBody();
    const key = `intake-timeout-${Date.now()}`;
    const id = idFromKey('complaint', people.agent.userId, key);
    const headers = { 'Idempotency-Key': key, 'content-type': 'application/json' };
    const post = (signal?: AbortSignal) => stack.as(people.agent).raw('/api/v1/complaints', { method: 'POST', body: JSON.stringify(body), headers, ...(signal ? { signal } : {}) });

    const gaveUp = await settle(post(AbortSignal.timeout(1_000)));
    expect(gaveUp).toMatchObject({ failed: true });
    // The first attempt still runs in the API: the retry is told so, and nothing is started twice.
    const early = await post();
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('still being processed');

    await stack.startWorker();
    const retried = await eventually(
      async () => {
        const r = await post();
        if (r.status !== 201) expect(r.status, JSON.stringify(r.body)).toBe(409);
        return r.status === 201 ? r : undefined;
      },
      'the retried intake to answer 201',
      60_000,
    );
    expect(retried.body.id).toBe(id);
    expect(await stack.query('select id from complaints where customer_ref = $1', [body.customer.ref])).toEqual([{ id }]);
    expect(await auditActions(stack, id)).toEqual(['complaint.received']);
    const workflows: string[] = [];
    for await (const w of stack.temporal.workflow.list({ query: `WorkflowId = '${complaintWorkflowId(id)}'` })) workflows.push(w.runId);
    expect(workflows).toHaveLength(1);
  });

  it('a vote in flight when the API is killed is kept by the workflow, and the retry with the same key returns it without voting twice', async () => {
    if (!stack.worker) await stack.startWorker();
    const g = gates(stack);
    await g.roster();
    await g.policy();
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);

    const blocker = new pg.Client({ connectionString: stack.databaseUrl });
    await blocker.connect();
    const headers = { 'Idempotency-Key': `vote-crash-${Date.now()}` };
    const body = { decision: 'approve', comment: 'sent just before the API died' };
    try {
      // Hold the audit table: the workflow has accepted the vote and waits on its write.
      await blocker.query('begin');
      await blocker.query('lock table audit_events in access exclusive mode');
      const inFlight = settle(stack.as(people.m1).post(`/api/v1/initiatives/${id}/review/votes`, body, headers));
      // Killed only once the workflow holds the vote (its query shows it) and something waits on
      // the table: a lock waiter alone may be another reader of the audit table, and killing the
      // API before the vote reached the workflow loses the vote (on a loaded machine it did).
      const workflow = stack.temporal.workflow.getHandle(initiativeWorkflowId(id));
      await eventually(async () => {
        const live = await workflow.query(initiativeQuery);
        if (!live.review?.votes.some((v) => v.userId === people.m1.userId)) return undefined;
        return (await blocker.query(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`)).rowCount! > 0 || undefined;
      }, 'the workflow to hold the vote, waiting on the audit table');
      await stack.api!.kill();
      expect(await inFlight).toMatchObject({ failed: true }); // the connection died with the API
      await blocker.query('rollback');
    } finally {
      await blocker.end();
    }

    // No API runs, yet the accepted vote reaches the projection.
    await eventually(async () => {
      const [row] = await stack.query<{ n: number }>(`select count(*)::int as n from audit_events where entity_id = $1 and action = 'review.vote_cast'`, [id]);
      return row!.n === 1 || undefined;
    }, 'the vote to be recorded without the API');

    await stack.startApi();
    const retried = await eventually(
      async () => {
        const r = await stack.as(people.m1).post(`/api/v1/initiatives/${id}/review/votes`, body, headers);
        if (r.status !== 200) expect(r.status, JSON.stringify(r.body)).toBe(409);
        return r.status === 200 ? r : undefined;
      },
      'the retried vote to answer 200',
    );
    expect(retried.body.votes.map((v: any) => [v.userId, v.revision])).toEqual([['m1', 1]]);
    const live = await stack.temporal.workflow.getHandle(initiativeWorkflowId(id)).query(initiativeQuery);
    expect(projectedInitiative((await g.get(id)).body)).toEqual(live);
    expect((await g.audit(id)).map((e) => e.action)).toEqual(['initiative.created', 'review.opened', 'review.vote_cast']);
  });
});
