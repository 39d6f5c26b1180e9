import { randomUUID } from 'node:crypto';
import { recordCallback, responsesOfComplaint } from '../../db/callbacks.js';
import type { Database } from '../../db/client.js';
import { readComplaint } from '../../db/complaints.js';
import { followUpsOfComplaint, readFollowUp } from '../../db/followups.js';
import { followUpWorkflowId } from '../../domain/followups/rules.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import { recordOutcomeUpdate } from '../../workflows/followup/messages.js';
import { actorOf, hasAnyRole, type Principal, type Role } from '../auth/roles.js';
import type { AppDeps } from '../deps.js';
import { idFromKey } from '../idempotency.js';
import { conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { ComplaintParams } from '../schemas/complaints.js';
import { CallbackSchema, FollowUpListSchema, FollowUpParams, FollowUpSchema, OutcomeSchema, ResponseListSchema, ResponseSchema } from '../schemas/followups.js';

/**
 * Callbacks (回访) and detractor follow-ups (docs/followups.md): parse → authorise → db/ or the
 * follow-up workflow → answer. A callback is recorded by an agent or a supervisor (a business
 * handler of the complaint's own department too) on a closed complaint; the answers and
 * follow-ups of a complaint are read by whoever reads the complaint; a follow-up's outcome is
 * recorded by a supervisor (the workflow checks again).
 */
const tags = ['Callbacks and follow-ups'];
const complaintReaders: Role[] = ['cs_agent', 'business_handler', 'supervisor', 'compliance_auditor', 'admin'];
const callers: Role[] = ['cs_agent', 'business_handler', 'supervisor'];
const followUpReaders: Role[] = ['supervisor', 'compliance_auditor', 'admin'];

export function followUpRoutes(api: ApiRouter, { db, temporal, commandSigner }: AppDeps): void {
  api.add({
    method: 'post',
    path: '/complaints/:id/callbacks',
    summary: 'Record a callback (回访) on a closed complaint: the customer reached with CSAT, NPS and what could be better, or unreachable with the attempts; a detractor’s answer opens a follow-up (Idempotency-Key: a retry answers the first record)',
    tags,
    roles: callers,
    params: ComplaintParams,
    body: CallbackSchema,
    idempotent: true,
    responses: {
      201: { description: 'The answer recorded', schema: ResponseSchema },
      403: { description: 'A business handler of another department' },
      404: { description: 'No such complaint' },
      409: { description: 'The complaint is not closed' },
    },
    handler: async ({ params, body, principal, idempotencyKey }) => {
      const view = await readableComplaint(db, params.id, principal);
      if (view.status !== 'closed') throw conflict(`a callback is recorded on a closed complaint; this one is ${view.status}`);
      const id = `CB-${idempotencyKey ? idFromKey(`callback:${params.id}`, principal.userId, idempotencyKey) : randomUUID()}`;
      const answer = await recordCallback(db, params.id, body.reached ? { reached: true, csat: body.csat, nps: body.nps, verbatim: body.verbatim ?? null } : { reached: false, attempts: body.attempts }, actorOf(principal), { id });
      if (!answer) throw notFound(`no complaint ${params.id}`);
      return { status: 201, body: answer };
    },
  });

  api.add({
    method: 'get',
    path: '/complaints/:id/responses',
    summary: 'The satisfaction answers about a complaint, by the customer’s link or an agent’s callback, newest first (verbatims masked)',
    tags,
    roles: complaintReaders,
    params: ComplaintParams,
    responses: { 200: { description: 'The answers', schema: ResponseListSchema }, 403: { description: 'A business handler of another department' }, 404: { description: 'No such complaint' } },
    handler: async ({ params, principal }) => {
      await readableComplaint(db, params.id, principal);
      return { status: 200, body: { items: await responsesOfComplaint(db, params.id) } };
    },
  });

  api.add({
    method: 'get',
    path: '/complaints/:id/follow-ups',
    summary: 'The detractor follow-ups of a complaint, newest first',
    tags,
    roles: complaintReaders,
    params: ComplaintParams,
    responses: { 200: { description: 'The follow-ups', schema: FollowUpListSchema }, 403: { description: 'A business handler of another department' }, 404: { description: 'No such complaint' } },
    handler: async ({ params, principal }) => {
      await readableComplaint(db, params.id, principal);
      return { status: 200, body: { items: await followUpsOfComplaint(db, params.id) } };
    },
  });

  api.add({
    method: 'get',
    path: '/follow-ups/:id',
    summary: 'One detractor follow-up: the answer (scores, masked verbatim), the complaint, the supervisors, the deadline and the outcome',
    tags,
    // No role required: the department head it reached may hold none (data, like the committee's seats).
    params: FollowUpParams,
    responses: { 200: { description: 'The follow-up', schema: FollowUpSchema }, 403: { description: 'Neither a supervisor, an auditor, an admin nor the department head it reached' }, 404: { description: 'No such follow-up' } },
    handler: async ({ params, principal }) => {
      const view = await readFollowUp(db, params.id);
      if (!view) throw notFound(`no follow-up ${params.id}`);
      if (!hasAnyRole(principal, followUpReaders) && view.departmentHeadId !== principal.userId) throw forbidden('a follow-up is read by supervisors, compliance auditors, admins and the department head it reached');
      return { status: 200, body: view };
    },
  });

  api.add({
    method: 'post',
    path: '/follow-ups/:id/outcome',
    summary: 'Record what came of a detractor follow-up (a supervisor); it closes it',
    tags,
    roles: ['supervisor'],
    params: FollowUpParams,
    body: OutcomeSchema,
    idempotent: true,
    responses: {
      200: { description: 'The follow-up, closed', schema: FollowUpSchema },
      404: { description: 'No such follow-up' },
      409: { description: 'The follow-up is closed already' },
    },
    handler: async ({ params, body, principal, idempotencyKey }) => {
      const current = await readFollowUp(db, params.id);
      if (!current) throw notFound(`no follow-up ${params.id}`);
      if (current.status === 'closed') throw conflict('the follow-up is closed: its outcome is recorded');
      const workflowId = followUpWorkflowId(params.id);
      const updateId = idempotencyKey ? idFromKey('follow-up/outcome', principal.userId, idempotencyKey) : randomUUID();
      const view = await temporal.workflow.getHandle(workflowId).executeUpdate(recordOutcomeUpdate, {
        args: [commandSigner.sign({ workflowId, name: recordOutcomeUpdate.name, updateId }, { ...body, actor: actorOf(principal) })],
        updateId,
      });
      return { status: 200, body: view };
    },
  });
}

/** The complaint, if the caller reads it: a business handler without a wider role reads only their department's. */
async function readableComplaint(db: Database, id: string, p: Principal): Promise<ComplaintView> {
  const view = await readComplaint(db, id);
  if (!view) throw notFound(`no complaint ${id}`);
  const handlerOnly = p.roles.includes('business_handler') && !hasAnyRole(p, ['cs_agent', 'supervisor', 'compliance_auditor', 'admin']);
  if (handlerOnly && (!p.department || view.department !== p.department)) throw forbidden('a business handler reads and calls back only complaints transferred to their own department');
  return view;
}
