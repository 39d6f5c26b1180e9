/**
 * Showing a complaint's customer in clear (docs/complaints.md "The customer: masked until shown";
 * docs/security.md "PII access log"). Every answer about a complaint carries the customer masked,
 * for every role; the clear name, phone and id number leave the server only when a person asks
 * for them on purpose (POST /complaints/{id}/customer/reveal), and that request is what the PII
 * access log records (purpose `reveal`).
 *
 * Decisions:
 * - Who may ask is who needed the details in clear before: a `supervisor` (any complaint) and the
 *   complaint's own agent (`agentId`, the first responder who stays the customer's contact).
 *   Other agents, business handlers, auditors and admins never see them in clear.
 * - The complaint's own agent calls the customer back as part of the job: no reason asked. Anyone
 *   else who may (a supervisor looking at someone else's complaint) states why; the reason is kept
 *   in the access record, so compliance reads why, not only who.
 * - A request names the fields it needs (default: all three); the others stay masked, so a
 *   callback that needs only the phone hands out only the phone.
 *
 * Pure: no I/O; the web UI shares these rules.
 */
import { requiredFreeText, type FormRules } from '../field-rules.js';
import { piiFields, type PiiField } from '../pii-access.js';

/** Who asks: a person's id and roles (the API's principal, an actor). */
export interface Revealer {
  userId: string;
  roles: readonly string[];
}

/** The complaint as the rule needs it: whose complaint it is. */
export interface RevealTarget {
  agentId: string;
}

/** The fields a request may name, in the order they are shown. */
export const revealableFields: readonly PiiField[] = piiFields;

/** The reason's rule: free text, not blank when given (numbers in it are masked on the way in), at most 500 characters. */
export const customerRevealRules = {
  reason: { ...requiredFreeText(500), optional: true },
} as const satisfies FormRules;

function isOwnAgent(target: RevealTarget, who: Revealer): boolean {
  return who.roles.includes('cs_agent') && who.userId === target.agentId;
}

/** May `who` have this complaint's customer in clear: a supervisor, or the complaint's own agent. */
export function mayRevealCustomer(target: RevealTarget, who: Revealer): boolean {
  return who.roles.includes('supervisor') || isOwnAgent(target, who);
}

/** Must `who` give a reason: everyone allowed but the complaint's own agent. */
export function revealReasonRequired(target: RevealTarget, who: Revealer): boolean {
  return !isOwnAgent(target, who);
}

/**
 * What a presented complaint tells the caller about showing its customer: null when they may not
 * (or there is nothing to show: erased, unreadable), otherwise whether a reason is asked.
 */
export function revealOffer(target: RevealTarget, who: Revealer, customer: { erased?: boolean; unreadable?: boolean }): { reasonRequired: boolean } | null {
  if (customer.erased || customer.unreadable || !mayRevealCustomer(target, who)) return null;
  return { reasonRequired: revealReasonRequired(target, who) };
}

/** The fields a request asked for, deduplicated, in display order; all of them when none is named. */
export function requestedFields(fields: readonly PiiField[] | undefined): PiiField[] {
  if (!fields || fields.length === 0) return [...revealableFields];
  return revealableFields.filter((f) => fields.includes(f));
}
