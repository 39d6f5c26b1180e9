/**
 * Who may issue which command on one complaint (首问负责制, docs/business-rules.md §2). The API checks the
 * caller's role per route; this is the finer check that needs the complaint's state, run by the
 * workflow's update validators (refusal → 403).
 *
 * Workflow-safe: pure.
 *
 * Decisions:
 * - The first responder (`agentId`, the cs_agent who took the complaint) stays the customer's
 *   contact until the complaint closes: they may always respond, pause/resume, escalate, record
 *   the customer's feedback and lodge an appeal on the customer's behalf.
 * - The handling owner may transfer and resolve: the agent while the complaint is theirs; after a
 *   transfer the department's queue, i.e. any `business_handler` of that department (and no longer
 *   the agent); ownership returns to the agent when the department has proposed its resolution.
 * - A `supervisor` acts as owner once the complaint has escalated (level ≥ 1): every owner command,
 *   feedback and appeal included.
 * - Approving a compensation needs a `supervisor` who did not propose that resolution; an appeal
 *   is decided by a `supervisor` who is not the complaint's agent.
 * - Only the committee chair snapshotted by the complaint signs off.
 */
import type { Actor } from '../actor.js';
import type { ComplaintCommand, Owner } from './types.js';

export interface AccessContext {
  /** The first responder. */
  agentId: string;
  /** The handling owner: the agent, or a department after a transfer. */
  owner: Owner;
  escalationLevel: number;
  chairUserId?: string | null;
  /** Who proposed the resolution waiting for approval. */
  proposedBy?: string;
}

const has = (a: Actor, role: string) => a.roles.includes(role);

export function isAgent(a: Actor, c: AccessContext): boolean {
  return a.userId === c.agentId;
}

export function isEscalatedSupervisor(a: Actor, c: AccessContext): boolean {
  return has(a, 'supervisor') && c.escalationLevel >= 1;
}

/** The handling owner, or a supervisor once escalated. */
export function isActingOwner(a: Actor, c: AccessContext): boolean {
  if (c.owner.kind === 'user' && c.owner.id === a.userId) return true;
  if (c.owner.kind === 'department' && has(a, 'business_handler') && a.department === c.owner.id) return true;
  return isEscalatedSupervisor(a, c);
}

/** Null when the actor may issue the command; otherwise the 403 detail. */
export function accessRefusal(command: ComplaintCommand, a: Actor, c: AccessContext): string | null {
  const owner = `${c.owner.kind} ${c.owner.id}`;
  switch (command) {
    case 'respond':
    case 'pause':
    case 'resume':
    case 'escalate':
      return isAgent(a, c) || isActingOwner(a, c) ? null : `only the first responder (${c.agentId}), the handling owner (${owner}) or a supervisor after escalation may ${command}`;
    case 'transfer':
    case 'resolve':
      return isActingOwner(a, c) ? null : `only the handling owner (${owner}) or a supervisor after escalation may ${command}`;
    case 'feedback':
    case 'appeal':
      return isAgent(a, c) || isEscalatedSupervisor(a, c) ? null : `only the first responder (${c.agentId}) or a supervisor after escalation may record the customer's ${command}`;
    case 'approve':
      if (!has(a, 'supervisor')) return 'only a supervisor may approve a compensation';
      return a.userId === c.proposedBy ? 'separation of duties: the supervisor who proposed the resolution may not approve it' : null;
    case 'appealDecision':
      if (!has(a, 'supervisor')) return 'only a supervisor may decide an appeal';
      return isAgent(a, c) ? 'separation of duties: the complaint’s own agent may not decide its appeal' : null;
    case 'signoff':
      return c.chairUserId && a.userId === c.chairUserId ? null : 'only the committee chair may sign off a committee-level complaint';
  }
}
