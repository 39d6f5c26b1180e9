import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { ZodType } from 'zod';
import type { Database } from '../../db/client.js';
import { improvementsAbout, listImprovements, readImprovement } from '../../db/improvements.js';
import { readIncident } from '../../db/incidents.js';
import { readFeedback } from '../../db/feedback.js';
import { feedbackWorkflowId, linkUpdate } from '../../workflows/feedback/messages.js';
import { readComplaint } from '../../db/complaints.js';
import { initiativeExists, readInitiative } from '../../db/initiatives.js';
import { activePeople, readPerson } from '../../db/people.js';
import { readRoster } from '../../db/settings.js';
import { improvementIdFor, improvementWorkflowId } from '../../domain/improvements/ids.js';
import { mayRaise } from '../../domain/improvements/rules.js';
import type { ImprovementInput, ImprovementSource, ImprovementView } from '../../domain/improvements/types.js';
import type { improvementWorkflow } from '../../workflows/improvement/index.js';
import { completeUpdate, raisedUpdate, reportProgressUpdate, sendBackUpdate, verifyUpdate } from '../../workflows/improvement/messages.js';
import { actorOf, hasAnyRole, type Principal, type Role } from '../auth/roles.js';
import { viewOfClosedStart } from '../closed-start.js';
import type { AppDeps } from '../deps.js';
import { idFromKey } from '../idempotency.js';
import { badRequest, conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import {
  CompleteSchema,
  ImprovementBoardQuery,
  ImprovementListSchema,
  ImprovementParams,
  ImprovementSchema,
  LinkedParams,
  OwnerListSchema,
  OwnersQuery,
  ProgressSchema,
  RaiseImprovementSchema,
  SendBackSchema,
  VerifySchema,
} from '../schemas/improvements.js';

/**
 * Improvement actions (docs/improvements.md): parse → authorise → call the workflow or
 * db/improvements.ts → answer. The board is read by supervisors, compliance auditors, admins and
 * the committee's members; anyone else sees the actions they own, verify or raised. Who may raise
 * from which source and who may act on an action are domain/improvements/rules.ts (the workflow
 * checks the commands again).
 */
const readers: Role[] = ['supervisor', 'compliance_auditor', 'admin'];
const tags = ['Improvement actions'];

export function improvementRoutes(api: ApiRouter, { db, temporal, taskQueue, commandSigner }: AppDeps): void {
  api.add({
    method: 'get',
    path: '/improvements',
    summary: 'The improvement board: actions by status, owner department, source, overdue; overdue first, then by due date',
    tags,
    query: ImprovementBoardQuery,
    responses: { 200: { description: 'The actions', schema: ImprovementListSchema } },
    handler: async ({ query, principal }) => {
      const { limit = 200, overdue, ...filter } = query;
      const items = await listImprovements(db, { ...filter, ...(overdue === 'true' ? { overdue: true } : {}) }, limit);
      const all = await isReader(db, principal);
      return { status: 200, body: { items: all ? items : items.filter((v) => involved(v, principal)) } };
    },
  });

  api.add({
    method: 'get',
    path: '/improvements/owners',
    summary: 'Who may own an action: the active people of the directory (user id, name, department), for the raise form’s picker',
    tags,
    query: OwnersQuery,
    responses: { 200: { description: 'The people', schema: OwnerListSchema }, 403: { description: 'The caller may raise no action' } },
    handler: async ({ query, principal }) => {
      if (!(await isReader(db, principal))) throw forbidden('the owners are listed for those who raise actions: supervisors, compliance auditors, admins and the committee’s members');
      const people = (await activePeople(db)).filter((p) => !query.department || p.department === query.department);
      return { status: 200, body: { items: people.map((p) => ({ userId: p.userId, name: p.name, department: p.department })).sort((a, b) => a.userId.localeCompare(b.userId)) } };
    },
  });

  api.add({
    method: 'get',
    path: '/improvements/linked/:entityType/:entityId',
    summary: 'The actions about a complaint, an initiative (also those raised from its post-launch review) or an incident',
    tags,
    params: LinkedParams,
    responses: { 200: { description: 'The actions', schema: ImprovementListSchema }, 404: { description: 'No such complaint, initiative or incident' } },
    handler: async ({ params, principal }) => {
      if (!(await entityExists(db, params.entityType, params.entityId))) throw notFound(`no ${params.entityType} ${params.entityId}`);
      const items = await improvementsAbout(db, params.entityType, params.entityId);
      const all = await isReader(db, principal);
      return { status: 200, body: { items: all ? items : items.filter((v) => involved(v, principal)) } };
    },
  });

  api.add({
    method: 'get',
    path: '/improvements/:id',
    summary: 'One action: its source, owner, plan, due date, progress with evidence, completions, verifications and effectiveness',
    tags,
    params: ImprovementParams,
    responses: { 200: { description: 'The action', schema: ImprovementSchema }, 403: { description: 'Neither a reader nor involved in the action' }, 404: { description: 'No such action' } },
    handler: async ({ params, principal }) => {
      const view = await readImprovement(db, params.id);
      if (!view) throw notFound(`no improvement action ${params.id}`);
      if (!involved(view, principal) && !(await isReader(db, principal))) throw forbidden('an action is read by supervisors, compliance auditors, admins, the committee’s members and the people it involves');
      return { status: 200, body: view };
    },
  });

  api.add({
    method: 'post',
    path: '/improvements',
    summary: 'Raise an improvement action from a source (Idempotency-Key: a retry returns the same action; one source raises one action)',
    tags,
    body: RaiseImprovementSchema,
    idempotent: true,
    responses: {
      201: { description: 'The action raised (or the one this source raised before)', schema: ImprovementSchema },
      403: { description: 'The caller may not raise an action from this source' },
      409: { description: 'An action from this source ran in Temporal but this database has no record of it' },
    },
    handler: async ({ body, principal, idempotencyKey }) => {
      const roster = await readRoster(db);
      const refused = mayRaise(body.source.kind, principal, roster.some((m) => m.chair && m.userId === principal.userId));
      if (!refused.ok) throw forbidden(refused.message);
      const owner = await readPerson(db, body.ownerId);
      if (!owner || !owner.active) throw badRequest('ownerId names nobody active in the directory', [{ path: 'body.ownerId', message: `no active person ${body.ownerId}`, code: 'not_found' }]);
      const links = { complaints: [...new Set(body.links?.complaints ?? [])], initiatives: [...new Set(body.links?.initiatives ?? [])], incidents: [...new Set(body.links?.incidents ?? [])] };
      const source = await checkedSource(db, body.source, links, principal, idempotencyKey);
      const id = improvementIdFor(source);
      const workflowId = improvementWorkflowId(id);
      const input: ImprovementInput = commandSigner.sign({ workflowId, name: 'improvementWorkflow', updateId: null }, {
        id,
        source,
        raisedBy: actorOf(principal),
        raisedAt: new Date().toISOString(),
        title: body.title,
        problem: body.problem,
        plan: body.plan,
        ownerDepartment: body.ownerDepartment,
        owner: { userId: owner.userId, name: owner.name },
        dueInDays: body.dueInDays,
        links,
        measure: body.measure ?? null,
      } satisfies ImprovementInput);
      const updateId = randomUUID();
      let view: ImprovementView;
      try {
        view = await temporal.workflow.executeUpdateWithStart(raisedUpdate, {
          args: [commandSigner.sign({ workflowId, name: raisedUpdate.name, updateId }, { actor: actorOf(principal) })],
          updateId,
          startWorkflowOperation: new WithStartWorkflowOperation<typeof improvementWorkflow>('improvementWorkflow', {
            workflowId,
            taskQueue,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
            // One source, one action, also after it ended.
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        });
      } catch (err) {
        // One source, one action: with no record here (its process failed, a database restored
        // from before it was raised, another deployment on the same namespace) it is not raised again.
        view = await viewOfClosedStart(err, () => readImprovement(db, id), `an action from this source (${id}) already ran in Temporal, but this database has no record of it; it cannot be raised again`);
      }
      // A suggestion's action is linked on the suggestion too (its own update, audited in its chain).
      if (source.kind === 'suggestion') await linkSuggestion(source.id, view.id, principal, idempotencyKey);
      return { status: 201, body: view };
    },
  });

  async function linkSuggestion(feedbackId: string, improvementId: string, principal: Principal, key?: string): Promise<void> {
    const current = await readFeedback(db, feedbackId);
    if (!current || current.links.improvements.includes(improvementId)) return;
    const workflowId = feedbackWorkflowId(feedbackId);
    const updateId = key ? idFromKey('improvement/suggestion-link', principal.userId, key) : randomUUID();
    await temporal.workflow.getHandle(workflowId).executeUpdate(linkUpdate, {
      args: [commandSigner.sign({ workflowId, name: linkUpdate.name, updateId }, { improvementId, actor: actorOf(principal) })],
      updateId,
    });
  }

  const command = <C extends object>(path: string, summary: string, body: ZodType<C>, update: UpdateDefinition<ImprovementView, [C & { actor: ReturnType<typeof actorOf> }]>) =>
    api.add({
      method: 'post',
      path: `/improvements/:id${path}`,
      summary,
      tags,
      params: ImprovementParams,
      body,
      idempotent: true,
      responses: {
        200: { description: 'The action after the command', schema: ImprovementSchema },
        403: { description: 'Not allowed for this caller on this action' },
        404: { description: 'No such action' },
        409: { description: 'Not allowed in the action’s current status (named in `detail`)' },
      },
      handler: async ({ params, body: content, principal, idempotencyKey }) => {
        const current = await readImprovement(db, params.id);
        if (!current) throw notFound(`no improvement action ${params.id}`);
        if (current.status === 'closed') throw conflict('the action is closed');
        const workflowId = improvementWorkflowId(params.id);
        const updateId = idempotencyKey ? idFromKey(`improvement${path}`, principal.userId, idempotencyKey) : randomUUID();
        const view = await temporal.workflow.getHandle(workflowId).executeUpdate(update, {
          args: [commandSigner.sign({ workflowId, name: update.name, updateId }, { ...content, actor: actorOf(principal) } as C & { actor: ReturnType<typeof actorOf> })],
          updateId,
        });
        return { status: 200, body: view };
      },
    });

  // The owner and the verifier are data, not roles: the workflow checks the caller (domain/improvements/rules.ts).
  command('/progress', 'Report progress with evidence links (the owner)', ProgressSchema, reportProgressUpdate);
  command('/complete', 'Report the action done with at least one evidence link (the owner); it waits for verification', CompleteSchema, completeUpdate);
  command('/verify', 'Verify the action and close it (the verifier); its effectiveness is checked a policy period later', VerifySchema as ZodType<object>, verifyUpdate as UpdateDefinition<ImprovementView, [{ actor: ReturnType<typeof actorOf> }]>);
  command('/send-back', 'Send the action back to its owner with a reason and a new due date (the verifier)', SendBackSchema, sendBackUpdate);
}

async function entityExists(db: Database, entityType: 'complaint' | 'initiative' | 'incident', id: string): Promise<boolean> {
  if (entityType === 'complaint') return (await readComplaint(db, id)) !== undefined;
  if (entityType === 'initiative') return initiativeExists(db, id);
  return (await readIncident(db, id))?.view != null;
}

async function isReader(db: Database, p: Principal): Promise<boolean> {
  return hasAnyRole(p, readers) || (await readRoster(db)).some((m) => m.userId === p.userId);
}

function involved(v: ImprovementView, p: Principal): boolean {
  return v.owner.userId === p.userId || v.verifierId === p.userId || v.raisedBy.userId === p.userId;
}

/**
 * The source as raised: a post-launch review item must be the initiative's (its initiative is
 * linked); an incident must exist (and is linked); a supervisor's own action gets a fresh id (from
 * the Idempotency-Key when there is one). Every other source names its record by id.
 */
async function checkedSource(db: Database, s: { kind: ImprovementSource['kind']; id?: string; label?: string }, links: ImprovementInput['links'], p: Principal, key?: string): Promise<ImprovementSource> {
  const label = s.label ? { label: s.label } : {};
  if (s.kind === 'supervisor') return { kind: s.kind, id: s.id ?? (key ? idFromKey('improvement', p.userId, key) : randomUUID()), ...label };
  if (!s.id) throw badRequest('the source needs its record’s id', [{ path: 'body.source.id', message: 'required for this source kind', code: 'required' }]);
  if (s.kind === 'post_launch_review') {
    const initiativeId = s.id.endsWith('-plr') ? s.id.slice(0, -'-plr'.length) : '';
    const initiative = initiativeId ? await readInitiative(db, initiativeId) : undefined;
    if (!initiative?.postLaunch?.reviewItem || initiative.postLaunch.reviewItem.id !== s.id) {
      throw badRequest('no post-launch review item has this id', [{ path: 'body.source.id', message: `no review item ${s.id}`, code: 'not_found' }]);
    }
    if (!links.initiatives.includes(initiativeId)) links.initiatives.push(initiativeId);
  }
  if (s.kind === 'suggestion') {
    // A customer's suggestion its product team took up (docs/feedback.md): routed or responded to, not ended.
    const suggestion = /^[0-9a-f-]{36}$/.test(s.id) ? await readFeedback(db, s.id) : undefined;
    if (!suggestion || suggestion.kind !== 'suggestion') throw badRequest('no suggestion has this id', [{ path: 'body.source.id', message: `no suggestion ${s.id}`, code: 'not_found' }]);
    if (suggestion.status !== 'routed' && suggestion.status !== 'responded') throw conflict(`an improvement action is raised from a suggestion routed to its product team (it is '${suggestion.status}')`);
    if (suggestion.routing?.initiativeId && !links.initiatives.includes(suggestion.routing.initiativeId)) links.initiatives.push(suggestion.routing.initiativeId);
  }
  if (s.kind === 'incident') {
    const incident = await readIncident(db, s.id).catch(() => undefined);
    if (!incident?.view) throw badRequest('no incident has this id', [{ path: 'body.source.id', message: `no incident ${s.id}`, code: 'not_found' }]);
    if (!links.incidents.includes(s.id)) links.incidents.push(s.id);
  }
  return { kind: s.kind, id: s.id, ...label };
}
