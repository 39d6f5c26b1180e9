import { businessLines, decisions, gateStages, initiativeStatuses, stages } from '../../domain/gates/stages.js';
import { z } from '../zod.js';
import { initiativeInputRules } from '../../domain/gates/inputs.js';
import { DurationSchema, freeText, id, ProcessEndedSchema, requiredFreeText, textField } from './common.js';

/**
 * Request and response schemas of "Initiatives and gates" (docs/http-contract.md). Requests are strict (unknown
 * fields → 400). Deliverables are judged by domain/gates/deliverables.ts `validateDeliverables`,
 * the same rule the workflow applies, so they are only shaped here.
 */

export const InitiativeParams = z.strictObject({ id });

export const CreateInitiativeSchema = z
  .strictObject({
    name: textField(initiativeInputRules.create.name),
    businessLine: z.enum(businessLines),
    description: textField(initiativeInputRules.create.description),
    team: textField(initiativeInputRules.create.team),
  })
  .openapi('CreateInitiative');

export const ListInitiativesQuery = z.strictObject({
  stage: z.enum(stages).optional(),
  status: z.enum(initiativeStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

export const SubmissionSchema = z
  .strictObject({
    stage: z.enum(gateStages),
    deliverables: z.unknown().openapi({
      description:
        'The stage’s deliverables (docs/http-contract.md: Research, Design, PrototypeTesting, LaunchAssessment). Each missing or invalid part is named in the 400 answer’s `errors`.',
    }),
  })
  .openapi('Submission');

export const VoteSchema = z
  .strictObject({
    decision: z.enum(decisions),
    comment: freeText(10_000),
  })
  .openapi('Vote');

export const SignOffSchema = z
  .strictObject({
    decision: z.enum(decisions),
    comment: freeText(10_000),
    override: z.boolean().optional(),
  })
  .openapi('SignOff');

export const ExtendSchema = z
  .strictObject({
    until: DurationSchema.refine((d) => d.amount > 0, 'the extension must be longer than zero'),
    reason: requiredFreeText(2_000),
  })
  .openapi('ExtendReview');

export const WithdrawSchema = z.strictObject({ reason: requiredFreeText(2_000) }).openapi('Withdraw');

// ---------------------------------------------------------------------------------------------
// Responses (documentation; answers may carry more fields)

const VoteRecordSchema = z.object({
  userId: z.string(),
  decision: z.enum(decisions),
  comment: z.string(),
  at: z.string(),
  revision: z.number().int(),
});

export const ReviewSchema = z
  .object({
    id: z.string(),
    initiativeId: z.string(),
    stage: z.enum(gateStages),
    version: z.number().int(),
    status: z.enum(['open', 'escalated', 'decided', 'withdrawn']).openapi({ description: '`withdrawn`: closed without a decision because the initiative was withdrawn' }),
    openedAt: z.string(),
    deadline: z.string(),
    provisional: z.boolean().optional().openapi({ description: 'The open review\'s deadline counts days of a year without an official holiday schedule yet; it may move when the schedule is imported (docs/calendar.md)' }),
    reminderAt: z.string(),
    submittedBy: z.string(),
    chair: z.string(),
    eligible: z.array(z.string()),
    recused: z.array(z.string()),
    votes: z.array(VoteRecordSchema).openapi({ description: 'Every vote and revision, in the order cast' }),
    quorum: z.object({ required: z.number().int(), cast: z.number().int(), met: z.boolean() }),
    deliverables: z.unknown(),
    policyVersion: z.number().int(),
    carriedComments: z.array(z.string()).optional(),
    remindedAt: z.string().optional(),
    escalatedAt: z.string().optional(),
    extension: z.object({ until: z.string(), duration: DurationSchema, reason: z.string(), by: z.string(), at: z.string() }).optional(),
    outcome: z.enum(decisions).optional(),
    signedOffBy: z.string().optional(),
    signOffComment: z.string().optional(),
    override: z.boolean().optional(),
    decidedAt: z.string().optional(),
    comments: z.array(z.string()).optional(),
    withdrawnAt: z.string().optional(),
  })
  .openapi('Review');

export const SignOffResultSchema = ReviewSchema.extend({
  initiative: z.object({ id: z.string(), stage: z.enum(stages), status: z.enum(initiativeStatuses) }),
}).openapi('SignOffResult');

export const InitiativeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    businessLine: z.enum(businessLines),
    description: z.string(),
    team: z.string(),
    owner: z.string(),
    ownerName: z.string(),
    stage: z.enum(stages),
    status: z.enum(initiativeStatuses),
    nextVersion: z.number().int().nullable(),
    requestedChanges: z.array(z.string()).nullable(),
    withdrawal: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
    postLaunch: z
      .object({
        windowStart: z.string(),
        windowEnd: z.string(),
        threshold: z.number().int(),
        linkedComplaints: z.number().int(),
        status: z.enum(['monitoring', 'ended']),
        reviewItem: z
          .object({
            id: z.string(),
            raisedAt: z.string(),
            complaintCount: z.number().int(),
            threshold: z.number().int(),
            cause: z.enum(['complaints', 'nps_drop']).optional().openapi({ description: 'what raised it (absent: complaints, items raised before NPS drops could)' }),
            nps: z
              .object({ campaignId: z.string(), previous: z.number(), current: z.number(), drop: z.number(), previousAnswers: z.number().int(), currentAnswers: z.number().int() })
              .optional()
              .openapi({ description: 'the NPS drop that raised it: the two periods’ scores and answers' }),
            decision: z
              .object({
                decision: z.enum(['continue', 'fix', 'withdraw']),
                meetingId: z.string().nullable(),
                decidedBy: z.string().nullable(),
                decidedAt: z.string().nullable(),
                comment: z.string().nullable(),
                actionId: z.string().nullable().openapi({ description: 'the improvement action a "fix" raised' }),
              })
              .optional()
              .openapi({ description: 'the committee meeting’s decision on the item (GET of one initiative), once taken' }),
          })
          .nullable(),
      })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    // A union, not ReviewSchema.nullable(): zod-to-openapi would make the Review component
    // itself nullable, and every review in `reviews` with it.
    review: z.union([ReviewSchema, z.null()]),
    reviews: z.array(ReviewSchema),
    processEnded: ProcessEndedSchema.optional(),
  })
  .openapi('Initiative');

export const InitiativePageSchema = z.object({ items: z.array(InitiativeSchema), nextCursor: z.string().nullable() }).openapi('InitiativePage');

const npsPoints = z.number().nullable().openapi({ description: 'NPS points −100…100; null without answers' });
export const ProductVoiceSchema = z
  .object({
    initiativeId: z.string(),
    timeZone: z.string(),
    months: z.array(
      z.object({
        month: z.string().openapi({ description: 'YYYY-MM in the institution’s time zone' }),
        complaints: z.number().int().min(0).openapi({ description: 'complaints about the product received in the month' }),
        nps: z.object({
          answers: z.number().int().min(0),
          promoters: z.number().int().min(0),
          passives: z.number().int().min(0),
          detractors: z.number().int().min(0),
          score: npsPoints,
          low: npsPoints.openapi({ description: 'adjusted-Wald 95 % interval, low end' }),
          high: npsPoints.openapi({ description: 'adjusted-Wald 95 % interval, high end' }),
        }),
      }),
    ),
  })
  .openapi('ProductVoice', { description: 'A product’s NPS and complaints month by month, since twelve months before today (docs/surveys.md "Product NPS")' });
