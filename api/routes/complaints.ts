import { createHash, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ZodType } from 'zod';
import { piiKey } from '../../config/secrets.js';
import type { Database } from '../../db/client.js';
import { updateComplaintCustomer } from '../../db/customers.js';
import { complaintCustomers, complaints } from '../../db/schema/index.js';
import { refusalReason } from '../../domain/complaints/rules.js';
import type { Actor } from '../../domain/actor.js';
import type { ComplaintCommand } from '../../domain/complaints/types.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import { maskIdNumber, maskName, maskPhone, PiiCipher } from '../../security/pii.js';
import type { complaintWorkflow } from '../../workflows/complaint/index.js';
import {
  appealDecisionUpdate,
  appealUpdate,
  approveUpdate,
  complaintWorkflowId,
  escalateUpdate,
  feedbackUpdate,
  intakeUpdate,
  pauseUpdate,
  resolveUpdate,
  respondUpdate,
  resumeUpdate,
  signOffUpdate,
  transferUpdate,
  type ComplaintInput,
} from '../../workflows/complaint/messages.js';
import { hasAnyRole, type Principal, type Role } from '../auth/roles.js';
import type { AppDeps } from '../deps.js';
import { badRequest, conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import {
  AppealDecisionSchema,
  AppealSchema,
  ApprovalSchema,
  ComplaintListQuery,
  ComplaintListSchema,
  ComplaintParams,
  ComplaintSchema,
  CustomerUpdateSchema,
  FeedbackSchema,
  IntakeSchema,
  ReasonSchema,
  ResolutionSchema,
  RespondSchema,
  ResumeSchema,
  SignoffSchema,
  TransferSchema,
} from '../schemas/complaints.js';

/**
 * Complaints (api.md "Complaints"): thin routes — role check → workflow update → answer; reads
 * from the projection.
 *
 * Who may read (decided here, least privilege):
 * - cs_agent, supervisor: every complaint. PII in clear for a supervisor and for the complaint's
 *   own agent (first responder); masked for other agents.
 * - business_handler: complaints transferred to their own department (403 otherwise); PII masked.
 * - compliance_auditor, admin: every complaint, PII masked, read-only.
 * The committee chair reads through whatever role they hold (supervisor in practice).
 *
 * Who may command: the route admits the roles below; the workflow decides the rest from the
 * complaint's state (owner, department, escalation level, chair — domain/complaints/access.ts).
 */
const readers: Role[] = ['cs_agent', 'business_handler', 'supervisor', 'compliance_auditor', 'admin'];
const handlers: Role[] = ['cs_agent', 'business_handler', 'supervisor'];

/** How far back a complaint's receipt may be dated, and how far ahead a client clock may run. */
const maxBackdateMs = 366 * 86_400_000;
const maxClockSkewMs = 5 * 60_000;

type Row = typeof complaints.$inferSelect;
type CustomerRow = typeof complaintCustomers.$inferSelect;

export function complaintRoutes(api: ApiRouter, { db, temporal, taskQueue, config }: AppDeps): void {
  const cipher = new PiiCipher(piiKey(config));

  api.add({
    method: 'post',
    path: '/complaints',
    summary: 'Take a complaint: starts its workflow, answers with its deadlines (Idempotency-Key: a retry returns the same complaint)',
    tags: ['Complaints'],
    roles: ['cs_agent'],
    body: IntakeSchema,
    idempotent: true,
    responses: { 201: { description: 'The complaint, with its deadlines and repeat flag', schema: ComplaintSchema } },
    handler: async ({ body, principal, idempotencyKey }) => {
      // A key makes the id deterministic, so a retry after a crash finds the same workflow.
      const id = idempotencyKey ? uuidFrom(`complaint\n${principal.userId}\n${idempotencyKey}`) : randomUUID();
      const now = Date.now();
      const received = body.receivedAt ? Date.parse(body.receivedAt) : now;
      if (received > now + maxClockSkewMs) throw badRequest('receivedAt lies in the future', [{ path: 'body.receivedAt', message: 'must not be in the future' }]);
      if (received < now - maxBackdateMs) throw badRequest('receivedAt is more than a year ago', [{ path: 'body.receivedAt', message: 'must be within the last year' }]);

      // PII first, encrypted, keyed by the complaint id (a retry writes nothing new).
      await db
        .insert(complaintCustomers)
        .values({
          complaintId: id,
          customerRef: body.customer.ref,
          nameEnc: cipher.encrypt(body.customer.name, `${id}:name`),
          phoneEnc: cipher.encrypt(body.customer.phone, `${id}:phone`),
          idNumberEnc: body.customer.idNumber ? cipher.encrypt(body.customer.idNumber, `${id}:idNumber`) : null,
          createdBy: principal.userId,
        })
        .onConflictDoNothing();

      const input: ComplaintInput = {
        id,
        channel: body.channel,
        category: body.category,
        severity: body.severity,
        description: body.description,
        receivedAt: new Date(received).toISOString(),
        ...(body.initiativeId ? { initiativeId: body.initiativeId } : {}),
        customerRef: body.customer.ref,
        piiRef: id,
        intakeBy: actorOf(principal),
      };
      let view: ComplaintView;
      try {
        view = await temporal.workflow.executeUpdateWithStart(intakeUpdate, {
          args: [{ actor: actorOf(principal) }],
          startWorkflowOperation: new WithStartWorkflowOperation<typeof complaintWorkflow>('complaintWorkflow', {
            workflowId: complaintWorkflowId(id),
            taskQueue,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
            // A closed complaint is never started again under the same id.
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        const row = await loadRow(db, id);
        if (!row) throw err;
        view = row.view as ComplaintView;
      }
      const customer = await loadCustomer(db, id);
      return { status: 201, body: present(view, customer, principal, cipher) };
    },
  });

  api.add({
    method: 'get',
    path: '/complaints',
    summary: 'List complaints, newest first, with filters',
    tags: ['Complaints'],
    roles: readers,
    query: ComplaintListQuery,
    responses: { 200: { description: 'A page of complaints', schema: ComplaintListSchema } },
    handler: async ({ query, principal }) => {
      const limit = query.limit ?? 50;
      const where: SQL[] = [];
      if (query.status) where.push(eq(complaints.status, query.status));
      if (query.severity) where.push(eq(complaints.severity, query.severity));
      if (query.category) where.push(eq(complaints.category, query.category));
      if (query.owner) where.push(eq(complaints.ownerId, query.owner));
      if (query.breached) where.push(eq(complaints.breached, query.breached === 'true'));
      if (query.initiativeId) where.push(eq(complaints.initiativeId, query.initiativeId));
      if (handlerOnly(principal)) {
        if (!principal.department) return { status: 200, body: { items: [], nextCursor: null } };
        where.push(eq(complaints.department, principal.department));
      }
      if (query.cursor) {
        const [at, id] = decodeCursor(query.cursor);
        where.push(sql`(${complaints.receivedAt}, ${complaints.id}) < (${at}::timestamptz, ${id})`);
      }
      const rows = await db
        .select()
        .from(complaints)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(complaints.receivedAt), desc(complaints.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const customers = page.length
        ? await db.select().from(complaintCustomers).where(inArray(complaintCustomers.complaintId, page.map((r) => r.id)))
        : [];
      const byId = new Map(customers.map((c) => [c.complaintId, c]));
      const last = page.at(-1);
      return {
        status: 200,
        body: {
          items: page.map((r) => present(r.view as ComplaintView, byId.get(r.id), principal, cipher)),
          nextCursor: rows.length > limit && last ? encodeCursor((last.view as ComplaintView).receivedAt, last.id) : null,
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
    handler: async ({ params, principal }) => {
      const row = await readable(db, params.id, principal);
      return { status: 200, body: present(row.view as ComplaintView, await loadCustomer(db, row.id), principal, cipher) };
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
    handler: async ({ params, body, principal, idempotencyKey }) => {
      const row = await loadRow(db, params.id);
      if (!row) throw notFound(`no complaint ${params.id}`);
      // The owner is the first responder the workflow recorded (projection agent_id), as for every
      // other command of the complaint; supervisors correct any complaint's customer.
      if (!principal.roles.includes('supervisor') && principal.userId !== row.agentId) {
        throw forbidden(`only the complaint’s own agent (${row.agentId}) or a supervisor may change the customer’s details`);
      }
      const { reason, ...change } = body;
      const result = await updateComplaintCustomer(db, cipher, {
        complaintId: params.id,
        change,
        reason,
        actor: { userId: principal.userId, roles: principal.roles },
        sourceKey: `complaint-customer:${params.id}:${idempotencyKey ? uuidFrom(`customer\n${principal.userId}\n${idempotencyKey}`) : randomUUID()}`,
      });
      if (result.kind === 'not_found') throw notFound(`no customer record for complaint ${params.id}`);
      return { status: 200, body: present(row.view as ComplaintView, await loadCustomer(db, params.id), principal, cipher) };
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
      handler: async ({ params, body, principal, idempotencyKey }) => {
        const row = await loadRow(db, params.id);
        if (!row) throw notFound(`no complaint ${params.id}`);
        if (row.status === 'closed') throw conflict(refusalReason('closed', spec.command) ?? 'the complaint is closed');
        const handle = temporal.workflow.getHandle(complaintWorkflowId(params.id));
        const view = await handle.executeUpdate<ComplaintView, [unknown]>(spec.update.name, {
          args: [{ ...body, actor: actorOf(principal) }],
          // The same key never applies the command twice, even if the API died after sending it.
          ...(idempotencyKey ? { updateId: uuidFrom(`${spec.command}\n${principal.userId}\n${idempotencyKey}`) } : {}),
        });
        return { status: 200, body: present(view, await loadCustomer(db, params.id), principal, cipher) };
      },
    });

  commandRoute({ path: '/responses', summary: 'Respond to the customer (the first response meets the first-response clock)', roles: handlers, body: RespondSchema, command: 'respond', update: respondUpdate });
  commandRoute({ path: '/transfer', summary: 'Transfer to a business department (its own investigation deadline)', roles: handlers, body: TransferSchema, command: 'transfer', update: transferUpdate });
  commandRoute({ path: '/resolution', summary: 'Propose the resolution; compensation above the policy limit waits for a supervisor', roles: handlers, body: ResolutionSchema, command: 'resolve', update: resolveUpdate });
  commandRoute({ path: '/resolution/approval', summary: 'Approve or reject a compensation above the limit (rejected → back to the handler)', roles: ['supervisor'], body: ApprovalSchema, command: 'approve', update: approveUpdate });
  // The chair is committee data, not a role: the workflow checks the caller against its snapshot.
  commandRoute({ path: '/signoff', summary: 'The committee chair signs off a committee-level complaint (required to close it)', body: SignoffSchema, command: 'signoff', update: signOffUpdate });
  commandRoute({ path: '/customer-feedback', summary: 'Record the customer’s confirmation: satisfied closes, not satisfied reopens', roles: ['cs_agent', 'supervisor'], body: FeedbackSchema, command: 'feedback', update: feedbackUpdate });
  commandRoute({ path: '/appeal', summary: 'Lodge the customer’s appeal (reconsideration) after a reopen', roles: ['cs_agent', 'supervisor'], body: AppealSchema, command: 'appeal', update: appealUpdate });
  commandRoute({ path: '/appeal/decision', summary: 'Decide the appeal (upheld → new resolution; dismissed → closed)', roles: ['supervisor'], body: AppealDecisionSchema, command: 'appealDecision', update: appealDecisionUpdate });
  commandRoute({ path: '/pause', summary: 'Pause the clocks while waiting on the customer (capped by policy)', roles: handlers, body: ReasonSchema, command: 'pause', update: pauseUpdate });
  commandRoute({ path: '/resume', summary: 'Resume the clocks', roles: handlers, body: ResumeSchema, command: 'resume', update: resumeUpdate });
  commandRoute({ path: '/escalate', summary: 'Escalate one level by hand', roles: handlers, body: ReasonSchema, command: 'escalate', update: escalateUpdate });
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────

export function actorOf(p: Principal): Actor {
  return { userId: p.userId, name: p.name, roles: p.roles, ...(p.department ? { department: p.department } : {}) };
}

/** A UUID (version 8, RFC 9562 "custom") from a sha256 of the seed. */
export function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** A business_handler without any wider reading role sees their department's complaints only. */
function handlerOnly(p: Principal): boolean {
  return p.roles.includes('business_handler') && !hasAnyRole(p, ['cs_agent', 'supervisor', 'compliance_auditor', 'admin']);
}

async function loadRow(db: Database, id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
  return row;
}

async function loadCustomer(db: Database, id: string): Promise<CustomerRow | undefined> {
  const [row] = await db.select().from(complaintCustomers).where(eq(complaintCustomers.complaintId, id));
  return row;
}

async function readable(db: Database, id: string, principal: Principal): Promise<Row> {
  const row = await loadRow(db, id);
  if (!row) throw notFound(`no complaint ${id}`);
  if (handlerOnly(principal) && (!principal.department || row.department !== principal.department)) {
    throw forbidden('a business handler reads only complaints transferred to their own department');
  }
  return row;
}

/** PII in clear only for the complaint's own agent and supervisors. */
function seesPii(view: ComplaintView, p: Principal): boolean {
  return p.roles.includes('supervisor') || (p.roles.includes('cs_agent') && p.userId === view.agentId);
}

export function present(view: ComplaintView, customer: CustomerRow | undefined, p: Principal, cipher: PiiCipher) {
  const { customerRef, version: _version, ...rest } = view;
  const clear = customer
    ? {
        name: cipher.decrypt(customer.nameEnc, `${customer.complaintId}:name`),
        phone: cipher.decrypt(customer.phoneEnc, `${customer.complaintId}:phone`),
        ...(customer.idNumberEnc ? { idNumber: cipher.decrypt(customer.idNumberEnc, `${customer.complaintId}:idNumber`) } : {}),
      }
    : { name: '', phone: '' };
  const masked = !seesPii(view, p);
  const shown = masked
    ? { name: maskName(clear.name), phone: maskPhone(clear.phone), ...(clear.idNumber !== undefined ? { idNumber: maskIdNumber(clear.idNumber) } : {}) }
    : clear;
  return { ...rest, customer: { ref: customerRef, ...shown, masked }, repeat: view.repeatOf.length > 0 };
}

function encodeCursor(receivedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([receivedAt, id])).toString('base64url');
}

const isoMillis = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    // Exactly what encodeCursor writes: a forged one (a date PostgreSQL does not take, a NUL in
    // the id) reached the query and was a 500.
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isoMillis.test(v[0]) && !Number.isNaN(Date.parse(v[0])) && ComplaintParams.shape.id.safeParse(v[1]).success) {
      return [v[0], v[1]];
    }
  } catch {
    // fall through
  }
  throw badRequest('cursor is not valid: pass the nextCursor of a previous page', [{ path: 'query.cursor', message: 'unknown cursor' }]);
}
