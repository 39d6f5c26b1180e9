import type { AppDeps } from '../deps.js';
import type { ApiRouter } from '../router.js';
import { taskSources } from '../tasks/sources.js';
import { z } from '../zod.js';

const TaskSchema = z
  .object({
    kind: z.string(),
    entityType: z.enum(['initiative', 'complaint', 'calendar', 'incident', 'target_proposal', 'improvement', 'meeting']),
    entityId: z.string(),
    title: z.string(),
    deadline: z.string().nullable(),
    deadlineState: z.string().optional(),
    link: z.string(),
  })
  .openapi('Task');

/** The work inbox: what waits on the caller, soonest deadline first. */
export function taskRoutes(api: ApiRouter, { db, now = () => new Date() }: AppDeps): void {
  api.add({
    method: 'get',
    path: '/tasks',
    summary: 'What waits on the caller: votes, sign-offs, complaints, approvals, appeals, a missing holiday schedule',
    tags: ['Work inbox'],
    responses: { 200: { description: 'The caller’s tasks', schema: z.object({ items: z.array(TaskSchema) }) } },
    handler: async ({ principal }) => {
      const context = { now: now() };
      const lists = await Promise.all(taskSources.map((source) => source(db, principal, context)));
      const items = lists.flat().sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
      return { status: 200, body: { items } };
    },
  });
}
