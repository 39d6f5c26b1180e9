/**
 * The rules of a personal-data erasure (docs/security.md "Customer data keys and erasure"),
 * shared by the workflow, the API and the web UI.
 *
 * Workflow-safe: pure.
 *
 * Decisions:
 * - Who requests: a compliance auditor or an admin (with a reason), or the retention sweep.
 * - Holds: an open complaint of the customer (any status but closed; `in_appeal` shows as an open
 *   appeal) or a legal hold not lifted. A held request waits and looks again when a hold lifts
 *   (signal) or every `recheckEvery`; it is never refused for being held.
 * - Four eyes: a compliance auditor who is not the requester approves or refuses; a refusal gives
 *   a comment. An approval with a hold standing (one arrived since the request waited) is refused
 *   and the request goes back to held.
 * - Retention: a customer is due when none of their complaints is open and the last one closed
 *   more than `retention` ago, and no erasure of theirs is running or completed since.
 */
import { allowed, refusal, type CommandCheck } from '../command-errors.js';
import type { Actor } from '../actor.js';
import type { CustomerComplaint, ErasureFacts, ErasureStatus, Hold } from './types.js';

export const erasureRequesterRoles = ['compliance_auditor', 'admin'] as const;
export const erasureApproverRole = 'compliance_auditor';

/** Whether `actor` may request an erasure by hand. */
export function mayRequestErasure(actor: Pick<Actor, 'roles'>): boolean {
  return erasureRequesterRoles.some((r) => actor.roles.includes(r));
}

/** What stands against erasing now, in a stable order (complaints by id, then holds by id). */
export function holdsOf(facts: ErasureFacts): Hold[] {
  const open = [...facts.complaints].filter((c) => c.status !== 'closed').sort((a, b) => a.id.localeCompare(b.id));
  const holds: Hold[] = open.map((c) => (c.status === 'in_appeal' ? { kind: 'open_appeal', complaintId: c.id } : { kind: 'open_complaint', complaintId: c.id, status: c.status }));
  for (const h of [...facts.legalHolds].sort((a, b) => a.id.localeCompare(b.id))) holds.push({ kind: 'legal_hold', holdId: h.id, reason: h.reason, setBy: h.setBy });
  return holds;
}

export function sameHolds(a: readonly Hold[], b: readonly Hold[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One line per hold, for notices and refusals. */
export function describeHolds(holds: readonly Hold[]): string {
  return holds
    .map((h) => (h.kind === 'legal_hold' ? `legal hold ${h.holdId} (${h.reason})` : h.kind === 'open_appeal' ? `complaint ${h.complaintId} in appeal` : `complaint ${h.complaintId} open (${h.status})`))
    .join('; ');
}

/** A decision on the request: a compliance auditor, not the requester, while it awaits approval; a refusal gives a comment. */
export function decisionCheck(status: ErasureStatus, requestedBy: string, actor: Pick<Actor, 'userId' | 'roles'>, approved: unknown, comment: unknown): CommandCheck {
  if (!actor.roles.includes(erasureApproverRole)) return refusal('forbidden', 'only a compliance auditor approves or refuses an erasure');
  if (actor.userId === requestedBy) return refusal('forbidden', 'four eyes: the requester may not decide their own erasure request');
  if (typeof approved !== 'boolean') return refusal('invalid', 'approved must be true or false');
  if (comment !== undefined && (typeof comment !== 'string' || comment.length > 2_000)) return refusal('invalid', 'the comment is text of at most 2000 characters');
  if (!approved && (typeof comment !== 'string' || comment.trim() === '')) return refusal('invalid', 'a refusal gives a comment');
  if (status !== 'awaiting_approval') return refusal('conflict', `decision refused: the erasure is ${status}${status === 'held' ? ' (it waits for its holds to lift)' : ''}`);
  return allowed;
}

export function isClosedErasure(status: ErasureStatus): boolean {
  return status === 'completed' || status === 'refused';
}

/**
 * Whether a customer's personal data is past retention at `now`: no complaint open, and the
 * last one closed more than `retentionMs` ago. A customer without complaints is not due (there is
 * nothing the policy counts from).
 */
export function pastRetention(complaints: readonly Pick<CustomerComplaint, 'status' | 'closedAt'>[], now: number, retentionMs: number): boolean {
  if (complaints.length === 0) return false;
  let last = -Infinity;
  for (const c of complaints) {
    if (c.status !== 'closed' || c.closedAt === null) return false;
    last = Math.max(last, Date.parse(c.closedAt));
  }
  return last + retentionMs <= now;
}
