import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { ZodType } from 'zod';
import { piiCipher } from '../../config/secrets.js';
import type { Database } from '../../db/client.js';
import { readComplaint, readCustomer, readCustomers, saveCustomer, type CustomerDetails } from '../../db/complaints.js';
import { feedbackFromComplaint, listFeedback, readFeedback } from '../../db/feedback.js';
import { departmentHead } from '../../db/improvements.js';
import { readInitiative } from '../../db/initiatives.js';
import { readPerson, staffDirectory } from '../../db/people.js';
import type { Actor } from '../../domain/actor.js';
import { feedbackWorkflowId } from '../../domain/feedback/process.js';
import { allowedFeedbackCommands, complaintReclassifyRefusal, feedbackAccess, feedbackStatusAfter, onTeam } from '../../domain/feedback/rules.js';
import { finalFeedbackStatuses, type FeedbackCommand, type FeedbackInput, type FeedbackKind, type FeedbackView } from '../../domain/feedback/types.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import { complaintWorkflowId, reclassifyUpdate as reclassifyComplaintUpdate } from '../../workflows/complaint/messages.js';
import type { feedbackWorkflow } from '../../workflows/feedback/index.js';
import { answerUpdate, archiveUpdate, creditUpdate, linkUpdate, loggedUpdate, reclassifyUpdate, respondUpdate, routeUpdate } from '../../workflows/feedback/messages.js';
import { maskName, maskPhone } from '../../security/pii.js';
import type { PiiCipher } from '../../security/pii.js';
import type { CommandSigner } from '../../security/command-signing.js';
import type { Client } from '@temporalio/client';
import { actorOf, hasAnyRole, type Principal, type Role } from '../auth/roles.js';
import { viewOfClosedStart } from '../closed-start.js';
import type { AppDeps } from '../deps.js';
import { idFromKey } from '../idempotency.js';
import { checkInitiative, openComplaint, receivedInstant } from '../intake.js';
import { badRequest, conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { ComplaintParams } from '../schemas/complaints.js';
import {
  AnswerSchema,
  ArchiveSchema,
  CreditSchema,
  FeedbackIntakeSchema,
  FeedbackListQuery,
  FeedbackListSchema,
  FeedbackParams,
  FeedbackRespondSchema,
  FeedbackSchema,
  LinkSchema,
  ReclassifiedComplaintSchema,
  ReclassifyAsComplaintSchema,
  ReclassifyComplaintSchema,
  RouteSchema,
} from '../schemas/feedback.js';
import { z } from '../zod.js';

/**
 * Feedback (docs/feedback.md): parse → authorise → call the workflow or db/feedback.ts → present.
 *
 * Who reads: the agents, supervisors, compliance auditors and admins every item; anyone else the
 * items that involve them (logged by them, routed to their department or initiative, crediting
 * them). Who logs: the agents (as they take complaints). Who acts on an item:
 * domain/feedback/rules.ts (the workflow checks again). The customer is always masked.
 */
const readers: Role[] = ['cs_agent', 'supervisor', 'compliance_auditor', 'admin'];
const tags = ['Feedback'];

/** The id a reclassification gives the record it opens: one reclassification, one record, however often retried. */
const complaintIdFor = (feedbackId: string) => idFromKey('complaint-from-feedback', 'cxgov', feedbackId);
const feedbackIdFor = (complaintId: string) => idFromKey('feedback-from-complaint', 'cxgov', complaintId);

export function feedbackRoutes(api: ApiRouter, { db, temporal, taskQueue, config, commandSigner }: AppDeps): void {
  const cipher = piiCipher(config);
  const present = async (view: FeedbackView) => presentFeedback(view, await readCustomer(db, cipher, view.id));

  api.add({
    method: 'get',
    path: '/feedback',
    summary: 'Feedback items (inquiries, suggestions, praise), newest first, by kind, status, channel, product team',
    tags,
    query: FeedbackListQuery,
    responses: { 200: { description: 'The items', schema: FeedbackListSchema } },
    handler: async ({ query, principal }) => {
      const { limit = 100, ...filter } = query;
      const all = hasAnyRole(principal, readers);
      const items = await listFeedback(db, { ...filter, ...(all ? {} : { involving: { userId: principal.userId, ...(principal.department ? { department: principal.department } : {}) } }) }, limit);
      const customers = await readCustomers(db, cipher, items.map((v) => v.id));
      return { status: 200, body: { items: items.map((v) => presentFeedback(v, customers.get(v.id))) } };
    },
  });

  api.add({
    method: 'get',
    path: '/feedback/:id',
    summary: 'One feedback item: its intake, first-response target (inquiry), routing and response (suggestion), credit (praise), links and reclassification',
    tags,
    params: FeedbackParams,
    responses: { 200: { description: 'The item', schema: FeedbackSchema }, 403: { description: 'Neither a reader nor involved' }, 404: { description: 'No such item' } },
    handler: async ({ params, principal }) => ({ status: 200, body: await present(await readableFeedback(db, params.id, principal)) }),
  });

  api.add({
    method: 'post',
    path: '/feedback',
    summary: 'Log an inquiry, a suggestion or praise from a customer contact, with the complaint intake’s fields and rules (Idempotency-Key: a retry returns the same item)',
    tags,
    roles: ['cs_agent'],
    body: FeedbackIntakeSchema,
    idempotent: true,
    responses: { 201: { description: 'The item logged (an inquiry with its first-response target)', schema: FeedbackSchema }, 409: { description: 'The process of this Idempotency-Key ended before it recorded anything: send a new key' } },
    handler: async ({ body, principal, idempotencyKey }) => {
      const id = idempotencyKey ? idFromKey('feedback', principal.userId, idempotencyKey) : randomUUID();
      const received = receivedInstant(body.receivedAt);
      await checkInitiative(db, body.initiativeId);
      const { ref: customerRef, ...details } = body.customer;
      const view = await startFeedback(
        { db, temporal, taskQueue, commandSigner, cipher },
        { id, kind: body.kind, channel: body.channel, description: body.description, receivedAt: new Date(received).toISOString(), ...(body.initiativeId ? { initiativeId: body.initiativeId } : {}), customerRef, customer: details, loggedBy: actorOf(principal) },
      );
      return { status: 201, body: await present(view) };
    },
  });

  const command = <C extends object>(
    path: string,
    summary: string,
    body: ZodType<C>,
    update: UpdateDefinition<FeedbackView, [C & { actor: Actor }]>,
    enrich: (content: C, view: FeedbackView, principal: Principal) => Promise<object> = async () => ({}),
  ) =>
    api.add({
      method: 'post',
      path: `/feedback/:id${path}`,
      summary,
      tags,
      params: FeedbackParams,
      body,
      idempotent: true,
      responses: {
        200: { description: 'The item after the command', schema: FeedbackSchema },
        400: { description: 'The command’s content breaks a rule (a department, person or initiative not found)' },
        403: { description: 'Not allowed for this caller on this item' },
        404: { description: 'No such item' },
        409: { description: 'Not allowed in the item’s current status (named in `detail`)' },
      },
      handler: async ({ params, body: content, principal, idempotencyKey }) => {
        const current = await readFeedback(db, params.id);
        if (!current) throw notFound(`no feedback item ${params.id}`);
        // An ended item's process is over: the state table's refusal, answered here.
        if (finalFeedbackStatuses.includes(current.status)) throw conflict(`the item is ${current.status}; it takes no more commands`);
        const extra = await enrich(content, current, principal);
        const workflowId = feedbackWorkflowId(params.id);
        const updateId = idempotencyKey ? idFromKey(`feedback${path}`, principal.userId, idempotencyKey) : randomUUID();
        const view = await temporal.workflow.getHandle(workflowId).executeUpdate(update, {
          args: [commandSigner.sign({ workflowId, name: update.name, updateId }, { ...content, ...extra, actor: actorOf(principal) } as C & { actor: Actor })],
          updateId,
        });
        return { status: 200, body: await present(view) };
      },
    });

  command('/answer', 'Record the answer to an inquiry (meets its first-response target)', AnswerSchema, answerUpdate);
  command('/route', 'Route a suggestion to its owning product team (a department of the directory; optionally the initiative it is about)', RouteSchema, routeUpdate, async (c) => {
    const members = await staffDirectory(db, { department: c.department });
    if (members.length === 0) throw badRequest('department names no department of the directory', [{ path: 'body.department', message: `no department ${c.department}`, code: 'not_found' }]);
    let initiativeOwnerId: string | null = null;
    if (c.initiativeId) {
      const initiative = await readInitiative(db, c.initiativeId);
      if (!initiative) throw badRequest('initiativeId names no initiative', [{ path: 'body.initiativeId', message: `no initiative ${c.initiativeId}`, code: 'not_found' }]);
      initiativeOwnerId = initiative.owner;
    }
    return { teamLeadId: await departmentHead(db, c.department), initiativeOwnerId };
  });
  command('/respond', 'Record the product team’s response to a suggestion (the routed department, the initiative’s owner, or a supervisor)', FeedbackRespondSchema, respondUpdate);
  command('/link', 'Link a suggestion to an initiative', LinkSchema, linkUpdate as UpdateDefinition<FeedbackView, [{ initiativeId: string } & { actor: Actor }]>, async (c) => {
    if (!(await readInitiative(db, c.initiativeId))) throw badRequest('initiativeId names no initiative', [{ path: 'body.initiativeId', message: `no initiative ${c.initiativeId}`, code: 'not_found' }]);
    return {};
  });
  command('/credit', 'Credit praise to a staff member or a branch / department of the directory', CreditSchema, creditUpdate, async (c) => {
    if (c.kind === 'person') {
      const person = await readPerson(db, c.id);
      if (!person || !person.active) throw badRequest('id names nobody active in the directory', [{ path: 'body.id', message: `no active person ${c.id}`, code: 'not_found' }]);
      return { name: person.name };
    }
    if ((await staffDirectory(db, { department: c.id })).length === 0) throw badRequest('id names no department of the directory', [{ path: 'body.id', message: `no department ${c.id}`, code: 'not_found' }]);
    return { name: c.id };
  });
  command('/archive', 'Archive the item (an inquiry answered, a suggestion responded to, praise acknowledged)', ArchiveSchema, archiveUpdate);

  api.add({
    method: 'post',
    path: '/feedback/:id/reclassify',
    summary: 'The item was really a complaint: open a complaint with the same intake facts and end the item `reclassified` pointing at it, with the reason (audited on both)',
    tags,
    params: FeedbackParams,
    body: ReclassifyAsComplaintSchema,
    idempotent: true,
    responses: {
      200: { description: 'The item, reclassified, naming the complaint', schema: FeedbackSchema },
      403: { description: 'Neither the agent who logged it nor a supervisor' },
      404: { description: 'No such item' },
      409: { description: 'The item has ended, its customer details can no longer be read, or the complaint’s process ended before it recorded anything (take the contact as a new complaint)' },
    },
    handler: async ({ params, body, principal, idempotencyKey }) => {
      const current = await readFeedback(db, params.id);
      if (!current) throw notFound(`no feedback item ${params.id}`);
      const complaintId = complaintIdFor(current.id);
      // Refused early (nothing opened) when the item has ended or the caller may not: the workflow checks again.
      if (current.status !== 'reclassified') {
        const next = feedbackStatusAfter(current.kind, current.status, 'reclassify');
        if (!next.ok) throw conflict(next.reason);
        const access = feedbackAccess('reclassify', actorOf(principal), { ownerId: current.ownerId, routing: current.routing });
        if (!access.ok) throw forbidden(access.message);
      }
      const customer = await readCustomer(db, cipher, current.id);
      if (!customer || customer.unreadable || customer.erased) throw conflict('the item’s customer details can no longer be read; a complaint cannot be opened from it');
      // The item ends first (a refusal opens nothing); a retry with the same key finds the same update and opens the same complaint.
      const workflowId = feedbackWorkflowId(current.id);
      const updateId = idempotencyKey ? idFromKey('feedback/reclassify', principal.userId, idempotencyKey) : randomUUID();
      const view = current.status === 'reclassified'
        ? current
        : await temporal.workflow.getHandle(workflowId).executeUpdate(reclassifyUpdate, {
            args: [commandSigner.sign({ workflowId, name: reclassifyUpdate.name, updateId }, { reason: body.reason, complaintId, actor: actorOf(principal) })],
            updateId,
          });
      if (view.reclassified?.complaintId !== complaintId) throw conflict('the item was reclassified as another complaint');
      const { unreadable: _u, erased: _e, ...details } = customer;
      await openComplaint(
        { db, temporal, taskQueue, commandSigner, cipher },
        {
          id: complaintId,
          channel: current.channel,
          category: body.category,
          severity: body.severity,
          description: current.description,
          receivedAt: current.receivedAt,
          ...(current.initiativeId ? { initiativeId: current.initiativeId } : {}),
          customerRef: current.customerRef,
          customer: details,
          intakeBy: actorOf(principal),
        },
        // Its id derives from the item, so no new key opens it: the contact must be taken again.
        `the complaint this item was reclassified into (${complaintId}) ran and ended before it recorded anything, and cannot be opened again under its id: take the contact as a new complaint`,
      );
      return { status: 200, body: await present(view) };
    },
  });

  api.add({
    method: 'post',
    path: '/complaints/:id/reclassify',
    summary: 'The complaint was really an inquiry, a suggestion or praise (a supervisor, before any resolution): it closes with the reason and a link to the feedback item opened with the same intake facts (audited on both)',
    tags: ['Complaints', ...tags],
    roles: ['supervisor'],
    params: ComplaintParams,
    body: ReclassifyComplaintSchema,
    idempotent: true,
    responses: {
      200: { description: 'The complaint’s id and the feedback item opened from it', schema: ReclassifiedComplaintSchema },
      403: { description: 'Not a supervisor' },
      404: { description: 'No such complaint' },
      409: { description: 'A resolution was given already, the complaint is closed, its customer details can no longer be read, or the feedback item’s process ended before it recorded anything (log the contact as a new item)' },
    },
    handler: async ({ params, body, principal, idempotencyKey }) => {
      const complaint = await readComplaint(db, params.id);
      if (!complaint) throw notFound(`no complaint ${params.id}`);
      const feedbackId = feedbackIdFor(complaint.id);
      if (!complaint.reclassified) {
        const refused = complaintReclassifyRefusal(principal, { status: complaint.status, resolutions: complaint.resolutions.length });
        if (refused) throw refused.code === 'forbidden' ? forbidden(refused.message) : conflict(refused.message);
      }
      const customer = await readCustomer(db, cipher, complaint.id);
      if (!customer || customer.unreadable || customer.erased) throw conflict('the complaint’s customer details can no longer be read; no feedback item can be opened from it');
      const workflowId = complaintWorkflowId(complaint.id);
      const updateId = idempotencyKey ? idFromKey('complaint/reclassify', principal.userId, idempotencyKey) : randomUUID();
      const closed: ComplaintView = complaint.reclassified
        ? complaint
        : await temporal.workflow.getHandle(workflowId).executeUpdate(reclassifyComplaintUpdate, {
            args: [commandSigner.sign({ workflowId, name: reclassifyComplaintUpdate.name, updateId }, { kind: body.kind, reason: body.reason, feedbackId, actor: actorOf(principal) })],
            updateId,
          });
      const r = closed.reclassified;
      if (!r || r.feedbackId !== feedbackId) throw conflict('the complaint was not reclassified');
      const { unreadable: _u, erased: _e, ...details } = customer;
      // The complaint's first responder logs the feedback (its owner), as they took the contact.
      const agent = await readPerson(db, complaint.agentId);
      const loggedBy: Actor = agent ? { userId: agent.userId, name: agent.name, roles: agent.roles, ...(agent.department ? { department: agent.department } : {}) } : actorOf(principal);
      const view = await startFeedback(
        { db, temporal, taskQueue, commandSigner, cipher },
        {
          id: feedbackId,
          kind: r.kind,
          channel: complaint.channel,
          description: complaint.description,
          receivedAt: complaint.receivedAt,
          ...(complaint.initiativeId ? { initiativeId: complaint.initiativeId } : {}),
          customerRef: complaint.customerRef,
          customer: details,
          loggedBy,
          reclassifiedFrom: { complaintId: complaint.id, reason: r.reason, by: r.by },
        },
        // Its id derives from the complaint, so no new key opens it: the contact must be logged again.
        `the feedback item this complaint was reclassified into (${feedbackId}) ran and ended before it recorded anything, and cannot be opened again under its id: log the contact as a new feedback item`,
      );
      return { status: 200, body: { complaintId: complaint.id, feedback: await present(view) } };
    },
  });

  api.add({
    method: 'get',
    path: '/complaints/:id/reclassified-as',
    summary: 'The feedback item a complaint was reclassified as, if any',
    tags: ['Complaints', ...tags],
    roles: ['cs_agent', 'business_handler', 'supervisor', 'compliance_auditor', 'admin'],
    params: ComplaintParams,
    responses: { 200: { description: 'The item (null when the complaint was not reclassified)', schema: z.object({ item: FeedbackSchema.nullable() }).openapi('ComplaintFeedback') }, 404: { description: 'No such complaint' } },
    handler: async ({ params, principal }) => {
      const complaint = await readComplaint(db, params.id);
      if (!complaint) throw notFound(`no complaint ${params.id}`);
      // As the complaint itself: a business handler without a wider role reads only their department's.
      if (!hasAnyRole(principal, ['cs_agent', 'supervisor', 'compliance_auditor', 'admin']) && complaint.department !== (principal.department ?? null)) {
        throw forbidden('a business handler reads only complaints transferred to their own department');
      }
      const item = await feedbackFromComplaint(db, params.id);
      return { status: 200, body: { item: item ? await present(item) : null } };
    },
  });
}

interface FeedbackOpening {
  id: string;
  kind: FeedbackKind;
  channel: FeedbackInput['channel'];
  description: string;
  receivedAt: string;
  initiativeId?: string;
  customerRef: string;
  customer: CustomerDetails;
  loggedBy: Actor;
  reclassifiedFrom?: FeedbackInput['reclassifiedFrom'];
}

/** Logs an item: the customer sealed under its id (complaint_customers), its workflow started signed, answered once recorded. */
async function startFeedback(
  deps: { db: Database; temporal: Client; taskQueue: string; commandSigner: CommandSigner; cipher: PiiCipher },
  f: FeedbackOpening,
  /** The 409's detail when the process of this id failed before recording the item (api/closed-start.ts). */
  nothingRecorded?: string,
): Promise<FeedbackView> {
  const { db, temporal, taskQueue, commandSigner, cipher } = deps;
  await saveCustomer(db, cipher, { complaintId: f.id, customerRef: f.customerRef, details: f.customer, createdBy: f.loggedBy.userId });
  const workflowId = feedbackWorkflowId(f.id);
  const input: FeedbackInput = commandSigner.sign({ workflowId, name: 'feedbackWorkflow', updateId: null }, {
    id: f.id,
    kind: f.kind,
    channel: f.channel,
    description: f.description,
    receivedAt: f.receivedAt,
    ...(f.initiativeId ? { initiativeId: f.initiativeId } : {}),
    customerRef: f.customerRef,
    piiRef: f.id,
    loggedBy: f.loggedBy,
    ...(f.reclassifiedFrom ? { reclassifiedFrom: f.reclassifiedFrom } : {}),
  } satisfies FeedbackInput);
  const updateId = randomUUID();
  try {
    return await temporal.workflow.executeUpdateWithStart(loggedUpdate, {
      args: [commandSigner.sign({ workflowId, name: loggedUpdate.name, updateId }, { actor: f.loggedBy })],
      updateId,
      startWorkflowOperation: new WithStartWorkflowOperation<typeof feedbackWorkflow>('feedbackWorkflow', {
        workflowId,
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    });
  } catch (err) {
    return viewOfClosedStart(err, () => readFeedback(db, f.id), nothingRecorded);
  }
}

/** The item as the API answers it: the customer masked for every caller, and the commands its status takes now. */
export function presentFeedback(view: FeedbackView, customer: CustomerDetails | undefined) {
  const { customerRef, ...rest } = view;
  const marker = customer?.erased ? { erased: true as const } : customer?.unreadable ? { unreadable: true as const } : {};
  return {
    ...rest,
    customer: { ref: customerRef, name: customer?.name ? maskName(customer.name) : '', phone: customer?.phone ? maskPhone(customer.phone) : '', masked: true as const, ...marker },
    allowed: allowedFeedbackCommands(view.kind, view.status) as FeedbackCommand[],
  };
}

/** Readers see every item; anyone else those involving them (logged by them, their product team, crediting them). */
async function readableFeedback(db: Database, id: string, p: Principal): Promise<FeedbackView> {
  const view = await readFeedback(db, id);
  if (!view) throw notFound(`no feedback item ${id}`);
  if (hasAnyRole(p, readers) || involved(view, p)) return view;
  throw forbidden('a feedback item is read by agents, supervisors, compliance auditors, admins and the people it involves');
}

function involved(v: FeedbackView, p: Principal): boolean {
  return v.ownerId === p.userId || onTeam(p, v.routing) || (v.credit?.kind === 'person' && v.credit.id === p.userId);
}
