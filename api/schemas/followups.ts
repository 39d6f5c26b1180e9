import { followUpIdPattern } from '../../domain/followups/rules.js';
import { followUpOutcomes, followUpStatuses, outcomeNoteMax } from '../../domain/followups/types.js';
import { csatMax, csatMin, npsMax, npsMin, responseSources, surveyKinds, verbatimMaxLength } from '../../domain/surveys/types.js';
import { z } from '../zod.js';
import { freeText, requiredFreeText } from './common.js';

/** Request and answer schemas of callbacks and detractor follow-ups (docs/followups.md). Unknown fields are refused. */

export const maxCallbackAttempts = 20;

export const CallbackSchema = z
  .discriminatedUnion('reached', [
    z.strictObject({
      reached: z.literal(true),
      csat: z.number().int().min(csatMin).max(csatMax).openapi({ description: 'satisfaction, 1 (very dissatisfied) … 5 (very satisfied)' }),
      nps: z.number().int().min(npsMin).max(npsMax).openapi({ description: 'how likely to recommend us, 0 … 10' }),
      verbatim: freeText(verbatimMaxLength).optional().openapi({ description: 'what could be better, in the customer’s words (personal numbers are masked)' }),
    }),
    z.strictObject({
      reached: z.literal(false),
      attempts: z.number().int().min(1).max(maxCallbackAttempts).openapi({ description: 'how many calls went unanswered' }),
    }),
  ])
  .openapi('CallbackRecord', { description: 'A callback (回访) on a closed complaint: the customer reached with their scores, or unreachable after some attempts' });

export const ResponseSchema = z
  .object({
    id: z.string(),
    kind: z.enum(surveyKinds),
    source: z.enum(responseSources),
    reached: z.boolean(),
    attempts: z.number().int(),
    csat: z.number().int().nullable(),
    nps: z.number().int().nullable(),
    verbatim: z.string().nullable().openapi({ description: 'masked of personal numbers' }),
    detractor: z.boolean().openapi({ description: 'NPS 0–6 or CSAT ≤ 2: a follow-up opens for the supervisors' }),
    recordedBy: z.string().nullable().openapi({ description: 'the agent who recorded a callback; null for the customer’s own answer' }),
    respondedAt: z.string(),
    followUpId: z.string().nullable(),
    product: z.string(),
    channel: z.string(),
    department: z.string(),
    agentId: z.string().nullable(),
  })
  .openapi('SurveyResponse');
export const ResponseListSchema = z.object({ items: z.array(ResponseSchema) }).openapi('SurveyResponseList');

const OutcomeEntry = z.object({ outcome: z.enum(followUpOutcomes), note: z.string(), by: z.string(), byName: z.string(), at: z.string() });
export const FollowUpSchema = z
  .object({
    id: z.string().openapi({ description: 'the answer’s id' }),
    status: z.enum(followUpStatuses),
    complaintId: z.string(),
    source: z.enum(responseSources),
    kind: z.enum(surveyKinds),
    csat: z.number().int().nullable(),
    nps: z.number().int().nullable(),
    verbatim: z.string().nullable(),
    respondedAt: z.string(),
    department: z.string(),
    supervisorIds: z.array(z.string()).openapi({ description: 'the supervisors it is addressed to; empty: every supervisor' }),
    departmentHeadId: z.string().nullable(),
    openedAt: z.string(),
    due: z.string(),
    reminderAt: z.string(),
    dueState: z.enum(['pending', 'at_risk', 'overdue', 'met']),
    escalationLevel: z.number().int().openapi({ description: '0: the supervisors; 1: overdue, the department head told' }),
    outcome: OutcomeEntry.nullable(),
    closedAt: z.string().nullable(),
    policyVersion: z.number().int(),
    version: z.number().int(),
  })
  .openapi('FollowUp');
export const FollowUpListSchema = z.object({ items: z.array(FollowUpSchema) }).openapi('FollowUpList');

export const OutcomeSchema = z
  .strictObject({ outcome: z.enum(followUpOutcomes), note: requiredFreeText(outcomeNoteMax) })
  .openapi('FollowUpOutcome', { description: 'What came of the follow-up; it closes it' });

export const FollowUpParams = z.strictObject({ id: z.string().regex(followUpIdPattern, 'a follow-up id: the answer’s id') });
