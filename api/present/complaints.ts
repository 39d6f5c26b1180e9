import type { CustomerDetails } from '../../db/complaints.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import { revealOffer } from '../../domain/complaints/customer-reveal.js';
import { clearAccessOf, type PiiAccessItem, type PiiField } from '../../domain/pii-access.js';
import { maskEmail, maskIdNumber, maskName, maskPhone } from '../../security/pii.js';
import type { Principal } from '../auth/roles.js';

/**
 * A complaint as the API answers it: the workflow's view with the customer's details added,
 * masked for every caller (docs/complaints.md "The customer: masked until shown"). The clear
 * details leave only through a deliberate reveal (`presentRevealedCustomer`); `customer.reveal`
 * tells the caller whether they may ask, and whether a reason is asked of them.
 */
export function presentComplaint(view: ComplaintView, customer: CustomerDetails | undefined, p: Principal) {
  const { customerRef, version: _version, ...rest } = view;
  const { unreadable, erased, ...clear } = customer ?? { name: '', phone: '' };
  // A row no configured key opens: empty fields and the marker the UI shows (docs/security.md "Keys").
  // An erased customer (their data key destroyed): empty fields and `erased: true` (docs/security.md "Customer data keys and erasure").
  const marker = erased ? { erased: true as const } : unreadable ? { unreadable: true as const } : {};
  const reveal = customer ? revealOffer(view, p, marker) : null;
  // Views recorded before root causes and teams existed have neither: null, as the schema says.
  return { ...rest, rootCause: view.rootCause ?? null, agentTeam: view.agentTeam ?? null, customer: { ref: customerRef, ...masked(clear), masked: true, ...marker, reveal }, repeat: view.repeatOf.length > 0 };
}

function masked(clear: { name: string; phone: string; idNumber?: string; email?: string }, keep: readonly PiiField[] = []) {
  const show = (f: PiiField, mask: (v: string) => string, v: string) => (keep.includes(f) ? v : mask(v));
  return {
    name: show('name', maskName, clear.name),
    phone: show('phone', maskPhone, clear.phone),
    ...(clear.idNumber !== undefined ? { idNumber: show('idNumber', maskIdNumber, clear.idNumber) } : {}),
    ...(clear.email !== undefined ? { email: show('email', maskEmail, clear.email) } : {}),
  };
}

/**
 * The customer of a deliberate reveal: the asked fields in clear, the others masked, and which
 * fields went out in clear (the non-empty asked ones) — what the PII access record names.
 */
export function presentRevealedCustomer(customerRef: string, customer: { name: string; phone: string; idNumber?: string; email?: string }, fields: readonly PiiField[]) {
  const revealed = fields.filter((f) => typeof customer[f] === 'string' && customer[f] !== '');
  return { customer: { ref: customerRef, ...masked(customer, revealed) }, revealed };
}

/**
 * What presented complaints handed out in clear, for the PII access log (db/pii-access.ts): nothing
 * while every answer is masked; kept so an answer that ever carried clear details is recorded.
 */
export function clearAccessIn(presented: readonly ReturnType<typeof presentComplaint>[]): PiiAccessItem[] {
  return presented.flatMap((c) => {
    const item = clearAccessOf(c.id, c.customer);
    return item ? [item] : [];
  });
}
