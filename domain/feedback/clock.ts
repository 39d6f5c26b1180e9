/**
 * An inquiry's first-response target (docs/feedback.md): due a policy period after receipt on the
 * business calendar (computed by an activity); at the policy's share of the window the owner is
 * told it is at risk, at the due date that it is overdue. No escalation ladder: the policies set
 * none for feedback. Answering meets it.
 *
 * Workflow-safe: pure.
 */
import type { FirstResponseClock, FirstResponseState } from './types.js';

export type FirstResponseEventKind = 'at_risk' | 'overdue';
export interface FirstResponseEvent {
  kind: FirstResponseEventKind;
  at: number;
}

export function startFirstResponse(startedAt: number, due: number, atRiskRatio: number): FirstResponseClock {
  const window = Math.max(0, due - startedAt);
  return { startedAt, due, atRiskAt: startedAt + Math.round(window * atRiskRatio) };
}

/** The next event of a clock not yet met, or null. */
export function nextFirstResponseEvent(c: FirstResponseClock): FirstResponseEvent | null {
  if (c.metAt !== undefined) return null;
  if (c.atRiskNotedAt === undefined && c.overdueAt === undefined && c.atRiskAt < c.due) return { kind: 'at_risk', at: c.atRiskAt };
  if (c.overdueAt === undefined) return { kind: 'overdue', at: c.due };
  return null;
}

export function applyFirstResponseEvent(c: FirstResponseClock, e: FirstResponseEvent): FirstResponseClock {
  return e.kind === 'at_risk' ? { ...c, atRiskNotedAt: e.at } : { ...c, overdueAt: e.at };
}

export function meetFirstResponse(c: FirstResponseClock, at: number): FirstResponseClock {
  return c.metAt !== undefined ? c : { ...c, metAt: at };
}

export function firstResponseState(c: FirstResponseClock): FirstResponseState {
  if (c.metAt !== undefined) return 'met';
  if (c.overdueAt !== undefined) return 'breached';
  if (c.atRiskNotedAt !== undefined) return 'at_risk';
  return 'pending';
}

/** Met on time: answered at or before the due date; null while not answered. */
export function firstResponseOnTime(c: FirstResponseClock): boolean | null {
  return c.metAt === undefined ? null : c.metAt <= c.due;
}
