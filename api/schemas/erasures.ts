import { customerRules } from '../../domain/complaints/inputs.js';
import { erasureOrigins, erasureStatuses } from '../../domain/erasure/types.js';
import { z } from '../zod.js';
import { requiredFreeText, textField } from './common.js';

/** Request and answer schemas of personal-data erasure and legal holds (docs/security.md). Unknown fields are refused. */

const customerRef = textField(customerRules.ref);

export const ErasureRequestSchema = z
  .strictObject({ customerRef, reason: requiredFreeText(2_000) })
  .openapi('ErasureRequest', { description: 'Erase a customer’s personal data (by their customer reference); it waits for holds and a second compliance auditor’s approval' });

export const ErasureDecisionSchema = z
  .strictObject({
    approved: z.boolean(),
    comment: requiredFreeText(2_000).optional().openapi({ description: 'required for a refusal' }),
  })
  .openapi('ErasureDecision');

const HoldSchema = z.union([
  z.object({ kind: z.literal('open_complaint'), complaintId: z.string(), status: z.string() }),
  z.object({ kind: z.literal('open_appeal'), complaintId: z.string() }),
  z.object({ kind: z.literal('legal_hold'), holdId: z.string(), reason: z.string(), setBy: z.string() }),
]);

export const ErasureSchema = z
  .object({
    id: z.string(),
    customerRef: z.string(),
    status: z.enum(erasureStatuses),
    origin: z.enum(erasureOrigins),
    reason: z.string(),
    requestedBy: z.object({ userId: z.string(), name: z.string() }),
    requestedAt: z.string(),
    holds: z.array(HoldSchema),
    complaints: z.array(z.object({ id: z.string(), status: z.string(), receivedAt: z.string(), closedAt: z.string().nullable() })),
    checkedAt: z.string().nullable(),
    decision: z.object({ approved: z.boolean(), by: z.string(), at: z.string(), comment: z.string() }).nullable(),
    proof: z
      .object({
        dataKeysDestroyed: z.array(z.string()),
        rowsOverwritten: z.number().int(),
        rowsChecked: z.number().int(),
        rowsStillReadable: z.number().int(),
        chains: z.object({ checked: z.number().int(), ok: z.boolean(), firstBroken: z.string().optional() }),
        ledger: z.enum(['appended', 'already_there', 'not_configured']),
        executedAt: z.string(),
        verifiedAt: z.string(),
        ok: z.boolean(),
      })
      .nullable(),
    closedAt: z.string().nullable(),
    policyVersion: z.number().int(),
  })
  .openapi('Erasure');

export const ErasureParams = z.strictObject({ id: z.string().uuid('erasure ids are UUIDs') });
export const ErasureListQuery = z.strictObject({
  status: z.enum(erasureStatuses).optional(),
  customerRef: customerRef.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
});
export const ErasureListSchema = z.object({ items: z.array(ErasureSchema), nextCursor: z.string().nullable() }).openapi('ErasureList');

export const LegalHoldBodySchema = z.strictObject({ customerRef, reason: requiredFreeText(2_000) }).openapi('LegalHoldRequest');
export const LegalHoldLiftSchema = z.strictObject({ reason: requiredFreeText(2_000) }).openapi('LegalHoldLift');
export const LegalHoldParams = z.strictObject({ id: z.string().uuid('legal hold ids are UUIDs') });
export const LegalHoldSchema = z
  .object({
    id: z.string(),
    customerRef: z.string(),
    reason: z.string(),
    setBy: z.string(),
    setAt: z.string(),
    liftedBy: z.string().nullable(),
    liftedAt: z.string().nullable(),
    liftReason: z.string().nullable(),
  })
  .openapi('LegalHold');
export const LegalHoldListQuery = z.strictObject({ customerRef: customerRef.optional(), active: z.enum(['true', 'false']).optional() });
export const LegalHoldListSchema = z.object({ items: z.array(LegalHoldSchema) }).openapi('LegalHoldList');
