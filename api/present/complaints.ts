import type { CustomerDetails } from '../../db/complaints.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import { clearAccessOf, type PiiAccessItem } from '../../domain/pii-access.js';
import { maskIdNumber, maskName, maskPhone } from '../../security/pii.js';
import type { Principal } from '../auth/roles.js';

/**
 * A complaint as the API answers it: the workflow's view with the customer's details added,
 * masked unless the caller needs them in clear — a supervisor, or the complaint's own agent
 * (first responder). Business handlers, other agents, auditors and admins see them masked.
 */
export function presentComplaint(view: ComplaintView, customer: CustomerDetails | undefined, p: Principal) {
  const { customerRef, version: _version, ...rest } = view;
  const { unreadable, erased, ...clear } = customer ?? { name: '', phone: '' };
  const masked = !seesPii(view, p);
  const shown = masked
    ? { name: maskName(clear.name), phone: maskPhone(clear.phone), ...(clear.idNumber !== undefined ? { idNumber: maskIdNumber(clear.idNumber) } : {}) }
    : clear;
  // A row no configured key opens: empty fields and the marker the UI shows (docs/security.md "Keys").
  // An erased customer (their data key destroyed): empty fields and `erased: true` (docs/security.md "Customer data keys and erasure").
  const marker = erased ? { erased: true as const } : unreadable ? { unreadable: true as const } : {};
  // Views recorded before root causes and teams existed have neither: null, as the schema says.
  return { ...rest, rootCause: view.rootCause ?? null, agentTeam: view.agentTeam ?? null, customer: { ref: customerRef, ...shown, masked, ...marker }, repeat: view.repeatOf.length > 0 };
}

function seesPii(view: ComplaintView, p: Principal): boolean {
  return p.roles.includes('supervisor') || (p.roles.includes('cs_agent') && p.userId === view.agentId);
}

/** What presented complaints handed out in clear, for the PII access log (db/pii-access.ts); masked ones name nothing. */
export function clearAccessIn(presented: readonly ReturnType<typeof presentComplaint>[]): PiiAccessItem[] {
  return presented.flatMap((c) => {
    const item = clearAccessOf(c.id, c.customer);
    return item ? [item] : [];
  });
}
