/**
 * Product lifecycle vocabulary (docs/business-rules.md §1, docs/http-contract.md "Initiatives and gates").
 *
 * Workflow-safe: no imports, no clock, no randomness. Imported by Temporal workflow code and by
 * the HTTP API, so each list here is the single source of the allowed values.
 */

/** Lifecycle stages, in order. `launched` is post-launch monitoring and has no gate. */
export const stages = ['research', 'design', 'prototype_testing', 'launch_assessment', 'launched'] as const;
export type Stage = (typeof stages)[number];

/** The stages that end with a committee gate review. */
export const gateStages = ['research', 'design', 'prototype_testing', 'launch_assessment'] as const;
export type GateStage = (typeof gateStages)[number];

export const initiativeStatuses = [
  'in_progress',
  'in_review',
  'changes_requested',
  'launched',
  'rejected',
  'withdrawn',
] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

/** A committee vote, and the chair's sign-off decision. */
export const decisions = ['approve', 'request_changes', 'reject'] as const;
export type Decision = (typeof decisions)[number];

export const businessLines = ['banking', 'securities', 'insurance', 'fund'] as const;
export type BusinessLine = (typeof businessLines)[number];

/** Statuses from which the initiative never moves again. */
export const terminalStatuses: readonly InitiativeStatus[] = ['launched', 'rejected', 'withdrawn'];

export function isStage(value: unknown): value is Stage {
  return (stages as readonly unknown[]).includes(value);
}

export function isGateStage(value: unknown): value is GateStage {
  return (gateStages as readonly unknown[]).includes(value);
}

export function isDecision(value: unknown): value is Decision {
  return (decisions as readonly unknown[]).includes(value);
}

export function isBusinessLine(value: unknown): value is BusinessLine {
  return (businessLines as readonly unknown[]).includes(value);
}

export function isTerminalStatus(status: InitiativeStatus): boolean {
  return terminalStatuses.includes(status);
}

/**
 * The stage an approved gate leads to. Only gate stages have a successor, which the type
 * enforces: `launched` has no gate and therefore nothing to approve.
 */
export function nextStage(stage: GateStage): Stage {
  const next = stages[stages.indexOf(stage) + 1];
  // Unreachable for a GateStage (launch_assessment is followed by launched); guards untyped callers.
  if (next === undefined) throw new RangeError(`stage "${String(stage)}" has no next stage`);
  return next;
}
