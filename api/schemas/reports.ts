import { unitKinds } from '../../domain/reports/kpis.js';
import { reportKinds } from '../../domain/reports/periods.js';
import { z } from '../zod.js';
import { id } from './common.js';

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

const FeedbackKpisSchema = z
  .object({
    received: count,
    volume: z.object({ byKind: counts.openapi({ description: 'inquiry, suggestion, praise' }), byChannel: counts }),
    inquiryFirstResponse: z.object({ onTime: count, late: count, pending: count, rate: share }).openapi({ description: 'inquiries answered by their first-response due date / settled (in time + overdue)' }),
    reclassified: z.object({ asComplaint: count, fromComplaint: count }),
  })
  .openapi('FeedbackKpis', { description: 'Inquiries, suggestions and praise received in the period, as they stand now (docs/feedback.md)' });

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

const shareBy = z.record(z.string(), share);
const byUnit = <T extends z.ZodType>(leaf: T) => z.object({ byUnit: z.record(z.string(), leaf) });
const UnitTableSchema = z
  .object({
    received: byUnit(count),
    firstResponseOnTime: byUnit(share),
    resolutionOnTime: byUnit(share),
    resolutionOnTimeTarget: byUnit(share).openapi({ description: 'the unit’s own target: its settled complaints weighed by their severity’s target' }),
    resolutionRate: byUnit(share),
    reopenRate: byUnit(share),
    repeatRate: byUnit(share),
    satisfaction: byUnit(share),
    handlingHours: byUnit(hoursOrNull),
    handlingWorkingHours: byUnit(hoursOrNull),
    underTarget: byUnit(count).openapi({ description: 'how many targeted KPIs the unit misses; 0 = on target' }),
  })
  .openapi('UnitKpis', { description: 'The complaint KPIs of every unit of one kind, each KPI a map unit → value; `none` = complaints without one' });

const target = z.number().min(0).max(1);
export const KpiTargetFiguresSchema = z
  .object({
    version: count.openapi({ description: 'the targets policy version; 0 = the defaults, never approved' }),
    firstResponseOnTime: target,
    resolutionRate: target,
    resolutionOnTime: z.object({ bySeverity: z.record(z.string(), target) }),
    satisfaction: target,
    gateReviewCycleWorkingHours: z.number().openapi({ description: 'at most' }),
    callbackCoverage: target.optional().openapi({ description: 'closed complaints surveyed or called back / closed: at least (absent in reports stored before it)' }),
  })
  .openapi('KpiTargetFigures');

const score = (description: string) => z.number().nullable().openapi({ description });
const npsPoints = score('NPS points −100…100 (1 decimal); null without answers');
const VoiceTableSchema = z
  .object({
    answers: byUnit(count),
    csat: byUnit(share).openapi({ description: 'satisfied (CSAT 4–5) / CSAT answers' }),
    csatLow: byUnit(share).openapi({ description: 'Wilson 95 % interval, low end' }),
    csatHigh: byUnit(share).openapi({ description: 'Wilson 95 % interval, high end' }),
    nps: byUnit(npsPoints),
    npsLow: byUnit(npsPoints).openapi({ description: 'adjusted-Wald 95 % interval, low end' }),
    npsHigh: byUnit(npsPoints).openapi({ description: 'adjusted-Wald 95 % interval, high end' }),
    detractors: byUnit(count),
  })
  .openapi('VoiceTable', { description: 'CSAT and NPS per value of one dimension (`none`: answers without one)' });

const VoiceKpisSchema = z
  .object({
    csat: z.object({
      answers: count,
      satisfied: count,
      mean: score('mean score 1–5 (2 decimals)'),
      rate: share,
      low: share.openapi({ description: 'Wilson 95 % interval of the rate, low end' }),
      high: share.openapi({ description: 'Wilson 95 % interval of the rate, high end' }),
    }),
    nps: z.object({
      answers: count,
      promoters: count.openapi({ description: '9–10' }),
      passives: count.openapi({ description: '7–8' }),
      detractors: count.openapi({ description: '0–6' }),
      score: npsPoints,
      low: npsPoints.openapi({ description: 'adjusted-Wald 95 % interval, low end' }),
      high: npsPoints.openapi({ description: 'adjusted-Wald 95 % interval, high end' }),
    }),
    coverage: z.object({
      closed: count.openapi({ description: 'complaints closed in the period' }),
      covered: count.openapi({ description: 'of them, surveyed (a link answered) or called back and reached' }),
      surveyed: count,
      calledBack: count,
      unreachable: count.openapi({ description: 'called back, never reached, and not surveyed' }),
      rate: share,
    }),
    product: VoiceTableSchema,
    channel: VoiceTableSchema,
    department: VoiceTableSchema,
    agent: VoiceTableSchema,
  })
  .openapi('VoiceKpis', { description: 'The answers given in the period (survey links and reached callbacks) and the callback coverage of the complaints closed in it (docs/reports.md)' });

export const KpisSchema = z
  .object({
    complaints: ComplaintKpisSchema,
    gates: GateKpisSchema,
    feedback: FeedbackKpisSchema.optional().openapi({ description: 'absent in reports stored before feedback was counted' }),
    targets: KpiTargetFiguresSchema.optional().openapi({ description: 'the targets in force when computed (absent in reports stored before targets were the committee’s)' }),
    onTime: z.object({ firstResponse: z.object({ bySeverity: shareBy }), resolution: z.object({ bySeverity: shareBy }) }).optional(),
    accountability: z
      .object({ department: UnitTableSchema.optional(), team: UnitTableSchema.optional(), agent: UnitTableSchema.optional() })
      .optional()
      .openapi({ description: 'department: the one transferred to, else the first responder’s team; team: the first responder’s; agent: the first responder' }),
    voice: VoiceKpisSchema.optional().openapi({ description: 'CSAT, NPS and callback coverage (absent in reports stored before surveys)' }),
  })
  .openapi('Kpis');

export const KpiReportSchema = z
  .object({ from: z.string(), to: z.string(), timeZone: z.string(), computedAt: z.string(), kpis: KpisSchema })
  .openapi('KpiReport');

const bounds = {
  from: z.string().max(40).openapi({ description: 'start (inclusive): YYYY-MM-DD (local midnight in the calendar’s time zone) or an ISO-8601 instant with offset' }),
  to: z.string().max(40).openapi({ description: 'end (exclusive): same forms as `from`' }),
};
export const KpiQuery = z.strictObject({
  ...bounds,
  groupBy: z.enum(unitKinds).optional().openapi({ description: 'the accountable KPIs of this kind of unit only (default: all three)' }),
  department: id.optional().openapi({ description: 'drill-down: the accountable KPIs of the complaints of this department only' }),
  team: id.optional().openapi({ description: 'drill-down: the accountable KPIs of the complaints of this team only' }),
  product: id.optional().openapi({ description: 'only the complaints counting against this product (initiative id) and its gate reviews; a product owner may ask for their own products only (403 otherwise)' }),
});

export const ReportProductsSchema = z
  .object({
    scope: z.enum(['own', 'all']).openapi({ description: 'own: a product owner’s products (their team’s and their own); all: every initiative' }),
    items: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('ReportProducts', { description: 'The products the caller may filter the KPIs by' });

export const HotIssuesQuery = z.strictObject({
  ...bounds,
  limit: z.coerce.number().int().min(1).max(50).optional().openapi({ description: 'items per list (default 10)' }),
});
const HotIssueItemSchema = z.object({
  key: z.string(),
  count,
  previous: count.openapi({ description: 'in the previous period of equal length' }),
  change: z.number().int(),
  changeRate: z.number().nullable().openapi({ description: 'change / previous; null when there were none before' }),
  share,
  repeats: count,
  repeatShare: share,
  firstResponseOnTime: share,
  resolutionOnTime: share,
  resolutionSettled: count,
});
export const HotIssuesSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
    timeZone: z.string(),
    computedAt: z.string(),
    received: count,
    previousReceived: count,
    repeatShare: share,
    withoutRootCause: count,
    rootCauses: z.array(HotIssueItemSchema),
    rootCauseGroups: z.array(HotIssueItemSchema),
    categories: z.array(HotIssueItemSchema),
    products: z.array(HotIssueItemSchema.openapi({ description: 'key: the initiative id' })),
    worstOnTime: z.array(HotIssueItemSchema.extend({ dimension: z.enum(['rootCause', 'category', 'product']) })),
  })
  .openapi('HotIssues', { description: 'About the complaints received in the period, as they stand now (docs/reports.md, "Hot issues")' });

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
