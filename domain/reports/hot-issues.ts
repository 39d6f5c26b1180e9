/**
 * Hot issues (docs/reports.md, "Hot issues"): which root causes, categories and products draw the
 * most complaints in a period, how that moved against the previous period of equal length, how
 * often they repeat, and where deadlines are kept worst. The SQL that counts is db/hot-issues.ts;
 * this module ranks and rates what it counted, for the API and the web UI alike.
 *
 * Attribution: like the complaint KPIs, about the complaints RECEIVED in the period, as they stand
 * now. A complaint without a root cause yet counts in `withoutRootCause`, not in the root-cause lists.
 *
 * Pure.
 */
import { rate } from './kpis.js';

export const hotIssueDimensions = ['rootCause', 'rootCauseGroup', 'category', 'product'] as const;
export type HotIssueDimension = (typeof hotIssueDimensions)[number];

/** What the SQL counts per (period, dimension, value). */
export interface HotIssueCounts {
  period: 'current' | 'previous';
  dimension: HotIssueDimension;
  /** null: no root cause / no product. */
  value: string | null;
  n: number;
  repeats: number;
  frOnTime: number;
  frLate: number;
  resOnTime: number;
  resLate: number;
}

export interface HotIssueItem {
  key: string;
  count: number;
  /** The count in the previous period of equal length. */
  previous: number;
  change: number;
  /** change / previous; null when there were none before. */
  changeRate: number | null;
  /** count / complaints received in the period. */
  share: number | null;
  repeats: number;
  repeatShare: number | null;
  /** First-response clocks met in time / settled. */
  firstResponseOnTime: number | null;
  /** Resolution deadlines kept / settled. */
  resolutionOnTime: number | null;
  /** Resolution deadlines settled (kept or missed): how much the rate rests on. */
  resolutionSettled: number;
}

export interface HotIssues {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  timeZone: string;
  computedAt: string;
  received: number;
  previousReceived: number;
  repeatShare: number | null;
  withoutRootCause: number;
  rootCauses: HotIssueItem[];
  rootCauseGroups: HotIssueItem[];
  categories: HotIssueItem[];
  products: HotIssueItem[];
  /** Root causes, categories and products with settled resolution deadlines, the lowest on-time rate first. */
  worstOnTime: (HotIssueItem & { dimension: Exclude<HotIssueDimension, 'rootCauseGroup'> })[];
}

export interface HotIssueTotals {
  received: number;
  previousReceived: number;
  repeats: number;
  withoutRootCause: number;
}

/** Items of one dimension, most complaints first (ties by key); `none` values left out. */
function items(rows: readonly HotIssueCounts[], dimension: HotIssueDimension, received: number): HotIssueItem[] {
  const current = rows.filter((r) => r.dimension === dimension && r.period === 'current' && r.value !== null);
  const before = new Map(rows.filter((r) => r.dimension === dimension && r.period === 'previous' && r.value !== null).map((r) => [r.value!, r.n]));
  return current
    .map((r): HotIssueItem => {
      const previous = before.get(r.value!) ?? 0;
      return {
        key: r.value!,
        count: r.n,
        previous,
        change: r.n - previous,
        changeRate: rate(r.n - previous, previous),
        share: rate(r.n, received),
        repeats: r.repeats,
        repeatShare: rate(r.repeats, r.n),
        firstResponseOnTime: rate(r.frOnTime, r.frOnTime + r.frLate),
        resolutionOnTime: rate(r.resOnTime, r.resOnTime + r.resLate),
        resolutionSettled: r.resOnTime + r.resLate,
      };
    })
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The hot issues of a period from its counts; each list cut to `limit`. */
export function hotIssues(
  rows: readonly HotIssueCounts[],
  totals: HotIssueTotals,
  meta: Pick<HotIssues, 'from' | 'to' | 'previousFrom' | 'previousTo' | 'timeZone' | 'computedAt'>,
  limit = 10,
): HotIssues {
  const all = {
    rootCauses: items(rows, 'rootCause', totals.received),
    rootCauseGroups: items(rows, 'rootCauseGroup', totals.received),
    categories: items(rows, 'category', totals.received),
    products: items(rows, 'product', totals.received),
  };
  const rated = [
    ...all.rootCauses.map((i) => ({ ...i, dimension: 'rootCause' as const })),
    ...all.categories.map((i) => ({ ...i, dimension: 'category' as const })),
    ...all.products.map((i) => ({ ...i, dimension: 'product' as const })),
  ].filter((i) => i.resolutionOnTime !== null);
  const worstOnTime = rated.sort((a, b) => a.resolutionOnTime! - b.resolutionOnTime! || b.resolutionSettled - a.resolutionSettled || a.dimension.localeCompare(b.dimension) || a.key.localeCompare(b.key)).slice(0, limit);
  return {
    ...meta,
    received: totals.received,
    previousReceived: totals.previousReceived,
    repeatShare: rate(totals.repeats, totals.received),
    withoutRootCause: totals.withoutRootCause,
    rootCauses: all.rootCauses.slice(0, limit),
    rootCauseGroups: all.rootCauseGroups.slice(0, limit),
    categories: all.categories.slice(0, limit),
    products: all.products.slice(0, limit),
    worstOnTime,
  };
}
