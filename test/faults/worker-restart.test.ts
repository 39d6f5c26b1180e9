import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintQuery, complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { initiativeQuery, initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { auditRows, command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates, projectedInitiative } from '../support/gates.js';
import { people } from '../support/people.js';
import { startProcessStack, within, type ProcessStack } from '../support/processes.js';
import { eventually } from '../support/stack.js';

/**
 * The worker process is killed (SIGKILL) in the middle of a gate review and in the middle of a
 * complaint command, and started again: every command the API accepted is still there, none is
 * applied twice, and the processes complete. The API and the worker run as separate processes
 * against the run's Temporal dev server; commands wait at most 3 s for an outcome.
 */
let stack: ProcessStack;
let g: ReturnType<typeof gates>;
beforeAll(async () => {
  stack = await startProcessStack({ env: { COMMAND_TIMEOUT_SECONDS: '3' } });
  g = gates(stack);
  await g.roster();
  await g.policy();
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

/** How many updates named `name` the workflow's history accepted. */
async function acceptedUpdates(s: ProcessStack, workflowId: string, name: string): Promise<number> {
  const history = await s.temporal.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === name).length;
}

const key = (k: string) => ({ 'Idempotency-Key': `${k}-${Date.now()}` });

describe('worker killed mid-review', () => {
  it('a vote accepted before the kill survives; a vote sent while no worker runs is answered 503, counted once after the restart, and the review completes', async () => {
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);
    expect((await g.vote(people.m1, id, 'approve', 'before the crash')).status).toBe(200);

    await stack.worker!.kill();

    // Nobody runs the workflow: the command gets no outcome and the API says so, in bounded time.
    const k = key('m2-vote');
    const body = { decision: 'approve', comment: 'while the worker was down' };
    const lost = await within(30_000, 'vote without a worker', stack.as(people.m2).post(`/api/v1/initiatives/${id}/review/votes`, body, k));
    expect(lost.status).toBe(503);
    expect(lost.body.detail).toContain('retry with the same Idempotency-Key');
    expect(JSON.stringify(lost.body)).not.toMatch(/\bat .*\.[jt]s:\d+/);

    await stack.startWorker();

    // The client retries with the same key: the vote is there once, whoever applied it.
    const retried = await eventually(async () => {
      const r = await stack.as(people.m2).post(`/api/v1/initiatives/${id}/review/votes`, body, k);
      return r.status === 200 ? r : undefined;
    }, 'the retried vote to answer 200');
    expect(retried.body.votes.map((v: any) => [v.userId, v.revision])).toEqual([
      ['m1', 1],
      ['m2', 1],
    ]);

    const signed = await g.signOff(id, 'approve', 'approved after the restart');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.initiative).toEqual({ id, stage: 'design', status: 'in_progress' });

    // projection = workflow state; one audit event per accepted command, contiguous and chained
    const live = await stack.temporal.workflow.getHandle(initiativeWorkflowId(id)).query(initiativeQuery);
    expect(projectedInitiative((await g.get(id)).body)).toEqual(live);
    const audit = await g.audit(id);
    expect(audit.map((e) => [e.action, e.actor])).toEqual([
      ['initiative.created', 'pat'],
      ['review.opened', 'pat'],
      ['review.vote_cast', 'm1'],
      ['review.vote_cast', 'm2'],
      ['review.signed_off', 'gm'],
      ['initiative.advanced', 'gm'],
    ]);
    audit.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prev_hash).toBe(i === 0 ? null : audit[i - 1]!.hash);
    });
    // and Temporal accepted each vote once
    expect(await acceptedUpdates(stack, initiativeWorkflowId(id), 'castVote')).toBe(2);
  });
});

describe('worker killed mid-command', () => {
  it('a resolution the worker was writing when killed is completed by the restarted worker, answered once to the retry with the same key, and the complaint closes', async () => {
    const c = await intake(stack);
    await command(stack, people.agent, c.id, '/responses', { message: 'We are on it', channel: 'hotline' });

    // Hold the audit table so the worker's projection write for the next command blocks mid-way.
    const blocker = new pg.Client({ connectionString: stack.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table audit_events in access exclusive mode');
      const k = key('resolve');
      const body = { summary: 'Card unblocked', remedy: 'Fee waived' };
      const inFlight = stack.as(people.agent).post(`/api/v1/complaints/${c.id}/resolution`, body, k);
      // The worker has taken the command and waits on the lock: now it dies.
      await eventually(
        async () => (await blocker.query(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`)).rowCount! > 0 || undefined,
        'the worker to wait on the audit table',
      );
      await stack.worker!.kill();
      const answer = await within(30_000, 'resolution in flight', inFlight);
      expect(answer.status).toBe(503);
      expect(answer.body.detail).toContain('retry with the same Idempotency-Key');
      await blocker.query('rollback');

      await stack.startWorker();
      const retried = await eventually(
        async () => {
          const r = await stack.as(people.agent).post(`/api/v1/complaints/${c.id}/resolution`, body, k);
          return r.status === 200 ? r : undefined;
        },
        'the retried resolution to answer 200',
        60_000,
      );
      expect(retried.body.status).toBe('resolved');
      expect(retried.body.resolutions).toHaveLength(1);
    } finally {
      await blocker.end();
    }

    await command(stack, people.agent, c.id, '/responses', { message: 'Your card works again', channel: 'hotline' });
    const closed = await command(stack, people.agent, c.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'thanks' });
    expect(closed.status).toBe('closed');
    await within(30_000, 'the complaint workflow to complete', stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).result());

    const rows = await auditRows(stack, c.id);
    expect(rows.map((r) => r.action)).toEqual(['complaint.received', 'complaint.responded', 'complaint.resolved', 'complaint.responded', 'complaint.closed']);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    const live = await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).query(complaintQuery);
    const [row] = await stack.query<{ version: number; status: string; view: any }>('select version, status, view from complaints where id = $1', [c.id]);
    expect(row).toMatchObject({ version: live.version, status: 'closed' });
    expect(row!.view.resolutions).toEqual(live.resolutions);
    expect(live.version).toBe(rows.length);
    expect(await acceptedUpdates(stack, complaintWorkflowId(c.id), 'resolve')).toBe(1);
  });
});
