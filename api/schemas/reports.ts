import { reportKinds } from '../../domain/reports/periods.js';
import { z } from '../zod.js';

const count = z.number().int().min(0);
const share = z.number().min(0).max(1).nullable().openapi({ description: 'a share 0..1 (4 decimals); null without a denominator' });
const hoursOrNull = z.number().nullable().openapi({ description: 'hours (4 decimals); null when nothing to average' });
const counts = z.record(z.string(), count);
const hoursBy = z.record(z.string(), hoursOrNull);

const ComplaintKpisSchema = z
  .object({
    received: count,
    volume: z.object({ byCategory: counts, byChannel: counts, bySeverity: counts, byProduct: counts.openapi({ description: 'linked initiative id, or `none`' }) }),
    firstResponse: z.object({ onTime: count, late: count, pending: count, rate: share }),
    resolution: z.object({ onTime: count, late: count, pending: count, rate: share }),
    resolutionRate: z.object({ resolved: count, rate: share }),
    satisfaction: z.object({ feedback: count, satisfied: count, rate: share }),
    reopen: z.object({ reopened: count, rate: share }),
    repeat: z.object({ repeats: count, rate: share }),
    handlingTime: z.object({ closed: count, avgHours: hoursOrNull, avgWorkingHours: hoursOrNull }),
    breaches: z.object({ total: count, complaints: count, byLevel: counts }),
  })
  .openapi('ComplaintKpis', { description: 'About the complaints received in the period, as they stand now (docs/reports.md)' });

const GateKpisSchema = z
  .object({
    submitted: count,
    decisions: z.object({ decided: count, byOutcome: counts, overridden: count, approvalRate: share, reworkRate: share, rejectionRate: share }),
    reviewCycle: z.object({
      count: z.object({ all: count, byStage: counts }),
      avgHours: z.object({ all: hoursOrNull, byStage: hoursBy }),
      avgWorkingHours: z.object({ all: hoursOrNull, byStage: hoursBy }),
    }),
    stageCycle: z.object({ count: z.object({ byStage: counts }), avgHours: z.object({ byStage: hoursBy }), avgWorkingHours: z.object({ byStage: hoursBy }) }),
    overdue: z.object({ reviews: count, stillOpen: count }),
  })
  .openapi('GateKpis', { description: 'About what happened in the period: submissions, decisions, stages completed, deadlines missed' });

export const KpisSchema = z.object({ complaints: ComplaintKpisSchema, gates: GateKpisSchema }).openapi('Kpis');

export const KpiReportSchema = z
  .object({ from: z.string(), to: z.string(), timeZone: z.string(), computedAt: z.string(), kpis: KpisSchema })
  .openapi('KpiReport');

export const KpiQuery = z.strictObject({
  from: z.string().openapi({ description: 'start (inclusive): YYYY-MM-DD (local midnight in the calendar’s time zone) or an ISO-8601 instant with offset' }),
  to: z.string().openapi({ description: 'end (exclusive): same forms as `from`' }),
});

export const ReportKindSchema = z.enum(reportKinds);

export const StoredReportSchema = z
  .object({
    kind: ReportKindSchema,
    period: z.string(),
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    generatedAt: z.string(),
    generatedBy: z.string().openapi({ description: '`schedule` or the user who regenerated it' }),
    kpis: KpisSchema,
  })
  .openapi('Report');

export const MonthParams = z.strictObject({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected yyyy-mm, e.g. 2025-10') });
export const WeekParams = z.strictObject({ period: z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'expected yyyy-Www, e.g. 2025-W40') });
export const RegenerateParams = z.strictObject({ kind: ReportKindSchema, period: z.string().max(10) });

export const ReportListQuery = z.strictObject({
  kind: ReportKindSchema,
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
});
const ReportSummarySchema = StoredReportSchema.omit({ kpis: true }).openapi('ReportSummary');
export const ReportListSchema = z.object({ items: z.array(ReportSummarySchema), nextCursor: z.string().nullable() });
