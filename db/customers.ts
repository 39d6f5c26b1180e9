import { eq } from 'drizzle-orm';
import { maskIdNumber, maskName, maskPhone, type PiiCipher } from '../security/pii.js';
import { appendAuditEvent } from './audit.js';
import type { Database } from './client.js';
import { auditEvents, complaintCustomers } from './schema/index.js';

/**
 * Corrections of a complaint's customer details (complaint_customers: name, phone, id number),
 * product.md §3: "every change to customer information records person, time and reason".
 *
 * Why a direct database write and not a Workflow Update like every other complaint command: the
 * customer's details are master data, not process state. The complaint workflow never sees them
 * (it carries `customerRef` and `piiRef` only, so no PII ever enters Temporal history), and no
 * rule of the process depends on them. What the process path guarantees is kept here: the
 * re-sealed row and its audit event commit in one transaction, and the event's source key makes
 * a retry (same Idempotency-Key) change nothing.
 *
 * The audit event never holds PII in clear: before/after carry the changed fields masked with the
 * rules of security/pii.ts (the auditor sees that the phone changed and who changed it, why and
 * when — not the number), plus the list of changed fields, since two different values can mask
 * alike.
 */
export const customerFields = ['name', 'phone', 'idNumber'] as const;
export type CustomerField = (typeof customerFields)[number];
export type CustomerChange = Partial<Record<CustomerField, string>>;

export interface CustomerUpdate {
  complaintId: string;
  change: CustomerChange;
  reason: string;
  actor: { userId: string; roles: string[] };
  /** Idempotency: one event per source key; a second call with the same key is a no-op. */
  sourceKey: string;
  at?: Date;
}

export type CustomerUpdateResult =
  | { kind: 'not_found' }
  /** `changed` empty: the values given are the stored ones; nothing was written. */
  | { kind: 'updated'; changed: CustomerField[] }
  | { kind: 'replayed' };

const maskers: Record<CustomerField, (s: string) => string> = { name: maskName, phone: maskPhone, idNumber: maskIdNumber };

/** The sealing context of one field: binds the ciphertext to its row and column (security/pii.ts). */
export const piiContext = (complaintId: string, field: CustomerField) => `${complaintId}:${field}`;

export async function updateComplaintCustomer(db: Database, cipher: PiiCipher, u: CustomerUpdate): Promise<CustomerUpdateResult> {
  return db.transaction(async (tx) => {
    const [done] = await tx.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.sourceKey, u.sourceKey));
    if (done) return { kind: 'replayed' };

    const [row] = await tx.select().from(complaintCustomers).where(eq(complaintCustomers.complaintId, u.complaintId)).for('update');
    if (!row) return { kind: 'not_found' };
    const current: Partial<Record<CustomerField, string>> = {
      name: cipher.decrypt(row.nameEnc, piiContext(u.complaintId, 'name')),
      phone: cipher.decrypt(row.phoneEnc, piiContext(u.complaintId, 'phone')),
      ...(row.idNumberEnc ? { idNumber: cipher.decrypt(row.idNumberEnc, piiContext(u.complaintId, 'idNumber')) } : {}),
    };
    const changed = customerFields.filter((f) => u.change[f] !== undefined && u.change[f] !== current[f]);
    if (changed.length === 0) return { kind: 'updated', changed };

    const next = { ...current, ...u.change };
    // Every field is sealed again (fresh IVs): the row is rewritten as one value.
    await tx
      .update(complaintCustomers)
      .set({
        nameEnc: cipher.encrypt(next.name!, piiContext(u.complaintId, 'name')),
        phoneEnc: cipher.encrypt(next.phone!, piiContext(u.complaintId, 'phone')),
        idNumberEnc: next.idNumber !== undefined ? cipher.encrypt(next.idNumber, piiContext(u.complaintId, 'idNumber')) : null,
      })
      .where(eq(complaintCustomers.complaintId, u.complaintId));

    const masked = (values: Partial<Record<CustomerField, string>>) =>
      Object.fromEntries(changed.map((f) => [f, values[f] === undefined ? null : maskers[f](values[f])]));
    await appendAuditEvent(tx, {
      entityType: 'complaint',
      entityId: u.complaintId,
      sourceKey: u.sourceKey,
      actor: u.actor.userId,
      roles: u.actor.roles,
      action: 'complaint.customer_updated',
      at: u.at ?? new Date(),
      before: { customer: masked(current) },
      after: { customer: masked(next), changed },
      reason: u.reason,
    });
    return { kind: 'updated', changed };
  });
}
