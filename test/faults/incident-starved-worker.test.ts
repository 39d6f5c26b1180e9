/**
 * A worker process that stalls for longer than the workflow task timeout while a local activity
 * runs, and then goes on (here SIGSTOP / SIGCONT; in production a paused VM, swapping, a throttled
 * container), with the watcher's signals arriving meanwhile; then a new worker, which rebuilds
 * every open run from its history. What must hold: every complaint signalled is linked, and every
 * run's history replays under the code that recorded it. An incident still short of links after
 * the restart is reset as operations.md says, and must then link everything too.
 *
 * It does not hold with @temporalio/* 1.24.0, the newest published: in about a third of the runs
 * here (2 s task timeout; the figures are in docs/operations.md, "A worker that stalls") a task
 * completed after a stall carries commands a replay does not produce — in one history, the local
 * activities of the stalled attempt and of the next one, where a replay, handed the signals at
 * once, runs one. The worker then fails or retries a task with `[TMPRL1100] Nondeterminism error`,
 * or the history itself no longer replays. So the test runs
 * only when asked: CXGOV_REPRODUCE_STALLED_WORKER=1 npm test -- test/faults/incident-starved-worker.test.ts
 * (STARVE_SEED picks the stalls, STARVE_TASK_TIMEOUT the task timeout in seconds, default 2,
 * STARVE_SIGNALS_PER_RUN the signals before a continue-as-new, default 2; TEST_ROLE_OUTPUT=1 shows
 * the worker's log). Enable it in CI once an SDK release passes it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEntity } from '../../audit/report.js';
import { openDatabase } from '../../db/client.js';
import { complaintsLinkedSignal } from '../../workflows/incident/messages.js';
import { startMassIncident } from '../support/incidents.js';
import { startProcessStack, type ProcessStack } from '../support/processes.js';
import { historyOutline, payloadJson, replaysUnderCurrentCode } from '../support/run-histories.js';

let stack: ProcessStack;
const taskTimeoutSeconds = Number(process.env.STARVE_TASK_TIMEOUT ?? 2);
const stall = (r: number) => taskTimeoutSeconds * 1000 * (1.25 + r);
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const startIncident = (spike: string[], signalsPerRun: number) =>
  startMassIncident(stack.temporal, stack.taskQueue, spike, { signalsPerRun, label: 'starved', workflowTaskTimeout: `${taskTimeoutSeconds}s` });

/** What the worker process printed if it died during a stall (it has: Node's "async hook stack has become corrupted"). */
let workerDied: string | undefined;

async function freeze(ms: number): Promise<void> {
  const worker = stack.worker!;
  // ChildProcess.kill, unlike process.kill, says false (no ESRCH thrown) when the process is gone.
  const signal = (sig: NodeJS.Signals) => {
    if (!worker.child.kill(sig)) workerDied ??= worker.output().slice(-3_000);
  };
  signal('SIGSTOP');
  await sleep(ms);
  signal('SIGCONT');
}

type Incident = { id: string; workflowId: string; expected: Set<string> };

/** Signals `n` new complaint ids to the incident, as the watcher does, and expects them linked. */
function signalLinks(inc: Incident, prefix: string, n: number): Promise<void> {
  const batch = ids(`${prefix}-${inc.id.slice(0, 4)}`, n);
  batch.forEach((b) => inc.expected.add(b));
  return stack.temporal.workflow.getHandle(inc.workflowId).signal(complaintsLinkedSignal, { complaintIds: batch, at: new Date().toISOString() });
}

/** The incidents whose links have not all arrived within `ms`. */
async function linksMissing(incidents: Incident[], ms: number): Promise<{ inc: Incident; linked: number }[]> {
  const deadline = Date.now() + ms;
  const missing: { inc: Incident; linked: number }[] = [];
  for (const inc of incidents) {
    let linked: number;
    // Each incident is read at least once, also after the shared deadline has passed.
    for (;;) {
      linked = (await stack.query<{ n: number }>('select count(*)::int as n from incident_complaints where incident_id = $1', [inc.id]))[0]!.n;
      if (linked === inc.expected.size || Date.now() > deadline) break;
      await sleep(500);
    }
    if (linked !== inc.expected.size) missing.push({ inc, linked });
  }
  return missing;
}

const historyOf = (workflowId: string, runId?: string) => stack.temporal.workflow.getHandle(workflowId, runId).fetchHistory();

/**
 * The way out operations.md gives for a run that fails every task: Temporal's reset to the run's
 * first timed-out workflow task (what came before it completed normally; the task and the signals
 * after it are taken again). Not a completed task before it: the first may itself have timed out.
 */
async function resetToFirstStall(workflowId: string): Promise<string> {
  const { runId } = await stack.temporal.workflow.getHandle(workflowId).describe();
  const firstTimeout = ((await historyOf(workflowId, runId)).events ?? []).find((e) => e.workflowTaskTimedOutEventAttributes);
  if (!firstTimeout) throw new Error(`${workflowId}/${runId}: no timed-out workflow task to reset to`);
  await stack.temporal.workflowService.resetWorkflowExecution({
    namespace: stack.temporal.options.namespace,
    workflowExecution: { workflowId, runId },
    reason: 'a stalled worker left a history that does not replay (operations.md)',
    workflowTaskFinishEventId: firstTimeout.eventId,
    requestId: randomUUID(),
  });
  return `${workflowId}/${runId} reset to event ${Number(firstTimeout.eventId)}`;
}

/** The complaints not linked, the runs and signal events that carried them, and those runs' outlines: where to look. */
async function whereLinksWentMissing(inc: Incident): Promise<string> {
  const linked = new Set((await stack.query<{ id: string }>('select complaint_id as id from incident_complaints where incident_id = $1', [inc.id])).map((r) => r.id));
  const missing = [...inc.expected].filter((id) => !linked.has(id));
  const found: string[] = [];
  for await (const run of stack.temporal.workflow.list({ query: `WorkflowId = '${inc.workflowId}'` })) {
    const history = await historyOf(inc.workflowId, run.runId);
    const carriers = (history.events ?? [])
      .filter((e) => {
        const data = e.workflowExecutionSignaledEventAttributes?.input?.payloads?.[0]?.data;
        const ids = data ? (payloadJson<{ complaintIds?: string[] }>(data).complaintIds ?? []) : [];
        return ids.some((id) => missing.includes(id));
      })
      .map((e) => Number(e.eventId));
    if (carriers.length) found.push(`signalled in events ${carriers.join(', ')} of run ${run.runId} (${run.status.name}):\n${historyOutline(history)}`);
  }
  return `not linked: ${missing.join(', ')}; ${found.join('\n') || 'no run holds their signals'}`;
}

describe.runIf(process.env.CXGOV_REPRODUCE_STALLED_WORKER === '1')('incidents whose worker stalls past the workflow task timeout', () => {
  beforeAll(async () => {
    stack = await startProcessStack({ api: false });
  }, 240_000);
  afterAll(async () => stack?.stop());

  it('link every complaint signalled, also across a worker restart, and every run replays', async () => {
    let s = Number(process.env.STARVE_SEED ?? 1);
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // 2: the runs continue as new often; more: they stay open, and the restart below replays them.
    const signalsPerRun = Number(process.env.STARVE_SIGNALS_PER_RUN ?? 2);
    const incidents: Incident[] = [];
    const starting: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      const spike = ids(`s${i}`, 4);
      starting.push(startIncident(spike, signalsPerRun).then((x) => incidents.push({ ...x, expected: new Set(spike) })));
    }
    await sleep(rand() * 300);
    await freeze(stall(rand()));
    await Promise.all(starting);
    for (let round = 0; round < 8; round++) {
      const sends = incidents.map((inc) => signalLinks(inc, `r${round}`, 2));
      await sleep(rand() * 400);
      const frozen = freeze(stall(rand()));
      await sleep(rand() * 1_000);
      sends.push(...incidents.filter(() => rand() < 0.5).map((inc) => signalLinks(inc, `f${round}`, 1)));
      await frozen;
      await Promise.all(sends);
    }
    const failures: string[] = [];
    if (workerDied) failures.push(`the worker process died during the stalls:\n${workerDied}`);
    failures.push(...(await linksMissing(incidents, 60_000)).map(({ inc, linked }) => `${inc.workflowId}: ${linked} of ${inc.expected.size} links after the stalls`));

    // Core may also evict and retry a run after a nondeterminism without failing the task in its history: only its log says so.
    const stalledWorker = stack.worker!;
    // A new worker rebuilds every open run from its history: one that recorded what a replay does not take stops here.
    await stalledWorker.kill();
    const nondeterminismIn = (worker: NonNullable<ProcessStack['worker']>, which: string) =>
      [...new Set(worker.output().split('\n').filter((line) => line.includes('Nondeterminism')))].map((line) => `the ${which} worker logged: ${line.slice(0, 400)}`);
    failures.push(...nondeterminismIn(stalledWorker, 'stalled'));
    await stack.startWorker();
    await Promise.all(incidents.map((inc) => signalLinks(inc, 'after-restart', 1)));
    const stuck = await linksMissing(incidents, 60_000);
    for (const { inc, linked } of stuck) {
      const before = await whereLinksWentMissing(inc).catch((err: Error) => `where they went missing not found: ${err.message}`);
      const reset = await resetToFirstStall(inc.workflowId).catch((err: Error) => `not reset: ${err.message}`);
      failures.push(`${inc.workflowId}: ${linked} of ${inc.expected.size} links after the restart; ${reset}\n${before}`);
    }
    failures.push(...(await linksMissing(incidents, 60_000)).map(({ inc, linked }) => `${inc.workflowId}: ${linked} of ${inc.expected.size} links even after the reset`));

    for (const inc of incidents) {
      for await (const run of stack.temporal.workflow.list({ query: `WorkflowId = '${inc.workflowId}'` })) {
        for (const e of (await historyOf(inc.workflowId, run.runId)).events ?? []) {
          const f = e.workflowTaskFailedEventAttributes;
          // UnhandledCommand (1): a continue-as-new refused because a signal came in meanwhile, as designed;
          // ResetWorkflow (20): the mark a reset leaves at its point (the reset itself is reported above).
          if (f && f.cause !== 1 && f.cause !== 20) failures.push(`${inc.workflowId}/${run.runId} task failed at ${Number(e.eventId)}: cause ${f.cause} ${f.failure?.message?.slice(0, 300)}`);
        }
        try {
          await replaysUnderCurrentCode(stack.temporal, inc.workflowId, run.runId);
        } catch (err) {
          failures.push(`${inc.workflowId}/${run.runId}: ${(err as Error).message}`);
        }
      }
    }
    failures.push(...nondeterminismIn(stack.worker!, 'new'));

    // The stalls, the restart and any reset leave each incident's audit chain whole (and not empty).
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-starved-'));
    const database = await openDatabase({ url: stack.databaseUrl, dataDir });
    try {
      for (const inc of incidents) {
        const chain = await verifyEntity(database.db, 'incident', inc.id);
        if (chain.checked === 0) failures.push(`${inc.workflowId}: no audit events`);
        if (!chain.ok) failures.push(`${inc.workflowId}: audit chain broken at ${chain.firstBrokenAt}: ${chain.reason} ${chain.detail ?? ''}`);
      }
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    if (failures.length) console.log(failures.join('\n\n'));
    expect(failures).toEqual([]);
  }, 900_000);
});
