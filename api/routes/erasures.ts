import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { customerKnown, listErasures, listLegalHolds, liftLegalHold, readErasure, runningErasuresOf, setLegalHold } from '../../db/erasures.js';
import { readPolicy } from '../../db/settings.js';
import type { ErasureInput, ErasureView } from '../../domain/erasure/types.js';
import { decideErasureUpdate, erasureWorkflowId, erasureWorkflowType, holdsChangedSignal, requestErasureUpdate } from '../../workflows/erasure/messages.js';
import type { erasureWorkflow } from '../../workflows/erasure/index.js';
import { actorOf } from '../auth/roles.js';
import { viewOfClosedStart } from '../closed-start.js';
import { cursorCodec, cursorParts } from '../cursor.js';
import type { AppDeps } from '../deps.js';
import { idFromKey } from '../idempotency.js';
import { conflict, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import {
  ErasureDecisionSchema,
  ErasureListQuery,
  ErasureListSchema,
  ErasureParams,
  ErasureRequestSchema,
  ErasureSchema,
  LegalHoldBodySchema,
  LegalHoldLiftSchema,
  LegalHoldListQuery,
  LegalHoldListSchema,
  LegalHoldParams,
  LegalHoldSchema,
} from '../schemas/erasures.js';

/**
 * Personal-data erasure and legal holds (docs/security.md "Customer data keys and erasure"):
 * parse → authorise → call the workflow or db/erasures.ts → answer. A compliance auditor or an
 * admin requests; a compliance auditor who is not the requester decides (the workflow checks:
 * domain/erasure/rules.ts); compliance auditors set and lift legal holds, which tells the
 * customer's running erasures to look at their holds again.
 */
const tags = ['Erasure'];
const listCursor = cursorCodec({ requestedAt: cursorParts.instant, id: (v) => ErasureParams.shape.id.safeParse(v).success });

export function erasureRoutes(api: ApiRouter, { db, temporal, taskQueue, commandSigner }: AppDeps): void {
  /** Tells the customer's running erasures that a hold changed (a signal: they look again now). */
  const tellErasures = async (customerRef: string) => {
    for (const id of await runningErasuresOf(db, customerRef)) {
      await temporal.workflow
        .getHandle(erasureWorkflowId(id))
        .signal(holdsChangedSignal)
        .catch(() => undefined); // a request that ended meanwhile; the re-check timer covers any other miss
    }
  };

  api.add({
    method: 'post',
    path: '/erasures',
    summary: 'Request the erasure of a customer’s personal data: it waits while the customer has an open complaint, an open appeal or a legal hold, then for a second compliance auditor’s approval',
    tags,
    roles: ['compliance_auditor', 'admin'],
    body: ErasureRequestSchema,
    idempotent: true,
    responses: {
      201: { description: 'The request, held or awaiting approval', schema: ErasureSchema },
      404: { description: 'cxgov holds no complaint of this customer' },
      409: { description: 'An erasure of this customer is already running, or the process of this Idempotency-Key ended before it recorded anything (send a new key)' },
    },
    handler: async ({ body, principal, idempotencyKey, res }) => {
      const id = idempotencyKey ? idFromKey('erasure', principal.userId, idempotencyKey) : randomUUID();
      const existing = await readErasure(db, id);
      if (existing) {
        res.setHeader('Location', `/api/v1/erasures/${id}`);
        return { status: 201, body: existing };
      }
      if (!(await customerKnown(db, body.customerRef))) throw notFound(`cxgov holds no complaint of customer ${body.customerRef}`);
      const running = await runningErasuresOf(db, body.customerRef);
      if (running.length > 0) throw conflict(`an erasure of customer ${body.customerRef} is already running (${running[0]})`);
      const { value: policy, version } = await readPolicy(db, 'erasure');
      const workflowId = erasureWorkflowId(id);
      // Signed for this workflow (domain/command-proof.ts): the start input and the request update.
      const input: ErasureInput = commandSigner.sign({ workflowId, name: erasureWorkflowType, updateId: null }, {
        id,
        customerRef: body.customerRef,
        reason: body.reason,
        origin: 'manual',
        requestedBy: actorOf(principal),
        requestedAt: new Date().toISOString(),
        policy,
        policyVersion: version,
      } satisfies ErasureInput);
      const updateId = randomUUID();
      let view: ErasureView;
      try {
        view = await temporal.workflow.executeUpdateWithStart(requestErasureUpdate, {
          args: [commandSigner.sign({ workflowId, name: requestErasureUpdate.name, updateId }, { actor: actorOf(principal) })],
          updateId,
          startWorkflowOperation: new WithStartWorkflowOperation<typeof erasureWorkflow>(erasureWorkflowType, {
            workflowId,
            taskQueue,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        });
      } catch (err) {
        view = await viewOfClosedStart(err, () => readErasure(db, id));
      }
      res.setHeader('Location', `/api/v1/erasures/${id}`);
      return { status: 201, body: view };
    },
  });

  api.add({
    method: 'get',
    path: '/erasures',
    summary: 'Erasure requests, newest first',
    tags,
    roles: ['compliance_auditor', 'admin'],
    query: ErasureListQuery,
    responses: { 200: { description: 'A page of erasure requests', schema: ErasureListSchema } },
    handler: async ({ query }) => {
      const { limit = 20, cursor, ...filter } = query;
      const page = await listErasures(db, filter, limit, cursor ? listCursor.decode(cursor) : undefined);
      return { status: 200, body: { items: page.items, nextCursor: page.next ? listCursor.encode(page.next) : null } };
    },
  });

  api.add({
    method: 'get',
    path: '/erasures/:id',
    summary: 'One erasure request: the customer’s complaints and their states, the holds, the decision and the proof',
    tags,
    roles: ['compliance_auditor', 'admin'],
    params: ErasureParams,
    responses: { 200: { description: 'The erasure request', schema: ErasureSchema }, 404: { description: 'No such erasure request' } },
    handler: async ({ params }) => {
      const view = await readErasure(db, params.id);
      if (!view) throw notFound(`no erasure request ${params.id}`);
      return { status: 200, body: view };
    },
  });

  api.add({
    method: 'post',
    path: '/erasures/:id/decision',
    summary: 'A compliance auditor other than the requester approves (the erasure executes now) or refuses (with a comment); audited',
    tags,
    roles: ['compliance_auditor'],
    params: ErasureParams,
    body: ErasureDecisionSchema,
    idempotent: true,
    responses: {
      200: { description: 'The request after the decision', schema: ErasureSchema },
      403: { description: 'The requester themselves (four eyes)' },
      404: { description: 'No such erasure request' },
      409: { description: 'Not awaiting approval (held, decided), or a hold arrived' },
    },
    handler: async ({ params, body, principal, idempotencyKey }) => {
      const current = await readErasure(db, params.id);
      if (!current) throw notFound(`no erasure request ${params.id}`);
      if (current.status === 'completed' || current.status === 'refused') throw conflict(`decision refused: the erasure is ${current.status}`);
      const workflowId = erasureWorkflowId(params.id);
      // The same key never applies the decision twice; the workflow checks the API's proof (workflows/process/proof.ts).
      const updateId = idempotencyKey ? idFromKey('decideErasure', principal.userId, idempotencyKey) : randomUUID();
      const view = await temporal.workflow.getHandle(workflowId).executeUpdate(decideErasureUpdate, {
        args: [commandSigner.sign({ workflowId, name: decideErasureUpdate.name, updateId }, { actor: actorOf(principal), approved: body.approved, ...(body.comment !== undefined ? { comment: body.comment } : {}) })],
        updateId,
      });
      return { status: 200, body: view };
    },
  });

  api.add({
    method: 'get',
    path: '/legal-holds',
    summary: 'Legal holds, newest first (a hold not lifted stops every erasure of its customer)',
    tags,
    roles: ['compliance_auditor', 'admin'],
    query: LegalHoldListQuery,
    responses: { 200: { description: 'The legal holds', schema: LegalHoldListSchema } },
    handler: async ({ query }) => ({
      status: 200,
      body: { items: await listLegalHolds(db, { ...(query.customerRef ? { customerRef: query.customerRef } : {}), ...(query.active === 'true' ? { active: true } : {}) }) },
    }),
  });

  api.add({
    method: 'post',
    path: '/legal-holds',
    summary: 'Set a legal hold on a customer’s personal data, with a reason; audited',
    tags,
    roles: ['compliance_auditor'],
    body: LegalHoldBodySchema,
    idempotent: true,
    responses: { 201: { description: 'The hold', schema: LegalHoldSchema } },
    handler: async ({ body, principal, idempotencyKey, res }) => {
      const key = idempotencyKey ? idFromKey('legal-hold', principal.userId, idempotencyKey) : randomUUID();
      const hold = await setLegalHold(db, { id: key, customerRef: body.customerRef, reason: body.reason, actor: principal, sourceKey: `legal-hold:${key}:set` });
      await tellErasures(body.customerRef);
      res.setHeader('Location', `/api/v1/legal-holds/${hold.id}`);
      return { status: 201, body: hold };
    },
  });

  api.add({
    method: 'post',
    path: '/legal-holds/:id/lift',
    summary: 'Lift a legal hold, with a reason; audited. The customer’s held erasures look at their holds again at once',
    tags,
    roles: ['compliance_auditor'],
    params: LegalHoldParams,
    body: LegalHoldLiftSchema,
    responses: { 200: { description: 'The lifted hold', schema: LegalHoldSchema }, 404: { description: 'No such hold' }, 409: { description: 'Already lifted' } },
    handler: async ({ params, body, principal }) => {
      const result = await liftLegalHold(db, { id: params.id, reason: body.reason, actor: principal, sourceKey: `legal-hold:${params.id}:lifted` });
      if (result.kind === 'not_found') throw notFound(`no legal hold ${params.id}`);
      if (result.kind === 'already_lifted') throw conflict(`the legal hold ${params.id} was lifted at ${result.hold.liftedAt}`);
      await tellErasures(result.hold.customerRef);
      return { status: 200, body: result.hold };
    },
  });
}
