/**
 * Reassigning a complaint from one agent to another (docs/complaints.md "Reassigning"). A
 * supervisor moves the complaint's first responder — the agent who holds it, answers the
 * customer and owns it again after a department's resolution — to another agent, with a reason.
 *
 * Decisions (the policies are silent):
 * - Only a `supervisor` reassigns; the agents themselves hand over through their supervisor.
 * - Only while the agent holds the complaint: it is not closed, not with a department after a
 *   transfer (the department's queue owns it then; it comes back to the agent with the
 *   department's resolution, and can be reassigned from there), and no compensation waits for
 *   approval (a rejection hands the complaint back to whoever proposed it).
 * - To an active person of the staff directory holding the role `cs_agent`, other than the
 *   current first responder. The escalation level, the clocks and their deadlines stay as they
 *   are: a reassignment is not progress on the complaint.
 *
 * Workflow-safe: pure. The workflow runs `reassignRefusal`; the API runs it too and, having the
 * directory, `assigneeRefusal`.
 */
import type { Actor } from '../actor.js';
import type { FieldProblemCode } from '../field-rules.js';
import type { ComplaintStatus, Owner } from './types.js';

/** Why a reassignment is refused, mapped by the API to 403 / 409 / 400 (`field`: the body field at fault). */
export interface ReassignRefusal {
  kind: 'forbidden' | 'conflict' | 'invalid';
  message: string;
  field?: 'toUserId' | 'reason';
  /** The field problem's code (domain/field-rules.ts). */
  code?: FieldProblemCode;
}

/** What the rule needs of the complaint. */
export interface ReassignContext {
  status: ComplaintStatus;
  owner: Owner;
  /** The current first responder. */
  agentId: string;
}

/** The role a complaint may be reassigned to. */
export const assigneeRole = 'cs_agent';

/** Null when `actor` may reassign the complaint to `toUserId` for `reason`; otherwise the refusal. */
export function reassignRefusal(actor: Pick<Actor, 'roles'>, complaint: ReassignContext, command: { toUserId?: unknown; reason?: unknown }): ReassignRefusal | null {
  if (!actor.roles.includes('supervisor')) return { kind: 'forbidden', message: 'only a supervisor may reassign a complaint' };
  if (complaint.status === 'closed') return { kind: 'conflict', message: 'reassignment refused: the complaint is closed' };
  if (complaint.owner.kind === 'department') {
    return { kind: 'conflict', message: `reassignment refused: the complaint is with department ${complaint.owner.id} since its transfer; it returns to its agent with the department's resolution` };
  }
  if (complaint.status === 'awaiting_approval') return { kind: 'conflict', message: 'reassignment refused: a compensation waits for approval' };
  if (complaint.owner.kind !== 'user') return { kind: 'conflict', message: `reassignment refused: the complaint is held by ${complaint.owner.kind} ${complaint.owner.id}, not by an agent` };
  if (typeof command.toUserId !== 'string' || command.toUserId.trim() === '') return { kind: 'invalid', message: 'toUserId must name the agent to take the complaint', field: 'toUserId', code: 'required' };
  if (typeof command.reason !== 'string' || command.reason.trim() === '') return { kind: 'invalid', message: 'a reassignment must give a reason', field: 'reason', code: 'required' };
  if (command.toUserId === complaint.agentId) return { kind: 'invalid', message: `${command.toUserId} already holds the complaint`, field: 'toUserId', code: 'same_owner' };
  return null;
}

/** A person of the staff directory as the rule sees them (undefined: not in the directory). */
export interface Assignee {
  userId: string;
  roles: readonly string[];
  active: boolean;
}

/** Null when `person` may take a complaint; otherwise the refusal (400 on `toUserId`). */
export function assigneeRefusal(toUserId: string, person: Assignee | undefined): ReassignRefusal | null {
  if (!person) return { kind: 'invalid', message: `no person ${toUserId} in the staff directory`, field: 'toUserId', code: 'not_found' };
  if (!person.active) return { kind: 'invalid', message: `${toUserId} is no longer active in the staff directory`, field: 'toUserId', code: 'not_an_agent' };
  if (!person.roles.includes(assigneeRole)) return { kind: 'invalid', message: `${toUserId} is not an agent (role ${assigneeRole})`, field: 'toUserId', code: 'not_an_agent' };
  return null;
}
