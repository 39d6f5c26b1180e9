import { WithStartWorkflowOperation } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { skeletonIntakeUpdate, type SkeletonIntakeInput } from '../workflows/skeleton-intake.js';
import { skeletonFeedback, skeletonIntake, skeletonResolve, skeletonRespond } from '../workflows/skeleton-lifecycle.js';
import { cpuMeter } from './cpu.js';
import { round, runConcurrently, summarize, warmUp, type LatencySummary } from './stats.js';
import type { BenchContext } from './types.js';

/**
 * The floors: what the engine alone does for the shape of each measured row, on the same engine,
 * with the floors' worker (own process, cxgov's worker settings), the same number of items and
 * the same concurrency, measured in the same run as the row, so each row's ratio to its floor
 * holds on a noisy machine.
 */
export interface FloorResult extends Partial<LatencySummary> {
  shape: string;
  /** Items started and completed per second over the window from the first request to the last answer. */
  perSecond: number;
  items: number;
  cpuMsPerItem: Record<string, number | null>;
}

/** Warms up, then times `n` calls of `once` at the run's concurrency, with the CPU of every process. */
async function timeFloor(ctx: BenchContext, n: number, warm: number, once: () => Promise<void>) {
  if (warm) await warmUp(warm, ctx.concurrency, once);
  const cpu = cpuMeter(ctx.stack);
  const started = performance.now();
  const latencies = await runConcurrently(Array.from({ length: n }), ctx.concurrency, once);
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: round(n / seconds), items: n, ...summarize(latencies), cpuMsPerItem: cpu(n) };
}

let sequence = 0;
const nextId = (ctx: BenchContext, kind: string) => `bench-${kind}-${ctx.runId}-${ctx.repetition}-${sequence++}`;

/** No-op workflows, each started and awaited to completion (one workflow task, as an intake's first). */
export async function noopFloor(ctx: BenchContext, n: number, warm: number): Promise<FloorResult> {
  const { temporal, floorTaskQueue: taskQueue } = ctx.stack;
  const once = async () => {
    await temporal.workflow.execute('noopWorkflow', { taskQueue, workflowId: nextId(ctx, 'noop') });
  };
  return { shape: 'no-op workflow: start, one workflow task, complete', ...(await timeFloor(ctx, n, warm, once)) };
}

/**
 * Skeleton intakes (bench/workflows/skeleton-intake.ts): update-with-start, one local activity
 * that answers at once, the update answered, a timer started — the intake's shape with none of
 * cxgov's work, carrying a real intake's payloads (`intakePayloads`). Not the intake's floor (the
 * issue sets that as the raw start rate): it splits what the shape costs from what cxgov adds.
 */
export async function skeletonIntakeFloor(ctx: BenchContext, n: number, warm: number, payloads: SkeletonIntakeInput): Promise<FloorResult> {
  const { temporal, floorTaskQueue: taskQueue } = ctx.stack;
  const once = async () => {
    await temporal.workflow.executeUpdateWithStart(skeletonIntakeUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation('skeletonIntakeWorkflow', { workflowId: nextId(ctx, 'skeleton-intake'), taskQueue, args: [payloads], workflowIdConflictPolicy: 'USE_EXISTING' }),
    });
  };
  return { shape: "skeleton intake: update-with-start, one local activity, a timer, a real intake's payloads", ...(await timeFloor(ctx, n, warm, once)) };
}

/**
 * The payloads of a real intake, from its workflow's history: the start input, the intake local
 * activity's result (the last local-activity marker of the first workflow task) and the intake
 * update's answer.
 */
export async function intakePayloads(ctx: BenchContext, workflowId: string): Promise<SkeletonIntakeInput> {
  const events = (await ctx.stack.temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const decode = (payload: unknown) => defaultPayloadConverter.fromPayload(payload as Parameters<typeof defaultPayloadConverter.fromPayload>[0]);
  const input = events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  const marker = events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').at(0)?.markerRecordedEventAttributes?.details?.result?.payloads?.[0];
  const answer = events.find((e) => e.workflowExecutionUpdateCompletedEventAttributes)?.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success?.payloads?.[0];
  if (!input || !marker || !answer) throw new Error(`${workflowId}: its history does not hold an intake's start input, local-activity result and update answer`);
  return { input: decode(input), state: decode(marker), view: decode(answer) };
}

/**
 * Skeleton lifecycles: update-with-start, three more updates, `timers` timers started and
 * cancelled on the way, complete — a complaint's engine work with none of cxgov's.
 */
export async function skeletonFloor(ctx: BenchContext, n: number, timers: number, warm: number): Promise<FloorResult & { timersPerLifecycle: number }> {
  const { temporal, floorTaskQueue: taskQueue } = ctx.stack;
  let lastId = '';
  const once = async () => {
    const workflowId = nextId(ctx, 'skeleton');
    lastId = workflowId;
    await temporal.workflow.executeUpdateWithStart(skeletonIntake, {
      startWorkflowOperation: new WithStartWorkflowOperation('skeletonLifecycleWorkflow', { workflowId, taskQueue, args: [timers], workflowIdConflictPolicy: 'USE_EXISTING' }),
    });
    const handle = temporal.workflow.getHandle(workflowId);
    await handle.executeUpdate(skeletonRespond);
    await handle.executeUpdate(skeletonResolve);
    await handle.executeUpdate(skeletonFeedback);
    await handle.result();
  };
  const timed = await timeFloor(ctx, n, warm, once);
  return { shape: `skeleton lifecycle: 4 updates, ${timers} timers, no activity`, ...timed, timersPerLifecycle: await timersStarted(ctx, lastId) };
}

/** How many timers a workflow's history started (to check a floor has the shape it claims). */
export async function timersStarted(ctx: BenchContext, workflowId: string): Promise<number> {
  const history = await ctx.stack.temporal.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.timerStartedEventAttributes).length;
}

export interface StormFloorResult {
  shape: string;
  workflows: number;
  fired: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /** Timers handled per second from the shared instant until the last one ran. */
  drainPerSecond: number;
  cpuMsPerItem: Record<string, number | null>;
}

/**
 * N workflows whose timers fall due at the same instant: started as fast as the concurrency
 * allows, then each one's timer task noted (its workflow time when the timer's task ran).
 */
export async function timerStormFloor(ctx: BenchContext, n: number, fireAtMs: number): Promise<StormFloorResult> {
  const { temporal, floorTaskQueue: taskQueue } = ctx.stack;
  const ids = Array.from({ length: n }, () => nextId(ctx, 'timer'));
  await runConcurrently(ids, ctx.concurrency, async (workflowId) => {
    await temporal.workflow.start('timerFloorWorkflow', { workflowId, taskQueue, args: [fireAtMs] });
  });
  if (Date.now() > fireAtMs) ctx.progress('warning: starting the floor took longer than the window; early timers count with lag 0');
  const cpu = cpuMeter(ctx.stack);
  const firedAt: number[] = [];
  await runConcurrently(ids, 50, async (workflowId) => {
    firedAt.push(await temporal.workflow.getHandle(workflowId).result());
  });
  const lags = firedAt.map((t) => Math.max(0, t - fireAtMs));
  const s = summarize(lags);
  return {
    shape: 'no-op workflows sleeping until one shared instant',
    workflows: n,
    fired: firedAt.length,
    lagP50Ms: s.p50Ms,
    lagP99Ms: s.p99Ms,
    lagMaxMs: s.maxMs,
    drainPerSecond: round(firedAt.length / Math.max(s.maxMs / 1000, 0.001)),
    cpuMsPerItem: cpu(n),
  };
}
