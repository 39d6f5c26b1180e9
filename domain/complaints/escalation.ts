/**
 * Escalation ladder (docs/business-rules.md §2): cs_agent (0) → supervisor (1) → department head (2) →
 * committee chair (3). A breach climbs one level; each further breach window without progress
 * climbs one more; the ladder stops at the chair.
 *
 * Workflow-safe: pure, no imports beyond domain types.
 */
import type { ClockName, Owner, Severity } from './types.js';

export const escalationLevelNames = ['cs_agent', 'supervisor', 'department_head', 'committee_chair'] as const;
export type EscalationLevelName = (typeof escalationLevelNames)[number];
export type EscalationLevel = 0 | 1 | 2 | 3;
export const maxEscalationLevel: EscalationLevel = 3;

/** Clamps any number (negative, fractional, beyond the chair) onto the ladder. */
export function toLevel(level: number): EscalationLevel {
  if (!(level > 0)) return 0; // also catches NaN
  return Math.min(Math.floor(level), maxEscalationLevel) as EscalationLevel;
}

/** One level up, capped at the committee chair. */
export function escalate(level: number): EscalationLevel {
  return toLevel(toLevel(level) + 1);
}

export function levelName(level: number): EscalationLevelName {
  return escalationLevelNames[toLevel(level)] ?? 'cs_agent';
}

/** Severities whose every breach is also reported to compliance. */
const complianceSeverities: ReadonlySet<Severity> = new Set<Severity>(['major', 'urgent']);

export interface BreachEscalation {
  newLevel: EscalationLevel;
  /** False when already at the chair: the breach is still recorded, nobody new is involved. */
  escalated: boolean;
  notifyCompliance: boolean;
  /** Audit-ready sentence. */
  reason: string;
}

/**
 * A breach of any clock escalates one level. Compliance is notified on every breach of a major or
 * urgent complaint, including breaches that cannot climb any more (the chair is already involved).
 */
export function breachEscalation(input: {
  currentLevel: number;
  severity: Severity;
  clock: ClockName;
}): BreachEscalation {
  const from = toLevel(input.currentLevel);
  const newLevel = escalate(from);
  const escalated = newLevel > from;
  const reason = escalated
    ? `${input.clock} clock breached: escalated from ${levelName(from)} to ${levelName(newLevel)}`
    : `${input.clock} clock breached: already at ${levelName(from)}`;
  return { newLevel, escalated, notifyCompliance: complianceSeverities.has(input.severity), reason };
}

/**
 * Number of whole breach windows elapsed since the breach: 0 until one full window has passed,
 * then 1, 2, ... Each one climbs one more level (`toLevel(levelAfterBreach + n)`).
 * The window is elapsed milliseconds; a non-positive window never climbs (no division by zero).
 */
export function furtherBreachLevels(breachedAt: number, now: number, breachWindowMs: number): number {
  if (breachWindowMs <= 0 || now <= breachedAt) return 0;
  return Math.floor((now - breachedAt) / breachWindowMs);
}

/** When the (windowsElapsed + 1)-th further window ends: the workflow's next escalation timer. */
export function nextBreachWindowAt(breachedAt: number, breachWindowMs: number, windowsElapsed: number): number {
  return breachedAt + (windowsElapsed + 1) * breachWindowMs;
}

export interface EscalationContext {
  /** The first responder (a user) or, after a transfer, the department; escalation never changes it. */
  handlingOwner: Owner;
  /** Queue of the supervisors on duty, if the institution routes to one. */
  supervisorQueue?: string;
  /** User id of the head of the business department handling the complaint, if known. */
  departmentHead?: string;
  /** User id of the committee chair at the time of the escalation, if known. */
  chairUserId?: string;
}

/**
 * Who must act at this level — recorded beside, not instead of, the handling owner
 * (首问负责制: the agent who took the complaint keeps it until it closes or is transferred;
 * escalation adds someone who must act).
 *
 * Level 0 is the handling owner itself. Higher levels are addressed by role
 * (`{ kind: 'level', id: 'supervisor' | 'department_head' | 'committee_chair' }`), not by person:
 * the committee roster and department heads change while a complaint is open, and the work inbox
 * matches callers to levels, so the assignment stays valid. Concrete people to notify come from
 * `escalationContact`.
 */
export function ownerForLevel(level: number, context: EscalationContext): Owner {
  const l = toLevel(level);
  return l === 0 ? context.handlingOwner : { kind: 'level', id: levelName(l) };
}

/**
 * The concrete recipient of an escalation notice, falling back to the level when the context does
 * not name one: 1 → the supervisor queue, 2 → the department head, 3 → the chair.
 */
export function escalationContact(level: number, context: EscalationContext): Owner {
  const l = toLevel(level);
  const byRole = ownerForLevel(l, context);
  if (l === 1 && context.supervisorQueue) return { kind: 'department', id: context.supervisorQueue };
  if (l === 2 && context.departmentHead) return { kind: 'user', id: context.departmentHead };
  if (l === 3 && context.chairUserId) return { kind: 'user', id: context.chairUserId };
  return byRole;
}
