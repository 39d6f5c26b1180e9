import { sourceIdPattern } from '../../domain/improvements/ids.js';
import { maxDueDays, maxEvidence } from '../../domain/improvements/rules.js';
import { effectivenessDimensions, effectivenessVerdicts, improvementSourceKinds, improvementStatuses } from '../../domain/improvements/types.js';
import { z } from '../zod.js';
import { id, requiredFreeText, requiredText, text } from './common.js';

/** Request and answer schemas of the improvement actions (docs/improvements.md). Unknown fields are refused. */

const Evidence = z.strictObject({
  url: z.string().max(2_000).regex(/^https?:\/\/[^\s]+$/i, 'an http(s) address'),
  note: text(500),
});
const dueInDays = z.number().int().min(1).max(maxDueDays).openapi({ description: 'working days (business calendar) from now to the due date' });
const ids = (what: string) => z.array(id).max(100).openapi({ description: what });

export const RaiseImprovementSchema = z
  .strictObject({
    source: z.strictObject({
      kind: z.enum(improvementSourceKinds),
      id: z.string().regex(sourceIdPattern, 'letters, digits and _ . : - (1–120)').optional().openapi({ description: 'the source record (omitted for a supervisor’s own action: a fresh id is given)' }),
      label: text(300).optional(),
    }),
    title: requiredText(200),
    problem: requiredFreeText(5_000),
    plan: requiredFreeText(5_000),
    ownerDepartment: requiredText(200),
    ownerId: id.openapi({ description: 'the owner, picked from the directory (GET /api/v1/people)' }),
    dueInDays,
    links: z.strictObject({ complaints: ids('complaint ids'), initiatives: ids('initiative ids'), incidents: ids('incident ids') }).partial().optional(),
    measure: z.strictObject({ dimension: z.enum(effectivenessDimensions), value: requiredText(200) }).nullable().optional(),
  })
  .openapi('ImprovementRaise', { description: 'Raise an improvement action from a source; one source raises one action (a second raise answers the first)' });

export const ProgressSchema = z.strictObject({ note: requiredFreeText(5_000), evidence: z.array(Evidence).max(maxEvidence).default([]) }).openapi('ImprovementProgress');
export const CompleteSchema = z.strictObject({ summary: requiredFreeText(5_000), evidence: z.array(Evidence).min(1).max(maxEvidence) }).openapi('ImprovementCompletion');
export const VerifySchema = z.strictObject({}).openapi('ImprovementVerification');
export const SendBackSchema = z.strictObject({ reason: requiredFreeText(2_000), dueInDays }).openapi('ImprovementSendBack');

const EvidenceOut = z.object({ url: z.string(), note: z.string() });
const Period = z.object({ from: z.string(), to: z.string(), count: z.number().int() });
export const ImprovementSchema = z
  .object({
    id: z.string(),
    status: z.enum(improvementStatuses),
    source: z.object({ kind: z.enum(improvementSourceKinds), id: z.string(), label: z.string().optional() }),
    raisedBy: z.object({ userId: z.string(), name: z.string() }),
    raisedAt: z.string(),
    title: z.string(),
    problem: z.string(),
    plan: z.string(),
    ownerDepartment: z.string(),
    owner: z.object({ userId: z.string(), name: z.string() }),
    verifierId: z.string().nullable(),
    due: z.string(),
    reminderAt: z.string(),
    dueState: z.enum(['pending', 'at_risk', 'overdue', 'met']),
    escalationLevel: z.number().int().openapi({ description: '0: the owner; 1: the department head; 2: the committee chair' }),
    links: z.object({ complaints: z.array(z.string()), initiatives: z.array(z.string()), incidents: z.array(z.string()) }),
    measure: z.object({ dimension: z.enum(effectivenessDimensions), value: z.string() }).nullable(),
    progress: z.array(z.object({ note: z.string(), evidence: z.array(EvidenceOut), by: z.string(), at: z.string() })),
    completions: z.array(z.object({ summary: z.string(), evidence: z.array(EvidenceOut), by: z.string(), at: z.string() })),
    verifications: z.array(z.object({ decision: z.enum(['verified', 'sent_back']), reason: z.string().optional(), newDue: z.string().optional(), by: z.string(), at: z.string() })),
    closedAt: z.string().nullable(),
    effectivenessAt: z.string().nullable(),
    effectiveness: z.object({ verdict: z.enum(effectivenessVerdicts), measure: z.object({ dimension: z.enum(effectivenessDimensions), value: z.string() }).nullable(), before: Period.nullable(), after: Period.nullable(), at: z.string() }).nullable(),
    policyVersion: z.number().int(),
    version: z.number().int(),
  })
  .openapi('Improvement');

export const ImprovementParams = z.strictObject({ id: z.string().regex(/^[a-z_]+\.[A-Za-z0-9_.:-]{1,120}$/, 'an improvement id: <source kind>.<source id>') });
export const LinkedParams = z.strictObject({ entityType: z.enum(['complaint', 'initiative', 'incident']), entityId: id });
export const ImprovementBoardQuery = z.strictObject({
  status: z.enum(improvementStatuses).optional(),
  ownerDepartment: requiredText(200).optional(),
  source: z.enum(improvementSourceKinds).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const ImprovementListSchema = z.object({ items: z.array(ImprovementSchema) }).openapi('ImprovementList');
export const OwnersQuery = z.strictObject({ department: requiredText(200).optional() });
export const OwnerListSchema = z.object({ items: z.array(z.object({ userId: z.string(), name: z.string(), department: z.string().nullable() })) }).openapi('ImprovementOwners');
