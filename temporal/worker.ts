import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import type { Activities } from '../activities/index.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { activityInterceptors } from './activity-interceptors.js';
import { patchActivation } from './patches.js';

const workflowsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'workflows');
export const workflowsPath = path.join(workflowsDir, 'index.ts');
/** Bundled with the workflows (pass to bundleWorkflowCode too): request-id propagation. */
export const workflowInterceptorModules = [path.join(workflowsDir, 'interceptors.ts')];
/**
 * Evaluated once per worker thread instead of once per workflow execution. With a reused V8
 * context the SDK otherwise runs the module code of the whole workflow graph (the SDK's workflow
 * API, our domain rules, the interceptors) again for every new workflow, which is measurable per
 * intake. Safe because none of these modules keeps mutable module-level state: they export
 * functions, definitions and frozen constants (activity proxies resolve the running workflow at
 * call time). A module that did keep state would leak it between workflows — do not add one here.
 */
export const preloadModules = ['@temporalio/workflow', workflowsPath, ...workflowInterceptorModules];

/**
 * The public keys that command proofs are checked against (workflows/process/proof.ts), built
 * into the bundle as the constant `CXGOV_COMMAND_VERIFY_KEYS` (`keyId → public key, hex`): they
 * come from the worker's configuration at bundle time, never from a workflow's input, and a
 * prebuilt bundle (WORKFLOW_BUNDLE_PATH) carries the keys it was built with. webpack is the
 * bundler's own (resolved from @temporalio/worker), so its DefinePlugin is the one it runs.
 */
export function commandKeysHook(verifyKeys: Record<string, string>): (config: WebpackConfiguration) => WebpackConfiguration {
  const webpack = createRequire(createRequire(import.meta.url).resolve('@temporalio/worker'))('webpack') as { DefinePlugin: new (defs: Record<string, string>) => unknown };
  return (config) => ({ ...config, plugins: [...(config.plugins ?? []), new webpack.DefinePlugin({ CXGOV_COMMAND_VERIFY_KEYS: JSON.stringify(verifyKeys) }) as never] });
}

/** What every bundle of cxgov's workflows is built with (worker, tests, prebuilt bundles). */
export function bundleOptions(verifyKeys: Record<string, string>) {
  return { workflowsPath, workflowInterceptorModules, preloadModules, webpackConfigHook: commandKeysHook(verifyKeys) };
}
type WebpackConfiguration = NonNullable<Parameters<NonNullable<NonNullable<Parameters<typeof Worker.create>[0]['bundlerOptions']>['webpackConfigHook']>>[0]>;

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** A pre-built bundle (tests bundle once per run, with `workflowInterceptorModules`); omitted → bundled from workflows/ at start. */
  workflowBundle?: WorkflowBundleOption;
  /** Activity log lines (workflow id, run id, request id bound); omitted → none, metrics still counted. */
  logger?: Logger;
  /** Concurrency knobs: `workerTuning(config)`. */
  tuning: WorkerTuning;
  /** Workflow patches new steps take (`activePatches(config.WORKFLOW_PATCHES)`); omitted → all. */
  patches?: ReadonlySet<string>;
  /** Public keys of command proofs, built into the bundle made at start (a prebuilt bundle has its own). */
  commandVerifyKeys?: Record<string, string>;
}

export interface WorkerTuning {
  workflowTaskSlots: number;
  workflowTaskPollers: number;
  localActivitySlots: number;
  cachedWorkflows: number;
}

/** The knobs as configured (config/config.ts holds the defaults; README "Tuning" says when to turn which). */
export function workerTuning(config: Config): WorkerTuning {
  return {
    workflowTaskSlots: config.WORKER_WORKFLOW_TASK_SLOTS,
    workflowTaskPollers: config.WORKER_WORKFLOW_TASK_POLLERS,
    localActivitySlots: config.WORKER_LOCAL_ACTIVITY_SLOTS,
    cachedWorkflows: config.WORKER_CACHED_WORKFLOWS,
  };
}

/**
 * The worker hosts every cxgov workflow and activity on one task queue. The concurrency limits
 * are sized for a small box and are the first knobs to turn (see README "Tuning").
 */
export async function createWorker(opts: WorkerOptions): Promise<Worker> {
  const { tuning } = opts;
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: opts.activities,
    // A prebuilt bundle carries its interceptors and preloads (bundleOptions); else bundle now.
    ...(opts.workflowBundle
      ? { workflowBundle: opts.workflowBundle, interceptors: { activity: [activityInterceptors(opts.logger)] } }
      : {
          workflowsPath,
          bundlerOptions: { preloadModules, webpackConfigHook: commandKeysHook(opts.commandVerifyKeys ?? {}) },
          interceptors: { activity: [activityInterceptors(opts.logger)], workflowModules: workflowInterceptorModules },
        }),
    ...concurrencyOptions(tuning),
    shutdownGraceTime: '10s',
    ...(opts.patches ? { patchActivationCallback: patchActivation(opts.patches) } : {}),
  });
}

/** The worker options the knobs set; the bench's floor worker runs with the same. */
export function concurrencyOptions(tuning: WorkerTuning) {
  return {
    maxConcurrentActivityTaskExecutions: 100,
    maxConcurrentLocalActivityExecutions: tuning.localActivitySlots,
    maxConcurrentWorkflowTaskExecutions: tuning.workflowTaskSlots,
    maxConcurrentWorkflowTaskPolls: Math.min(tuning.workflowTaskPollers, tuning.workflowTaskSlots),
    maxCachedWorkflows: tuning.cachedWorkflows,
  };
}
