import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { currentBundle } from './bundle-worker.js';

/**
 * What the patch and upgrade tests read of a workflow's runs: the input a run was started (or
 * continued as new) with, whether it recorded a patch's marker, and whether it replays under
 * today's workflow code.
 */

/** The arguments a run was started or continued with, as JSON text (the latest run without `runId`). */
export async function runInput(client: Client, workflowId: string, runId?: string): Promise<{ runId: string; args: string[] }> {
  const handle = client.workflow.getHandle(workflowId, runId);
  const id = runId ?? (await handle.describe()).runId;
  const history = await handle.fetchHistory();
  const payloads = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
  return { runId: id, args: payloads.map((p) => (p.data ? Buffer.from(p.data).toString('utf8') : '')) };
}

export async function hasPatchMarker(client: Client, workflowId: string, runId: string, patchId: string): Promise<boolean> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  return (history.events ?? []).some((e) => {
    const payload = e.markerRecordedEventAttributes?.markerName === 'core_patch' ? e.markerRecordedEventAttributes.details?.['patch-data']?.payloads?.[0] : undefined;
    return payload?.data ? JSON.parse(Buffer.from(payload.data).toString('utf8')).id === patchId : false;
  });
}

export async function replaysUnderCurrentCode(client: Client, workflowId: string, runId: string): Promise<void> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  await Worker.runReplayHistory({ workflowBundle: { code: currentBundle() } }, history, `${workflowId}/${runId}`);
}
