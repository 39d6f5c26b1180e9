import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { defaultIncidentPolicy } from '../../domain/incidents/policy.js';
import type { IncidentInput } from '../../domain/incidents/types.js';
import { incidentWorkflowId } from '../../workflows/incident/messages.js';

const hour = { amount: 3600, unit: 'second' as const };

/**
 * Raises an incident directly, as the watcher would (tests send the watcher's signals
 * themselves): `spike` are the complaints it is raised with, every step has an hour, and it
 * continues as new after `signalsPerRun` signals. `label` names the trigger's product.
 */
export async function startMassIncident(
  temporal: Client,
  taskQueue: string,
  spike: string[],
  opts: { signalsPerRun: number; label: string; workflowTaskTimeout?: string },
): Promise<{ id: string; workflowId: string; firstRunId: string }> {
  const id = randomUUID();
  const raisedAt = new Date(Date.now() - 1_000).toISOString();
  const input: IncidentInput = {
    id,
    trigger: { dimension: 'product', value: `${opts.label}-${id}`, windowFrom: new Date(Date.now() - 86_400_000).toISOString(), windowTo: raisedAt, count: spike.length, baseline: 1, threshold: 5 },
    complaintIds: spike,
    raisedAt,
    policy: { ...defaultIncidentPolicy, steps: { owner: hour, plan: hour, review: hour } },
    policyVersion: 1,
    runLimits: { signalsPerRun: opts.signalsPerRun },
  };
  const workflowId = incidentWorkflowId(id);
  const handle = await temporal.workflow.start('incidentWorkflow', { taskQueue, workflowId, args: [input], workflowTaskTimeout: opts.workflowTaskTimeout });
  return { id, workflowId, firstRunId: handle.firstExecutionRunId };
}
