import { incidentDimensions, incidentSteps } from '../../domain/incidents/policy.js';
import { stepStates } from '../../domain/incidents/steps.js';
import { incidentComplaintsInView, incidentStatuses } from '../../domain/incidents/types.js';
import { z } from '../zod.js';
import { id, localDate, requiredText } from './common.js';

/** Request and answer schemas of the incidents (docs/incidents.md). Unknown fields are refused. */

const PersonSchema = z.strictObject({ userId: id, name: requiredText(200) });

export const AssignOwnerSchema = z
  .strictObject({ owner: PersonSchema.openapi({ description: 'the response owner: any person, by user id' }), note: requiredText(2_000).optional() })
  .openapi('IncidentOwnerAssignment');
export const PlanSchema = z
  .strictObject({ summary: requiredText(10_000), actions: z.array(requiredText(2_000)).min(1).max(50) })
  .openapi('IncidentPlan');
export const FindingSchema = z.strictObject({
  finding: requiredText(2_000),
  action: requiredText(2_000),
  owner: id.optional(),
  due: localDate.optional(),
});
export const ReviewSchema = z
  .strictObject({ summary: requiredText(10_000), findings: z.array(FindingSchema).min(1).max(50) })
  .openapi('IncidentReview', { description: 'The post-incident review: what was learned, each finding with its action; completing it closes the incident' });

const StepSchema = z.object({
  state: z.enum(stepStates),
  startedAt: z.string(),
  deadline: z.string(),
  reminderAt: z.string(),
  metAt: z.string().optional(),
  breachedAt: z.string().optional(),
  climbedAt: z.string().optional(),
});
const Person = z.object({ userId: z.string(), name: z.string() });
const LinkedComplaintSchema = z
  .object({ id: z.string(), at: z.string(), via: z.enum(['spike', 'watch']).openapi({ description: 'spike: counted in the spike; watch: matched later, linked by the watcher' }) })
  .openapi('IncidentLinkedComplaint');

export const IncidentSchema = z
  .object({
    id: z.string(),
    status: z.enum(incidentStatuses),
    trigger: z.object({
      dimension: z.enum(incidentDimensions),
      value: z.string(),
      windowFrom: z.string(),
      windowTo: z.string(),
      count: z.number().int(),
      baseline: z.number(),
      threshold: z.number(),
    }),
    raisedAt: z.string(),
    owner: Person.nullable(),
    assignments: z.array(z.object({ owner: Person, by: z.string(), at: z.string(), note: z.string().optional() })),
    plans: z.array(z.object({ summary: z.string(), actions: z.array(z.string()), by: z.string(), at: z.string() })),
    review: z.object({ summary: z.string(), findings: z.array(z.object({ finding: z.string(), action: z.string(), owner: z.string().optional(), due: z.string().optional() })), by: z.string(), at: z.string() }).nullable(),
    steps: z.object({ owner: StepSchema.optional(), plan: StepSchema.optional(), review: StepSchema.optional() }),
    nextStep: z.enum(incidentSteps).nullable(),
    escalationLevel: z.number().int().openapi({ description: '0: the owner; 1: supervisors and compliance; 2: the committee chair' }),
    breaches: z.array(z.object({ step: z.enum(incidentSteps), at: z.string(), level: z.number().int() })),
    complaints: z.array(LinkedComplaintSchema).openapi({ description: `the first complaints linked (at most ${incidentComplaintsInView}); every one: GET /incidents/{id}/complaints` }),
    complaintCount: z.number().int().openapi({ description: 'how many complaints are linked' }),
    chairUserId: z.string().nullable(),
    policyVersion: z.number().int(),
    closedAt: z.string().nullable(),
  })
  .openapi('Incident');

export const IncidentParams = z.strictObject({ id: z.string().uuid('incident ids are UUIDs') });
export const IncidentListQuery = z.strictObject({
  status: z.enum(incidentStatuses).optional(),
  dimension: z.enum(incidentDimensions).optional(),
  owner: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
});
export const IncidentListSchema = z.object({ items: z.array(IncidentSchema), nextCursor: z.string().nullable() }).openapi('IncidentList');

export const IncidentComplaintsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(500).optional(),
});
export const IncidentComplaintsSchema = z
  .object({ items: z.array(LinkedComplaintSchema), nextCursor: z.string().nullable() })
  .openapi('IncidentComplaintList', { description: 'Complaints linked to an incident, in the order they were linked' });
