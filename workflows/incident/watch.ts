/**
 * The spike watcher (docs/incidents.md): one run per tick of the schedule `cxgov-incident-watch`
 * (temporal/schedules.ts). Its activity compares the current window with the baseline per
 * product, root cause and channel and claims an incident for every new spike; the run starts each
 * claimed incident (a workflow of its own, which outlives the run) and signals running incidents
 * the complaints that matched them since.
 *
 * Deterministic: "now" is the schedule's action time (or the run's start), passed to the activity.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { getExternalWorkflowHandle, log, ParentClosePolicy, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { complaintsLinkedSignal, incidentWorkflowId } from './messages.js';
import type { incidentWorkflow } from './index.js';

const { watchForSpikes } = proxyActivities<Activities>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', maximumInterval: '30s', maximumAttempts: 10 },
});

const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export interface WatchResult {
  asOf: string;
  raised: string[];
  linked: number;
}

export async function incidentWatchWorkflow(input: { asOf?: string } = {}): Promise<WatchResult> {
  const asOf = input.asOf ?? (workflowInfo().typedSearchAttributes.get(scheduledStartTime) ?? new Date(Date.now())).toISOString();
  const { raise, link } = await watchForSpikes({ asOf });
  for (const incident of raise) {
    try {
      await startChild<typeof incidentWorkflow>('incidentWorkflow', {
        workflowId: incidentWorkflowId(incident.id),
        args: [incident],
        // The incident runs its course whatever happens to this short run.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      // Started by an earlier run that stopped before the incident recorded itself.
      log.info('incident already started', { incidentId: incident.id, error: String(err) });
    }
  }
  let linked = 0;
  for (const { incidentId, complaintIds } of link) {
    try {
      await getExternalWorkflowHandle(incidentWorkflowId(incidentId)).signal(complaintsLinkedSignal, { complaintIds, at: asOf });
      linked += complaintIds.length;
    } catch (err) {
      log.info('could not signal the incident; the next run tries again', { incidentId, error: String(err) });
    }
  }
  return { asOf, raised: raise.map((i) => i.id), linked };
}
