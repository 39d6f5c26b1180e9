import { piiCipher } from '../../config/secrets.js';
import { byUrgency } from '../../domain/urgency.js';
import type { AppDeps } from '../deps.js';
import type { ApiRouter } from '../router.js';
import { taskSources } from '../tasks/sources.js';
import { z } from '../zod.js';

const TaskSchema = z
  .object({
    kind: z.string(),
    entityType: z.enum(['initiative', 'complaint', 'calendar', 'incident', 'target_proposal', 'improvement', 'meeting', 'erasure', 'follow_up', 'feedback']),
    entityId: z.string(),
    title: z.string(),
    deadline: z.string().nullable(),
    deadlineState: z.string().optional(),
    link: z.string(),
    summary: z.string().optional().openapi({ description: 'What the item is about (a complaint’s summary, an initiative’s description or the committee’s requested changes)' }),
    customer: z.string().optional().openapi({ description: 'The customer’s name, always masked here; the clear name is on the complaint' }),
    facts: z.record(z.string(), z.string()).optional().openapi({ description: 'The item’s vocabulary for wording the title: severity, category, channel; name, stage, version' }),
  })
  .openapi('Task');

/** The work inbox: what waits on the caller, the most urgent first (domain/urgency.ts). */
export function taskRoutes(api: ApiRouter, { db, config, now = () => new Date() }: AppDeps): void {
  const cipher = piiCipher(config);
  api.add({
    method: 'get',
    path: '/tasks',
    summary: 'What waits on the caller, the most urgent first: votes, sign-offs, deliverables and rework, complaints, approvals, appeals, a missing holiday schedule',
    tags: ['Work inbox'],
    responses: { 200: { description: 'The caller’s tasks', schema: z.object({ items: z.array(TaskSchema) }) } },
    handler: async ({ principal }) => {
      const context = { now: now(), cipher };
      const lists = await Promise.all(taskSources.map((source) => source(db, principal, context)));
      const items = lists.flat().sort(byUrgency);
      return { status: 200, body: { items } };
    },
  });
}
