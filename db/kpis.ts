import { sql, type SQL } from 'drizzle-orm';
import { BusinessCalendar, officialSchedule } from '../domain/calendar.js';
import { decisions } from '../domain/gates/stages.js';
import type { CalendarSettings } from '../domain/policies.js';
import {
  escalationLevels,
  hours,
  mean,
  rate,
  unitKinds,
  vocabularies,
  zeroFilled,
  type Accountability,
  type ComplaintKpis,
  type FeedbackKpis,
  type GateKpis,
  type KpiReport,
  type KpiTargetFigures,
  type OnTimeBySeverity,
  type UnitKind,
  type UnitTable,
} from '../domain/reports/kpis.js';
import type { Period } from '../domain/reports/periods.js';
import { voiceKpis, type VoiceAnswer, type VoiceKpis } from '../domain/reports/voice.js';
import { WorkingTime } from '../domain/reports/working-time.js';
import { callbackCoverageTarget, targetMisses, weightedResolutionTarget, type KpiTargets } from '../domain/targets/targets.js';
import { readImportedYears } from './calendar.js';
import { queryRows, type Database } from './client.js';
import { readPolicy } from './settings.js';

/**
 * THE KPI computation (docs/business-rules.md §4; definitions in docs/reports.md), used by
 * GET /api/v1/reports/kpis and by the report activity alike: SQL aggregates over the projections,
 * a little arithmetic in TypeScript (rates, averages, working time of the few gate reviews).
 *
 * Attribution: complaint KPIs are about the complaints RECEIVED in [from, to), as they stand when
 * computed; gate KPIs about what HAPPENED in [from, to) (submissions opened, reviews decided,
 * stages completed, deadlines missed).
 *
 * Products (`units.products`): when given, only the complaints counting against one of those
 * initiatives (the `product` fact: the one the root cause names, else the one linked at intake) and
 * the gate reviews of those initiatives; an empty list counts nothing. `units.accountable: false`
 * leaves out the accountable KPIs per department, team and agent.
 */
export async function computeKpis(db: Database, period: Period, calendar: CalendarSettings, now = new Date(), units: UnitOptions = {}): Promise<KpiReport> {
  const [imported, targets] = await Promise.all([readImportedYears(db), readPolicy(db, 'targets')]);
  const cal = new WorkingTime(new BusinessCalendar(calendar, officialSchedule(new Map(imported.map((y) => [y.year, y])))));
  const [complaints, gates, onTime, accountability, voice, feedback] = await Promise.all([
    complaintKpis(db, period, units.products),
    gateKpis(db, period, cal, units.products),
    onTimeBySeverity(db, period, units.products),
    units.accountable === false ? Promise.resolve(undefined) : accountabilityKpis(db, period, targets.value, units),
    voiceOfCustomer(db, period, units.products),
    feedbackKpis(db, period, units.products),
  ]);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    timeZone: calendar.timeZone,
    computedAt: now.toISOString(),
    kpis: { complaints, gates, feedback, targets: targetFigures(targets.value, targets.version), onTime, ...(accountability ? { accountability } : {}), voice },
  };
}

/**
 * Feedback received in the period (docs/feedback.md): volume by kind and channel, the inquiries'
 * first response on time, reclassifications. Products: the item's linked initiative.
 */
async function feedbackKpis(db: Database, { from, to }: Period, products: readonly string[] | undefined): Promise<FeedbackKpis> {
  const rows = await queryRows<{ kind: string; channel: string; n: number; on_time: number; late: number; pending: number; as_complaint: number; from_complaint: number }>(
    db,
    sql`select kind, channel, count(*)::int as n,
          count(*) filter (where kind = 'inquiry' and answered_at is not null and answered_at <= due)::int as on_time,
          count(*) filter (where kind = 'inquiry' and (due_state = 'breached' or answered_at > due))::int as late,
          count(*) filter (where kind = 'inquiry' and answered_at is null and due_state is distinct from 'breached' and status <> 'reclassified')::int as pending,
          count(*) filter (where status = 'reclassified')::int as as_complaint,
          count(*) filter (where from_complaint_id is not null)::int as from_complaint
        from feedback_items
        where received_at >= ${from.toISOString()}::timestamptz and received_at < ${to.toISOString()}::timestamptz and ${ofProducts(products, sql`(view->>'initiativeId')`)}
        group by kind, channel`,
  );
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
  const by = (key: 'kind' | 'channel') => rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r[key]]: (m[r[key]] ?? 0) + r.n }), {});
  const onTime = sum((r) => r.on_time);
  const late = sum((r) => r.late);
  return {
    received: sum((r) => r.n),
    volume: { byKind: zeroFilled(vocabularies.feedbackKinds, by('kind')), byChannel: zeroFilled(vocabularies.channels, by('channel')) },
    inquiryFirstResponse: { onTime, late, pending: sum((r) => r.pending), rate: rate(onTime, onTime + late) },
    reclassified: { asComplaint: sum((r) => r.as_complaint), fromComplaint: sum((r) => r.from_complaint) },
  };
}

/** Which units the accountable KPIs show: one kind (default all three), optionally within one department or team (drill-down). */
export interface UnitOptions {
  groupBy?: UnitKind;
  department?: string;
  team?: string;
  /** Only these products (initiative ids); undefined = all. */
  products?: readonly string[];
  /** false: without the accountable KPIs. */
  accountable?: boolean;
}

/** The complaints of the products asked for (the `product` fact), or all. */
const ofProducts = (products: readonly string[] | undefined, column: SQL = sql`product`): SQL =>
  products === undefined ? sql`true` : products.length === 0 ? sql`false` : sql`${column} in (${sql.join(products.map((p) => sql`${p}`), sql`, `)})`;

export function targetFigures(t: KpiTargets, version: number): KpiTargetFigures {
  return {
    version,
    firstResponseOnTime: t.firstResponseOnTime,
    resolutionRate: t.resolutionRate,
    resolutionOnTime: { bySeverity: zeroFilled(vocabularies.severities, t.resolutionOnTime) },
    satisfaction: t.satisfaction,
    gateReviewCycleWorkingHours: t.gateReviewCycleWorkingHours,
    callbackCoverage: callbackCoverageTarget(t),
  };
}

const resolvedStatuses = sql`('resolved', 'awaiting_customer', 'closed')`;

/** Not reclassified as feedback (the projection's view records the reclassification). */
const notReclassified = sql`(view->'reclassified') is null`;

/**
 * The counts every complaint KPI is made of, over whatever rows the query groups: the totals of the
 * period and each accountable unit's row are counted by the same definitions.
 */
const complaintCounts = sql`count(*)::int as received,
  count(*) filter (where first_response_state = 'met')::int as fr_on_time,
  count(*) filter (where first_response_state = 'breached')::int as fr_late,
  count(*) filter (where resolved_at is not null and not resolution_breached)::int as res_on_time,
  count(*) filter (where resolution_breached)::int as res_late,
  count(*) filter (where status in ${resolvedStatuses})::int as resolved,
  coalesce(sum(feedback_count), 0)::int as feedback,
  coalesce(sum(satisfied_count), 0)::int as satisfied,
  count(*) filter (where reopen_count > 0)::int as reopened,
  count(*) filter (where is_repeat)::int as repeats,
  count(*) filter (where closed_at is not null)::int as closed`;

interface ComplaintTotals {
  received: number;
  fr_on_time: number;
  fr_late: number;
  res_on_time: number;
  res_late: number;
  resolved: number;
  feedback: number;
  satisfied: number;
  reopened: number;
  repeats: number;
  closed: number;
  avg_handling_ms: number | null;
  avg_working_ms: number | null;
  breached: number;
  breaches: number;
}

async function complaintKpis(db: Database, { from, to }: Period, products: readonly string[] | undefined): Promise<ComplaintKpis> {
  const inPeriod = sql`${inRange({ from, to })} and ${ofProducts(products)}`;
  const [totalsRows, dimensionRows, levelRows] = await Promise.all([
    queryRows<ComplaintTotals>(
      db,
      sql`select
            ${complaintCounts},
            (avg(extract(epoch from closed_at - received_at)) filter (where closed_at is not null) * 1000)::float8 as avg_handling_ms,
            (avg(handling_working_ms) filter (where closed_at is not null))::float8 as avg_working_ms,
            count(*) filter (where breached)::int as breached,
            coalesce(sum(cardinality(breach_levels)), 0)::int as breaches
          from complaints where ${inPeriod}`,
    ),
    queryRows<{ dimension: string; value: string | null; n: number }>(
      db,
      sql`select case when grouping(category) = 0 then 'category'
                      when grouping(channel) = 0 then 'channel'
                      when grouping(severity) = 0 then 'severity'
                      else 'product' end as dimension,
                 coalesce(category, channel, severity, initiative_id) as value,
                 count(*)::int as n
          from complaints where ${inPeriod}
          group by grouping sets ((category), (channel), (severity), (initiative_id))`,
    ),
    queryRows<{ level: number; n: number }>(
      db,
      sql`select level, count(*)::int as n from complaints, unnest(breach_levels) as level where ${inPeriod} group by level`,
    ),
  ]);
  const t = totalsRows[0]!;
  const by = (dimension: string) =>
    Object.fromEntries(dimensionRows.filter((r) => r.dimension === dimension).map((r) => [r.value ?? 'none', r.n])) as Record<string, number>;
  const frSettled = t.fr_on_time + t.fr_late;
  const resSettled = t.res_on_time + t.res_late;
  return {
    received: t.received,
    volume: {
      byCategory: zeroFilled(vocabularies.categories, by('category')),
      byChannel: zeroFilled(vocabularies.channels, by('channel')),
      bySeverity: zeroFilled(vocabularies.severities, by('severity')),
      byProduct: by('product'),
    },
    firstResponse: { onTime: t.fr_on_time, late: t.fr_late, pending: t.received - frSettled, rate: rate(t.fr_on_time, frSettled) },
    resolution: { onTime: t.res_on_time, late: t.res_late, pending: t.received - resSettled, rate: rate(t.res_on_time, resSettled) },
    resolutionRate: { resolved: t.resolved, rate: rate(t.resolved, t.received) },
    satisfaction: { feedback: t.feedback, satisfied: t.satisfied, rate: rate(t.satisfied, t.feedback) },
    reopen: { reopened: t.reopened, rate: rate(t.reopened, t.received) },
    repeat: { repeats: t.repeats, rate: rate(t.repeats, t.received) },
    handlingTime: { closed: t.closed, avgHours: hours(t.avg_handling_ms), avgWorkingHours: hours(t.avg_working_ms) },
    breaches: {
      total: t.breaches,
      complaints: t.breached,
      byLevel: zeroFilled(escalationLevels, Object.fromEntries(levelRows.map((r) => [String(r.level), r.n]))),
    },
  };
}

/**
 * Received in the period, and a complaint: one a supervisor reclassified as feedback (an inquiry,
 * a suggestion, praise taken as a complaint: docs/feedback.md) is counted with the feedback, not
 * in any complaint KPI — it would otherwise count as a complaint closed at once.
 */
const inRange = ({ from, to }: Period) =>
  sql`received_at >= ${from.toISOString()}::timestamptz and received_at < ${to.toISOString()}::timestamptz and ${notReclassified}`;

/** First response and resolution kept in time, per severity (the targets set the resolution's by severity). */
async function onTimeBySeverity(db: Database, period: Period, products: readonly string[] | undefined): Promise<OnTimeBySeverity> {
  const rows = await queryRows<{ severity: string; fr_on_time: number; fr_late: number; res_on_time: number; res_late: number }>(
    db,
    sql`select severity,
               count(*) filter (where first_response_state = 'met')::int as fr_on_time,
               count(*) filter (where first_response_state = 'breached')::int as fr_late,
               count(*) filter (where resolved_at is not null and not resolution_breached)::int as res_on_time,
               count(*) filter (where resolution_breached)::int as res_late
        from complaints where ${inRange(period)} and ${ofProducts(products)} group by severity`,
  );
  const by = (pick: (r: (typeof rows)[number]) => number | null) =>
    Object.fromEntries(vocabularies.severities.map((s) => {
      const r = rows.find((x) => x.severity === s);
      return [s, r ? pick(r) : null];
    })) as Record<string, number | null>;
  return {
    firstResponse: { bySeverity: by((r) => rate(r.fr_on_time, r.fr_on_time + r.fr_late)) },
    resolution: { bySeverity: by((r) => rate(r.res_on_time, r.res_on_time + r.res_late)) },
  };
}

interface UnitRow {
  kind: UnitKind;
  unit: string;
  severity: string;
  received: number;
  fr_on_time: number;
  fr_late: number;
  res_on_time: number;
  res_late: number;
  resolved: number;
  feedback: number;
  satisfied: number;
  reopened: number;
  repeats: number;
  closed: number;
  handling_ms: number | null;
  working_ms: number | null;
}

/**
 * The complaint KPIs per department, team and agent, with the targets they miss. Department: the
 * one a complaint was transferred to, else the first responder's team (customer service settled
 * it); team: the first responder's department at intake; agent: the first responder.
 */
async function accountabilityKpis(db: Database, period: Period, targets: KpiTargets, o: UnitOptions): Promise<Accountability> {
  const kinds = o.groupBy ? [o.groupBy] : [...unitKinds];
  const within: SQL[] = [inRange(period), ofProducts(o.products)];
  if (o.department) within.push(sql`coalesce(department, agent_team, 'none') = ${o.department}`);
  if (o.team) within.push(sql`coalesce(agent_team, 'none') = ${o.team}`);
  const rows = await queryRows<UnitRow>(
    db,
    sql`with c as (select *, coalesce(agent_team, 'none') as team, coalesce(department, agent_team, 'none') as accountable
                   from complaints where ${sql.join(within, sql` and `)})
        select case when grouping(agent_id) = 0 then 'agent' when grouping(team) = 0 then 'team' else 'department' end as kind,
               coalesce(agent_id, team, accountable) as unit,
               severity,
               ${complaintCounts},
               (sum(extract(epoch from closed_at - received_at)) filter (where closed_at is not null) * 1000)::float8 as handling_ms,
               (sum(handling_working_ms) filter (where closed_at is not null))::float8 as working_ms
        from c
        group by grouping sets ((agent_id, severity), (team, severity), (accountable, severity))`,
  );
  const out: Accountability = {};
  for (const kind of kinds) out[kind] = unitTable(rows.filter((r) => r.kind === kind), targets);
  return out;
}

function unitTable(rows: UnitRow[], targets: KpiTargets): UnitTable {
  const t: UnitTable = {
    received: { byUnit: {} },
    firstResponseOnTime: { byUnit: {} },
    resolutionOnTime: { byUnit: {} },
    resolutionOnTimeTarget: { byUnit: {} },
    resolutionRate: { byUnit: {} },
    reopenRate: { byUnit: {} },
    repeatRate: { byUnit: {} },
    satisfaction: { byUnit: {} },
    handlingHours: { byUnit: {} },
    handlingWorkingHours: { byUnit: {} },
    underTarget: { byUnit: {} },
  };
  const units = [...new Set(rows.map((r) => r.unit))].sort();
  for (const unit of units) {
    const mine = rows.filter((r) => r.unit === unit);
    const sum = (pick: (r: UnitRow) => number | null) => mine.reduce((a, r) => a + (pick(r) ?? 0), 0);
    const received = sum((r) => r.received);
    const closed = sum((r) => r.closed);
    const frSettled = sum((r) => r.fr_on_time + r.fr_late);
    const resSettled = sum((r) => r.res_on_time + r.res_late);
    const figures = {
      firstResponseOnTime: rate(sum((r) => r.fr_on_time), frSettled),
      resolutionOnTime: rate(sum((r) => r.res_on_time), resSettled),
      resolutionOnTimeTarget: weightedResolutionTarget(Object.fromEntries(mine.map((r) => [r.severity, r.res_on_time + r.res_late])), targets),
      resolutionRate: rate(sum((r) => r.resolved), received),
      satisfaction: rate(sum((r) => r.satisfied), sum((r) => r.feedback)),
    };
    t.received.byUnit[unit] = received;
    t.firstResponseOnTime.byUnit[unit] = figures.firstResponseOnTime;
    t.resolutionOnTime.byUnit[unit] = figures.resolutionOnTime;
    t.resolutionOnTimeTarget.byUnit[unit] = figures.resolutionOnTimeTarget;
    t.resolutionRate.byUnit[unit] = figures.resolutionRate;
    t.reopenRate.byUnit[unit] = rate(sum((r) => r.reopened), received);
    t.repeatRate.byUnit[unit] = rate(sum((r) => r.repeats), received);
    t.satisfaction.byUnit[unit] = figures.satisfaction;
    t.handlingHours.byUnit[unit] = closed ? hours(sum((r) => r.handling_ms) / closed) : null;
    t.handlingWorkingHours.byUnit[unit] = closed ? hours(sum((r) => r.working_ms) / closed) : null;
    t.underTarget.byUnit[unit] = targetMisses(figures, targets).length;
  }
  return t;
}

const iso = (v: Date | string) => new Date(v).toISOString();

async function gateKpis(db: Database, { from, to }: Period, cal: WorkingTime, products: readonly string[] | undefined): Promise<GateKpis> {
  const f = from.toISOString();
  const t = to.toISOString();
  const mine = (column: SQL) => ofProducts(products, column);
  const [submittedRows, decidedRows, stageRows, overdueRows] = await Promise.all([
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from gate_reviews where opened_at >= ${f}::timestamptz and opened_at < ${t}::timestamptz and ${mine(sql`initiative_id`)}`),
    queryRows<{ stage: string; outcome: string; override: boolean | null; opened_at: string | Date; decided_at: string | Date }>(
      db,
      sql`select stage, outcome, override, opened_at, decided_at from gate_reviews
          where decided_at is not null and decided_at >= ${f}::timestamptz and decided_at < ${t}::timestamptz and outcome is not null and ${mine(sql`initiative_id`)}`,
    ),
    // A stage is entered when the initiative is created (research) or when the previous gate is
    // approved; it is completed when its own gate is approved.
    queryRows<{ stage: string; entered_at: string | Date; left_at: string | Date }>(
      db,
      sql`select r.stage, r.decided_at as left_at,
                 coalesce((select p.decided_at from gate_reviews p
                           where p.initiative_id = r.initiative_id and p.outcome = 'approve' and p.seq < r.seq
                           order by p.seq desc limit 1), i.created_at) as entered_at
          from gate_reviews r join initiatives i on i.id = r.initiative_id
          where r.outcome = 'approve' and r.decided_at >= ${f}::timestamptz and r.decided_at < ${t}::timestamptz and ${mine(sql`r.initiative_id`)}`,
    ),
    queryRows<{ reviews: number; still_open: number }>(
      db,
      sql`select count(*)::int as reviews, count(*) filter (where status in ('open', 'escalated') and decided_at is null)::int as still_open
          from gate_reviews where escalated_at is not null and escalated_at >= ${f}::timestamptz and escalated_at < ${t}::timestamptz and ${mine(sql`initiative_id`)}`,
    ),
  ]);

  const byOutcome = zeroFilled(decisions, Object.fromEntries(decisions.map((d) => [d, decidedRows.filter((r) => r.outcome === d).length])));
  const decided = decidedRows.length;

  const cycle = (rows: { stage: string; start: Date; end: Date }[]) => {
    const wall = (r: { start: Date; end: Date }) => r.end.getTime() - r.start.getTime();
    const working = (r: { start: Date; end: Date }) => cal.between(r.start, r.end);
    const per = <T>(fn: (rs: typeof rows) => T) => Object.fromEntries(vocabularies.stages.map((s) => [s, fn(rows.filter((r) => r.stage === s))])) as Record<string, T>;
    return {
      count: { all: rows.length, byStage: per((rs) => rs.length) },
      avgHours: { all: hours(mean(rows.map(wall))), byStage: per((rs) => hours(mean(rs.map(wall)))) },
      avgWorkingHours: { all: hours(mean(rows.map(working))), byStage: per((rs) => hours(mean(rs.map(working)))) },
    };
  };
  const reviewCycle = cycle(decidedRows.map((r) => ({ stage: r.stage, start: new Date(iso(r.opened_at)), end: new Date(iso(r.decided_at)) })));
  const stages = cycle(stageRows.map((r) => ({ stage: r.stage, start: new Date(iso(r.entered_at)), end: new Date(iso(r.left_at)) })));

  return {
    submitted: submittedRows[0]!.n,
    decisions: {
      decided,
      byOutcome,
      overridden: decidedRows.filter((r) => r.override === true).length,
      approvalRate: rate(byOutcome.approve ?? 0, decided),
      reworkRate: rate(byOutcome.request_changes ?? 0, decided),
      rejectionRate: rate(byOutcome.reject ?? 0, decided),
    },
    reviewCycle,
    stageCycle: { count: { byStage: stages.count.byStage }, avgHours: { byStage: stages.avgHours.byStage }, avgWorkingHours: { byStage: stages.avgWorkingHours.byStage } },
    overdue: { reviews: overdueRows[0]!.reviews, stillOpen: overdueRows[0]!.still_open },
  };
}

/**
 * The voice of the customer in the period (domain/reports/voice.ts): every answer given in
 * [from, to) — by the customer's link or on a callback that reached them — with the dimensions it
 * was snapshotted with; and the callback coverage of the complaints CLOSED in [from, to): surveyed
 * (a link answered) or called back and reached, whenever that happened. Products: the answers about
 * those products, and the closed complaints counting against them.
 */
async function voiceOfCustomer(db: Database, { from, to }: Period, products: readonly string[] | undefined): Promise<VoiceKpis> {
  const [answers, coverage] = await Promise.all([
    queryRows<VoiceAnswer>(
      db,
      sql`select csat, nps, product, channel, department, agent_id as "agentId"
          from survey_responses
          where reached and responded_at >= ${from.toISOString()}::timestamptz and responded_at < ${to.toISOString()}::timestamptz
            and ${ofProducts(products)}`,
    ),
    queryRows<{ closed: number; surveyed: number; called_back: number; unreachable: number; covered: number }>(
      db,
      sql`select count(*)::int as closed,
                 count(*) filter (where surveyed)::int as surveyed,
                 count(*) filter (where called_back)::int as called_back,
                 count(*) filter (where unreachable and not surveyed and not called_back)::int as unreachable,
                 count(*) filter (where surveyed or called_back)::int as covered
          from (
            select c.id,
                   exists (select 1 from survey_responses r where r.contact_type = 'complaint' and r.contact_id = c.id and r.source = 'link') as surveyed,
                   exists (select 1 from survey_responses r where r.contact_type = 'complaint' and r.contact_id = c.id and r.source = 'callback' and r.reached) as called_back,
                   exists (select 1 from survey_responses r where r.contact_type = 'complaint' and r.contact_id = c.id and r.source = 'callback' and not r.reached) as unreachable
            from complaints c
            where c.closed_at >= ${from.toISOString()}::timestamptz and c.closed_at < ${to.toISOString()}::timestamptz and ${ofProducts(products, sql`c.product`)}
              and (c.view->'reclassified') is null
          ) closed`,
    ),
  ]);
  const c = coverage[0]!;
  return voiceKpis(answers, { closed: c.closed, covered: c.covered, surveyed: c.surveyed, calledBack: c.called_back, unreachable: c.unreachable });
}
