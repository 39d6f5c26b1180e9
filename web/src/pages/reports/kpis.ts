/**
 * The KPI document (GET /api/v1/reports/kpis, api.md "Reports") read without assuming more of its
 * shape than the contract says: every object whose values are all numbers is a breakdown (a bar
 * chart: volume by category, breaches by level, cycle time per stage…), every number whose name
 * says rate/ratio/percent/within is a rate (shown in %), every other number a figure.
 */
export interface Breakdown {
  path: string;
  key: string;
  values: [string, number][];
}
export interface Figure {
  path: string;
  key: string;
  value: number;
}

const rateName = /rate|ratio|percent|pct|share|within/i;

export function readKpis(doc: unknown): { breakdowns: Breakdown[]; rates: Figure[]; figures: Figure[] } {
  const breakdowns: Breakdown[] = [];
  const rates: Figure[] = [];
  const figures: Figure[] = [];
  const walk = (v: unknown, path: string[]) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      if (typeof v === 'number' && Number.isFinite(v) && path.length) {
        const key = path[path.length - 1]!;
        (rateName.test(key) ? rates : figures).push({ path: path.join('.'), key, value: v });
      }
      return;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length > 0 && entries.every(([, x]) => typeof x === 'number') && !entries.some(([k]) => rateName.test(k))) {
      breakdowns.push({ path: path.join('.'), key: path[path.length - 1] ?? '', values: entries as [string, number][] });
      return;
    }
    for (const [k, x] of entries) walk(x, [...path, k]);
  };
  walk(doc, []);
  return { breakdowns, rates, figures };
}

/** Rates as percentages: fractions (≤ 1) are scaled, values already in % are kept. */
export const asPercent = (v: number) => (v <= 1 ? v * 100 : v);

/** "firstResponseWithin24h" → "First response within 24h". */
export function humanize(key: string): string {
  const s = key.replace(/[_.-]+/g, ' ').replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
