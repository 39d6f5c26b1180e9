/**
 * Product NPS campaigns (docs/surveys.md "Product NPS"): while a launched product is watched after
 * launch, a Temporal schedule per product (`cxgov-nps-<initiative id>`) runs a campaign every
 * `every`: it surveys a sample of the product's customers who had contact in the period just
 * ended, and compares the product's NPS of that period with the one before — a drop raises the
 * post-launch review item, as too many complaints do.
 *
 * Workflow-safe: pure, no clock, no I/O.
 */
import { npsFigures, type NpsFigures } from '../reports/voice.js';

export interface NpsCampaignPolicy {
  /** Days between campaigns (and the length of the period each one looks back on). */
  everyDays: number;
  /** At most this many customers invited per campaign. */
  sampleSize: number;
  /** A customer invited (to any survey) within this many days is not invited again. */
  quietDays: number;
  /** A drop of at least this many NPS points from one period to the next raises the review item… */
  dropPoints: number;
  /** …when both periods have at least this many answers (fewer say too little, see voice.ts). */
  minAnswers: number;
}

/**
 * Monthly, 200 customers, nobody asked twice within 90 days; a fall of 20 points between two
 * periods of at least 10 answers each is a review. The policies ask for regular surveys and
 * NPS tracking (用户体验管理办法 §4(二)) without figures: these are cxgov's defaults.
 */
export const defaultNpsCampaignPolicy: NpsCampaignPolicy = { everyDays: 30, sampleSize: 200, quietDays: 90, dropPoints: 20, minAnswers: 10 };

const dayMs = 86_400_000;

/** The period a campaign run at `asOf` looks back on: [asOf − every, asOf), and the one before it. */
export function campaignPeriods(asOf: string, policy: Pick<NpsCampaignPolicy, 'everyDays'>): { current: { from: string; to: string }; previous: { from: string; to: string } } {
  const to = Date.parse(asOf);
  if (Number.isNaN(to)) throw new RangeError(`campaign instant is not ISO-8601: ${JSON.stringify(asOf)}`);
  const len = policy.everyDays * dayMs;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { current: { from: iso(to - len), to: iso(to) }, previous: { from: iso(to - 2 * len), to: iso(to - len) } };
}

/** The campaign's id: the product and the day it ran (one campaign per product and day). */
export const campaignId = (initiativeId: string, asOf: string): string => `${initiativeId}:${asOf.slice(0, 10)}`;

/** FNV-1a, 32 bits: a stable, well-spread order for the sample (not a secret). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A sample of `size` contacts, one per customer, the same for the same campaign (a retried run
 * invites the same people): each customer's latest contact, ordered by a hash of the campaign id
 * and the customer, the first `size` taken.
 */
export function sampleContacts<T extends { customerRef: string; contactId: string; at: string }>(candidates: readonly T[], size: number, campaign: string): T[] {
  const latest = new Map<string, T>();
  for (const c of candidates) {
    const seen = latest.get(c.customerRef);
    if (!seen || c.at > seen.at || (c.at === seen.at && c.contactId > seen.contactId)) latest.set(c.customerRef, c);
  }
  return [...latest.values()]
    .map((c) => ({ c, key: fnv1a(`${campaign}|${c.customerRef}`) }))
    .sort((a, b) => a.key - b.key || a.c.customerRef.localeCompare(b.c.customerRef))
    .slice(0, Math.max(0, size))
    .map(({ c }) => c);
}

export interface NpsDrop {
  previous: NpsFigures;
  current: NpsFigures;
  /** Points lost, positive. */
  drop: number;
}

/** The drop that calls for a post-launch review, or undefined: both periods heard enough, and the score fell by `dropPoints` or more. */
export function npsDrop(previousScores: readonly number[], currentScores: readonly number[], policy: Pick<NpsCampaignPolicy, 'dropPoints' | 'minAnswers'>): NpsDrop | undefined {
  const previous = npsFigures(previousScores);
  const current = npsFigures(currentScores);
  if (previous.answers < policy.minAnswers || current.answers < policy.minAnswers) return undefined;
  const drop = Math.round((previous.score! - current.score!) * 10) / 10;
  return drop >= policy.dropPoints ? { previous, current, drop } : undefined;
}
