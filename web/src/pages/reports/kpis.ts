/**
 * Helpers of the reports page: periods as the API names them, and the KPI document's numbers as
 * people read them. The document itself is typed by domain/reports/kpis.ts (`KpiReport`), the
 * shape db/kpis.ts computes; definitions in docs/reports.md.
 */

/**
 * A target as people read it: 0.9 → "90", 0.965 → "96.5". The targets themselves are the
 * committee's (the `targets` policy), carried by every KPI document (`kpis.targets`).
 */
export const targetPercent = (share: number) => String(Math.round(share * 1000) / 10);

/** Rates are shares 0..1 (4 decimals) or null without a denominator. */
export function percent(rate: number | null, digits = 1): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(digits)} %`;
}

/** Percent as a chart value (one decimal), '-' (ECharts' "no value") for null. */
export const percentValue = (rate: number | null): number | '-' => (rate === null ? '-' : Math.round(rate * 1000) / 10);

const pad = (n: number) => String(n).padStart(2, '0');

/** 'yyyy-mm' of a local date. */
export const monthOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/** The month after (`step` 1) or before (-1) 'yyyy-mm'. */
export function addMonths(month: string, step: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthOf(new Date(y, m - 1 + step, 1));
}

/**
 * The KPI query of a month: local dates, which the API reads as midnights in the institution's
 * time zone (the calendar's), the same bounds as the stored monthly report.
 */
export function monthQuery(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: `${addMonths(month, 1)}-01` };
}

/** Whether the month has ended (on this device's clock; the server decides, 409 otherwise). */
export const monthEnded = (month: string, now = new Date()) => month < monthOf(now);

export const isMonth = (v: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** "November 2026", "2026年11月". */
export function monthName(month: string, tag: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long' }).format(new Date(y, m - 1, 1));
}

/**
 * A unit for a set of durations given in hours, so a chart of cycle times made in seconds (a
 * test, a fast committee) is as readable as one of days: hours, else minutes, else seconds.
 */
export function durationUnit(values: (number | null)[]): { unit: 'h' | 'min' | 's'; factor: number } {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  if (max >= 1) return { unit: 'h', factor: 1 };
  if (max >= 1 / 60) return { unit: 'min', factor: 60 };
  return { unit: 's', factor: 3600 };
}

/** Hours (4 decimals, or null) in `factor` units, 2 decimals; '-' for null. */
export const inUnit = (hours: number | null, factor: number): number | '-' => (hours === null ? '-' : Math.round(hours * factor * 100) / 100);

/** Hours as milliseconds (for formatSpan), or undefined. */
export const hoursToMs = (hours: number | null) => (hours === null ? undefined : Math.round(hours * 3_600_000));

/** NPS points as the reports print them: signed (+33.3, -100), a dash without answers. */
export const npsPoints = (n: number | null): string => (n === null ? '—' : `${n > 0 ? '+' : ''}${n}`);
