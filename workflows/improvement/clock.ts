import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Batch } from '../../domain/drafts.js';
import { nextDueEvent } from '../../domain/improvements/clock.js';
import { advanceDue, dueBatch, dueRunning, effectivenessBatch } from '../../domain/improvements/process.js';
import type { Improvement } from './state.js';

/**
 * The action's clocks (the rules: domain/improvements/clock.ts): while the owner works on it, the
 * reminder, the due date (department head) and the climb (committee chair); once closed, the
 * effectiveness check. Dates come from the business calendar through activities, recorded in
 * history.
 */
const { improvementDueDates, improvementCheckAt } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});
const { checkImprovementEffectiveness } = proxyActivities<Activities>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

export { improvementDueDates, improvementCheckAt };

/** When the next clock event falls due (null: none). */
export function nextClockEventAt(improvement: Improvement): number | null {
  const s = improvement.state;
  if (dueRunning(s)) return nextDueEvent(s.clock)?.at ?? null;
  if (s.status === 'closed' && s.effectiveness === null && s.effectivenessAt) return Date.parse(s.effectivenessAt);
  return null;
}

export function clockEventDue(improvement: Improvement, now: number): boolean {
  const at = nextClockEventAt(improvement);
  return at !== null && at <= now;
}

/** Applies what fell due at `now`: due events, or the effectiveness check. */
export async function advanceClocks(improvement: Improvement, now: number): Promise<Batch> {
  const { input, state } = improvement;
  if (dueRunning(state)) return dueBatch(input, state, advanceDue(state, now));
  if (state.status === 'closed' && state.effectiveness === null && state.effectivenessAt && Date.parse(state.effectivenessAt) <= now) {
    const result = await checkImprovementEffectiveness({ measure: input.measure, raisedAt: input.raisedAt, closedAt: state.closedAt!, checkAt: state.effectivenessAt, requiredFall: state.policy.requiredFall });
    state.effectiveness = result;
    return effectivenessBatch(input, state, result, now);
  }
  return { audit: [], notes: [] };
}
