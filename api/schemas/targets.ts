import { proposalStatuses } from '../../domain/targets/proposal.js';
import { z } from '../zod.js';
import { requiredText } from './common.js';

/** Request and answer schemas of the KPI targets and their proposals (docs/reports.md, "Targets"). */

const share = z.number().gt(0).max(1).openapi({ description: 'a share 0..1' });

export const KpiTargetsSchema = z
  .strictObject({
    firstResponseOnTime: share.openapi({ description: 'first-response clocks met in time / settled: at least' }),
    resolutionRate: share.openapi({ description: 'complaints resolved / received: at least' }),
    resolutionOnTime: z.strictObject({ general: share, major: share, urgent: share }).openapi({ description: 'resolution deadlines kept / settled, by severity: at least' }),
    satisfaction: share.openapi({ description: 'satisfied answers / answers: at least' }),
    gateReviewCycleWorkingHours: z.number().gt(0).max(10_000).openapi({ description: 'mean gate review cycle in working hours: at most' }),
    callbackCoverage: share.optional().openapi({ description: 'closed complaints surveyed or called back / closed: at least (absent: the default, 100 %)' }),
  })
  .openapi('KpiTargets');

export const TargetsInForceSchema = z.object({ targets: KpiTargetsSchema, version: z.number().int().min(0).openapi({ description: '0: the defaults, never approved' }) }).openapi('TargetsInForce');

export const ProposalBodySchema = z
  .strictObject({ targets: KpiTargetsSchema, reason: requiredText(2_000).openapi({ description: 'why the targets should change; recorded in the audit trail' }) })
  .openapi('TargetProposalRequest');

export const DecisionBodySchema = z.strictObject({ approved: z.boolean(), comment: requiredText(2_000) }).openapi('TargetDecision');

export const ProposalSchema = z
  .object({
    id: z.string(),
    status: z.enum(proposalStatuses),
    targets: KpiTargetsSchema,
    base: TargetsInForceSchema.openapi({ description: 'the targets in force when proposed: what an approval replaces' }),
    changes: z.array(z.string()).openapi({ description: '`path: before → after` for every target that would change' }),
    reason: z.string(),
    proposedBy: z.string(),
    proposedAt: z.string(),
    chairUserId: z.string().nullable().openapi({ description: 'the committee chair who decides (null: the roster had none; the proposal lapsed)' }),
    deadline: z.string(),
    reminderAt: z.string(),
    decision: z
      .object({
        approved: z.boolean(),
        by: z.string(),
        at: z.string(),
        comment: z.string(),
        via: z.union([z.object({ kind: z.literal('chair') }), z.object({ kind: z.literal('meeting'), meetingId: z.string() })]),
      })
      .nullable(),
    lapsedAt: z.string().nullable(),
    appliedVersion: z.number().int().nullable().openapi({ description: 'the targets version the approval wrote' }),
  })
  .openapi('TargetProposal');

export const ProposalParams = z.strictObject({ id: z.string().uuid('proposal ids are UUIDs') });
export const ProposalListQuery = z.strictObject({
  status: z.enum(proposalStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
});
export const ProposalListSchema = z.object({ items: z.array(ProposalSchema), nextCursor: z.string().nullable() }).openapi('TargetProposalList');
