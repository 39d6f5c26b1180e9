/**
 * One report generation (docs/business-rules.md §4): the monthly service-quality report or the weekly
 * complaint summary of one period. Started by the schedules `cxgov-report-monthly` /
 * `cxgov-report-weekly` (temporal/schedules.ts) without a period — the previous full period
 * relative to the schedule's action time — or by POST /reports/{kind}/{period}/regenerate
 * (workflow id `report-<kind>-<period>`) for any past period.
 *
 * Deterministic: the period is resolved by the activity (it needs the institution's time zone);
 * the workflow only passes the instant the schedule fired at.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { ReportSummary } from '../activities/reports.js';

export type ReportKind = 'monthly' | 'weekly';

export interface ReportWorkflowInput {
  kind: ReportKind;
  period?: string;
  requestedBy?: { userId: string; roles: string[] };
}

export const reportWorkflowId = (kind: ReportKind, period: string) => `report-${kind}-${period}`;

const { generateReport } = proxyActivities<Activities>({
  startToCloseTimeout: '5m',
  retry: { initialInterval: '1s', maximumInterval: '1m', maximumAttempts: 20 },
});

/** Set by the server on every workflow a schedule starts. */
const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export async function reportWorkflow(input: ReportWorkflowInput): Promise<ReportSummary> {
  const asOf = workflowInfo().typedSearchAttributes.get(scheduledStartTime) ?? new Date(Date.now());
  return generateReport({ ...input, asOf: asOf.toISOString() });
}
