import { randomUUID } from 'node:crypto';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../../db/audit.js';
import { archiveClosedWorkflows, readArchivedHistory, startArchiver } from '../../audit/archive.js';
import { createLogger } from '../../config/logger.js';
import { startArchiveTestWorker } from '../support/archive-worker.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * History archival against the real Temporal dev server: closed runs are archived once with the
 * hash of their JSON, which is checked on read; the export of an entity carries the archived
 * history once its workflow closed and the live one while it runs, PII masked.
 * The workflows are test-only (test/support/workflows/archive.ts) on a task queue of their own.
 */
const logger = createLogger('silent', 'test');
let stack: Stack;
let worker: { stop(): Promise<void> };
let taskQueue: string;
const customer = { ref: 'cust-7', name: '张三丰', phone: '13812345678', idNumber: '110101199003071234' };
const closedId = randomUUID();
const runningId = randomUUID();
const otherId = `maintenance-${randomUUID()}`;

beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
  taskQueue = `${stack.taskQueue}-archive`;
  worker = await startArchiveTestWorker(taskQueue);
});
afterAll(async () => {
  await worker?.stop();
  await stack?.stop();
});

const sweep = () => archiveClosedWorkflows(stack.temporal, stack.database.db, logger, { taskQueue });

async function recordEvent(entityType: 'complaint' | 'initiative', entityId: string, seq: number, after: unknown): Promise<void> {
  await stack.database.db.transaction((tx) =>
    appendAuditEvent(tx, { entityType, entityId, sourceKey: `${entityType}-${entityId}:${seq}`, actor: 'cai', roles: ['cs_agent'], action: `${entityType}.step${seq}`, at: new Date(), after }),
  );
}

describe('workflow history archival', () => {
  it('archives a closed run once, with the hash of its JSON checked on read', async () => {
    const closed = await stack.temporal.workflow.start('closesAtOnce', { taskQueue, workflowId: `complaint-${closedId}`, args: [{ customer }] });
    await closed.result();
    await stack.temporal.workflow.start('runsUntilSignalled', { taskQueue, workflowId: `initiative-${runningId}`, args: [{ customer }] });
    await (await stack.temporal.workflow.start('closesAtOnce', { taskQueue, workflowId: otherId, args: [{}] })).result();

    // Visibility is eventually consistent: sweep until both closed runs are listed.
    let archived = 0;
    await eventually(async () => {
      archived += (await sweep()).archived;
      return archived >= 2;
    }, 'the closed runs to be archived');
    expect(archived).toBe(2);
    const again = await sweep();
    expect(again).toMatchObject({ archived: 0, alreadyArchived: 2, failed: 0 });
    // Incremental sweeps look at runs closed since a given instant.
    const recent = await archiveClosedWorkflows(stack.temporal, stack.database.db, logger, { taskQueue, closedSince: new Date(Date.now() - 10 * 60_000) });
    expect(recent).toMatchObject({ listed: 2, archived: 0, alreadyArchived: 2 });
    const future = await archiveClosedWorkflows(stack.temporal, stack.database.db, logger, { taskQueue, closedSince: new Date(Date.now() + 60_000) });
    expect(future.listed).toBe(0);

    const rows = await stack.query<{ workflow_id: string; entity_type: string; entity_id: string; status: string; event_count: number }>(
      `select workflow_id, entity_type, entity_id, status, event_count from workflow_histories order by workflow_id`,
    );
    expect(rows).toEqual([
      { workflow_id: `complaint-${closedId}`, entity_type: 'complaint', entity_id: closedId, status: 'COMPLETED', event_count: expect.any(Number) },
      { workflow_id: otherId, entity_type: 'other', entity_id: otherId, status: 'COMPLETED', event_count: expect.any(Number) },
    ]);

    const [run] = await readArchivedHistory(stack.database.db, `complaint-${closedId}`);
    expect(run).toMatchObject({ runId: closed.firstExecutionRunId, workflowType: 'closesAtOnce', verified: true });
    expect(run!.history!.events).toHaveLength(run!.eventCount);
    // The stored document is Temporal's own history JSON: it loads back as a History.
    const loaded = historyFromJSON(run!.history);
    expect(loaded.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name).toBe('closesAtOnce');
  });

  it('finds an archived history altered in the database', async () => {
    // As a DBA-level attacker (archives are append-only, see migration 0006).
    const client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query(`update workflow_histories set history = overlay(history placing '\\x00'::bytea from 30 for 1) where workflow_id = $1`, [otherId]);
    await client.query('commit');
    await client.end();
    const [run] = await readArchivedHistory(stack.database.db, otherId);
    expect(run!.verified).toBe(false);
    const refusal = await stack.query(`delete from workflow_histories`).then(() => 'accepted', (err: Error) => err.message);
    expect(refusal).toContain('workflow_histories is append-only: DELETE refused');
  });

  it('the archiver loop sweeps at start and again on its interval', async () => {
    const id = randomUUID();
    const archiver = startArchiver(stack.temporal, stack.database.db, logger, 300, { taskQueue });
    try {
      await (await stack.temporal.workflow.start('closesAtOnce', { taskQueue, workflowId: `complaint-${id}`, args: [{}] })).result();
      await eventually(async () => (await readArchivedHistory(stack.database.db, `complaint-${id}`)).length === 1, 'the loop to archive the new run');
    } finally {
      await archiver.stop();
    }
    const [count] = await stack.query<{ n: number }>(`select count(*)::int as n from workflow_histories where workflow_id = $1`, [`complaint-${id}`]);
    expect(count!.n).toBe(1);
  });

  /** Six closed runs of a task queue of their own, listed by visibility before the sweep starts. */
  async function closedRuns(queue: string): Promise<void> {
    const queueWorker = await startArchiveTestWorker(queue);
    try {
      await Promise.all(Array.from({ length: 6 }, async () => (await stack.temporal.workflow.start('closesAtOnce', { taskQueue: queue, workflowId: `complaint-${randomUUID()}`, args: [{}] })).result()));
    } finally {
      await queueWorker.stop();
    }
    await eventually(async () => {
      let listed = 0;
      for await (const _ of stack.temporal.workflow.list({ query: `ExecutionStatus != "Running" AND TaskQueue = "${queue}"` })) listed++;
      return listed === 6;
    }, 'visibility to list the six closed runs');
  }

  it('a paced sweep archives no faster than its rate', async () => {
    const queue = `${taskQueue}-paced`;
    await closedRuns(queue);
    const started = Date.now();
    const result = await archiveClosedWorkflows(stack.temporal, stack.database.db, logger, { taskQueue: queue, ratePerSecond: 4, concurrency: 4 });
    expect(result).toMatchObject({ listed: 6, archived: 6, failed: 0 });
    // Six starts at most four a second: the last one at least 5 × 250 ms after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1250);
  });

  it('a stopped sweep ends at the next history and leaves the rest to the next sweep', async () => {
    const queue = `${taskQueue}-stopped`;
    await closedRuns(queue);
    const stop = new AbortController();
    const sweeping = archiveClosedWorkflows(stack.temporal, stack.database.db, logger, { taskQueue: queue, ratePerSecond: 1, signal: stop.signal });
    setTimeout(() => stop.abort(), 1_500);
    const first = await sweeping;
    // One a second, stopped after 1.5 s: two at most of the six.
    expect(first.archived).toBeLessThanOrEqual(2);
    expect(first.failed).toBe(0);
    const rest = await archiveClosedWorkflows(stack.temporal, stack.database.db, logger, { taskQueue: queue });
    expect(rest).toMatchObject({ archived: 6 - first.archived, alreadyArchived: first.archived, failed: 0 });
  });
});

describe('export of one entity', () => {
  const auditor = () => stack.as(people.auditor);

  it('carries the archived history of a closed workflow, PII masked', async () => {
    await recordEvent('complaint', closedId, 1, { status: 'open', customer });
    await recordEvent('complaint', closedId, 2, { status: 'closed' });
    const res = await auditor().get(`/api/v1/audit/complaint/${closedId}/export`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityType: 'complaint',
      entityId: closedId,
      verification: { ok: true, checked: 3, history: { ok: true } },
      history: { workflowId: `complaint-${closedId}`, source: 'archive', status: 'COMPLETED', verified: true, previousRuns: [] },
    });
    // The archive itself is the chain's first event (recorded when the run was archived).
    expect(res.body.events.map((e: { seq: number; action: string }) => `${e.seq} ${e.action}`)).toEqual(['1 complaint.history_archived', '2 complaint.step1', '3 complaint.step2']);
    expect(res.body.events[1].after.customer).toEqual({ ref: 'cust-7', name: '张**', phone: '138****5678', idNumber: '110***********1234' });
    expect(res.body.history.events.length).toBe(res.body.history.eventCount);

    // The history's input payload (base64 JSON) is masked too, and still a loadable history.
    const text = JSON.stringify(res.body);
    for (const secret of [customer.phone, customer.idNumber, customer.name]) expect(text).not.toContain(secret);
    const started = historyFromJSON(res.body.history).events![0]!.workflowExecutionStartedEventAttributes!;
    const input = JSON.parse(Buffer.from(started.input!.payloads![0]!.data!).toString('utf8'));
    expect(input.customer).toEqual({ ref: 'cust-7', name: '张**', phone: '138****5678', idNumber: '110***********1234' });
  });

  it('carries the live history of a running workflow', async () => {
    const res = await auditor().get(`/api/v1/audit/initiative/${runningId}/export`);
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([]);
    expect(res.body.history).toMatchObject({ workflowId: `initiative-${runningId}`, source: 'live', status: 'RUNNING', closedAt: null });
    expect(res.body.history.events.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(res.body)).not.toContain(customer.phone);
    await stack.temporal.workflow.getHandle(`initiative-${runningId}`).signal('finish');
  });

  it('has no history for entities without a workflow, and is 404 for an unknown entity', async () => {
    await stack.as(people.admin).put('/api/v1/committee', { members: [{ userId: 'gm', name: 'Grace GM', department: 'executive', chair: true }] });
    const roster = await auditor().get('/api/v1/audit/committee/roster/export');
    expect(roster.status).toBe(200);
    expect(roster.body).toMatchObject({ history: null, verification: { ok: true, checked: 1 } });
    expect((await auditor().get(`/api/v1/audit/complaint/${randomUUID()}/export`)).status).toBe(404);
    expect((await auditor().get(`/api/v1/audit/policy/nothing-here/export`)).status).toBe(404);
    expect((await auditor().get(`/api/v1/audit/customer/x/export`)).status).toBe(400);
  });
});
