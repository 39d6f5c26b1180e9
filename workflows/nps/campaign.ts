/**
 * One product NPS campaign (docs/surveys.md "Product NPS"): a run of the product's schedule
 * `cxgov-nps-<initiative id>` (temporal/schedules.ts). Its activity compares the product's NPS of
 * the period just ended with the one before, and invites a sample of the product's customers who
 * had contact in the period; a drop is told to the initiative (signal `npsDropped`), whose
 * post-launch watch raises the review item.
 *
 * Deterministic: "now" is the schedule's action time (or the run's start), passed to the activity.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { getExternalWorkflowHandle, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { CampaignResult } from '../../activities/nps-campaigns.js';
import { initiativeWorkflowId, npsDropped } from '../initiative/messages.js';

const { runNpsCampaign, syncNpsSchedules } = proxyActivities<Activities>({
  startToCloseTimeout: '5m',
  retry: { initialInterval: '1s', maximumInterval: '1m', maximumAttempts: 20 },
});

const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export interface NpsCampaignInput {
  initiativeId: string;
  /** Tests and catch-ups: the instant to run at; else the schedule's action time. */
  asOf?: string;
}

export async function productNpsCampaignWorkflow(input: NpsCampaignInput): Promise<CampaignResult> {
  const asOf = input.asOf ?? (workflowInfo().typedSearchAttributes.get(scheduledStartTime) ?? new Date(Date.now())).toISOString();
  const result = await runNpsCampaign({ initiativeId: input.initiativeId, asOf });
  if (result.drop) {
    try {
      await getExternalWorkflowHandle(initiativeWorkflowId(input.initiativeId)).signal(npsDropped, { ...result.drop, at: asOf });
    } catch (err) {
      // The initiative's process has ended: there is no post-launch watch left to raise a review.
      log.warn('could not tell the initiative of its NPS drop', { initiativeId: input.initiativeId, error: String(err) });
    }
  }
  return result;
}

/**
 * Keeps one campaign schedule per product under post-launch watch (a run of
 * `cxgov-nps-schedules`): creates the missing ones, removes those of products no longer watched.
 */
export async function npsScheduleSyncWorkflow(): Promise<{ created: string[]; removed: string[] }> {
  return syncNpsSchedules();
}
