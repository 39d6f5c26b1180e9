import { sql } from 'drizzle-orm';
import type { CalendarSettings } from '../domain/policies.js';
import { hotIssues, type HotIssueCounts, type HotIssues } from '../domain/reports/hot-issues.js';
import type { Period } from '../domain/reports/periods.js';
import { queryRows, type Database } from './client.js';

/**
 * The counts behind the hot issues (domain/reports/hot-issues.ts ranks them): complaints received
 * in the period and in the previous period of equal length, per root cause, root-cause group,
 * category and product, with their repeats and the deadlines kept. One scan of the two periods
 * (the complaints_analysis index), grouped by grouping sets.
 */
export async function computeHotIssues(db: Database, period: Period, calendar: Pick<CalendarSettings, 'timeZone'>, limit = 10, now = new Date()): Promise<HotIssues> {
  const length = period.to.getTime() - period.from.getTime();
  const previousFrom = new Date(period.from.getTime() - length);
  const [from, to, prev] = [period.from.toISOString(), period.to.toISOString(), previousFrom.toISOString()];
  const [rows, totalRows] = await Promise.all([
    queryRows<{ period: 'current' | 'previous'; dimension: HotIssueCounts['dimension']; value: string | null; n: number; repeats: number; fr_on_time: number; fr_late: number; res_on_time: number; res_late: number }>(
      db,
      sql`with c as (
            select case when received_at >= ${from}::timestamptz then 'current' else 'previous' end as period,
                   root_cause, root_cause_group, category, product, is_repeat, first_response_state, resolved_at, resolution_breached
            from complaints where received_at >= ${prev}::timestamptz and received_at < ${to}::timestamptz)
          select period,
                 case when grouping(root_cause) = 0 then 'rootCause'
                      when grouping(root_cause_group) = 0 then 'rootCauseGroup'
                      when grouping(category) = 0 then 'category'
                      else 'product' end as dimension,
                 coalesce(root_cause, root_cause_group, category, product) as value,
                 count(*)::int as n,
                 count(*) filter (where is_repeat)::int as repeats,
                 count(*) filter (where first_response_state = 'met')::int as fr_on_time,
                 count(*) filter (where first_response_state = 'breached')::int as fr_late,
                 count(*) filter (where resolved_at is not null and not resolution_breached)::int as res_on_time,
                 count(*) filter (where resolution_breached)::int as res_late
          from c
          group by grouping sets ((period, root_cause), (period, root_cause_group), (period, category), (period, product))`,
    ),
    queryRows<{ received: number; previous_received: number; repeats: number; without_root_cause: number }>(
      db,
      sql`select count(*) filter (where received_at >= ${from}::timestamptz)::int as received,
                 count(*) filter (where received_at < ${from}::timestamptz)::int as previous_received,
                 count(*) filter (where received_at >= ${from}::timestamptz and is_repeat)::int as repeats,
                 count(*) filter (where received_at >= ${from}::timestamptz and root_cause is null)::int as without_root_cause
          from complaints where received_at >= ${prev}::timestamptz and received_at < ${to}::timestamptz`,
    ),
  ]);
  const t = totalRows[0]!;
  const counts: HotIssueCounts[] = rows.map((r) => ({ period: r.period, dimension: r.dimension, value: r.value, n: r.n, repeats: r.repeats, frOnTime: r.fr_on_time, frLate: r.fr_late, resOnTime: r.res_on_time, resLate: r.res_late }));
  return hotIssues(
    counts,
    { received: t.received, previousReceived: t.previous_received, repeats: t.repeats, withoutRootCause: t.without_root_cause },
    { from, to, previousFrom: prev, previousTo: from, timeZone: calendar.timeZone, computedAt: now.toISOString() },
    limit,
  );
}
