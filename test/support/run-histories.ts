import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
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

/** A payload's data read as the default converter wrote it: JSON (`data` as in history protos, or base64 as in their JSON form). */
export function payloadJson<T>(data: Uint8Array | string): T {
  return JSON.parse((typeof data === 'string' ? Buffer.from(data, 'base64') : Buffer.from(data)).toString('utf8')) as T;
}

export async function hasPatchMarker(client: Client, workflowId: string, runId: string, patchId: string): Promise<boolean> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  return (history.events ?? []).some((e) => {
    const payload = e.markerRecordedEventAttributes?.markerName === 'core_patch' ? e.markerRecordedEventAttributes.details?.['patch-data']?.payloads?.[0] : undefined;
    return payload?.data ? payloadJson<{ id: string }>(payload.data).id === patchId : false;
  });
}

export async function replaysUnderCurrentCode(client: Client, workflowId: string, runId: string): Promise<void> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  try {
    await Worker.runReplayHistory({ workflowBundle: { code: currentBundle() } }, history, `${workflowId}/${runId}`);
  } catch (err) {
    // A replay that fails in CI is rare and may not come back: the error carries the history's
    // outline (CI keeps only the log), so the workflow task it diverged in can be read there.
    if (err instanceof Error) err.message += `\nthe history, one workflow task per line:\n${historyOutline(history)}`;
    throw err;
  }
}

type History = Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>;

/** Event types by workflow task (each line ends with a task started), markers and signals named: `id:TYPE`. */
export function historyOutline(history: History): string {
  // The JSON form (as the replay fixtures are kept) names the event types and encodes payloads in base64.
  const events = (JSON.parse(historyToJSON(history)).events ?? []) as {
    eventId: string;
    eventType: string;
    markerRecordedEventAttributes?: { markerName?: string; details?: Record<string, { payloads?: { data?: string }[] }> };
    workflowExecutionSignaledEventAttributes?: { signalName?: string };
  }[];
  const lines: string[] = [];
  let line: string[] = [];
  for (const e of events) {
    const type = e.eventType.replace(/^EVENT_TYPE_/, '');
    const marker = e.markerRecordedEventAttributes;
    const patch = marker?.markerName === 'core_patch' ? marker.details?.['patch-data']?.payloads?.[0]?.data : undefined;
    const what = marker ? `:${marker.markerName}${patch ? `(${payloadJson<{ id: string }>(patch).id})` : ''}` : e.workflowExecutionSignaledEventAttributes ? `(${e.workflowExecutionSignaledEventAttributes.signalName})` : '';
    line.push(`${e.eventId}:${type}${what}`);
    if (type === 'WORKFLOW_TASK_STARTED') {
      lines.push(line.join(' '));
      line = [];
    }
  }
  if (line.length) lines.push(line.join(' '));
  return lines.join('\n');
}
