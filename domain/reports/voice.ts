/**
 * The voice-of-the-customer figures of a period (docs/reports.md "Satisfaction and NPS"): CSAT and
 * NPS over the answers given in the period (by link or callback), overall and per product,
 * channel, department and agent, each with a 95 % interval a reader can trust at small samples,
 * and the callback coverage of the complaints closed in the period.
 *
 * Intervals:
 * - CSAT: the share of satisfied answers (4–5) with Wilson's score interval, which stays inside
 *   [0, 1] and is honest with a handful of answers (the normal approximation is not).
 * - NPS: the adjusted-Wald interval for a difference of two multinomial shares (Rocks 2016, as
 *   MeasuringU uses for NPS): add 3/4 of an answer to promoters and to detractors (3 answers in
 *   all, the passives taking the rest), then p − d ± z·√((p + d − (p − d)²) / (n + 3)), clamped to
 *   [−100, 100]. The published score itself is the plain one, (P − D) / n · 100.
 *
 * Shape rule of kpis.ts: every leaf a number or null; each `by…` maps a dimension to a leaf.
 * Pure: no I/O.
 */
import { isSatisfied, npsClass } from '../surveys/scores.js';

const z95 = 1.959964;

/** One answer as the figures need it: the scores, and the dimensions it was snapshotted with. */
export interface VoiceAnswer {
  csat: number | null;
  nps: number | null;
  product: string;
  channel: string;
  department: string;
  agentId: string | null;
}

export interface CsatFigures {
  answers: number;
  satisfied: number;
  /** Mean score 1–5, 2 decimals. */
  mean: number | null;
  /** Satisfied / answers, and its Wilson 95 % interval. */
  rate: number | null;
  low: number | null;
  high: number | null;
}

export interface NpsFigures {
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** (promoters − detractors) / answers × 100, 1 decimal; null without answers. */
  score: number | null;
  low: number | null;
  high: number | null;
}

type ByUnit<T> = { byUnit: Record<string, T> };

/**
 * Per value of one dimension (a product, a channel, …: the "unit", as in kpis.ts' UnitTable), the
 * figures a table row shows. CSV: `kpis.voice.product.nps.byUnit,<product>,<score>`.
 */
export interface VoiceTable {
  answers: ByUnit<number>;
  csat: ByUnit<number | null>;
  csatLow: ByUnit<number | null>;
  csatHigh: ByUnit<number | null>;
  nps: ByUnit<number | null>;
  npsLow: ByUnit<number | null>;
  npsHigh: ByUnit<number | null>;
  detractors: ByUnit<number>;
}

/** Complaints closed in the period that were surveyed (a link answered) or called back (reached or not). */
export interface CoverageFigures {
  closed: number;
  covered: number;
  surveyed: number;
  calledBack: number;
  unreachable: number;
  rate: number | null;
}

export interface VoiceKpis {
  csat: CsatFigures;
  nps: NpsFigures;
  coverage: CoverageFigures;
  product: VoiceTable;
  channel: VoiceTable;
  department: VoiceTable;
  agent: VoiceTable;
}

export const voiceDimensions = ['product', 'channel', 'department', 'agent'] as const;
export type VoiceDimension = (typeof voiceDimensions)[number];

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Wilson's score interval of k successes in n trials (95 %), 4 decimals; nulls without trials. */
export function wilson(k: number, n: number): { low: number | null; high: number | null } {
  if (n <= 0) return { low: null, high: null };
  const p = k / n;
  const z2 = z95 * z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: round(Math.max(0, centre - half), 4), high: round(Math.min(1, centre + half), 4) };
}

/** The adjusted-Wald 95 % interval of an NPS (in points, −100…100, 1 decimal); nulls without answers. */
export function npsInterval(promoters: number, detractors: number, answers: number): { low: number | null; high: number | null } {
  if (answers <= 0) return { low: null, high: null };
  const n = answers + 3;
  const p = (promoters + 0.75) / n;
  const d = (detractors + 0.75) / n;
  const score = p - d;
  const half = z95 * Math.sqrt(Math.max(0, p + d - score * score) / n);
  return { low: round(Math.max(-1, score - half) * 100, 1), high: round(Math.min(1, score + half) * 100, 1) };
}

export function csatFigures(scores: readonly number[]): CsatFigures {
  const answers = scores.length;
  const satisfied = scores.filter(isSatisfied).length;
  const { low, high } = wilson(satisfied, answers);
  return {
    answers,
    satisfied,
    mean: answers ? round(scores.reduce((a, b) => a + b, 0) / answers, 2) : null,
    rate: answers ? round(satisfied / answers, 4) : null,
    low,
    high,
  };
}

export function npsFigures(scores: readonly number[]): NpsFigures {
  const answers = scores.length;
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    const c = npsClass(s);
    if (c === 'promoter') promoters++;
    else if (c === 'detractor') detractors++;
  }
  const { low, high } = npsInterval(promoters, detractors, answers);
  return {
    answers,
    promoters,
    passives: answers - promoters - detractors,
    detractors,
    score: answers ? round(((promoters - detractors) / answers) * 100, 1) : null,
    low,
    high,
  };
}

const keyOf = (a: VoiceAnswer, d: VoiceDimension): string => (d === 'agent' ? (a.agentId ?? 'none') : a[d]);

/** The figures per value of one dimension. */
export function voiceTable(answers: readonly VoiceAnswer[], dimension: VoiceDimension): VoiceTable {
  const groups = new Map<string, VoiceAnswer[]>();
  for (const a of answers) {
    const k = keyOf(a, dimension);
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  const table: VoiceTable = {
    answers: { byUnit: {} },
    csat: { byUnit: {} },
    csatLow: { byUnit: {} },
    csatHigh: { byUnit: {} },
    nps: { byUnit: {} },
    npsLow: { byUnit: {} },
    npsHigh: { byUnit: {} },
    detractors: { byUnit: {} },
  };
  for (const [k, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const csat = csatFigures(group.flatMap((a) => (a.csat == null ? [] : [a.csat])));
    const nps = npsFigures(group.flatMap((a) => (a.nps == null ? [] : [a.nps])));
    table.answers.byUnit[k] = group.length;
    table.csat.byUnit[k] = csat.rate;
    table.csatLow.byUnit[k] = csat.low;
    table.csatHigh.byUnit[k] = csat.high;
    table.nps.byUnit[k] = nps.score;
    table.npsLow.byUnit[k] = nps.low;
    table.npsHigh.byUnit[k] = nps.high;
    table.detractors.byUnit[k] = nps.detractors;
  }
  return table;
}

/** The period's voice figures from its answers and the coverage counts (db/kpis.ts gathers both). */
export function voiceKpis(answers: readonly VoiceAnswer[], coverage: Omit<CoverageFigures, 'rate'>): VoiceKpis {
  return {
    csat: csatFigures(answers.flatMap((a) => (a.csat == null ? [] : [a.csat]))),
    nps: npsFigures(answers.flatMap((a) => (a.nps == null ? [] : [a.nps]))),
    coverage: { ...coverage, rate: coverage.closed > 0 ? round(coverage.covered / coverage.closed, 4) : null },
    product: voiceTable(answers, 'product'),
    channel: voiceTable(answers, 'channel'),
    department: voiceTable(answers, 'department'),
    agent: voiceTable(answers, 'agent'),
  };
}
