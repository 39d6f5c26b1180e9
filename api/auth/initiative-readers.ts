import { isReviewMember } from '../../db/initiatives.js';
import type { Database } from '../../db/client.js';
import { readRoster } from '../../db/settings.js';
import { hasAnyRole, type Principal, type Role } from './roles.js';

/**
 * Who may read initiatives (docs/gates.md): product owners, supervisors, compliance auditors and
 * admins by role, and committee members (data: the current roster, or any review's snapshot) —
 * they must see what they vote on, the files attached included.
 */
export const initiativeReaderRoles: Role[] = ['product_owner', 'supervisor', 'compliance_auditor', 'admin'];

export async function mayReadInitiatives(db: Database, p: Principal, initiativeId?: string): Promise<boolean> {
  if (hasAnyRole(p, initiativeReaderRoles)) return true;
  if ((await readRoster(db)).some((m) => m.userId === p.userId)) return true;
  return isReviewMember(db, p.userId, initiativeId);
}
