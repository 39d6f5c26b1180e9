import type { Actor } from '../../domain/actor.js';

/** The roles of docs/business-rules.md "Who uses it" (JWT `roles` claim). Committee membership is data. */
export const roles = ['product_owner', 'cs_agent', 'business_handler', 'supervisor', 'compliance_auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** The authenticated caller, from the verified token. */
export interface Principal {
  userId: string;
  name: string;
  roles: string[];
  department?: string;
}

export function hasAnyRole(p: Principal, allowed: readonly Role[]): boolean {
  return allowed.some((r) => p.roles.includes(r));
}

/** The caller as the actor of a command: what workflows and the audit trail record. */
export function actorOf(p: Principal): Actor {
  return { userId: p.userId, name: p.name, roles: p.roles, ...(p.department ? { department: p.department } : {}) };
}
