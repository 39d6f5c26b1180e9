import { categories, channels, clockStates, complaintSorts, complaintStatuses, ownerKinds, severities } from '../../domain/complaints/types.js';
import { z } from '../zod.js';
import { rootCauseCodePattern } from '../../domain/complaints/root-causes.js';
import { complaintInputRules, customerRules } from '../../domain/complaints/inputs.js';
import { id, instant, ProcessEndedSchema, requiredFreeText, requiredText, text, textField } from './common.js';

/** Request and answer schemas of the Complaints section (docs/http-contract.md). Unknown fields are refused. */

const phone = textField(customerRules.phone);
const idNumber = textField(customerRules.idNumber);
const email = textField(customerRules.email);

export const CustomerSchema = z.strictObject({
  ref: textField(customerRules.ref),
  name: textField(customerRules.name),
  phone,
  idNumber: idNumber.optional(),
  email: email.optional().openapi({ description: 'Where the customer’s notices and the satisfaction survey link go by email (when no SMS gateway is configured); sealed at rest like the phone' }),
});

export const IntakeSchema = z
  .strictObject({
    channel: z.enum(channels),
    customer: CustomerSchema,
    initiativeId: id.optional(),
    category: z.enum(categories),
    severity: z.enum(severities),
    description: textField(complaintInputRules.intake.description),
    receivedAt: instant.optional(),
  })
  .openapi('ComplaintIntake');

export const RespondSchema = z.strictObject({ message: textField(complaintInputRules.respond.message), channel: z.enum(channels) }).openapi('ComplaintResponse');
export const TransferSchema = z.strictObject({ department: textField(complaintInputRules.transfer.department), reason: textField(complaintInputRules.transfer.reason) }).openapi('ComplaintTransfer');
export const CompensationSchema = z.strictObject({
  amount: z.number().gt(0).max(1_000_000_000),
  currency: z.literal('CNY'),
});
export const rootCauseCode = z.string().max(100).regex(rootCauseCodePattern, 'expected a root-cause code of the taxonomy, e.g. fees_pricing.undisclosed');
export const RootCauseChoiceSchema = z
  .strictObject({
    code: rootCauseCode,
    initiativeId: id.optional().openapi({ description: 'the product (initiative) the problem lies in, if not the complaint’s own' }),
  })
  .openapi('RootCauseChoice', { description: 'A cause (a leaf) of the root-cause taxonomy in force (GET /api/v1/policies/root-causes)' });
export const ResolutionSchema = z
  .strictObject({
    summary: textField(complaintInputRules.resolve.summary),
    remedy: textField(complaintInputRules.resolve.remedy),
    compensation: CompensationSchema.optional(),
    rootCause: RootCauseChoiceSchema.optional().openapi({ description: 'why it happened; required when the root-cause policy says so' }),
  })
  .openapi('ComplaintResolution');
export const RootCauseCorrectionSchema = z
  .strictObject({ code: rootCauseCode, initiativeId: id.optional(), reason: textField(complaintInputRules.rootCauseCorrection.reason) })
  .openapi('ComplaintRootCauseCorrection');
export const ApprovalSchema = z.strictObject({ approved: z.boolean(), comment: textField(complaintInputRules.approve.comment) }).openapi('ComplaintApproval');
export const SignoffSchema = z.strictObject({ comment: textField(complaintInputRules.signoff.comment) }).openapi('ComplaintSignoff');
export const FeedbackSchema = z
  .strictObject({ satisfied: z.boolean(), via: z.enum(['callback', 'survey']), comment: textField(complaintInputRules.feedback.comment) })
  .openapi('ComplaintFeedback');
export const AppealSchema = z.strictObject({ reason: textField(complaintInputRules.appeal.reason) }).openapi('ComplaintAppeal');
export const AppealDecisionSchema = z.strictObject({ upheld: z.boolean(), decision: textField(complaintInputRules.appealDecision.decision) }).openapi('ComplaintAppealDecision');
export const ReasonSchema = z.strictObject({ reason: textField(complaintInputRules.pause.reason) }).openapi('ComplaintReason');
export const ReassignSchema = z
  .strictObject({
    toUserId: textField(complaintInputRules.reassign.toUserId).openapi({ description: 'the agent to take the complaint: an active person of the staff directory with the role cs_agent, not its current agent' }),
    reason: textField(complaintInputRules.reassign.reason),
  })
  .openapi('ComplaintReassign');
export const ResumeSchema = z.strictObject({ reason: textField(complaintInputRules.resume.reason).optional() }).openapi('ComplaintResume');

export const CustomerUpdateSchema = z
  .strictObject({
    name: requiredText(200).optional(),
    phone: phone.optional(),
    idNumber: idNumber.optional(),
    reason: requiredFreeText(2_000).openapi({ description: 'Why the customer’s details change; recorded in the audit trail' }),
  })
  .refine((v) => v.name !== undefined || v.phone !== undefined || v.idNumber !== undefined, {
    message: 'give at least one of name, phone, idNumber',
    path: ['name'],
  })
  .openapi('ComplaintCustomerUpdate');

export const ComplaintParams = z.strictObject({ id: z.string().uuid('complaint ids are UUIDs') });

export const ComplaintListQuery = z.strictObject({
  status: z.enum(complaintStatuses).optional(),
  severity: z.enum(severities).optional(),
  category: z.enum(categories).optional(),
  owner: id.optional(),
  breached: z.enum(['true', 'false']).optional(),
  initiativeId: id.optional(),
  rootCause: rootCauseCode.optional().openapi({ description: 'a root cause (leaf) of the taxonomy' }),
  rootCauseGroup: rootCauseCode.optional().openapi({ description: 'a group (first level) of the taxonomy' }),
  product: id.optional().openapi({ description: 'the product counted against (the root cause’s, else the linked one); `none` for none' }),
  agent: id.optional().openapi({ description: 'the first responder' }),
  team: id.optional().openapi({ description: 'the first responder’s team; `none` for none' }),
  department: id.optional().openapi({ description: 'the accountable department: the one transferred to, else the first responder’s team; `none` for none' }),
  from: z.string().max(40).optional().openapi({ description: 'received at or after: YYYY-MM-DD (local midnight in the calendar’s time zone) or an ISO-8601 instant with offset' }),
  to: z.string().max(40).optional().openapi({ description: 'received before: same forms as `from`' }),
  sort: z.enum(complaintSorts).optional().openapi({ description: '`urgency` (default): breached, at risk, other running deadlines, then none, soonest deadline first; `received`: newest first. A cursor continues the order it was written for.' }),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
});

const ClockSchema = z.object({
  state: z.enum(clockStates),
  deadline: z.string(),
  provisional: z.boolean().openapi({ description: 'The deadline counts days of a year without an official holiday schedule yet; it may move when the schedule is imported (docs/calendar.md)' }),
  metAt: z.string().optional(),
  breachedAt: z.string().optional(),
});
const OwnerSchema = z.object({ kind: z.enum(ownerKinds), id: z.string() });
const RootCauseSchema = z.object({
  code: z.string(),
  group: z.string(),
  initiativeId: z.string().nullable(),
  taxonomyVersion: z.number().int(),
});
const RootCauseRecordSchema = RootCauseSchema.extend({
  by: z.string(),
  at: z.string(),
  via: z.enum(['resolution', 'correction']),
  reason: z.string().optional(),
}).openapi('RootCause');
const ResolutionEntrySchema = z.object({
  at: z.string(),
  proposedBy: z.string(),
  summary: z.string(),
  remedy: z.string(),
  compensation: z.object({ amount: z.number(), currency: z.literal('CNY') }).optional(),
  state: z.enum(['accepted', 'awaiting_approval', 'approved', 'rejected']).openapi({
    description: '`accepted`: reached the customer; `awaiting_approval` → `approved` / `rejected`: a compensation above the approval limit',
  }),
  source: z.enum(['handler', 'appeal']),
  approval: z.object({ approved: z.boolean(), by: z.string(), at: z.string(), comment: z.string() }).optional(),
  rootCause: RootCauseSchema.optional(),
});
const FeedbackEntrySchema = z.object({ at: z.string(), by: z.string(), satisfied: z.boolean(), via: z.enum(['callback', 'survey']), comment: z.string() });
const AppealEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  reason: z.string(),
  decision: z.object({ upheld: z.boolean(), decision: z.string(), by: z.string(), at: z.string() }).optional(),
});
const ReassignmentEntrySchema = z.object({ at: z.string(), by: z.string(), from: z.string(), to: z.string(), reason: z.string() });
const PersonNameSchema = z.object({ userId: z.string(), name: z.string() });
const PauseEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  reason: z.string(),
  resumedAt: z.string().optional(),
  resumedBy: z.string().optional(),
  capped: z.boolean().optional().openapi({ description: 'true when the longest allowed pause ended it' }),
});

export const ComplaintSchema = z
  .object({
    id: z.string(),
    status: z.enum(complaintStatuses),
    channel: z.enum(channels),
    category: z.enum(categories),
    severity: z.enum(severities),
    customer: z.object({
      ref: z.string(),
      name: z.string(),
      phone: z.string(),
      idNumber: z.string().optional(),
      email: z.string().optional().openapi({ description: 'masked: a***@bank.example' }),
      masked: z.boolean().openapi({ description: 'Always true: every complaint answer carries the customer masked; the clear details only through the reveal' }),
      unreadable: z.literal(true).optional().openapi({ description: 'The stored details do not decrypt with the configured PII keys (name and phone are then empty)' }),
      erased: z.literal(true).optional().openapi({ description: 'The customer’s personal data was erased (crypto-shredded): name and phone are empty for good' }),
      reveal: z
        .object({ reasonRequired: z.boolean() })
        .nullable()
        .openapi({ description: 'Whether this caller may show the customer in clear (POST /complaints/{id}/customer/reveal), and whether a reason is asked of them; null when they may not or nothing is left to show' }),
    }),
    initiativeId: z.string().optional(),
    description: z.string(),
    receivedAt: z.string(),
    owner: OwnerSchema,
    agentId: z.string(),
    department: z.string().nullable(),
    escalationLevel: z.number().int(),
    escalatedTo: OwnerSchema.nullable(),
    escalationRecipients: z.array(PersonNameSchema).openapi({
      description: 'who `escalatedTo` reaches now, by name, by the notification router’s rule over the staff directory: the supervisors (level 1), the head of the complaint’s department, else the supervisors (level 2), the committee chair (level 3); empty at level 0',
    }),
    clocks: z.object({
      firstResponse: ClockSchema,
      resolution: ClockSchema,
      customerFeedback: ClockSchema.optional(),
      investigation: ClockSchema.optional(),
      appeal: ClockSchema.optional(),
    }),
    deadlines: z.object({ firstResponse: z.string(), resolution: z.string() }),
    paused: z.boolean(),
    breaches: z.array(z.object({ clock: z.string(), at: z.string(), level: z.number().int(), window: z.number().int() })),
    responses: z.array(z.object({ at: z.string(), by: z.string(), message: z.string(), channel: z.enum(channels) })),
    transfers: z.array(z.object({ at: z.string(), by: z.string(), from: OwnerSchema, department: z.string(), reason: z.string() })),
    reassignments: z.array(ReassignmentEntrySchema).openapi({ description: 'a supervisor moved the complaint from one agent (`from`) to another (`to`), oldest first' }),
    resolutions: z.array(ResolutionEntrySchema),
    feedback: z.array(FeedbackEntrySchema),
    appeals: z.array(AppealEntrySchema),
    pauses: z.array(PauseEntrySchema),
    signoff: z.object({ by: z.string(), at: z.string(), comment: z.string() }).nullable(),
    chairUserId: z.string().nullable().openapi({ description: 'the committee chair, who signs off a complaint escalated to the committee' }),
    reopenCount: z.number().int(),
    repeat: z.boolean(),
    repeatOf: z.array(z.string()),
    policyVersion: z.number().int(),
    closedAt: z.string().nullable(),
    processEnded: ProcessEndedSchema.optional(),
    agentTeam: z.string().nullable().openapi({ description: 'the first responder’s team (their department at intake)' }),
    rootCause: RootCauseRecordSchema.nullable().openapi({ description: 'why it happened: named by a resolution or corrected by a supervisor; null until then' }),
    reclassified: z
      .object({ kind: z.enum(['inquiry', 'suggestion', 'praise']), feedbackId: z.string(), reason: z.string(), by: z.string(), at: z.string() })
      .optional()
      .openapi({ description: 'closed as feedback by a supervisor (docs/feedback.md "Reclassification"): the kind, the feedback item opened from it, why' }),
  })
  .openapi('Complaint');

export const ComplaintListSchema = z.object({ items: z.array(ComplaintSchema), nextCursor: z.string().nullable() }).openapi('ComplaintList');

export const ComplaintRelatedSchema = z
  .object({
    sameCustomer: z.array(
      z.object({
        id: z.string(),
        status: z.enum(complaintStatuses),
        receivedAt: z.string(),
        category: z.enum(categories),
        severity: z.enum(severities),
        summary: z.string().openapi({ description: 'the first line of the description' }),
        breached: z.boolean(),
        repeat: z.boolean().openapi({ description: 'counted as a repeat of this complaint, or this one of it' }),
        product: z.object({ id: z.string(), name: z.string() }).nullable(),
      }),
    ),
    product: z.object({ id: z.string(), name: z.string(), stage: z.string(), status: z.string() }).nullable().openapi({ description: 'the initiative the complaint is linked to' }),
  })
  .openapi('ComplaintRelated');
