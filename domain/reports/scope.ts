/**
 * Who reads the KPIs, and over which complaints (docs/reports.md "Who reads what"). Pure: the
 * caller knows the roles, the committee seat and, for a product owner, their products.
 *
 * - full: compliance_auditor, supervisor, admin and the committee's members — institution-wide,
 *   with the accountable KPIs per department, team and agent; the product filter narrows.
 * - products: a product owner (without a full role) — only complaints counting against their
 *   products and the gate reviews of those products; no accountable KPIs. Asking for another
 *   product is refused (403), not silently widened or emptied.
 * - institution: cs_agent and business_handler — the institution-wide figures (no customer data
 *   is in a KPI), no accountable KPIs per colleague; the product filter narrows.
 */
export type KpiReader = 'full' | 'institution' | 'products' | 'none';

export const fullKpiReaders = ['compliance_auditor', 'supervisor', 'admin'] as const;
export const institutionKpiReaders = ['cs_agent', 'business_handler'] as const;

export function kpiReader(roles: readonly string[], committeeMember: boolean): KpiReader {
  if (committeeMember || fullKpiReaders.some((r) => roles.includes(r))) return 'full';
  if (roles.includes('product_owner')) return 'products';
  if (institutionKpiReaders.some((r) => roles.includes(r))) return 'institution';
  return 'none';
}

/**
 * The products the KPIs are computed over: undefined = all; the one asked for when the reader
 * may read it; 'forbidden' when a product owner asks for a product not theirs. `own` = the
 * product owner's products (read only for 'products').
 */
export function kpiProducts(reader: KpiReader, own: readonly string[], asked: string | undefined): string[] | undefined | 'forbidden' {
  if (reader === 'products') {
    if (asked === undefined) return [...own];
    return own.includes(asked) ? [asked] : 'forbidden';
  }
  return asked === undefined ? undefined : [asked];
}
