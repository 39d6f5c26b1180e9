import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { BenchContext, Measurement } from '../lib/types.js';
import { cpuMeter } from '../lib/cpu.js';
import { runConcurrently, summarize, warmUp } from '../lib/stats.js';

/**
 * 1. Raw floor: no-op workflows started and completed per second on the same Temporal server,
 * with a worker in the bench process. Everything cxgov adds is measured against this.
 */
export const raw: Measurement = {
  key: 'raw',
  title: 'raw floor (no-op workflows)',
  async run(ctx: BenchContext) {
    const connection = await NativeConnection.connect({ address: ctx.stack.temporalAddress });
    const taskQueue = 'bench-raw';
    const worker = await Worker.create({
      connection,
      taskQueue,
      workflowsPath: path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'workflows', 'noop.ts'),
      maxConcurrentWorkflowTaskExecutions: 40,
    });
    const running = worker.run();
    try {
      let warm = 0;
      await warmUp(ctx.quick ? 50 : 200, ctx.concurrency, () =>
        ctx.stack.temporal.workflow.execute('noopWorkflow', { taskQueue, workflowId: `bench-raw-${ctx.runId}-${ctx.repetition}-warm-${warm++}` }),
      );
      const n = ctx.quick ? 150 : 1000;
      const ids = Array.from({ length: n }, (_, i) => `bench-raw-${ctx.runId}-${ctx.repetition}-${i}`);
      const cpu = cpuMeter(ctx.stack);
      const started = performance.now();
      let allStartedAt = 0;
      let startsDone = 0;
      const latencies = await runConcurrently(ids, ctx.concurrency, async (workflowId) => {
        const handle = await ctx.stack.temporal.workflow.start('noopWorkflow', { taskQueue, workflowId });
        if (++startsDone === n) allStartedAt = performance.now();
        await handle.result();
      });
      const seconds = (performance.now() - started) / 1000;
      // The start rate (workflows accepted per second) is what intake is compared with.
      const startSeconds = (allStartedAt - started) / 1000;
      return { perSecond: n / seconds, startPerSecond: n / startSeconds, ...summarize(latencies), cpuMsPerItem: cpu(n) };
    } finally {
      worker.shutdown();
      await running;
      await connection.close();
    }
  },
};
