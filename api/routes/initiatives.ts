import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import { listInitiatives, postLaunchDecisionOf, readInitiative } from '../../db/initiatives.js';
import { productVoiceByMonth } from '../../db/nps-campaigns.js';
import { readPolicy } from '../../db/settings.js';
import { validateDeliverables } from '../../domain/gates/deliverables.js';
import type { InitiativeView } from '../../domain/gates/views.js';
import {
  castVote,
  createInitiative,
  extendReview,
  initiativeWorkflowId,
  initiativeWorkflowType,
  signOff,
  submitDeliverables,
  withdrawInitiative,
  type InitiativeWorkflowInput,
} from '../../workflows/initiative/messages.js';
import { initiativeReaderRoles as readerRoles, mayReadInitiatives } from '../auth/initiative-readers.js';
import { actorOf, type Principal } from '../auth/roles.js';
import { ownAttachmentProblems } from '../attachment-refs.js';
import { viewOfClosedStart } from '../closed-start.js';
import { deadlineJudge, withProvisionalReviews } from '../present/deadlines.js';
import { cursorCodec, cursorParts } from '../cursor.js';
import type { AppDeps } from '../deps.js';
import { idFromKey } from '../idempotency.js';
import { badRequest, conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import {
  CreateInitiativeSchema,
  ExtendSchema,
  InitiativePageSchema,
  InitiativeParams,
  InitiativeSchema,
  ListInitiativesQuery,
  ProductVoiceSchema,
  ReviewSchema,
  SignOffResultSchema,
  SignOffSchema,
  SubmissionSchema,
  VoteSchema,
  WithdrawSchema,
} from '../schemas/initiatives.js';

/**
 * Initiatives and gates (docs/http-contract.md). Thin routes: coarse role check → Workflow Update on
 * `initiative-<id>` → answer. Finer checks (team, committee membership, recusal, the chair,
 * separation of duties) need the review's roster snapshot and live in the workflow's update
 * validators, which answer 403/409/400 through api/errors.ts. Reads come from the projections.
 *
 * Who may read initiatives: api/auth/initiative-readers.ts. Other roles (cs_agent,
 * business_handler) get 403.
 */
const tags = ['Initiatives and gates'];

const problem = (description: string) => ({ description });

/** The list's keyset: creation time, then id (both descending). */
const listCursor = cursorCodec({ createdAt: cursorParts.instant, id: cursorParts.id });

export function initiativeRoutes(api: ApiRouter, { db, temporal, taskQueue, commandSigner, config }: AppDeps): void {
  const mayRead = (p: Principal, initiativeId?: string) => mayReadInitiatives(db, p, initiativeId);

  /** Sends a command; a finished process answers 409 with the initiative's final state. */
  async function command<R, C extends object>(id: string, update: UpdateDefinition<R, [C]>, cmd: C, updateKey?: string): Promise<R> {
    const workflowId = initiativeWorkflowId(id);
    const handle = temporal.workflow.getHandle(workflowId);
    const updateId = updateKey ?? randomUUID();
    try {
      // Signed for this workflow and this update (domain/command-proof.ts).
      return await handle.executeUpdate(update, { args: [commandSigner.sign({ workflowId, name: update.name, updateId }, cmd)], updateId });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        const existing = await readInitiative(db, id);
        if (!existing) throw notFound(`no initiative ${id}`);
        if (existing.processEnded) throw conflict(`the initiative's process ${existing.processEnded.status.replace('_', ' ')} at ${existing.processEnded.at}; it takes no more commands`);
        throw conflict(`the initiative is ${existing.status} at stage ${existing.stage}; its process has ended`);
      }
      throw err;
    }
  }
  const updateKeyOf = (p: Principal, key: string | undefined, what: string) => (key ? idFromKey(what, p.userId, key) : undefined);

  api.add({
    method: 'post',
    path: '/initiatives',
    summary: 'Create an initiative (a new product or an upgrade); it starts at research, in progress',
    tags,
    roles: ['product_owner'],
    body: CreateInitiativeSchema,
    idempotent: true,
    responses: { 201: { description: 'The created initiative', schema: InitiativeSchema }, 409: problem('The process of this Idempotency-Key ended before it recorded anything: send a new key') },
    handler: async ({ body, principal, idempotencyKey, res }) => {
      const id = idempotencyKey ? idFromKey('initiative', principal.userId, idempotencyKey) : randomUUID();
      const actor = actorOf(principal);
      const workflowId = initiativeWorkflowId(id);
      // Signed for this workflow (domain/command-proof.ts): the start input and the creating update.
      const input: InitiativeWorkflowInput = commandSigner.sign({ workflowId, name: initiativeWorkflowType, updateId: null }, { init: { id, ...body, owner: actor } });
      const updateId = randomUUID();
      const start = new WithStartWorkflowOperation(initiativeWorkflowType, {
        workflowId,
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A closed initiative's id is never reused for a new process.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      let view: InitiativeView;
      try {
        view = await temporal.workflow.executeUpdateWithStart(createInitiative, {
          args: [commandSigner.sign({ workflowId, name: createInitiative.name, updateId }, { actor })],
          updateId,
          startWorkflowOperation: start,
        });
      } catch (err) {
        view = await viewOfClosedStart(err, () => readInitiative(db, id));
      }
      res.setHeader('Location', `/api/v1/initiatives/${id}`);
      return { status: 201, body: withProvisionalReviews(view, await deadlineJudge(db)) };
    },
  });

  api.add({
    method: 'get',
    path: '/initiatives',
    summary: 'List initiatives, newest first, optionally by stage and status (product_owner, supervisor, compliance_auditor, admin or committee members)',
    tags,
    query: ListInitiativesQuery,
    responses: {
      200: { description: 'A page of initiatives', schema: InitiativePageSchema },
      403: problem('Neither a reader role nor a committee member'),
    },
    handler: async ({ principal, query }) => {
      if (!(await mayRead(principal))) throw forbidden(`reading initiatives requires one of the roles ${readerRoles.join(', ')} or committee membership`);
      const page = await listInitiatives(db, { stage: query.stage, status: query.status }, query.limit, query.cursor ? listCursor.decode(query.cursor) : undefined);
      return { status: 200, body: { items: page.items, nextCursor: page.next ? listCursor.encode(page.next) : null } };
    },
  });

  api.add({
    method: 'get',
    path: '/initiatives/:id',
    summary: 'One initiative: stage, status, the open or escalated review with votes, recusals, quorum and deadline, and every past review (product_owner, supervisor, compliance_auditor, admin or committee members)',
    tags,
    params: InitiativeParams,
    responses: {
      200: { description: 'The initiative', schema: InitiativeSchema },
      403: problem('Neither a reader role nor a committee member'),
      404: problem('No such initiative'),
    },
    handler: async ({ principal, params }) => {
      if (!(await mayRead(principal, params.id))) throw forbidden(`reading initiatives requires one of the roles ${readerRoles.join(', ')} or committee membership`);
      const view = await readInitiative(db, params.id);
      if (!view) throw notFound(`no initiative ${params.id}`);
      // The review item's decision is the meeting's (docs/meetings.md), kept beside the projection.
      const decision = view.postLaunch?.reviewItem ? await postLaunchDecisionOf(db, view.id) : undefined;
      const shown = decision && view.postLaunch?.reviewItem ? { ...view, postLaunch: { ...view.postLaunch, reviewItem: { ...view.postLaunch.reviewItem, decision } } } : view;
      return { status: 200, body: withProvisionalReviews(shown, await deadlineJudge(db)) };
    },
  });

  api.add({
    method: 'get',
    path: '/initiatives/:id/voice',
    summary: 'The product’s NPS (with its 95 % interval) and its complaints, month by month over the last twelve months (the readers of the initiative)',
    tags,
    params: InitiativeParams,
    responses: {
      200: { description: 'Months with answers or complaints, oldest first', schema: ProductVoiceSchema },
      403: problem('Neither a reader role nor a committee member'),
      404: problem('No such initiative'),
    },
    handler: async ({ principal, params }) => {
      if (!(await mayRead(principal, params.id))) throw forbidden(`reading initiatives requires one of the roles ${readerRoles.join(', ')} or committee membership`);
      if (!(await readInitiative(db, params.id))) throw notFound(`no initiative ${params.id}`);
      const { value: calendar } = await readPolicy(db, 'calendar');
      const since = new Date(Date.now() - 366 * 86_400_000).toISOString();
      const months = await productVoiceByMonth(db, { initiativeId: params.id, since, timeZone: calendar.timeZone });
      return { status: 200, body: { initiativeId: params.id, timeZone: calendar.timeZone, months } };
    },
  });

  api.add({
    method: 'post',
    path: '/initiatives/:id/submissions',
    summary: 'Submit the current stage’s deliverables; opens a gate review (product owner of the initiative’s team)',
    tags,
    roles: ['product_owner'],
    params: InitiativeParams,
    body: SubmissionSchema,
    idempotent: true,
    responses: {
      201: { description: 'The opened review', schema: ReviewSchema },
      403: problem('Not a product owner of the initiative’s team'),
      404: problem('No such initiative'),
      409: problem('Not the current stage, a review is already open, or the initiative has ended'),
    },
    handler: async ({ req, principal, params, body, idempotencyKey }) => {
      const problems = validateDeliverables(body.stage, body.deliverables, 'body.deliverables');
      // Files uploaded here must exist, for this initiative, with the hash the deliverables state.
      if (problems.length === 0) problems.push(...(await ownAttachmentProblems(db, config, req, params.id, body.deliverables, 'body.deliverables')));
      if (problems.length > 0) {
        throw badRequest(`the ${body.stage} deliverables are incomplete or invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
      }
      const review = await command(params.id, submitDeliverables, { actor: actorOf(principal), stage: body.stage, deliverables: body.deliverables }, updateKeyOf(principal, idempotencyKey, 'submit'));
      return { status: 201, body: (await deadlineJudge(db)).review(review) };
    },
  });

  api.add({
    method: 'post',
    path: '/initiatives/:id/review/votes',
    summary: 'Vote on (or revise a vote on) the open review; committee members of the review’s roster snapshot, not recused',
    tags,
    params: InitiativeParams,
    body: VoteSchema,
    idempotent: true,
    responses: {
      200: { description: 'The review with every vote and revision', schema: ReviewSchema },
      403: problem('Not a member of the review’s committee, or recused'),
      404: problem('No such initiative'),
      409: problem('No review open: decided, withdrawn or never submitted'),
    },
    handler: async ({ principal, params, body, idempotencyKey }) => {
      const review = await command(params.id, castVote, { actor: actorOf(principal), ...body }, updateKeyOf(principal, idempotencyKey, 'vote'));
      return { status: 200, body: (await deadlineJudge(db)).review(review) };
    },
  });

  api.add({
    method: 'post',
    path: '/initiatives/:id/review/signoff',
    summary: 'The chair signs the decision off (with the committee’s outcome, or overriding it with a reason)',
    tags,
    params: InitiativeParams,
    body: SignOffSchema,
    idempotent: true,
    responses: {
      200: { description: 'The decided review and the initiative’s new stage and status', schema: SignOffResultSchema },
      400: problem('An override without a reason'),
      403: problem('Not the review’s chair, or the chair owns/submitted the initiative'),
      404: problem('No such initiative'),
      409: problem('Quorum not met (unless escalated), a launch score under threshold, a decision differing from the committee without override, or no review open'),
    },
    handler: async ({ principal, params, body, idempotencyKey }) => {
      const result = await command(params.id, signOff, { actor: actorOf(principal), ...body }, updateKeyOf(principal, idempotencyKey, 'signoff'));
      return { status: 200, body: (await deadlineJudge(db)).review(result) };
    },
  });

  api.add({
    method: 'post',
    path: '/initiatives/:id/review/extend',
    summary: 'The chair extends an escalated review’s window, once; the committee may vote again until the new deadline',
    tags,
    params: InitiativeParams,
    body: ExtendSchema,
    idempotent: true,
    responses: {
      200: { description: 'The reopened review with its new deadline', schema: ReviewSchema },
      403: problem('Not the review’s chair'),
      404: problem('No such initiative'),
      409: problem('The review has not escalated, was already extended once, or is closed'),
    },
    handler: async ({ principal, params, body, idempotencyKey }) => {
      const review = await command(params.id, extendReview, { actor: actorOf(principal), ...body }, updateKeyOf(principal, idempotencyKey, 'extend'));
      return { status: 200, body: (await deadlineJudge(db)).review(review) };
    },
  });

  api.add({
    method: 'post',
    path: '/initiatives/:id/withdraw',
    summary: 'Withdraw the initiative before a gate is decided (its owner or a product owner of its team)',
    tags,
    roles: ['product_owner'],
    params: InitiativeParams,
    body: WithdrawSchema,
    idempotent: true,
    responses: {
      200: { description: 'The withdrawn initiative', schema: InitiativeSchema },
      403: problem('Not the owner nor a product owner of the initiative’s team'),
      404: problem('No such initiative'),
      409: problem('The initiative has already ended'),
    },
    handler: async ({ principal, params, body, idempotencyKey }) => {
      const view = await command(params.id, withdrawInitiative, { actor: actorOf(principal), reason: body.reason }, updateKeyOf(principal, idempotencyKey, 'withdraw'));
      return { status: 200, body: withProvisionalReviews(view, await deadlineJudge(db)) };
    },
  });
}
