import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Database } from '../db/client.js';
import { computeKpis } from '../db/kpis.js';
import { storeReport } from '../db/reports.js';
import { readPolicy } from '../db/settings.js';
import type { Actor } from '../domain/actor.js';
import { previousPeriod, reportPeriod, type ReportKind } from '../domain/reports/periods.js';

export interface GenerateReportInput {
  kind: ReportKind;
  /** 'yyyy-mm' / 'yyyy-Www'; omitted → the last full period before `asOf`. */
  period?: string;
  /** The schedule's action time (or the run's start): what "the previous period" is relative to. */
  asOf: string;
  /** Who asked; omitted → the schedule. */
  requestedBy?: Pick<Actor, 'userId' | 'roles'>;
}

export interface ReportSummary {
  kind: ReportKind;
  period: string;
  from: string;
  to: string;
  generatedAt: string;
  generatedBy: string;
  regenerated: boolean;
}

/**
 * Report generation (docs/business-rules.md §4): resolves the period in the institution's time zone, computes
 * the KPIs with the same module as GET /reports/kpis (db/kpis.ts) and stores them with an audit
 * event. Re-running it for a period replaces the stored report.
 */
export function reportActivities(db: Database) {
  return {
    async generateReport(input: GenerateReportInput): Promise<ReportSummary> {
      const run = Context.current().info.workflowExecution ?? { workflowId: `report-${input.kind}`, runId: Context.current().info.activityId };
      const { value: calendar } = await readPolicy(db, 'calendar');
      let period;
      try {
        period = input.period ? reportPeriod(input.kind, input.period, calendar.timeZone) : previousPeriod(input.kind, new Date(input.asOf), calendar.timeZone);
      } catch (err) {
        throw ApplicationFailure.create({ type: 'InvalidReportPeriod', message: (err as Error).message, nonRetryable: true });
      }
      const now = new Date();
      if (period.to.getTime() > now.getTime()) {
        throw ApplicationFailure.create({ type: 'InvalidReportPeriod', message: `the ${input.kind} period ${period.key} has not ended yet`, nonRetryable: true });
      }
      const { kpis } = await computeKpis(db, period, calendar, now);
      const generatedBy = input.requestedBy?.userId ?? 'schedule';
      const { report, regenerated } = await storeReport(db, {
        period,
        timeZone: calendar.timeZone,
        generatedAt: now,
        generatedBy,
        roles: input.requestedBy?.roles ?? ['system'],
        workflowId: run.workflowId,
        sourceKey: `report:${run.workflowId}:${run.runId}`,
        kpis,
      });
      Context.current().log.info('report stored', { kind: report.kind, period: report.period, generatedBy, regenerated });
      return { kind: report.kind, period: report.period, from: report.from, to: report.to, generatedAt: report.generatedAt, generatedBy, regenerated };
    },
  };
}
