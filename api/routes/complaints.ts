import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { piiCipher } from '../../config/secrets.js';
import type { Database } from '../../db/client.js';
import { correctClosedRootCause, listComplaints, sameCustomerComplaints, type ComplaintCursor, readComplaint, readCustomer, readCustomers, updateCustomer } from '../../db/complaints.js';
import { initiativeSummary, readInitiative } from '../../db/initiatives.js';
import { summaryLine } from '../../domain/complaints/summary-line.js';
import { readPolicy } from '../../db/settings.js';
import { recordPiiAccess } from '../../db/pii-access.js';
import { readPerson, staffDirectory } from '../../db/people.js';
import { assigneeRefusal, reassignRefusal, type ReassignRefusal } from '../../domain/complaints/reassign.js';
import type { PiiAccessPurpose } from '../../domain/pii-access.js';
import { resolveRootCause, rootCauseCorrectionRefusal, type RootCause, type RootCauseChoice } from '../../domain/complaints/root-causes.js';
import { refusalReason } from '../../domain/complaints/rules.js';
import { parseBound } from '../../domain/reports/periods.js';
import type { ComplaintCommand, ComplaintSort } from '../../domain/complaints/types.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import {
  appealDecisionUpdate,
  appealUpdate,
  approveUpdate,
  complaintWorkflowId,
  correctRootCauseUpdate,
  escalateUpdate,
  feedbackUpdate,
  pauseUpdate,
  reassignUpdate,
  resolveUpdate,
  respondUpdate,
  resumeUpdate,
  signOffUpdate,
  transferUpdate,
} from '../../workflows/complaint/messages.js';
import { actorOf, hasAnyRole, type Principal, type Role } from '../auth/roles.js';
import { cursorCodec, cursorParts } from '../cursor.js';
import type { AppDeps } from '../deps.js';
import { idFromKey } from '../idempotency.js';
import { checkInitiative, openComplaint, receivedInstant } from '../intake.js';
import { directoryOnce, withPeople } from '../present/complaint-people.js';
import { clearAccessIn, presentComplaint } from '../present/complaints.js';
import { deadlineJudge } from '../present/deadlines.js';
import { badRequest, conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import {
  AppealDecisionSchema,
  AppealSchema,
  ApprovalSchema,
  ComplaintListQuery,
  ComplaintListSchema,
  ComplaintParams,
  ComplaintRelatedSchema,
  ComplaintSchema,
  CustomerUpdateSchema,
  FeedbackSchema,
  IntakeSchema,
  ReasonSchema,
  ReassignSchema,
  ResolutionSchema,
  RespondSchema,
  RootCauseCorrectionSchema,
  ResumeSchema,
  SignoffSchema,
  TransferSchema,
} from '../schemas/complaints.js';

/**
 * Complaints: parse → authorise → call the workflow (commands) or db/complaints.ts (reads, the
 * customer's details) → present (api/present/complaints.ts masks the customer for every caller).
 *
 * Who may read (decided here, least privilege); every answer carries the customer masked, the
 * clear details only through the reveal (api/routes/customer-reveal.ts: a supervisor, or the
 * complaint's own agent):
 * - cs_agent, supervisor: every complaint.
 * - business_handler: complaints transferred to their own department (403 otherwise).
 * - compliance_auditor, admin: every complaint, read-only.
 * The committee chair reads through whatever role they hold (supervisor in practice).
 *
 * Who may command: the route admits the roles below; the workflow decides the rest from the
 * complaint's state (owner, department, escalation level, chair — domain/complaints/access.ts).
 */
const readers: Role[] = ['cs_agent', 'business_handler', 'supervisor', 'compliance_auditor', 'admin'];
const handlers: Role[] = ['cs_agent', 'business_handler', 'supervisor'];

/** The list's keysets (db/complaints.ts `listComplaints`): one per order. */
const complaintId = (v: string) => ComplaintParams.shape.id.safeParse(v).success;
const receivedCursor = cursorCodec({ receivedAt: cursorParts.instant, id: complaintId });
const urgencyCursor = cursorCodec({ rank: (v) => /^[0-9]$/.test(v), deadline: (v) => v === 'none' || cursorParts.instant(v), id: complaintId });

function decodeListCursor(sort: ComplaintSort, cursor: string): ComplaintCursor {
  if (sort === 'received') return { sort, ...receivedCursor.decode(cursor) };
  const key = urgencyCursor.decode(cursor);
  return { sort, rank: Number(key.rank), deadline: key.deadline === 'none' ? null : key.deadline, id: key.id };
}

function encodeListCursor(next: ComplaintCursor): string {
  return next.sort === 'received' ? receivedCursor.encode(next) : urgencyCursor.encode({ rank: String(next.rank), deadline: next.deadline ?? 'none', id: next.id });
}


export function complaintRoutes(api: ApiRouter, { db, temporal, taskQueue, config, commandSigner }: AppDeps): void {
  const cipher = piiCipher(config);
  const flagRule = { distinctCustomers: config.PII_ACCESS_FLAG_CUSTOMERS, windowMinutes: config.PII_ACCESS_FLAG_WINDOW_MINUTES };

  /**
   * Every answer with customer details passes here: what it hands out in clear is recorded in the
   * PII access log before it leaves (docs/security.md "PII access log"). The answers are masked, so
   * this records nothing today; it stays so that no answer can carry clear details unrecorded.
   */
  async function handOut<T extends ReturnType<typeof presentComplaint>>(req: { id: unknown }, principal: Principal, purpose: PiiAccessPurpose, presented: T[]): Promise<T[]> {
    await recordPiiAccess(db, { principal, purpose, requestId: req.id === undefined ? null : String(req.id), items: clearAccessIn(presented) }, flagRule);
    return presented;
  }
  const one = async (req: { id: unknown }, principal: Principal, purpose: PiiAccessPurpose, presented: ReturnType<typeof presentComplaint>) => (await handOut(req, principal, purpose, [presented]))[0]!;

  api.add({
    method: 'post',
    path: '/complaints',
    summary: 'Take a complaint: starts its workflow, answers with its deadlines (Idempotency-Key: a retry returns the same complaint)',
    tags: ['Complaints'],
    roles: ['cs_agent'],
    body: IntakeSchema,
    idempotent: true,
    responses: { 201: { description: 'The complaint, with its deadlines and repeat flag', schema: ComplaintSchema }, 409: { description: 'The process of this Idempotency-Key ended before it recorded anything: send a new key' } },
    handler: async ({ req, body, principal, idempotencyKey }) => {
      // A key makes the id deterministic, so a retry after a crash finds the same workflow.
      const id = idempotencyKey ? idFromKey('complaint', principal.userId, idempotencyKey) : randomUUID();
      const received = receivedInstant(body.receivedAt);
      await checkInitiative(db, body.initiativeId);
      // PII first, encrypted, keyed by the complaint id (a retry writes nothing new); then the workflow (api/intake.ts).
      const { ref: customerRef, ...details } = body.customer;
      const view: ComplaintView = await openComplaint(
        { db, temporal, taskQueue, commandSigner, cipher },
        {
          id,
          channel: body.channel,
          category: body.category,
          severity: body.severity,
          description: body.description,
          receivedAt: new Date(received).toISOString(),
          ...(body.initiativeId ? { initiativeId: body.initiativeId } : {}),
          customerRef,
          customer: details,
          intakeBy: actorOf(principal),
        },
      );
      return { status: 201, body: await one(req, principal, 'command', await withPeople(presentComplaint((await deadlineJudge(db)).complaint(view), await readCustomer(db, cipher, id), principal), () => staffDirectory(db))) };
    },
  });

  api.add({
    method: 'get',
    path: '/complaints',
    summary: 'List complaints, the most urgent first (or newest first with sort=received), with filters',
    tags: ['Complaints'],
    roles: readers,
    query: ComplaintListQuery,
    responses: { 200: { description: 'A page of complaints', schema: ComplaintListSchema } },
    handler: async ({ req, query, principal }) => {
      const { limit = 50, cursor, sort = 'urgency', breached, department, from, to, ...filter } = query;
      // A business handler without any wider reading role sees their department's complaints only.
      if (handlerOnly(principal) && !principal.department) return { status: 200, body: { items: [], nextCursor: null } };
      const received = from || to ? await receivedBounds(db, from, to) : {};
      const page = await listComplaints(
        db,
        {
          ...filter,
          ...received,
          ...(department ? { accountableDepartment: department } : {}),
          ...(breached ? { breached: breached === 'true' } : {}),
          ...(handlerOnly(principal) ? { department: principal.department } : {}),
        },
        limit,
        cursor ? decodeListCursor(sort, cursor) : undefined,
        sort,
      );
      const [customers, judge] = await Promise.all([readCustomers(db, cipher, page.items.map((v) => v.id)), deadlineJudge(db)]);
      const directory = directoryOnce(() => staffDirectory(db));
      const unreadable = [...customers].filter(([, c]) => c.unreadable).map(([complaintId]) => complaintId);
      if (unreadable.length > 0) req.log.warn({ complaintIds: unreadable }, 'customer details that no configured PII key opens (PII_KEY, PII_KEYS_PREVIOUS)');
      return {
        status: 200,
        body: {
          items: await handOut(req, principal, 'list', await Promise.all(page.items.map((v) => withPeople(presentComplaint(judge.complaint(v), customers.get(v.id), principal), directory)))),
          nextCursor: page.next ? encodeListCursor(page.next) : null,
        },
      };
    },
  });

  api.add({
    method: 'get',
    path: '/complaints/:id/related',
    summary: 'The records around a complaint: the same customer’s other complaints (repeats marked) and the product it is about, by name',
    tags: ['Complaints'],
    roles: readers,
    params: ComplaintParams,
    responses: { 200: { description: 'Related records (no customer details)', schema: ComplaintRelatedSchema }, 404: { description: 'No such complaint' } },
    handler: async ({ params, principal }) => {
      const view = await readable(db, params.id, principal);
      const [others, product] = await Promise.all([
        sameCustomerComplaints(db, view, handlerOnly(principal) ? principal.department : undefined),
        view.initiativeId ? initiativeSummary(db, view.initiativeId) : Promise.resolve(undefined),
      ]);
      const names = new Map(
        await Promise.all([...new Set(others.map((o) => o.initiativeId).filter((i): i is string => !!i))].map(async (i) => [i, (await initiativeSummary(db, i))?.name ?? i] as const)),
      );
      return {
        status: 200,
        body: {
          sameCustomer: others.map(({ description, initiativeId, ...o }) => ({ ...o, summary: summaryLine(description), product: initiativeId ? { id: initiativeId, name: names.get(initiativeId) ?? initiativeId } : null })),
          product: product ?? null,
        },
      };
    },
  });

  api.add({
    method: 'get',
    path: '/complaints/:id',
    summary: 'One complaint: status, owner, escalation level, clocks, breaches, transfers, responses, reopen count, repeat flag',
    tags: ['Complaints'],
    roles: readers,
    params: ComplaintParams,
    responses: { 200: { description: 'The complaint', schema: ComplaintSchema }, 404: { description: 'No such complaint' } },
    handler: async ({ req, params, principal }) => {
      const view = await readable(db, params.id, principal);
      return { status: 200, body: await one(req, principal, 'detail', await withPeople(presentComplaint((await deadlineJudge(db)).complaint(view), await readCustomer(db, cipher, view.id), principal), () => staffDirectory(db))) };
    },
  });

  api.add({
    method: 'put',
    path: '/complaints/:id/customer',
    summary: 'Correct the customer’s name, phone or id number, with a reason (the complaint’s own agent or a supervisor); recorded in the audit trail, masked',
    tags: ['Complaints'],
    roles: ['cs_agent', 'supervisor'],
    params: ComplaintParams,
    body: CustomerUpdateSchema,
    idempotent: true,
    responses: {
      200: { description: 'The complaint with the customer’s details as now stored', schema: ComplaintSchema },
      403: { description: 'Neither the complaint’s own agent nor a supervisor' },
      404: { description: 'No such complaint' },
    },
    handler: async ({ req, params, body, principal, idempotencyKey }) => {
      const view = await readComplaint(db, params.id);
      if (!view) throw notFound(`no complaint ${params.id}`);
      // The owner is the first responder the workflow recorded (the view's agentId), as for every
      // other command of the complaint; supervisors correct any complaint's customer.
      if (!principal.roles.includes('supervisor') && principal.userId !== view.agentId) {
        throw forbidden(`only the complaint’s own agent (${view.agentId}) or a supervisor may change the customer’s details`);
      }
      const { reason, ...change } = body;
      const result = await updateCustomer(db, cipher, {
        complaintId: params.id,
        change,
        reason,
        actor: actorOf(principal),
        sourceKey: `complaint-customer:${params.id}:${idempotencyKey ? idFromKey('customer', principal.userId, idempotencyKey) : randomUUID()}`,
      });
      if (result.kind === 'not_found') throw notFound(`no customer record for complaint ${params.id}`);
      if (result.kind === 'erased') throw conflict(`the customer details of complaint ${params.id} were erased; there is nothing to correct`);
      if (result.kind === 'unreadable') throw conflict(`the stored customer details of complaint ${params.id} do not decrypt with the configured PII keys; an administrator restores the key (PII_KEYS_PREVIOUS)`);
      return { status: 200, body: await one(req, principal, 'command', await withPeople(presentComplaint((await deadlineJudge(db)).complaint(view), await readCustomer(db, cipher, params.id), principal), () => staffDirectory(db))) };
    },
  });

  // ── commands ──────────────────────────────────────────────────────────────────────────────────
  interface CommandRoute<B> {
    path: string;
    summary: string;
    roles?: Role[];
    body: ZodType<B>;
    command: ComplaintCommand;
    update: { name: string };
    /** The command's content from the body when it is not the body itself (a root cause checked against the taxonomy). */
    toCommand?: (body: B) => Promise<object>;
  }
  const commandRoute = <B extends object>(spec: CommandRoute<B>) =>
    api.add({
      method: 'post',
      path: `/complaints/:id${spec.path}`,
      summary: spec.summary,
      tags: ['Complaints'],
      ...(spec.roles ? { roles: spec.roles } : {}),
      body: spec.body,
      params: ComplaintParams,
      idempotent: true,
      responses: {
        200: { description: 'The complaint after the command', schema: ComplaintSchema },
        403: { description: 'Not allowed for this caller on this complaint' },
        404: { description: 'No such complaint' },
        409: { description: 'Not allowed in the complaint’s current status (named in `detail`)' },
      },
      handler: async ({ req, params, body, principal, idempotencyKey }) => {
        const current = await readComplaint(db, params.id);
        if (!current) throw notFound(`no complaint ${params.id}`);
        if (current.status === 'closed') throw conflict(refusalReason('closed', spec.command) ?? 'the complaint is closed');
        if (current.processEnded) throw conflict(`the complaint's process ${current.processEnded.status.replace('_', ' ')} at ${current.processEnded.at}; it takes no more commands`);
        const workflowId = complaintWorkflowId(params.id);
        // The same key never applies the command twice, even if the API died after sending it.
        const updateId = idempotencyKey ? idFromKey(spec.command, principal.userId, idempotencyKey) : randomUUID();
        const view = await temporal.workflow.getHandle(workflowId).executeUpdate<ComplaintView, [unknown]>(spec.update.name, {
          args: [commandSigner.sign({ workflowId, name: spec.update.name, updateId }, { ...(spec.toCommand ? await spec.toCommand(body) : body), actor: actorOf(principal) })],
          updateId,
        });
        return { status: 200, body: await one(req, principal, 'command', await withPeople(presentComplaint((await deadlineJudge(db)).complaint(view), await readCustomer(db, cipher, params.id), principal), () => staffDirectory(db))) };
      },
    });

  commandRoute({ path: '/responses', summary: 'Respond to the customer (the first response meets the first-response clock)', roles: handlers, body: RespondSchema, command: 'respond', update: respondUpdate });
  commandRoute({ path: '/transfer', summary: 'Transfer to a business department (its own investigation deadline)', roles: handlers, body: TransferSchema, command: 'transfer', update: transferUpdate });
  commandRoute({
    path: '/resolution',
    summary: 'Propose the resolution, naming its root cause (required when the root-cause policy says so); compensation above the policy limit waits for a supervisor',
    roles: handlers,
    body: ResolutionSchema,
    command: 'resolve',
    update: resolveUpdate,
    toCommand: async ({ rootCause, ...rest }) => {
      const resolved = await checkedRootCause(db, rootCause, 'body.rootCause');
      return { ...rest, ...(resolved ? { rootCause: resolved } : {}) };
    },
  });
  commandRoute({ path: '/resolution/approval', summary: 'Approve or reject a compensation above the limit (rejected → back to the handler)', roles: ['supervisor'], body: ApprovalSchema, command: 'approve', update: approveUpdate });
  // The chair is committee data, not a role: the workflow checks the caller against its snapshot.
  commandRoute({ path: '/signoff', summary: 'The committee chair signs off a committee-level complaint (required to close it)', body: SignoffSchema, command: 'signoff', update: signOffUpdate });
  commandRoute({ path: '/customer-feedback', summary: 'Record the customer’s confirmation: satisfied closes, not satisfied reopens', roles: ['cs_agent', 'supervisor'], body: FeedbackSchema, command: 'feedback', update: feedbackUpdate });
  commandRoute({ path: '/appeal', summary: 'Lodge the customer’s appeal (reconsideration) after a reopen', roles: ['cs_agent', 'supervisor'], body: AppealSchema, command: 'appeal', update: appealUpdate });
  commandRoute({ path: '/appeal/decision', summary: 'Decide the appeal (upheld → new resolution; dismissed → closed)', roles: ['supervisor'], body: AppealDecisionSchema, command: 'appealDecision', update: appealDecisionUpdate });
  commandRoute({ path: '/pause', summary: 'Pause the clocks while waiting on the customer (capped by policy)', roles: handlers, body: ReasonSchema, command: 'pause', update: pauseUpdate });
  commandRoute({ path: '/resume', summary: 'Resume the clocks', roles: handlers, body: ResumeSchema, command: 'resume', update: resumeUpdate });
  commandRoute({ path: '/escalate', summary: 'Escalate one level by hand', roles: handlers, body: ReasonSchema, command: 'escalate', update: escalateUpdate });

  api.add({
    method: 'post',
    path: '/complaints/:id/reassign',
    summary: 'Reassign the complaint to another agent, with a reason (a supervisor, while an agent holds it); the new and the previous agent are notified; audited',
    tags: ['Complaints'],
    roles: ['supervisor'],
    params: ComplaintParams,
    body: ReassignSchema,
    idempotent: true,
    responses: {
      200: { description: 'The complaint, held by the agent it was reassigned to', schema: ComplaintSchema },
      400: { description: 'The agent named is not an active agent of the staff directory, or already holds the complaint (`errors` names `body.toUserId`)' },
      403: { description: 'Not a supervisor' },
      404: { description: 'No such complaint' },
      409: { description: 'The complaint is closed, with a department after a transfer, or waits for a compensation approval (named in `detail`)' },
    },
    handler: async ({ req, params, body, principal, idempotencyKey }) => {
      const current = await readComplaint(db, params.id);
      if (!current) throw notFound(`no complaint ${params.id}`);
      if (current.processEnded) throw conflict(`the complaint's process ${current.processEnded.status.replace('_', ' ')} at ${current.processEnded.at}; it takes no more commands`);
      // The same rule the workflow applies, first here so that a refusal names its field; the
      // directory only the API reads.
      const person = await readPerson(db, body.toUserId);
      const refused = reassignRefusal(principal, current, body) ?? assigneeRefusal(body.toUserId, person);
      if (refused || !person) throw reassignProblem(refused!);
      const workflowId = complaintWorkflowId(params.id);
      const updateId = idempotencyKey ? idFromKey('reassign', principal.userId, idempotencyKey) : randomUUID();
      const command = { toUserId: body.toUserId, reason: body.reason, toName: person.name, toDepartment: person.department, actor: actorOf(principal) };
      const view = await temporal.workflow.getHandle(workflowId).executeUpdate(reassignUpdate, {
        args: [commandSigner.sign({ workflowId, name: reassignUpdate.name, updateId }, command)],
        updateId,
      });
      return { status: 200, body: await one(req, principal, 'command', await withPeople(presentComplaint((await deadlineJudge(db)).complaint(view), await readCustomer(db, cipher, params.id), principal), () => staffDirectory(db))) };
    },
  });

  api.add({
    method: 'post',
    path: '/complaints/:id/root-cause',
    summary: 'Correct (or name) the complaint’s root cause, with a reason (a supervisor; also once closed); audited',
    tags: ['Complaints'],
    roles: ['supervisor'],
    params: ComplaintParams,
    body: RootCauseCorrectionSchema,
    idempotent: true,
    responses: {
      200: { description: 'The complaint with its corrected root cause', schema: ComplaintSchema },
      404: { description: 'No such complaint' },
    },
    handler: async ({ req, params, body, principal, idempotencyKey }) => {
      const current = await readComplaint(db, params.id);
      if (!current) throw notFound(`no complaint ${params.id}`);
      const denied = rootCauseCorrectionRefusal(principal);
      if (denied) throw forbidden(denied);
      const rootCause = (await checkedRootCause(db, { code: body.code, ...(body.initiativeId ? { initiativeId: body.initiativeId } : {}) }, 'body', false))!;
      const key = idempotencyKey ? idFromKey('correctRootCause', principal.userId, idempotencyKey) : randomUUID();
      const view = await correctRootCause(params.id, current.status === 'closed', { rootCause, reason: body.reason, principal, key });
      return { status: 200, body: await one(req, principal, 'command', await withPeople(presentComplaint(view, await readCustomer(db, cipher, params.id), principal), () => staffDirectory(db))) };
    },
  });

  /**
   * A running complaint is corrected by its process; a closed one in its projection (its process
   * has ended). A complaint that closes while the command is on its way is corrected in the projection.
   */
  async function correctRootCause(id: string, closed: boolean, c: { rootCause: RootCause; reason: string; principal: Principal; key: string }): Promise<ComplaintView> {
    if (!closed) {
      try {
        const workflowId = complaintWorkflowId(id);
        return await temporal.workflow.getHandle(workflowId).executeUpdate(correctRootCauseUpdate, {
          args: [commandSigner.sign({ workflowId, name: correctRootCauseUpdate.name, updateId: c.key }, { actor: actorOf(c.principal), rootCause: c.rootCause, reason: c.reason })],
          updateId: c.key,
        });
      } catch (err) {
        const closedMeanwhile = (await readComplaint(db, id))?.status === 'closed';
        if (!closedMeanwhile) throw err;
      }
    }
    const result = await correctClosedRootCause(db, { complaintId: id, rootCause: c.rootCause, reason: c.reason, actor: actorOf(c.principal), sourceKey: `complaint-root-cause:${id}:${c.key}` });
    if (result.kind === 'not_found') throw notFound(`no complaint ${id}`);
    if (result.kind === 'corrected') return result.view;
    return (await readComplaint(db, id))!;
  }
}

/**
 * The root cause a command names, checked against the taxonomy in force and, when it names a
 * product, against the initiatives: 400 naming the field otherwise. Null when none is named and
 * the policy does not require one.
 */
async function checkedRootCause(db: Database, choice: RootCauseChoice | undefined, path: string, required?: boolean): Promise<RootCause | null> {
  const { value: taxonomy, version } = await readPolicy(db, 'rootCauses');
  const check = resolveRootCause(taxonomy, version, choice, required ?? taxonomy.requiredOnResolution);
  if (!check.ok) throw badRequest(check.message, [{ path: choice ? `${path}.code` : path, message: check.message }]);
  if (check.rootCause?.initiativeId && !(await readInitiative(db, check.rootCause.initiativeId))) {
    throw badRequest(`no initiative ${check.rootCause.initiativeId}`, [{ path: `${path}.initiativeId`, message: 'no such initiative', code: 'not_found' }]);
  }
  return check.rootCause;
}

/** The list's received-at bounds, read like the reports' (local midnights or instants with offset). */
async function receivedBounds(db: Database, from: string | undefined, to: string | undefined): Promise<{ receivedFrom?: Date; receivedTo?: Date }> {
  const { value: calendar } = await readPolicy(db, 'calendar');
  const bound = (name: 'from' | 'to', value: string) => {
    let at: Date;
    try {
      at = parseBound(value, calendar);
    } catch (err) {
      throw badRequest(`${name}: ${(err as Error).message}`, [{ path: `query.${name}`, message: 'expected YYYY-MM-DD or an ISO-8601 instant with offset' }]);
    }
    if (at.getUTCFullYear() < 1900 || at.getUTCFullYear() > 9998) throw badRequest(`${name}: a year from 1900 to 9998`, [{ path: `query.${name}`, message: 'a year from 1900 to 9998' }]);
    return at;
  };
  return { ...(from ? { receivedFrom: bound('from', from) } : {}), ...(to ? { receivedTo: bound('to', to) } : {}) };
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────

/** A refused reassignment as its problem document: 403, 409, or 400 naming the field. */
function reassignProblem(r: ReassignRefusal) {
  if (r.kind === 'forbidden') return forbidden(r.message);
  if (r.kind === 'conflict') return conflict(r.message);
  return badRequest(r.message, r.field ? [{ path: `body.${r.field}`, message: r.message, ...(r.code ? { code: r.code } : {}) }] : []);
}

/** A business_handler without any wider reading role sees their department's complaints only. */
function handlerOnly(p: Principal): boolean {
  return p.roles.includes('business_handler') && !hasAnyRole(p, ['cs_agent', 'supervisor', 'compliance_auditor', 'admin']);
}

async function readable(db: Database, id: string, principal: Principal): Promise<ComplaintView> {
  const view = await readComplaint(db, id);
  if (!view) throw notFound(`no complaint ${id}`);
  if (handlerOnly(principal) && (!principal.department || view.department !== principal.department)) {
    throw forbidden('a business handler reads only complaints transferred to their own department');
  }
  return view;
}
