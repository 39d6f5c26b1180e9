import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { readBusinessCalendar } from '../../db/calendar.js';
import type { Database } from '../../db/client.js';
import { listMeetings, nextExtraNumber, readMeeting } from '../../db/meetings.js';
import { readRoster } from '../../db/settings.js';
import { minutesHtml } from '../../domain/meetings/minutes.js';
import { extraMeetingId } from '../../domain/meetings/process.js';
import type { MeetingInput, MeetingView } from '../../domain/meetings/types.js';
import { addAgendaItemUpdate, attendMeetingUpdate, conveneMeetingUpdate, decideAgendaItemUpdate, meetingWorkflowId, meetingWorkflowType, signMinutesUpdate } from '../../workflows/meeting/messages.js';
import { actorOf, hasAnyRole, type Principal, type Role } from '../auth/roles.js';
import type { AppDeps } from '../deps.js';
import { idFromKey } from '../idempotency.js';
import { conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { AgendaItemBodySchema, AttendBodySchema, ConveneBodySchema, DecisionBodySchema, MeetingListQuery, MeetingListSchema, MeetingParams, MeetingSchema, SignBodySchema } from '../schemas/meetings.js';

/**
 * The committee meetings (docs/meetings.md): parse → authorise → call the workflow or
 * db/meetings.ts → answer. Read by the committee's members, supervisors, compliance auditors and admins; the
 * chair convenes an extra meeting; members record attendance; the workflow checks who decides
 * and signs (domain/meetings/rules.ts).
 */
const readers: Role[] = ['supervisor', 'compliance_auditor', 'admin'];
const tags = ['Meetings'];

export function meetingRoutes(api: ApiRouter, { db, temporal, taskQueue, commandSigner }: AppDeps): void {
  api.add({
    method: 'get',
    path: '/meetings',
    summary: 'Committee meetings, newest month first (of one month when given)',
    tags,
    query: MeetingListQuery,
    responses: { 200: { description: 'The meetings', schema: MeetingListSchema }, 403: { description: 'Neither a committee member, admin nor compliance auditor' } },
    handler: async ({ query, principal }) => {
      await requireReader(db, principal);
      const { limit = 24, ...filter } = query;
      return { status: 200, body: { items: await listMeetings(db, filter, limit) } };
    },
  });

  api.add({
    method: 'post',
    path: '/meetings',
    summary: 'The chair convenes an extra meeting of the month (meeting-<yyyy-mm>-extra-<n>); its agenda is assembled from the data',
    tags,
    body: ConveneBodySchema,
    idempotent: true,
    responses: { 201: { description: 'The convened meeting', schema: MeetingSchema }, 403: { description: 'Not the committee chair' }, 409: { description: 'No free extra meeting number (retry)' } },
    handler: async ({ body, principal, res }) => {
      const roster = await readRoster(db);
      if (!roster.some((m) => m.chair && m.userId === principal.userId)) throw forbidden('only the committee chair convenes an extra meeting');
      const { calendar } = await readBusinessCalendar(db);
      const now = new Date();
      const month = body.month ?? calendar.localDateOf(now).slice(0, 7);
      // The next free number: counted in the projection, then claimed by starting the workflow under
      // that id (a number another request took meanwhile fails the start, and the next one is tried).
      // A retry with the same Idempotency-Key gets the stored answer (api/idempotency.ts).
      const actor = actorOf(principal);
      let view: MeetingView | undefined;
      let id = '';
      for (let n = await nextExtraNumber(db, month), tries = 0; view === undefined; n++, tries++) {
        if (tries >= 50) throw conflict(`no free extra meeting number for ${month}; retry`);
        id = extraMeetingId(month, n);
        const workflowId = meetingWorkflowId(id);
        const input: MeetingInput = commandSigner.sign({ workflowId, name: meetingWorkflowType, updateId: null }, { id, month, kind: 'extra', convenedBy: actor, convenedAt: now.toISOString(), reason: body.reason });
        try {
          view = await temporal.workflow.executeUpdateWithStart(conveneMeetingUpdate, {
            args: [{ actor }],
            startWorkflowOperation: new WithStartWorkflowOperation(meetingWorkflowType, { workflowId, taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL', workflowIdReusePolicy: 'REJECT_DUPLICATE' }),
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
      }
      res.setHeader('Location', `/api/v1/meetings/${id}`);
      return { status: 201, body: view };
    },
  });

  api.add({
    method: 'get',
    path: '/meetings/:id',
    summary: 'One meeting: its agenda with the facts of each item, attendance, quorum, decisions and minutes',
    tags,
    params: MeetingParams,
    responses: { 200: { description: 'The meeting', schema: MeetingSchema }, 403: { description: 'Not a reader' }, 404: { description: 'No such meeting' } },
    handler: async ({ params, principal }) => ({ status: 200, body: await readable(db, params.id, principal) }),
  });

  api.add({
    method: 'get',
    path: '/meetings/:id/minutes',
    summary: 'The minutes as a printable HTML document (signed or not: the document says which)',
    tags,
    params: MeetingParams,
    responses: { 200: { description: 'text/html' }, 403: { description: 'Not a reader' }, 404: { description: 'No such meeting' } },
    handler: async ({ params, principal, res }) => {
      const view = await readable(db, params.id, principal);
      res.setHeader('Content-Disposition', `inline; filename="cxgov-meeting-${view.id}-minutes.html"`);
      return { status: 200, contentType: 'text/html; charset=utf-8', body: minutesHtml(view) };
    },
  });

  const command = <C extends object>(path: string, summary: string, body: import('zod').ZodType<C>, update: UpdateDefinition<MeetingView, [C & { actor: ReturnType<typeof actorOf> }]>) =>
    api.add({
      method: 'post',
      path: `/meetings/:id${path}`,
      summary,
      tags,
      params: MeetingParams,
      body,
      idempotent: true,
      responses: {
        200: { description: 'The meeting after the command', schema: MeetingSchema },
        400: { description: 'The command breaks a rule (named in `detail`)' },
        403: { description: 'Not allowed for this caller (not a member, not the chair, recused)' },
        404: { description: 'No such meeting' },
        409: { description: 'Not allowed in the meeting’s current state (named in `detail`)' },
      },
      handler: async ({ params, body: content, principal, idempotencyKey }) => {
        const current = await readMeeting(db, params.id);
        if (!current) throw notFound(`no meeting ${params.id}`);
        if (!current.roster.some((m) => m.userId === principal.userId)) throw forbidden('only the meeting’s committee members act in it');
        if (current.status === 'signed') throw conflict('the minutes are signed');
        const workflowId = meetingWorkflowId(params.id);
        const updateId = idempotencyKey ? idFromKey(`meeting${path}`, principal.userId, idempotencyKey) : randomUUID();
        const view = await temporal.workflow.getHandle(workflowId).executeUpdate(update, {
          args: [commandSigner.sign({ workflowId, name: update.name, updateId }, { ...content, actor: actorOf(principal) })],
          updateId,
        });
        return { status: 200, body: view };
      },
    });

  command('/attendance', 'Record attendance: a member for themself, or the chair for a member', AttendBodySchema, attendMeetingUpdate);
  command('/items', 'The chair adds an agenda item', AgendaItemBodySchema, addAgendaItemUpdate);
  command('/decisions', 'Decide an agenda item (the chair, present, with the item’s quorum): noted, raise an improvement action, approve or refuse a target change, continue / fix / withdraw a launched product', DecisionBodySchema, decideAgendaItemUpdate);
  command('/minutes/signature', 'The chair signs the minutes once every item is decided (confirm: true); ends the meeting', SignBodySchema, signMinutesUpdate);
}

async function requireReader(db: Database, p: Principal): Promise<void> {
  if (hasAnyRole(p, readers)) return;
  if ((await readRoster(db)).some((m) => m.userId === p.userId)) return;
  throw forbidden('meetings are read by the committee’s members, supervisors, compliance auditors and admins');
}

async function readable(db: Database, id: string, p: Principal): Promise<MeetingView> {
  const view = await readMeeting(db, id);
  if (!view) throw notFound(`no meeting ${id}`);
  if (!hasAnyRole(p, readers) && !view.roster.some((m) => m.userId === p.userId) && !(await readRoster(db)).some((m) => m.userId === p.userId)) throw forbidden('meetings are read by the committee’s members, supervisors, compliance auditors and admins');
  return view;
}
