import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintQuery, complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { initiativeQuery, initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { openDatabase } from '../../db/client.js';
import { auditRows, intake, intakeBody, notificationsOf, sec, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates, projectedInitiative } from '../support/gates.js';
import { people } from '../support/people.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { startProcessStack, within, type ProcessStack } from '../support/processes.js';
import { eventually, type HttpAnswer } from '../support/stack.js';

/**
 * PostgreSQL stopped while work arrives — a private server of this test's own (initdb + pg_ctl),
 * the API and the worker as processes against it. Commands answer 503 naming the database, at
 * once (never a hang, never a 500); what the workflows accepted or decided meanwhile waits in
 * their retried projection writes, and once the database is back the projections and the audit
 * trail catch up with the workflows' own state.
 */
let server: PrivatePostgres;
let stack: ProcessStack;
let g: ReturnType<typeof gates>;
beforeAll(async () => {
  server = await startPrivatePostgres();
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query('create database cxgov');
  await admin.end();
  stack = await startProcessStack({ databaseUrl: server.url('cxgov'), env: { COMMAND_TIMEOUT_SECONDS: '3', IDEMPOTENCY_STALE_SECONDS: '3' } });
  g = gates(stack);
  await g.roster();
  await g.policy();
});
afterAll(async () => {
  await stack?.stop();
  server?.destroy();
});

const noStackTrace = (a: HttpAnswer) => expect(JSON.stringify(a.body)).not.toMatch(/\bat .*\.[jt]s:\d+/);

describe('database stopped while commands arrive', () => {
  it('commands answer 503 naming the database; a vote accepted mid-write and a breach that fell due meanwhile reach the projections and the audit trail once it is back', async () => {
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);
    expect((await g.vote(people.m1, id, 'approve', 'before the outage')).status).toBe(200);
    await setPolicy(stack, secondsPolicy({ firstResponse: sec(6) }));
    const c = await intake(stack);

    // The workflow accepts m2's vote and is writing it when the database goes away.
    const k = { 'Idempotency-Key': `m2-${Date.now()}` };
    const m2 = { decision: 'approve', comment: 'during the outage' };
    const blocker = new pg.Client({ connectionString: stack.databaseUrl });
    blocker.on('error', () => undefined); // the server stops under it
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table audit_events in access exclusive mode');
    const inFlight = stack.as(people.m2).post(`/api/v1/initiatives/${id}/review/votes`, m2, k);
    await eventually(
      async () => (await blocker.query(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`)).rowCount! > 0 || undefined,
      'the vote to wait on the audit table',
    );
    server.stop();
    await blocker.end().catch(() => undefined);

    const accepted = await within(30_000, 'the vote in flight', inFlight);
    expect(accepted.status).toBe(503);
    expect(accepted.body.detail).toContain('retry with the same Idempotency-Key');
    noStackTrace(accepted);

    // Everything else is refused at once, saying why.
    const refused = await within(
      30_000,
      'commands while the database is down',
      Promise.all([
        g.vote(people.m3, id, 'approve', 'no key'),
        stack.as(people.agent).post(`/api/v1/complaints/${c.id}/responses`, { message: 'hello', channel: 'hotline' }),
        stack.as(people.agent).post('/api/v1/complaints', intakeBody(), { 'Idempotency-Key': `new-${Date.now()}` }),
        stack.as(people.admin).put('/api/v1/committee', { members: [{ userId: 'gm', name: 'Grace', department: 'executive', chair: true }] }),
        stack.as(people.supervisor).get(`/api/v1/complaints/${c.id}`),
      ]),
    );
    for (const r of refused) {
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body.detail).toContain('the database is unavailable');
      noStackTrace(r);
    }
    const ready = await within(30_000, '/readyz', stack.anonymous.get('/readyz'));
    expect(ready.status).toBe(503);
    expect(ready.body.down).toEqual(['database']);

    // The complaint's first-response deadline passes while the database is down.
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(c.deadlines.firstResponse) + 500 - Date.now())));
    server.start();

    // Catch-up: the projections reach the workflows' state without any command.
    const complaint = stack.temporal.workflow.getHandle(complaintWorkflowId(c.id));
    const caughtUp = await eventually(
      async () => {
        const live = await complaint.query(complaintQuery);
        const [row] = await stack.query<{ version: number; breached: boolean; view: any }>('select version, breached, view from complaints where id = $1', [c.id]);
        return live.breaches.length > 0 && row!.version === live.version ? { live, row: row! } : undefined;
      },
      'the complaint projection to catch up',
      90_000,
    );
    expect(caughtUp.row.breached).toBe(true);
    expect(caughtUp.row.view.breaches).toEqual(caughtUp.live.breaches);
    expect(caughtUp.live.breaches).toEqual([{ clock: 'firstResponse', at: c.deadlines.firstResponse, level: 1, window: 0 }]);
    const complaintAudit = await auditRows(stack, c.id);
    expect(complaintAudit.map((r) => r.action)).toEqual(['complaint.received', 'complaint.clock_at_risk', 'complaint.clock_breached']);
    expect(complaintAudit.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await notificationsOf(stack, c.id)).map((n) => n.topic)).toEqual(expect.arrayContaining(['complaint.at_risk', 'complaint.breached', 'complaint.escalated']));

    const initiative = stack.temporal.workflow.getHandle(initiativeWorkflowId(id));
    await eventually(async () => (await g.get(id)).body.review?.votes.length === 2 || undefined, 'the initiative projection to catch up', 90_000);
    expect(projectedInitiative((await g.get(id)).body)).toEqual(await initiative.query(initiativeQuery));

    // The client retries the vote that got 503: its outcome, counted once.
    const retried = await eventually(
      async () => {
        const r = await stack.as(people.m2).post(`/api/v1/initiatives/${id}/review/votes`, m2, k);
        if (r.status !== 200) expect([409, 503], JSON.stringify(r.body)).toContain(r.status);
        return r.status === 200 ? r : undefined;
      },
      'the retried vote to answer 200',
    );
    expect(retried.body.votes.map((v: any) => [v.userId, v.revision])).toEqual([
      ['m1', 1],
      ['m2', 1],
    ]);

    // and commands run again
    expect((await g.vote(people.m3, id, 'approve', 'after the outage')).status).toBe(200);
    expect((await stack.as(people.agent).post(`/api/v1/complaints/${c.id}/responses`, { message: 'sorry for the wait', channel: 'hotline' })).status).toBe(200);
    expect((await stack.anonymous.get('/readyz')).status).toBe(200);

    const audit = await g.audit(id);
    expect(audit.map((e) => [e.action, e.actor])).toEqual([
      ['initiative.created', 'pat'],
      ['review.opened', 'pat'],
      ['review.vote_cast', 'm1'],
      ['review.vote_cast', 'm2'],
      ['review.vote_cast', 'm3'],
    ]);
    audit.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prev_hash).toBe(i === 0 ? null : audit[i - 1]!.hash);
    });
  });
});

describe('a database connection cut off mid-transaction', () => {
  it('fails that transaction and leaves the process running; the same pool works once the database is back', async () => {
    const lost: Error[] = [];
    const handle = await openDatabase({ url: stack.databaseUrl, dataDir: mkdtempSync(path.join(os.tmpdir(), 'cxgov-db-')), onPoolError: (err) => lost.push(err) });
    try {
      const waiting = handle.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(60)`);
      });
      const outcome = waiting.then(
        () => 'committed',
        (err: Error) => err,
      );
      await eventually(
        async () => (await stack.query(`select 1 from pg_stat_activity where datname = current_database() and query like '%pg_sleep(60)%' and pid <> pg_backend_pid()`)).length > 0 || undefined,
        'the transaction to run',
      );
      // Without an error listener on checked-out clients, this stop was an uncaught exception
      // ('Connection terminated unexpectedly') that killed the worker process.
      server.stop();
      expect(await within(30_000, 'the cut-off transaction', outcome)).toBeInstanceOf(Error);
      expect(lost.map((e) => e.message)).toContain('Connection terminated unexpectedly');
      server.start();
      await eventually(async () => (await handle.ping(), true), 'the pool to reconnect');
    } finally {
      await handle.close();
    }
  });
});
