import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csatFigures, npsFigures, npsInterval, voiceKpis, voiceTable, wilson, type VoiceAnswer } from '../../../domain/reports/voice.js';
import { isDetractorAnswer, npsClass } from '../../../domain/surveys/scores.js';

const answer = (over: Partial<VoiceAnswer>): VoiceAnswer => ({ csat: null, nps: null, product: 'none', channel: 'hotline', department: 'cards-ops', agentId: 'agent-1', ...over });

describe('NPS bands and detractors', () => {
  it('puts 9–10 with the promoters, 7–8 with the passives and 0–6 with the detractors', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsClass)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });
  it('opens a follow-up for an NPS of 0–6 or a CSAT of 1–2, and for nothing else', () => {
    expect(isDetractorAnswer({ nps: 6 })).toBe(true);
    expect(isDetractorAnswer({ nps: 7, csat: 2 })).toBe(true);
    expect(isDetractorAnswer({ nps: 7, csat: 3 })).toBe(false);
    expect(isDetractorAnswer({ csat: 3 })).toBe(false);
    expect(isDetractorAnswer({})).toBe(false);
  });
});

describe('CSAT figures', () => {
  it('counts the top two boxes as satisfied, with the Wilson interval of their share', () => {
    const f = csatFigures([5, 5, 4, 4, 4, 4, 4, 4, 2, 1]);
    expect(f).toMatchObject({ answers: 10, satisfied: 8, rate: 0.8, mean: 3.7 });
    // Wilson 95 % for 8 of 10: 0.4902 … 0.9433 (the textbook figures).
    expect(f.low).toBeCloseTo(0.4902, 3);
    expect(f.high).toBeCloseTo(0.9433, 3);
  });
  it('has no figures without answers', () => {
    expect(csatFigures([])).toEqual({ answers: 0, satisfied: 0, mean: null, rate: null, low: null, high: null });
  });
  it('keeps the interval inside 0…1 and around the share, at any sample size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), (n, raw) => {
        const k = raw % (n + 1);
        const { low, high } = wilson(k, n);
        expect(low!).toBeGreaterThanOrEqual(0);
        expect(high!).toBeLessThanOrEqual(1);
        expect(low!).toBeLessThanOrEqual(k / n + 1e-4);
        expect(high!).toBeGreaterThanOrEqual(k / n - 1e-4);
      }),
    );
  });
});

describe('NPS figures', () => {
  it('scores promoters minus detractors in points, with the adjusted-Wald interval', () => {
    const f = npsFigures([10, 10, 9, 9, 9, 8, 7, 7, 3, 0]);
    expect(f).toMatchObject({ answers: 10, promoters: 5, passives: 3, detractors: 2, score: 30 });
    // (5 + .75) / 13 − (2 + .75) / 13 ± 1.96 · √((p + d − (p − d)²) / 13)
    expect(f.low).toBe(-19.1);
    expect(f.high).toBe(65.2);
  });
  it('says little with one answer: a single promoter is not "100 for sure"', () => {
    const f = npsFigures([10]);
    expect(f.score).toBe(100);
    expect(f.high! - f.low!).toBeGreaterThan(100);
  });
  it('narrows as the same mix is heard from more customers, and stays within −100…100', () => {
    fc.assert(
      fc.property(fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.integer({ min: 2, max: 20 }), (p, q, d, times) => {
        fc.pre(p + q + d > 0);
        const small = npsInterval(p, d, p + q + d);
        const large = npsInterval(p * times, d * times, (p + q + d) * times);
        for (const v of [small.low!, small.high!, large.low!, large.high!]) {
          expect(v).toBeGreaterThanOrEqual(-100);
          expect(v).toBeLessThanOrEqual(100);
        }
        expect(large.high! - large.low!).toBeLessThanOrEqual(small.high! - small.low! + 0.1);
      }),
    );
  });
});

describe('the voice figures of a period', () => {
  it('tables every dimension, each value with its answers, scores and intervals', () => {
    const answers = [
      answer({ nps: 10, csat: 5, product: 'INI-1', agentId: 'a' }),
      answer({ nps: 3, csat: 2, product: 'INI-1', agentId: 'b', channel: 'app' }),
      answer({ nps: 8, product: 'none', agentId: null }),
    ];
    const t = voiceTable(answers, 'product');
    expect(t.answers.byUnit).toEqual({ 'INI-1': 2, none: 1 });
    expect(t.nps.byUnit).toEqual({ 'INI-1': 0, none: 0 });
    expect(t.detractors.byUnit).toEqual({ 'INI-1': 1, none: 0 });
    expect(t.csat.byUnit).toEqual({ 'INI-1': 0.5, none: null });
    expect(voiceTable(answers, 'agent').answers.byUnit).toEqual({ a: 1, b: 1, none: 1 });
    expect(voiceTable(answers, 'channel').answers.byUnit).toEqual({ app: 1, hotline: 2 });
  });
  it('gives the coverage as a share of the complaints closed, null when none closed', () => {
    expect(voiceKpis([], { closed: 4, covered: 3, surveyed: 2, calledBack: 1, unreachable: 1 }).coverage.rate).toBe(0.75);
    expect(voiceKpis([], { closed: 0, covered: 0, surveyed: 0, calledBack: 0, unreachable: 0 }).coverage.rate).toBeNull();
  });
});
