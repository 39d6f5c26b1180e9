import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { Database } from '../../db/client.js';
import { isReviewMember } from '../../db/initiatives.js';
import { readPolicy, readRoster } from '../../db/settings.js';
import { listTargetProposals, readTargetProposal } from '../../db/targets.js';
import type { ProposalView } from '../../domain/targets/proposal.js';
import {
  decideTargetsUpdate,
  proposeTargetsUpdate,
  targetProposalWorkflowId,
  targetProposalWorkflowType,
  type ProposalInput,
} from '../../workflows/targets/messages.js';
import { actorOf, hasAnyRole, type Principal, type Role } from '../auth/roles.js';
import { viewOfClosedStart } from '../closed-start.js';
import { cursorCodec, cursorParts } from '../cursor.js';
import type { AppDeps } from '../deps.js';
import { idFromKey } from '../idempotency.js';
import { conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { DecisionBodySchema, ProposalBodySchema, ProposalListQuery, ProposalListSchema, ProposalParams, ProposalSchema, TargetsInForceSchema } from '../schemas/targets.js';

/**
 * The KPI targets (docs/reports.md, "Targets"): read by anyone signed in; changed only by a
 * proposal (an admin's) that the committee approves — the chair through this API, or a committee
 * meeting's process through the same update. Several proposals may wait at once; an approval
 * replaces only the targets its proposal was made against (a later one is refused: propose again). Proposals are read by admins, supervisors, auditors
 * and the committee's members; the chair decides (committee data, checked by the workflow).
 */
const proposalReaders: Role[] = ['admin', 'supervisor', 'compliance_auditor'];
const tags = ['Reports'];
const listCursor = cursorCodec({ proposedAt: cursorParts.instant, id: (v) => ProposalParams.shape.id.safeParse(v).success });

export function targetRoutes(api: ApiRouter, { db, temporal, taskQueue, commandSigner }: AppDeps): void {
  api.add({
    method: 'get',
    path: '/policies/targets',
    summary: 'The KPI targets in force (changed only by an approved proposal)',
    tags,
    responses: { 200: { description: 'The targets and their version', schema: TargetsInForceSchema } },
    handler: async ({ res }) => {
      const { value, version } = await readPolicy(db, 'targets');
      res.setHeader('ETag', `"targets-${version}"`);
      return { status: 200, body: { targets: value, version } };
    },
  });

  api.add({
    method: 'post',
    path: '/targets/proposals',
    summary: 'Propose new KPI targets: they take effect only when the committee’s chair approves them within the review window',
    tags,
    roles: ['admin'],
    body: ProposalBodySchema,
    idempotent: true,
    responses: {
      201: { description: 'The proposal, waiting for the chair', schema: ProposalSchema },
      409: { description: 'The roster has no chair, or the process of this Idempotency-Key ended before it recorded anything (send a new key)' },
    },
    handler: async ({ body, principal, idempotencyKey, res }) => {
      const id = idempotencyKey ? idFromKey('targets', principal.userId, idempotencyKey) : randomUUID();
      if (!(await readRoster(db)).some((m) => m.chair)) throw conflict('the committee roster has no chair to decide; an admin must set the roster first');
      const workflowId = targetProposalWorkflowId(id);
      const input: ProposalInput = commandSigner.sign({ workflowId, name: targetProposalWorkflowType, updateId: null }, { id, targets: body.targets, reason: body.reason, proposedBy: actorOf(principal), proposedAt: new Date().toISOString() });
      let view: ProposalView;
      try {
        view = await temporal.workflow.executeUpdateWithStart(proposeTargetsUpdate, {
          args: [{ actor: actorOf(principal) }],
          startWorkflowOperation: new WithStartWorkflowOperation(targetProposalWorkflowType, {
            workflowId,
            taskQueue,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        });
      } catch (err) {
        view = await viewOfClosedStart(err, () => readTargetProposal(db, id));
      }
      res.setHeader('Location', `/api/v1/targets/proposals/${id}`);
      return { status: 201, body: view };
    },
  });

  api.add({
    method: 'get',
    path: '/targets/proposals',
    summary: 'Proposals to change the KPI targets, newest first',
    tags,
    query: ProposalListQuery,
    responses: { 200: { description: 'A page of proposals', schema: ProposalListSchema }, 403: { description: 'Neither admin, supervisor, compliance_auditor nor a committee member' } },
    handler: async ({ query, principal }) => {
      await mayRead(db, principal);
      const page = await listTargetProposals(db, query.status ? { status: query.status } : {}, query.limit ?? 20, query.cursor ? listCursor.decode(query.cursor) : undefined);
      return { status: 200, body: { items: page.items, nextCursor: page.next ? listCursor.encode(page.next) : null } };
    },
  });

  api.add({
    method: 'get',
    path: '/targets/proposals/:id',
    summary: 'One proposal: the targets, what would change, who decides by when, the decision',
    tags,
    params: ProposalParams,
    responses: { 200: { description: 'The proposal', schema: ProposalSchema }, 403: { description: 'Neither admin, supervisor, compliance_auditor nor a committee member' }, 404: { description: 'No such proposal' } },
    handler: async ({ params, principal }) => {
      await mayRead(db, principal);
      const view = await readTargetProposal(db, params.id);
      if (!view) throw notFound(`no target proposal ${params.id}`);
      return { status: 200, body: view };
    },
  });

  api.add({
    method: 'post',
    path: '/targets/proposals/:id/decision',
    summary: 'The committee chair approves (the targets take effect now) or rejects the proposal; audited',
    tags,
    params: ProposalParams,
    body: DecisionBodySchema,
    idempotent: true,
    responses: {
      200: { description: 'The decided proposal', schema: ProposalSchema },
      403: { description: 'Not the chair the proposal snapshotted, or the chair’s own proposal' },
      404: { description: 'No such proposal' },
      409: { description: 'Already decided or lapsed, or the targets changed since' },
    },
    handler: async ({ params, body, principal, idempotencyKey }) => {
      const current = await readTargetProposal(db, params.id);
      if (!current) throw notFound(`no target proposal ${params.id}`);
      if (current.status !== 'pending') throw conflict(`decision refused: the proposal is ${current.status}`);
      const workflowId = targetProposalWorkflowId(params.id);
      // The same key never applies the decision twice; the workflow checks the API's proof (workflows/process/proof.ts).
      const updateId = idempotencyKey ? idFromKey('decideTargets', principal.userId, idempotencyKey) : randomUUID();
      const view = await temporal.workflow.getHandle(workflowId).executeUpdate(decideTargetsUpdate, {
        args: [commandSigner.sign({ workflowId, name: decideTargetsUpdate.name, updateId }, { actor: actorOf(principal), approved: body.approved, comment: body.comment })],
        updateId,
      });
      return { status: 200, body: view };
    },
  });
}

/** Reader roles, or a seat on the committee (the roster as it stands, or any review's snapshot). */
async function mayRead(db: Database, p: Principal): Promise<void> {
  if (hasAnyRole(p, proposalReaders)) return;
  if ((await readRoster(db)).some((m) => m.userId === p.userId) || (await isReviewMember(db, p.userId))) return;
  throw forbidden(`target proposals are read by ${proposalReaders.join(', ')} and the committee’s members`);
}
