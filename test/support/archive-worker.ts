import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { inject } from 'vitest';

/**
 * A worker of test/support/workflows/archive.ts on a task queue of its own, for tests that need
 * real closed (and running) executions on a branch that has no business workflows of its own.
 */
const workflowsPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workflows', 'archive.ts');
const noop = () => undefined;
const quiet = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: console.error };

export async function startArchiveTestWorker(taskQueue: string): Promise<{ stop(): Promise<void> }> {
  const bundle = await bundleWorkflowCode({ workflowsPath, logger: quiet });
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const worker = await Worker.create({ connection, taskQueue, workflowBundle: bundle });
  const running = worker.run();
  return {
    stop: async () => {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
