import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../temporal/dev-server.js';
import { command, intake, sec, secondsPolicy, setPolicy } from '../support/complaints.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * Following one process across API, worker and database by its request id, workflow id and run
 * id in the structured logs; the Prometheus metrics beyond HTTP (domain gauges from the
 * projections, activity failures by type, the SDK's runtime metrics).
 */
let stack: Stack;
const lines: Record<string, any>[] = [];
beforeAll(async () => {
  stack = await startStack({
    env: { LOG_LEVEL: 'debug' },
    logStream: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

const { agent, admin } = people;

describe('structured logs', () => {
  it('a request with x-request-id: abc → the activity log lines carry abc, the workflow id and the run id', async () => {
    const res = await stack.as(admin).post('/api/v1/reports/monthly/2025-08/regenerate', undefined, { 'x-request-id': 'abc' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('abc');
    const run = await stack.temporal.workflow.getHandle('report-monthly-2025-08').describe();

    const activity = lines.find((l) => l.requestId === 'abc' && l.activityType === 'generateReport');
    expect(activity).toMatchObject({ workflowId: 'report-monthly-2025-08', runId: run.runId, msg: 'activity completed' });
    // The API's own line names the workflow the request started.
    expect(lines.find((l) => l.requestId === 'abc' && l.operation === 'start')).toMatchObject({ workflowId: 'report-monthly-2025-08', workflowType: 'reportWorkflow' });
    // And pino-http's request line has the same id.
    expect(lines.find((l) => l.req?.id === 'abc' && l.res?.statusCode === 200)).toBeDefined();
  });

  it('each command on a long-running workflow carries its own request id down to the projection write', async () => {
    const c = await intake(stack, {}, agent, { 'x-request-id': 'req-intake-1' });
    await command(stack, agent, c.id, '/responses', { message: 'hello', channel: 'hotline' }); // no id given: one is generated
    const res = await stack.as(agent).post(`/api/v1/complaints/${c.id}/resolution`, { summary: 's', remedy: 'r' }, { 'x-request-id': 'req-resolve-1' });
    expect(res.status).toBe(200);
    const workflowId = `complaint-${c.id}`;
    const records = (id: string) => lines.filter((l) => l.requestId === id && l.activityType === 'recordComplaint' && l.workflowId === workflowId);
    // Intake reads and records in one activity (takeComplaint); later commands record with recordComplaint.
    expect(lines.find((l) => l.requestId === 'req-intake-1' && l.activityType === 'takeComplaint')).toMatchObject({ workflowId });
    expect(records('req-resolve-1').length).toBeGreaterThan(0);
    expect(lines.find((l) => l.requestId === 'req-resolve-1' && l.operation === 'update')).toMatchObject({ workflowId, update: 'resolve' });
    // The database side: the projection row and the audit trail are keyed by the same workflow id.
    const [row] = await stack.query('select workflow_id from complaints where id = $1', [c.id]);
    expect(row.workflow_id).toBe(workflowId);
    const sources = await stack.query<{ source_key: string }>("select source_key from audit_events where entity_type = 'complaint' and entity_id = $1", [c.id]);
    expect(sources.every((s) => s.source_key.startsWith(`${workflowId}:`))).toBe(true);
  });

  it('concurrent intakes on one worker thread: every workflow’s activities carry its own request id and no other', async () => {
    // One request-id store serves all workflows of a worker thread (workflows/interceptors.ts);
    // interleaved activations must still never see another workflow's id.
    const ids = Array.from({ length: 12 }, (_, i) => `req-concurrent-${i}`);
    const complaints = await Promise.all(ids.map((id) => intake(stack, {}, agent, { 'x-request-id': id })));
    complaints.forEach((c, i) => {
      const own = lines.filter((l) => l.workflowId === `complaint-${c.id}` && l.activityType === 'takeComplaint');
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(new Set(own.map((l) => l.requestId))).toEqual(new Set([ids[i]]));
    });
  });
});

describe('metrics', () => {
  it('/metrics has the domain gauges from the projections and the worker’s activity metrics', async () => {
    // a breach (level 1), clocks still open, a closed complaint
    await setPolicy(stack, secondsPolicy({ firstResponse: sec(1) }));
    const late = await intake(stack);
    await setPolicy(stack, secondsPolicy());
    await eventually(async () => ((await stack.query('select breached from complaints where id = $1', [late.id]))[0]?.breached ? true : undefined), 'the breach');
    const done = await intake(stack);
    await command(stack, agent, done.id, '/resolution', { summary: 's', remedy: 'r' });
    await command(stack, agent, done.id, '/customer-feedback', { satisfied: true, via: 'callback', comment: '' });
    // an activity that fails: a report of a period that has not ended, started behind the API's back
    await expect(
      stack.temporal.workflow.execute('reportWorkflow', { workflowId: `report-weekly-now-${Date.now()}`, taskQueue: stack.taskQueue, args: [{ kind: 'weekly', period: '2099-W01' }] }),
    ).rejects.toBeInstanceOf(WorkflowFailedError);

    const counts = (await stack.query<{ total: number; closed: number; breaches: number }>(
      "select count(*)::int as total, count(*) filter (where status = 'closed')::int as closed, (select count(*)::int from complaints, unnest(breach_levels) l where l = 1) as breaches from complaints",
    ))[0]!;
    const res = await stack.anonymous.get('/metrics');
    expect(res.status).toBe(200);
    const text: string = res.body;
    const sample = (name: string, labels = '') => {
      const m = new RegExp(`^${name}${labels.replace(/[{}"]/g, (c) => `\\${c}`)} (\\S+)$`, 'm').exec(text);
      return m ? Number(m[1]) : undefined;
    };
    expect(sample('cxgov_domain_metrics_up')).toBe(1);
    expect(sample('cxgov_processes_started', '{type="complaint"}')).toBe(counts.total);
    expect(sample('cxgov_processes_closed', '{type="complaint"}')).toBe(counts.closed);
    expect(sample('cxgov_processes_started', '{type="initiative"}')).toBe(0);
    expect(sample('cxgov_complaint_breaches', '{level="1"}')).toBe(counts.breaches);
    expect(sample('cxgov_complaint_breaches', '{level="3"}')).toBe(0);
    expect(sample('cxgov_complaint_clocks_open', '{clock="resolution",state="pending"}')).toBeGreaterThan(0);
    expect(sample('cxgov_complaint_clocks_open', '{clock="firstResponse",state="breached"}')).toBeGreaterThanOrEqual(1);
    expect(sample('cxgov_gate_reviews_overdue')).toBe(0);
    expect(sample('cxgov_reports_stored', '{kind="monthly"}')).toBe(1);
    // worker metrics, same process here
    expect(sample('cxgov_activity_failures_total', '{activity_type="generateReport",local="false",failure="ApplicationFailure"}')).toBeGreaterThanOrEqual(1);
    expect(sample('cxgov_activity_duration_seconds_count', '{activity_type="recordComplaint",local="true",outcome="completed"}')).toBeGreaterThan(0);
    expect(text).toContain('cxgov_http_request_duration_seconds_bucket');
  });

  it('the Temporal SDK’s runtime metrics are exported on TEMPORAL_METRICS_BIND, and a taken port only warns', async () => {
    const port = await freePort();
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    const script = path.join(mkdtempSync(path.join(os.tmpdir(), 'cxgov-rt-')), 'runtime.mts');
    writeFileSync(
      script,
      `import { createServer } from 'node:net';
       import { Runtime } from ${JSON.stringify(path.join(root, 'node_modules/@temporalio/worker/lib/index.js'))};
       import { createLogger } from ${JSON.stringify(path.join(root, 'config/logger.ts'))};
       import { installTemporalRuntime } from ${JSON.stringify(path.join(root, 'temporal/runtime.ts'))};
       const mode = process.argv[2];
       const bind = '127.0.0.1:${port}';
       let blocker;
       if (mode === 'taken') { blocker = createServer(); await new Promise((r) => blocker.listen(${port}, '127.0.0.1', r)); }
       installTemporalRuntime(createLogger('info', 'probe'), bind);
       Runtime.instance();
       if (mode === 'free') { const res = await fetch('http://' + bind + '/metrics'); console.log(JSON.stringify({ status: res.status, type: res.headers.get('content-type') })); }
       else console.log(JSON.stringify({ running: true }));
       blocker?.close();
       await Runtime.instance().shutdown();`,
    );
    const run = async (mode: string) => (await promisify(execFile)(process.execPath, ['--import', 'tsx', script, mode], { cwd: root, timeout: 60_000 })).stdout;
    const free = await run('free');
    expect(JSON.parse(free.trim().split('\n').at(-1)!)).toMatchObject({ status: 200, type: expect.stringContaining('text/plain') });
    const taken = await run('taken');
    const out = taken.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.find((l) => l.msg?.includes('metrics exporter not started'))).toMatchObject({ level: 40, bind: `127.0.0.1:${port}` });
    // pino writes asynchronously (sonic-boom) and console.log synchronously, so the two lines can
    // arrive in either order: the process went on after the warning if its line is there at all.
    expect(out).toContainEqual({ running: true });
  });
});
