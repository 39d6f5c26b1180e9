/**
 * A worker process that stalls for longer than the workflow task timeout while a local activity
 * runs, and then goes on (here SIGSTOP / SIGCONT; in production a paused VM, swapping, a throttled
 * container), with the watcher's signals arriving meanwhile; then a new worker, which rebuilds
 * every open run from its history. What must hold: every complaint signalled is linked, and every
 * run's history replays under the code that recorded it. A run stuck after the restart is reset
 * as operations.md says, and must then link everything too.
 *
 * It does not hold with @temporalio/* 1.24.0, the newest published: in 3 of 10 runs here with a
 * 2 s task timeout (none in one run with 10 s; the stalls fall differently each run, whatever the
 * seed), a task completed after the stall
 * records the local activities of the stalled attempt and of the new one, where a replay, which
 * sees all the signals at once, runs one — `[TMPRL1100] Nondeterminism error: Missing associated
 * machine for LocalActivity(n)`, in the live worker (which recovers) or in the history itself
 * (which then no longer replays). docs/operations.md, "A worker that stalls". So the test runs
 * only when asked: CXGOV_REPRODUCE_STALLED_WORKER=1 npm test -- test/faults/incident-starved-worker.test.ts
 * (STARVE_SEED picks the stalls, STARVE_TASK_TIMEOUT the task timeout in seconds, default 2,
 * STARVE_SIGNALS_PER_RUN the signals before a continue-as-new, default 2; TEST_ROLE_OUTPUT=1 shows
 * the worker's log). Enable it in CI once an SDK release passes it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIncidentPolicy } from '../../domain/incidents/policy.js';
import type { IncidentInput } from '../../domain/incidents/types.js';
import { complaintsLinkedSignal, incidentWorkflowId } from '../../workflows/incident/messages.js';
import { startProcessStack, type ProcessStack } from '../support/processes.js';
import { replaysUnderCurrentCode } from '../support/run-histories.js';

let stack: ProcessStack;
const taskTimeoutSeconds = Number(process.env.STARVE_TASK_TIMEOUT ?? 2);
const stall = (r: number) => taskTimeoutSeconds * 1000 * (1.25 + r);
const sec = (amount: number) => ({ amount, unit: 'second' as const });
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startIncident(spike: string[], signalsPerRun: number): Promise<{ id: string; workflowId: string }> {
  const id = randomUUID();
  const raisedAt = new Date(Date.now() - 1_000).toISOString();
  const input: IncidentInput = {
    id,
    trigger: { dimension: 'product', value: `starved-${id}`, windowFrom: new Date(Date.now() - 86_400_000).toISOString(), windowTo: raisedAt, count: spike.length, baseline: 1, threshold: 5 },
    complaintIds: spike,
    raisedAt,
    policy: { ...defaultIncidentPolicy, steps: { owner: sec(3600), plan: sec(3600), review: sec(3600) } },
    policyVersion: 1,
    runLimits: { signalsPerRun },
  };
  const workflowId = incidentWorkflowId(id);
  await stack.temporal.workflow.start('incidentWorkflow', { taskQueue: stack.taskQueue, workflowId, args: [input], workflowTaskTimeout: `${taskTimeoutSeconds}s` });
  return { id, workflowId };
}

/** What the worker process printed if it died during a stall (it has: Node's "async hook stack has become corrupted"). */
let workerDied: string | undefined;

async function freeze(ms: number): Promise<void> {
  const worker = stack.worker!;
  const signal = (sig: NodeJS.Signals) => {
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) workerDied ??= worker.output().slice(-3_000);
    else process.kill(worker.child.pid!, sig);
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
    let linked = 0;
    while (Date.now() < deadline) {
      linked = (await stack.query<{ n: number }>('select count(*)::int as n from incident_complaints where incident_id = $1', [inc.id]))[0]!.n;
      if (linked === inc.expected.size) break;
      await sleep(500);
    }
    if (linked !== inc.expected.size) missing.push({ inc, linked });
  }
  return missing;
}

const historyOf = (workflowId: string, runId?: string) => stack.temporal.workflow.getHandle(workflowId, runId).fetchHistory();

/**
 * The remedy operations.md gives for a run that fails every task: Temporal's reset to the last
 * workflow task completed before the run's first timed-out one (signals after it are taken again).
 */
async function resetBeforeFirstStall(workflowId: string): Promise<string> {
  const { runId } = await stack.temporal.workflow.getHandle(workflowId).describe();
  const events = (await historyOf(workflowId, runId)).events ?? [];
  const firstTimeout = events.find((e) => e.workflowTaskTimedOutEventAttributes);
  const before = events.filter((e) => e.workflowTaskCompletedEventAttributes && (!firstTimeout || Number(e.eventId) < Number(firstTimeout.eventId))).at(-1);
  if (!before) throw new Error(`${workflowId}/${runId}: no completed workflow task to reset to`);
  await stack.temporal.workflowService.resetWorkflowExecution({
    namespace: stack.temporal.options.namespace,
    workflowExecution: { workflowId, runId },
    reason: 'a stalled worker left a history that does not replay (operations.md)',
    workflowTaskFinishEventId: before.eventId,
    requestId: randomUUID(),
  });
  return `${workflowId}/${runId} reset to event ${Number(before.eventId)}`;
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

    // A new worker rebuilds every open run from its history: one that recorded what a replay does not take stops here.
    await stack.worker!.kill();
    await stack.startWorker();
    await Promise.all(incidents.map((inc) => signalLinks(inc, 'after-restart', 1)));
    const stuck = await linksMissing(incidents, 60_000);
    for (const { inc, linked } of stuck) failures.push(`${inc.workflowId}: ${linked} of ${inc.expected.size} links after the restart; ${await resetBeforeFirstStall(inc.workflowId)}`);
    failures.push(...(await linksMissing(incidents, 60_000)).map(({ inc, linked }) => `${inc.workflowId}: ${linked} of ${inc.expected.size} links even after the reset`));

    for (const inc of incidents) {
      for await (const run of stack.temporal.workflow.list({ query: `WorkflowId = '${inc.workflowId}'` })) {
        for (const e of (await historyOf(inc.workflowId, run.runId)).events ?? []) {
          const f = e.workflowTaskFailedEventAttributes;
          // UnhandledCommand (1): a continue-as-new refused because a signal came in meanwhile, as designed.
          if (f && f.cause !== 1) failures.push(`${inc.workflowId}/${run.runId} task failed at ${Number(e.eventId)}: cause ${f.cause} ${f.failure?.message?.slice(0, 300)}`);
        }
        try {
          await replaysUnderCurrentCode(stack.temporal, inc.workflowId, run.runId);
        } catch (err) {
          failures.push(`${inc.workflowId}/${run.runId}: ${(err as Error).message}`);
        }
      }
    }
    if (failures.length) console.log(failures.join('\n\n'));
    expect(failures).toEqual([]);
  }, 900_000);
});
