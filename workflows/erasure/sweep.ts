/**
 * The retention sweep (docs/security.md "Retention"): one run per tick of the schedule
 * `cxgov-erasure-sweep` (temporal/schedules.ts). Its activity finds the customers past retention
 * (every complaint closed longer ago than the policy's `retention`, personal data still held, no
 * erasure of theirs running); the run raises an erasure request for each (reason: retention),
 * which then goes through the same holds and compliance approval as a person's request.
 *
 * Deterministic: "now" is the schedule's action time (or the run's start), passed to the activity.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { log, ParentClosePolicy, proxyActivities, startChild, uuid4, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { systemActor } from '../../domain/actor.js';
import type { ErasureInput } from '../../domain/erasure/types.js';
import { erasureWorkflowId, erasureWorkflowType } from './messages.js';
import type { erasureWorkflow } from './index.js';

const { sweepRetention } = proxyActivities<Activities>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', maximumInterval: '30s', maximumAttempts: 10 },
});

const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export interface SweepResult {
  asOf: string;
  requested: string[];
}

export async function erasureSweepWorkflow(input: { asOf?: string } = {}): Promise<SweepResult> {
  const asOf = input.asOf ?? (workflowInfo().typedSearchAttributes.get(scheduledStartTime) ?? new Date(Date.now())).toISOString();
  const { customers, policy, policyVersion } = await sweepRetention({ asOf });
  const requested: string[] = [];
  for (const customerRef of customers) {
    const id = uuid4();
    const child: ErasureInput = { id, customerRef, reason: 'retention: personal data kept past the retention period after the customer’s last complaint closed', origin: 'retention', requestedBy: systemActor, requestedAt: asOf, policy, policyVersion };
    try {
      await startChild<typeof erasureWorkflow>(erasureWorkflowType, {
        workflowId: erasureWorkflowId(id),
        args: [child],
        // The request runs its course (holds, approval) whatever happens to this short run.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      requested.push(customerRef);
    } catch (err) {
      log.info('could not raise the erasure request; the next sweep tries again', { customerRef, error: String(err) });
    }
  }
  return { asOf, requested };
}
