import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import type { Activities } from '../activities/index.js';
import type { Logger } from '../config/logger.js';
import { activityInterceptors } from './activity-interceptors.js';

const workflowsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'workflows');
export const workflowsPath = path.join(workflowsDir, 'index.ts');
/** Bundled with the workflows (pass to bundleWorkflowCode too): request-id propagation. */
export const workflowInterceptorModules = [path.join(workflowsDir, 'interceptors.ts')];

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** A pre-built bundle (tests bundle once per run, with `workflowInterceptorModules`); omitted → bundled from workflows/ at start. */
  workflowBundle?: WorkflowBundleOption;
  /** Activity log lines (workflow id, run id, request id bound); omitted → none, metrics still counted. */
  logger?: Logger;
}

/**
 * The worker hosts every cxgov workflow and activity on one task queue. The concurrency limits
 * are sized for a small box and are the first knobs to turn (see README "Tuning").
 */
export async function createWorker(opts: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: opts.activities,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath }),
    interceptors: {
      activity: [activityInterceptors(opts.logger)],
      ...(opts.workflowBundle ? {} : { workflowModules: workflowInterceptorModules }),
    },
    maxConcurrentActivityTaskExecutions: 100,
    maxConcurrentLocalActivityExecutions: 100,
    maxConcurrentWorkflowTaskExecutions: 40,
    maxCachedWorkflows: 2_000,
    shutdownGraceTime: '10s',
  });
}
