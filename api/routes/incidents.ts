import { randomUUID } from 'node:crypto';
import type { UpdateDefinition } from '@temporalio/common';
import type { Database } from '../../db/client.js';
import { listIncidentComplaints, listIncidents, readIncident } from '../../db/incidents.js';
import { readRoster } from '../../db/settings.js';
import type { IncidentView } from '../../domain/incidents/types.js';
import { assignOwnerUpdate, incidentWorkflowId, submitPlanUpdate, submitReviewUpdate } from '../../workflows/incident/messages.js';
import { actorOf, hasAnyRole, type Principal, type Role } from '../auth/roles.js';
import { cursorCodec, cursorParts } from '../cursor.js';
import type { AppDeps } from '../deps.js';
import { idFromKey } from '../idempotency.js';
import { conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { AssignOwnerSchema, IncidentComplaintsQuery, IncidentComplaintsSchema, IncidentListQuery, IncidentListSchema, IncidentParams, IncidentSchema, PlanSchema, ReviewSchema } from '../schemas/incidents.js';

/**
 * Incidents (docs/incidents.md): parse → authorise → call the workflow or db/incidents.ts →
 * answer. Read by supervisors, compliance auditors, admins and the committee's members (data),
 * and each incident by its response owner. A supervisor names the owner; the owner (or a
 * supervisor) submits the plan and the review — the workflow checks who (domain/incidents/rules.ts).
 */
const readers: Role[] = ['supervisor', 'compliance_auditor', 'admin'];
const tags = ['Incidents'];
const listCursor = cursorCodec({ raisedAt: cursorParts.instant, id: (v) => IncidentParams.shape.id.safeParse(v).success });
const complaintsCursor = cursorCodec({ at: cursorParts.instant, id: cursorParts.id });

export function incidentRoutes(api: ApiRouter, { db, temporal, commandSigner }: AppDeps): void {
  api.add({
    method: 'get',
    path: '/incidents',
    summary: 'Incidents raised by the spike watcher, newest first',
    tags,
    query: IncidentListQuery,
    responses: { 200: { description: 'A page of incidents', schema: IncidentListSchema }, 403: { description: 'Neither a reader role nor a committee member' } },
    handler: async ({ query, principal }) => {
      if (!(await isReader(db, principal))) throw forbidden(`incidents are read by ${readers.join(', ')} and the committee’s members; a response owner reads their own`);
      const { limit = 20, cursor, ...filter } = query;
      const page = await listIncidents(db, filter, limit, cursor ? listCursor.decode(cursor) : undefined);
      return { status: 200, body: { items: page.items, nextCursor: page.next ? listCursor.encode(page.next) : null } };
    },
  });

  api.add({
    method: 'get',
    path: '/incidents/:id',
    summary: 'One incident: its spike, linked complaints, response owner, plan, review and the deadline of each step',
    tags,
    params: IncidentParams,
    responses: { 200: { description: 'The incident', schema: IncidentSchema }, 403: { description: 'Neither a reader nor its response owner' }, 404: { description: 'No such incident' } },
    handler: async ({ params, principal }) => ({ status: 200, body: await readable(db, params.id, principal) }),
  });

  api.add({
    method: 'get',
    path: '/incidents/:id/complaints',
    summary: 'The complaints linked to an incident, in the order they were linked (every one, a page at a time)',
    tags,
    params: IncidentParams,
    query: IncidentComplaintsQuery,
    responses: { 200: { description: 'A page of linked complaints', schema: IncidentComplaintsSchema }, 403: { description: 'Neither a reader nor its response owner' }, 404: { description: 'No such incident' } },
    handler: async ({ params, query, principal }) => {
      await readable(db, params.id, principal);
      const { limit = 50, cursor } = query;
      const page = await listIncidentComplaints(db, params.id, limit, cursor ? complaintsCursor.decode(cursor) : undefined);
      return { status: 200, body: { items: page.items, nextCursor: page.next ? complaintsCursor.encode(page.next) : null } };
    },
  });

  const command = <C extends object>(path: string, summary: string, body: import('zod').ZodType<C>, update: UpdateDefinition<IncidentView, [C & { actor: ReturnType<typeof actorOf> }]>, roles?: Role[]) =>
    api.add({
      method: 'post',
      path: `/incidents/:id${path}`,
      summary,
      tags,
      ...(roles ? { roles } : {}),
      params: IncidentParams,
      body,
      idempotent: true,
      responses: {
        200: { description: 'The incident after the command', schema: IncidentSchema },
        403: { description: 'Not allowed for this caller on this incident' },
        404: { description: 'No such incident' },
        409: { description: 'Not allowed in the incident’s current status (named in `detail`)' },
      },
      handler: async ({ params, body: content, principal, idempotencyKey }) => {
        const current = await readIncident(db, params.id);
        if (!current?.view) throw notFound(`no incident ${params.id}`);
        if (current.status === 'closed') throw conflict('the incident is closed');
        const workflowId = incidentWorkflowId(params.id);
        // The same key never applies the command twice; the workflow checks the API's proof (workflows/process/proof.ts).
        const updateId = idempotencyKey ? idFromKey(`incident${path}`, principal.userId, idempotencyKey) : randomUUID();
        const view = await temporal.workflow.getHandle(workflowId).executeUpdate(update, {
          args: [commandSigner.sign({ workflowId, name: update.name, updateId }, { ...content, actor: actorOf(principal) })],
          updateId,
        });
        return { status: 200, body: view };
      },
    });

  command('/owner', 'Name (or replace) the response owner; the first one ends the owner step and starts the plan’s deadline', AssignOwnerSchema, assignOwnerUpdate, ['supervisor']);
  // The response owner is data, not a role: the workflow checks the caller (the owner, or a supervisor).
  command('/plan', 'Submit (or revise) the response plan; the first one starts the post-incident review’s deadline', PlanSchema, submitPlanUpdate);
  command('/review', 'Complete the post-incident review with its findings; closes the incident', ReviewSchema, submitReviewUpdate);
}

async function isReader(db: Database, p: Principal): Promise<boolean> {
  return hasAnyRole(p, readers) || (await readRoster(db)).some((m) => m.userId === p.userId);
}

async function readable(db: Database, id: string, p: Principal): Promise<IncidentView> {
  const row = await readIncident(db, id);
  if (!row?.view) throw notFound(`no incident ${id}`);
  if (row.ownerId !== p.userId && !(await isReader(db, p))) throw forbidden('an incident is read by supervisors, compliance auditors, admins, the committee’s members and its response owner');
  return row.view;
}
