/**
 * A worker process that stalls for longer than the workflow task timeout while a local activity
 * runs, and then goes on (here SIGSTOP / SIGCONT; in production a paused VM, swapping, a throttled
 * container), with the watcher's signals arriving meanwhile. What must hold: every complaint
 * signalled is linked, and every run's history replays under the code that recorded it.
 *
 * It does not hold with @temporalio/* 1.24.0, the newest published: in 3 of 10 runs here with a
 * 2 s task timeout (none in one run with 10 s; the stalls fall differently each run, whatever the
 * seed), a task completed after the stall
 * records the local activities of the stalled attempt and of the new one, where a replay, which
 * sees all the signals at once, runs one — `[TMPRL1100] Nondeterminism error: Missing associated
 * machine for LocalActivity(n)`, in the live worker (which recovers) or in the history itself
 * (which then no longer replays). docs/operations.md, "A worker that stalls". So the test runs
 * only when asked: CXGOV_REPRODUCE_STALLED_WORKER=1 npm test -- test/faults/incident-starved-worker.test.ts
 * (STARVE_SEED picks the stalls, STARVE_TASK_TIMEOUT the task timeout in seconds, default 2;
 * TEST_ROLE_OUTPUT=1 shows the worker's log). Enable it in CI once an SDK release passes it.
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

async function freeze(ms: number): Promise<void> {
  const pid = stack.worker!.child.pid!;
  process.kill(pid, 'SIGSTOP');
  await sleep(ms);
  process.kill(pid, 'SIGCONT');
}

describe.runIf(process.env.CXGOV_REPRODUCE_STALLED_WORKER === '1')('incidents whose worker stalls past the workflow task timeout', () => {
  beforeAll(async () => {
    stack = await startProcessStack({ api: false });
  }, 240_000);
  afterAll(async () => stack?.stop());

  it('link every complaint signalled, and every run replays', async () => {
    const seed = Number(process.env.STARVE_SEED ?? 1);
    let s = seed;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const incidents: { id: string; workflowId: string; expected: Set<string> }[] = [];
    const starting: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      const spike = ids(`s${i}`, 4);
      starting.push(startIncident(spike, 2).then((x) => incidents.push({ ...x, expected: new Set(spike) })));
    }
    await sleep(rand() * 300);
    await freeze(stall(rand()));
    await Promise.all(starting);
    for (let round = 0; round < 8; round++) {
      const sends: Promise<unknown>[] = [];
      for (const inc of incidents) {
        const batch = ids(`r${round}-${inc.id.slice(0, 4)}`, 2);
        batch.forEach((b) => inc.expected.add(b));
        sends.push(stack.temporal.workflow.getHandle(inc.workflowId).signal(complaintsLinkedSignal, { complaintIds: batch, at: new Date().toISOString() }));
      }
      await sleep(rand() * 400);
      const frozen = freeze(stall(rand()));
      await sleep(rand() * 1_000);
      for (const inc of incidents.filter(() => rand() < 0.5)) {
        const batch = ids(`f${round}-${inc.id.slice(0, 4)}`, 1);
        batch.forEach((b) => inc.expected.add(b));
        sends.push(stack.temporal.workflow.getHandle(inc.workflowId).signal(complaintsLinkedSignal, { complaintIds: batch, at: new Date().toISOString() }));
      }
      await frozen;
      await Promise.all(sends);
    }
    const failures: string[] = [];
    const deadline = Date.now() + 60_000;
    for (const inc of incidents) {
      let n = 0;
      while (Date.now() < deadline) {
        n = (await stack.query<{ n: number }>('select count(*)::int as n from incident_complaints where incident_id = $1', [inc.id]))[0]!.n;
        if (n === inc.expected.size) break;
        await sleep(500);
      }
      if (n !== inc.expected.size) failures.push(`${inc.workflowId}: ${n} of ${inc.expected.size} links`);
    }
    for (const inc of incidents) {
      for await (const run of stack.temporal.workflow.list({ query: `WorkflowId = '${inc.workflowId}'` })) {
        const history = await stack.temporal.workflow.getHandle(inc.workflowId, run.runId).fetchHistory();
        for (const e of history.events ?? []) {
          const f = e.workflowTaskFailedEventAttributes;
          // UnhandledCommand (1): a continue-as-new refused because a signal came in meanwhile, as designed.
          if (f && f.cause !== 1) failures.push(`${inc.workflowId}/${run.runId} task failed at ${e.eventId}: cause ${f.cause} ${f.failure?.message?.slice(0, 300)}`);
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
  }, 600_000);
});
