/**
 * The incident's rules (docs/incidents.md): which command is allowed in which status, who may give
 * it, and where it leads. Used by the incident workflow's validators and by the web UI alike.
 *
 * Workflow-safe: pure.
 *
 * Decisions:
 * - assign: a supervisor names the response owner (any person, by user id); allowed until the
 *   incident closes, so the owner can be replaced. The first assignment ends the owner step and
 *   starts the plan step.
 * - plan: the response owner (or a supervisor) submits the response plan; a later plan revises it.
 *   The first plan ends the plan step and starts the review step.
 * - review: the response owner (or a supervisor) completes the post-incident review with at least
 *   one finding; it ends the review step and closes the incident.
 */
import { allowed, refusal, type CommandCheck } from '../command-errors.js';
import type { Actor } from '../actor.js';
import type { IncidentCommand, IncidentStatus, Person } from './types.js';

const stateTable: Record<IncidentStatus, Partial<Record<IncidentCommand, IncidentStatus | 'same'>>> = {
  open: { assign: 'assigned' },
  assigned: { assign: 'same', plan: 'responding' },
  responding: { assign: 'same', plan: 'same', review: 'closed' },
  closed: {},
};

export function allowedIncidentCommands(status: IncidentStatus): IncidentCommand[] {
  return Object.keys(stateTable[status]) as IncidentCommand[];
}

/** The status after `command` in `status`, or a refusal (409) naming the state. */
export function incidentStatusAfter(status: IncidentStatus, command: IncidentCommand): { ok: true; status: IncidentStatus } | { ok: false; reason: string } {
  const target = stateTable[status][command];
  if (target === undefined) {
    const allowedNow = allowedIncidentCommands(status);
    return { ok: false, reason: `'${command}' is not allowed while the incident is '${status}' (allowed: ${allowedNow.length ? allowedNow.join(', ') : 'none'})` };
  }
  return { ok: true, status: target === 'same' ? status : target };
}

/** Who may give `command`: a supervisor always; the response owner for the plan and the review. */
export function incidentAccess(command: IncidentCommand, actor: Actor, owner: Person | null): CommandCheck {
  const supervisor = actor.roles.includes('supervisor');
  if (command === 'assign') return supervisor ? allowed : refusal('forbidden', 'only a supervisor may name the response owner');
  if (supervisor || (owner !== null && owner.userId === actor.userId)) return allowed;
  return refusal('forbidden', `only the response owner${owner ? ` (${owner.userId})` : ''} or a supervisor may submit the ${command === 'plan' ? 'response plan' : 'post-incident review'}`);
}
