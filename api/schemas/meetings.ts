import { agendaItemKinds, meetingDecisions, meetingKinds, meetingStatuses } from '../../domain/meetings/types.js';
import { z } from '../zod.js';
import { freeText, id, requiredFreeText, requiredText } from './common.js';

/** Request and answer schemas of the committee meetings (docs/meetings.md). Unknown fields are refused. */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month yyyy-mm');

export const MeetingParams = z.strictObject({ id: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-extra-[1-9]\d{0,2})?$/, 'meeting ids are yyyy-mm or yyyy-mm-extra-n') });
export const MeetingListQuery = z.strictObject({ month: month.optional(), status: z.enum(meetingStatuses).optional(), limit: z.coerce.number().int().min(1).max(100).optional() });

export const ConveneBodySchema = z
  .strictObject({ month: month.optional().openapi({ description: 'the meeting’s month; omitted: the current month' }), reason: requiredFreeText(2_000) })
  .openapi('ExtraMeeting', { description: 'The chair convenes an extra meeting of the month, with its reason' });
export const AttendBodySchema = z
  .strictObject({ userId: id.optional().openapi({ description: 'omitted: the caller; the chair may record another member present' }) })
  .openapi('MeetingAttendance');
export const AgendaItemBodySchema = z.strictObject({ title: requiredText(500), description: freeText(5_000) }).openapi('MeetingAgendaItem');
const ActionRequestSchema = z.strictObject({
  title: requiredText(500),
  plan: requiredFreeText(5_000),
  owner: z.strictObject({ userId: id, name: requiredText(200) }),
  ownerDepartment: requiredText(200),
  dueInDays: z.number().int().min(1).max(365).openapi({ description: 'working days from the decision to the due date' }),
});
export const DecisionBodySchema = z
  .strictObject({
    itemKey: z.string().min(1).max(300),
    decision: z.enum(meetingDecisions),
    comment: freeText(5_000).optional().openapi({ description: 'required for every decision but noted' }),
    action: ActionRequestSchema.optional().openapi({ description: 'the improvement action raise_action and post_launch_fix raise' }),
  })
  .openapi('MeetingDecision');
export const SignBodySchema = z.strictObject({ confirm: z.boolean().openapi({ description: 'the chair confirms the minutes as shown: true (false is refused)' }) }).openapi('MinutesSignature');

const Fact = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const QuorumSchema = z.object({ required: z.number().int(), present: z.number().int(), met: z.boolean() });
const ItemSchema = z.object({
  key: z.string(),
  kind: z.enum(agendaItemKinds),
  title: z.string(),
  facts: z.record(z.string(), Fact),
  link: z.string().nullable(),
  subjectId: z.string().nullable(),
  stake: z.object({ submitter: z.string(), owner: z.string().optional(), team: z.string() }).nullable(),
  addedBy: z.string().optional(),
  addedAt: z.string().optional(),
  recused: z.array(z.string()),
  quorum: QuorumSchema,
  decisions: z.array(z.enum(meetingDecisions)),
  decision: z
    .object({
      decision: z.enum(meetingDecisions),
      comment: z.string(),
      by: z.string(),
      at: z.string(),
      inChairsStead: z.boolean(),
      quorum: z.object({ required: z.number().int(), present: z.number().int() }),
      action: z.object({ title: z.string(), plan: z.string(), owner: z.object({ userId: z.string(), name: z.string() }), ownerDepartment: z.string(), dueInDays: z.number().int(), actionId: z.string() }).optional(),
    })
    .nullable(),
});
export const MeetingSchema = z
  .object({
    id: z.string(),
    month: z.string(),
    kind: z.enum(meetingKinds),
    reviewedMonth: z.string(),
    status: z.enum(meetingStatuses),
    convenedBy: z.string(),
    convenedAt: z.string(),
    reason: z.string().nullable(),
    chairUserId: z.string().nullable(),
    roster: z.array(z.object({ userId: z.string(), name: z.string(), department: z.string(), chair: z.boolean() })),
    attendance: z.array(z.object({ userId: z.string(), at: z.string(), by: z.string() })),
    quorum: QuorumSchema,
    items: z.array(ItemSchema),
    minutes: z.object({
      readyAt: z.string().nullable(),
      reminderAt: z.string().nullable(),
      escalateAt: z.string().nullable(),
      remindedAt: z.string().nullable(),
      escalatedAt: z.string().nullable(),
      signedAt: z.string().nullable(),
      signedBy: z.string().nullable(),
    }),
    policyVersion: z.number().int(),
  })
  .openapi('Meeting');
export const MeetingListSchema = z.object({ items: z.array(MeetingSchema) }).openapi('MeetingList');
