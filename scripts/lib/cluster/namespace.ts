import { randomBytes } from 'node:crypto';
import type { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';

/**
 * The namespace cxgov runs in, registered through the frontend's API like any operator tool does
 * (`temporal operator namespace create` calls the same RegisterNamespace), and the checks that
 * say the cluster really serves it.
 */

/**
 * Search attributes cxgov's workflows read. All are Temporal's own (the report workflow reads the
 * schedule's start time), so a cluster has them without registering any; checked all the same,
 * so that a workflow that starts needing a custom one fails here first.
 */
export const requiredSearchAttributes = ['TemporalScheduledStartTime'];

const grpcCode = (err: unknown) => (err as { code?: number }).code;
/** gRPC status codes (grpc/doc/statuscodes.md). */
const grpcStatus = { NOT_FOUND: 5, ALREADY_EXISTS: 6 };
/** temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW */
const workflowTaskQueue = 1;

export async function registerNamespace(connection: Connection, namespace: string, retentionDays: number, say: (msg: string) => void): Promise<void> {
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      description: 'cxgov',
      workflowExecutionRetentionPeriod: msToTs(retentionDays * 86_400_000),
    });
    say(`registered namespace ${namespace} (closed workflows kept ${retentionDays} days)`);
  } catch (err) {
    if (grpcCode(err) !== grpcStatus.ALREADY_EXISTS) throw err;
  }
}

/**
 * Waits until the cluster serves `namespace` end to end: the frontend knows it, every search
 * attribute cxgov reads exists, matching answers for a task queue, and the history shards answer
 * for workflow ids spread over them (a lookup of a workflow that does not exist reaches the shard
 * owning that id and comes back "not found" — nothing is created).
 */
export async function waitUntilServing(connection: Connection, namespace: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await connection.workflowService.describeNamespace({ namespace });
      const attributes = await connection.operatorService.listSearchAttributes({ namespace });
      const known = new Set([...Object.keys(attributes.systemAttributes ?? {}), ...Object.keys(attributes.customAttributes ?? {})]);
      const missing = requiredSearchAttributes.filter((a) => !known.has(a));
      if (missing.length) throw new Error(`search attributes missing on the cluster: ${missing.join(', ')}`);
      await connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: 'cxgov-readiness-probe' },
        taskQueueType: workflowTaskQueue,
      });
      for (let i = 0; i < 32; i++) {
        const workflowId = `cxgov-readiness-probe-${randomBytes(6).toString('hex')}`;
        try {
          await connection.workflowService.describeWorkflowExecution({ namespace, execution: { workflowId } });
          throw new Error(`probe workflow ${workflowId} unexpectedly exists`);
        } catch (err) {
          // NOT_FOUND for the workflow is the answer wanted; a namespace not (yet) known to
          // history is NOT_FOUND too, but says so.
          if (grpcCode(err) !== grpcStatus.NOT_FOUND || /namespace/i.test(String((err as Error).message))) throw err;
        }
      }
      return;
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`the cluster does not serve namespace ${namespace} within ${timeoutMs / 1000} s: ${String(last)}`);
}
