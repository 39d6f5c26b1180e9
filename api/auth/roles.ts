/** The roles of product.md "Who uses it" (JWT `roles` claim). Committee membership is data. */
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
