import { median, repeated, round } from './stats.js';
import type { RunResult } from './types.js';

/**
 * One result from repeated runs of a measurement: every field is combined across the runs, at any
 * depth — numbers by their median, booleans true only if true in every run (a "none lost" that
 * held in two runs of three did not hold), objects field by field, arrays element by element;
 * text is kept when all runs agree and listed per run when they do not. The runs themselves are
 * kept under `each`, and the headline (`perSecond`) gets its spread.
 */
export function combine(runs: RunResult[]): Record<string, unknown> {
  const merged = combineValues(runs) as Record<string, unknown>;
  const headline = runs.map((r) => r.perSecond).filter((v): v is number => typeof v === 'number');
  return {
    runs: runs.length,
    ...merged,
    ...(headline.length ? { spread: repeated(headline) } : {}),
    ...(runs.length > 1 ? { each: runs } : {}),
  };
}

function combineValues(values: unknown[]): unknown {
  const present = values.filter((v) => v !== undefined);
  if (present.length === 0) return undefined;
  if (present.every((v) => typeof v === 'number')) {
    const finite = (present as number[]).filter(Number.isFinite);
    return finite.length ? round(median(finite), 3) : present[0];
  }
  if (present.every((v) => typeof v === 'boolean')) return present.every(Boolean);
  if (present.every((v) => Array.isArray(v))) {
    const arrays = present as unknown[][];
    const length = Math.max(...arrays.map((a) => a.length));
    return Array.from({ length }, (_, i) => combineValues(arrays.map((a) => a[i])));
  }
  if (present.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
    const objects = present as Record<string, unknown>[];
    const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
    return Object.fromEntries(keys.map((k) => [k, combineValues(objects.map((o) => o[k]))]));
  }
  const texts = present.map((v) => JSON.stringify(v));
  return texts.every((t) => t === texts[0]) ? present[0] : present;
}
