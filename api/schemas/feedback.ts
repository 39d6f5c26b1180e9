import { channels } from '../../domain/complaints/types.js';
import { creditKinds, feedbackKinds, feedbackStatuses } from '../../domain/feedback/types.js';
import { maxReason, maxText } from '../../domain/feedback/rules.js';
import { z } from '../zod.js';
import { id, requiredFreeText, requiredText, freeText } from './common.js';
import { IntakeSchema } from './complaints.js';

/**
 * Request and answer schemas of feedback (docs/feedback.md). The intake takes the complaint
 * intake's own fields and rules (api/schemas/complaints.ts `IntakeSchema`: channel, customer,
 * product, description, receipt) — without the complaint's category and severity — and the kind.
 * Unknown fields are refused.
 */
export const FeedbackIntakeSchema = IntakeSchema.omit({ category: true, severity: true })
  .extend({ kind: z.enum(feedbackKinds) })
  .openapi('FeedbackIntake', { description: 'Log an inquiry, a suggestion or praise: the complaint intake’s fields (channel, customer, product, description, receipt) and the kind' });

export const FeedbackParams = z.strictObject({ id: z.string().uuid('feedback ids are UUIDs') });
export const FeedbackListQuery = z.strictObject({
  kind: z.enum(feedbackKinds).optional(),
  status: z.enum(feedbackStatuses).optional(),
  channel: z.enum(channels).optional(),
  department: requiredText(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const AnswerSchema = z.strictObject({ answer: requiredFreeText(maxText) }).openapi('FeedbackAnswer');
export const RouteSchema = z
  .strictObject({
    department: id.openapi({ description: 'the owning product team: a department of the directory (GET /api/v1/people/directory)' }),
    initiativeId: id.optional().openapi({ description: 'the initiative the suggestion is about; its owner may respond for the team' }),
    note: freeText(maxReason).optional(),
  })
  .openapi('FeedbackRouting');
export const FeedbackRespondSchema = z.strictObject({ response: requiredFreeText(maxText) }).openapi('FeedbackTeamResponse');
export const LinkSchema = z
  .strictObject({ initiativeId: id.openapi({ description: 'an initiative the suggestion is linked to' }) })
  .openapi('FeedbackLink', { description: 'Link the suggestion to an initiative (an improvement action is linked by raising it: POST /improvements with source kind `suggestion`)' });
export const CreditSchema = z
  .strictObject({ kind: z.enum(creditKinds), id: id.openapi({ description: 'a person (user id) or a department / branch of the directory' }), note: freeText(maxReason).optional() })
  .openapi('FeedbackCredit');
export const ArchiveSchema = z.strictObject({ note: freeText(maxReason).optional() }).openapi('FeedbackArchive');
export const ReclassifyAsComplaintSchema = z
  .strictObject({
    reason: requiredFreeText(maxReason),
    category: IntakeSchema.shape.category,
    severity: IntakeSchema.shape.severity,
  })
  .openapi('FeedbackReclassification', { description: 'The item was really a complaint: a complaint is opened with the same intake facts; the item ends `reclassified` pointing at it' });
export const ReclassifyComplaintSchema = z
  .strictObject({ kind: z.enum(feedbackKinds), reason: requiredFreeText(maxReason) })
  .openapi('ComplaintReclassification', { description: 'The complaint was really an inquiry, a suggestion or praise: it closes with the reason and a link to the feedback item opened with the same intake facts' });

const Entry = z.object({ text: z.string(), by: z.string(), at: z.string() });
export const FeedbackSchema = z
  .object({
    id: z.string(),
    kind: z.enum(feedbackKinds),
    status: z.enum(feedbackStatuses),
    channel: z.enum(channels),
    description: z.string(),
    receivedAt: z.string(),
    initiativeId: z.string().nullable(),
    customer: z.object({
      ref: z.string(),
      name: z.string(),
      phone: z.string(),
      masked: z.literal(true).openapi({ description: 'Always masked: the clear details of feedback are not shown' }),
      erased: z.literal(true).optional(),
      unreadable: z.literal(true).optional(),
    }),
    loggedBy: z.object({ userId: z.string(), name: z.string() }),
    ownerId: z.string(),
    firstResponse: z
      .object({ due: z.string(), atRiskAt: z.string(), state: z.enum(['pending', 'at_risk', 'breached', 'met']), metAt: z.string().nullable(), onTime: z.boolean().nullable() })
      .nullable()
      .openapi({ description: 'an inquiry’s first-response target (null for suggestions and praise)' }),
    answer: Entry.nullable(),
    routing: z
      .object({ department: z.string(), initiativeId: z.string().nullable(), teamLeadId: z.string().nullable(), initiativeOwnerId: z.string().nullable(), note: z.string(), by: z.string(), at: z.string() })
      .nullable(),
    response: Entry.nullable(),
    links: z.object({ improvements: z.array(z.string()), initiatives: z.array(z.string()) }),
    credit: z.object({ kind: z.enum(creditKinds), id: z.string(), name: z.string(), note: z.string(), by: z.string(), at: z.string() }).nullable(),
    archive: Entry.nullable(),
    reclassified: z.object({ complaintId: z.string(), reason: z.string(), by: z.string(), at: z.string() }).nullable(),
    reclassifiedFrom: z.object({ complaintId: z.string(), reason: z.string(), by: z.string() }).nullable(),
    closedAt: z.string().nullable(),
    allowed: z.array(z.string()).openapi({ description: 'the commands the item’s status takes now (who may give them is checked on each)' }),
    policyVersion: z.number().int(),
    version: z.number().int(),
  })
  .openapi('Feedback');
export const FeedbackListSchema = z.object({ items: z.array(FeedbackSchema) }).openapi('FeedbackList');
export const ReclassifiedComplaintSchema = z
  .object({ complaintId: z.string(), feedback: FeedbackSchema })
  .openapi('ComplaintReclassified', { description: 'The complaint closed as feedback, and the feedback item opened from it' });
