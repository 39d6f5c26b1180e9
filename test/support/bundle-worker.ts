import { readFileSync } from 'node:fs';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createActivities, type Activities } from '../../activities/index.js';
import { createLogger } from '../../config/logger.js';
import { activePatches } from '../../temporal/patches.js';
import { createWorker, workerTuning } from '../../temporal/worker.js';
import type { Stack } from './stack.js';

/**
 * A worker on the stack's task queue running a given workflow bundle with a given
 * WORKFLOW_PATCHES setting: the upgrade and patch tests hand running workflows from one code
 * (an earlier release's bundle, or today's with a patch dark) to another. `activities`, when given,
 * wraps the worker's activities (a test holding one back to put its signals in a gap).
 */
export interface BundleWorker {
  worker: Worker;
  running: Promise<void>;
  connection: NativeConnection;
}

/** Today's workflow bundle (built once per test run). */
export const currentBundle = () => readFileSync(inject('workflowBundlePath'), 'utf8');

export async function startBundleWorker(stack: Stack, code: string, patchSetting = 'all', activities: (a: Activities) => Activities = (a) => a): Promise<BundleWorker> {
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const worker = await createWorker({
    connection,
    namespace: stack.config.TEMPORAL_NAMESPACE,
    taskQueue: stack.taskQueue,
    activities: activities(createActivities({ db: stack.database.db, logger: createLogger('silent', 'test') })),
    workflowBundle: { code },
    tuning: workerTuning(stack.config),
    patches: activePatches(patchSetting),
  });
  return { worker, running: worker.run(), connection };
}

export async function stopBundleWorker(h: BundleWorker): Promise<void> {
  h.worker.shutdown();
  await h.running;
  await h.connection.close();
}
