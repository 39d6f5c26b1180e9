import type { AuditEventView } from '../../audit/events.js';
import { auditEntityTypes } from '../../domain/trail.js';
import type { PiiAccessView } from '../../db/pii-access.js';
import { piiAccessPurposes, piiFields } from '../../domain/pii-access.js';
import { id, instant } from './common.js';
import { z } from '../zod.js';

export { auditEntityTypes };

const timestamp = instant;

export const AuditEventSchema = z
  .object({
    id: z.string(),
    entityType: z.enum(auditEntityTypes),
    entityId: z.string(),
    seq: z.number().int(),
    actor: z.string(),
    roles: z.array(z.string()),
    action: z.string(),
    at: z.string(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    reason: z.string().optional(),
    hash: z.string(),
    prevHash: z.string().nullable(),
  })
  .openapi('AuditEvent', {
    description:
      'A recorded action. `hash` = sha256 (hex) of the RFC 8785 canonical JSON of { entityType, entityId, seq, actor, roles, action, at, before, after, reason, prevHash } (absent fields as null), computed over the unmasked values; customer PII is masked here.',
  }) satisfies z.ZodType<AuditEventView>; // the document of audit/events.ts's view: a field added there fails here

export const AuditEventsQuerySchema = z.object({
  entityType: z.enum(auditEntityTypes).optional(),
  entityId: id.optional(),
  actor: z.string().min(1).max(200).optional(),
  action: z
    .string()
    .regex(/^[a-z_]+\.([a-z0-9_.]*)$/, 'an action (complaint.responded) or a family of actions ending in a dot (complaint.)')
    .max(100)
    .optional()
    .openapi({ description: 'one action, or every action of a family: `complaint.` (ending in a dot)' }),
  from: timestamp.optional().openapi({ description: 'inclusive, ISO-8601 with offset' }),
  to: timestamp.optional().openapi({ description: 'exclusive, ISO-8601 with offset' }),
  order: z.enum(['asc', 'desc']).default('asc').openapi({ description: '`asc`: oldest first; `desc`: the most recent first. One record (entityType + entityId) is in chain order (seq), anything else in recording order.' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(100).optional(),
});

export const AuditEventPageSchema = z.object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() }).openapi('AuditEventPage');

export const AuditVerifyQuerySchema = z
  .object({ entityType: z.enum(auditEntityTypes).optional(), entityId: id.optional() })
  .refine((q) => (q.entityType === undefined) === (q.entityId === undefined), { message: 'give both entityType and entityId, or neither (the whole trail)', path: ['entityId'] });

const breakFields = {
  firstBrokenAt: z.string().optional().openapi({ description: '`<entityType>/<entityId>#<seq>`: the position of the first broken event in its chain (a deleted event keeps its position); `checkpoint#<id>` for a checkpoint; `archive:<workflowId>/<runId>` for an archived history' }),
  reason: z.string().optional(),
  detail: z.string().optional(),
};

export const ChainBreakSchema = z.object({ entityType: z.string(), entityId: z.string(), ok: z.boolean(), checked: z.number().int(), eventId: z.string().optional(), ...breakFields });

export const AuditVerificationSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().openapi({ description: 'events verified' }),
    ...breakFields,
    entities: z.number().int().optional(),
    brokenCount: z.number().int().optional(),
    broken: z.array(ChainBreakSchema).optional(),
    checkpoint: z.unknown().optional(),
    archives: z
      .object({
        ok: z.boolean(),
        checked: z.number().int().openapi({ description: 'archived histories verified' }),
        broken: z.array(z.object({ workflowId: z.string(), runId: z.string(), firstBrokenAt: z.string(), reason: z.enum(['archive_altered', 'archive_unrecorded', 'archive_missing']), detail: z.string() })),
      })
      .optional()
      .openapi({ description: 'Every archived workflow history against the sha256 and event count the audit trail recorded when it was archived (whole-trail verification only)' }),
  })
  .openapi('AuditVerification');

export const AuditExportParamsSchema = z.object({ entityType: z.enum(auditEntityTypes), entityId: id });

export const AuditExportSchema = z
  .object({
    entityType: z.string(),
    entityId: z.string(),
    events: z.array(AuditEventSchema),
    history: z
      .object({
        workflowId: z.string(),
        runId: z.string(),
        status: z.string(),
        source: z.enum(['archive', 'live']),
        closedAt: z.string().nullable(),
        eventCount: z.number().int(),
        sha256: z.string().optional(),
        verified: z.boolean().optional(),
        events: z.array(z.unknown()),
        previousRuns: z.array(z.unknown()),
      })
      .nullable()
      .openapi({ description: 'The Temporal event history (JSON as Temporal’s tools write it: `events`) of the newest run — archived once closed, live while running — with earlier runs in `previousRuns`; null for entities without a workflow (policy, committee, calendar).' }),
    verification: AuditVerificationSchema,
    exportedAt: z.string(),
    masking: z.string(),
  })
  .openapi('AuditExport');

export const PiiAccessQuerySchema = z.object({
  actor: z.string().min(1).max(200).optional().openapi({ description: 'who was handed the details (user id)' }),
  complaintId: id.optional().openapi({ description: 'records naming this complaint' }),
  from: timestamp.optional().openapi({ description: 'inclusive, ISO-8601 with offset' }),
  to: timestamp.optional().openapi({ description: 'exclusive, ISO-8601 with offset' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(100).optional(),
});

export const PiiAccessSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    roles: z.array(z.string()),
    action: z.enum(['pii_access.granted', 'pii_access.flagged']).openapi({ description: '`granted`: details handed out in clear; `flagged`: the person passed the distinct-customer threshold and compliance was notified' }),
    purpose: z.enum(piiAccessPurposes).nullable(),
    requestId: z.string().nullable().openapi({ description: 'the request’s X-Request-Id, as in the access log; for a notice to the customer, the delivery’s message id' }),
    items: z.array(z.object({ complaintId: z.string(), customerRef: z.string(), fields: z.array(z.enum(piiFields)) })),
    reason: z.string().nullable().openapi({ description: 'why the person asked to see the details (a `reveal` by anyone but the complaint’s own agent); phone and id numbers in it masked' }),
    flag: z.object({ distinctCustomers: z.number().int(), threshold: z.number().int(), windowMinutes: z.number().int() }).nullable(),
    chain: z.string().openapi({ description: 'the audit chain (`pii_access/<chain>`, `<YYYY-MM-DD>:<actor>`) the record belongs to' }),
    seq: z.number().int(),
    hash: z.string(),
  })
  .openapi('PiiAccess', { description: 'One entry of the PII access log: customer details handed out in clear (never the details themselves), or a flag raised to compliance.' }) satisfies z.ZodType<PiiAccessView>;

export const PiiAccessPageSchema = z.object({ items: z.array(PiiAccessSchema), nextCursor: z.string().nullable() }).openapi('PiiAccessPage');
