import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '../config/config.js';
import { concurrencyOptions, workerTuning } from '../temporal/worker.js';
import { floorActivities } from './floor-activities.js';

/**
 * The floors' worker: the bench's no-op, skeleton-intake, skeleton-lifecycle and timer workflows
 * (bench/workflows) and their do-nothing activities (bench/floor-activities.ts) in a process of
 * its own, with the same concurrency settings as cxgov's worker (the WORKER_* knobs, read the
 * same way), so a floor differs from cxgov's figure only by what cxgov does.
 * Task queue: BENCH_FLOOR_TASK_QUEUE.
 */
const config = loadConfig();
const workflowsPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workflows', 'index.ts');
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
const worker = await Worker.create({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: process.env.BENCH_FLOOR_TASK_QUEUE ?? 'bench-floor',
  workflowsPath,
  activities: floorActivities,
  bundlerOptions: { preloadModules: ['@temporalio/workflow', workflowsPath] },
  ...concurrencyOptions(workerTuning(config)),
});
process.stdout.write('bench: floor worker running\n');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => worker.shutdown());
await worker.run();
await connection.close();
