import type { NotificationInput } from './trail.js';

/**
 * The PII access log (docs/security.md "PII access log"): every answer that hands a customer's
 * details out in clear leaves one access record — who, with which roles, which complaints and
 * customers, which fields, why (the purpose), the request id and when. Masked answers record
 * nothing. Records are audit events of their own chain kind, `pii_access` (db/pii-access.ts).
 *
 * Pure: no I/O.
 */

/**
 * Why clear details left the server: a person's deliberate request to show them (`reveal`), an
 * export, a notice to the customer. `list`, `detail` and `command` name answers that carried the
 * customer in clear before every complaint answer was masked; records of them stay readable.
 */
export const piiAccessPurposes = ['list', 'detail', 'command', 'export', 'customer_notice', 'reveal'] as const;
export type PiiAccessPurpose = (typeof piiAccessPurposes)[number];

/** The customer fields that can be handed out in clear. */
export const piiFields = ['name', 'phone', 'idNumber', 'email'] as const;
export type PiiField = (typeof piiFields)[number];

/** One complaint's customer, as an access record names it. */
export interface PiiAccessItem {
  complaintId: string;
  customerRef: string;
  fields: PiiField[];
}

/** The customer part of a presented complaint (api/present/complaints.ts). */
export interface PresentedCustomer {
  ref: string;
  masked: boolean;
  unreadable?: boolean;
  erased?: boolean;
  name?: string;
  phone?: string;
  idNumber?: string;
  email?: string;
}

/**
 * What a presented complaint handed out in clear: the non-empty fields of an unmasked, readable
 * customer; undefined when nothing clear left (masked, unreadable or empty).
 */
export function clearAccessOf(complaintId: string, customer: PresentedCustomer): PiiAccessItem | undefined {
  if (customer.masked || customer.unreadable || customer.erased) return undefined;
  const fields = piiFields.filter((f) => typeof customer[f] === 'string' && customer[f] !== '');
  return fields.length ? { complaintId, customerRef: customer.ref, fields } : undefined;
}

/**
 * The chain an access record joins: one per actor and UTC day (`<YYYY-MM-DD>:<actor>`). Per actor,
 * so concurrent requests of different people never wait on one chain head; per day, so no chain
 * grows without bound and one day of one person verifies on its own.
 */
export function piiAccessChain(actor: string, at: Date): string {
  return `${at.toISOString().slice(0, 10)}:${actor}`;
}

/** How many distinct customers one person may open in clear within the window before compliance hears of it. */
export interface PiiAccessFlagRule {
  /** More than this many distinct customers within the window flags the person. */
  distinctCustomers: number;
  windowMinutes: number;
}

/**
 * The window counted and the flag's key: customers are counted over the sliding window ending at
 * `at`; a person is flagged at most once per window-sized bucket aligned to the epoch (the
 * notice's key), however many more customers they open in it.
 */
export function flagWindowOf(rule: PiiAccessFlagRule, at: Date): { since: Date; key: string } {
  const ms = rule.windowMinutes * 60_000;
  const bucket = Math.floor(at.getTime() / ms);
  return { since: new Date(at.getTime() - ms), key: new Date(bucket * ms).toISOString() };
}

export function exceedsFlagRule(rule: PiiAccessFlagRule, distinctCustomers: number): boolean {
  return distinctCustomers > rule.distinctCustomers;
}

/** The notice to compliance when a person passes the rule (routed to everyone with compliance_auditor). */
export function flagNotice(actor: string, chain: string, distinctCustomers: number, rule: PiiAccessFlagRule, key: string): NotificationInput {
  return {
    sourceKey: key,
    recipientKind: 'role',
    recipient: 'compliance_auditor',
    topic: 'pii_access.flagged',
    entityType: 'pii_access',
    entityId: chain,
    message: `${actor} opened ${distinctCustomers} customers' details in clear within ${rule.windowMinutes} minutes (more than ${rule.distinctCustomers})`,
    data: { actor, distinctCustomers, threshold: rule.distinctCustomers, windowMinutes: rule.windowMinutes },
  };
}
