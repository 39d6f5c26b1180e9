import { csatMax, csatMin, npsMax, npsMin } from './types.js';

/**
 * The rules every place that reads a satisfaction answer shares (docs/surveys.md "Scores"):
 * the NPS classes, what a detractor is, and the summaries with their confidence that the reports
 * show. Pure: no I/O.
 */

export type NpsClass = 'promoter' | 'passive' | 'detractor';

export const isCsat = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= csatMin && (v as number) <= csatMax;
export const isNps = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= npsMin && (v as number) <= npsMax;

/** 9–10 promoter, 7–8 passive, 0–6 detractor (the standard NPS bands). */
export function npsClass(score: number): NpsClass {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** CSAT 4–5 counts as satisfied (the "top two boxes"). */
export const isSatisfied = (csat: number): boolean => csat >= 4;

/**
 * An answer that opens a follow-up for the complaint's supervisor: an NPS of 0–6 or a CSAT of 1–2
 * (docs/followups.md "Opening"). An answer without either score opens nothing.
 */
export function isDetractorAnswer(a: { nps?: number | null; csat?: number | null }): boolean {
  return (a.nps != null && npsClass(a.nps) === 'detractor') || (a.csat != null && a.csat <= 2);
}
