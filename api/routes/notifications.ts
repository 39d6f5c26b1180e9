import { piiCipher } from '../../config/secrets.js';
import { listImChannels, writeImChannel } from '../../db/im-channels.js';
import { listInbox, markAllRead, markRead, unreadCount, type InboxEntry } from '../../db/inbox.js';
import { listDeliveries, redrive, type Delivery } from '../../db/notifications.js';
import { readPerson, writePreferences } from '../../db/people.js';
import { readPolicy, writePolicy } from '../../db/settings.js';
import { defaultRoutingTable, eventTypeOf } from '../../domain/notifications/routing.js';
import { entityPath } from '../../notifications/templates.js';
import { actorOf, type Role } from '../auth/roles.js';
import { cursorCodec, cursorParts } from '../cursor.js';
import type { AppDeps } from '../deps.js';
import { badRequest, conflict, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import {
  DeliveryParams,
  DeliverySchema,
  ImChannelInputSchema,
  ImChannelParams,
  ImChannelSchema,
  NotificationListQuery,
  NotificationPageSchema,
  NotificationParams,
  NotificationSchema,
  OutboxPageSchema,
  OutboxQuery,
  PreferencesChangeSchema,
  PreferencesSchema,
  ReadAllSchema,
  RoutingTableSchema,
  UnreadCountSchema,
} from '../schemas/notifications.js';
import { z } from '../zod.js';

/**
 * Notifications (docs/notifications.md): each person's in-app centre and own settings (any
 * signed-in caller, only ever their own entries), and the administration of delivery — the
 * routing table, the IM group channels, the outbox with its dead letters and re-drive.
 */
const admins: Role[] = ['admin'];
const idCursor = cursorCodec({ id: cursorParts.rowId });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function presentEntry(e: InboxEntry) {
  return {
    id: String(e.id),
    topic: e.topic,
    eventType: eventTypeOf(e.topic),
    entityType: e.entityType,
    entityId: e.entityId,
    data: e.data !== null && typeof e.data === 'object' && !Array.isArray(e.data) ? (e.data as Record<string, unknown>) : null,
    link: entityPath(e.entityType, e.entityId),
    createdAt: e.createdAt.toISOString(),
    readAt: iso(e.readAt),
  };
}

function presentDelivery(d: Delivery) {
  return {
    id: String(d.id),
    messageId: d.messageId,
    notificationId: d.notificationId === null ? null : String(d.notificationId),
    channel: d.channel as 'email' | 'im' | 'customer',
    recipientKind: d.recipientKind,
    recipient: d.recipient,
    topic: d.topic,
    entityType: d.entityType,
    entityId: d.entityId,
    status: d.status as 'pending' | 'sent' | 'dead' | 'skipped',
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    lastError: d.lastError,
    outcome: d.outcome,
    sentAt: iso(d.sentAt),
    createdAt: d.createdAt.toISOString(),
    redrivenBy: d.redrivenBy,
    redrivenAt: iso(d.redrivenAt),
  };
}

export function notificationRoutes(api: ApiRouter, { db, config }: AppDeps): void {
  const tags = ['Notifications'];
  const cipher = piiCipher(config);

  // ── mine ─────────────────────────────────────────────────────────────────────────────────────
  api.add({
    method: 'get',
    path: '/notifications',
    summary: 'My notifications, newest first (cursor paging), with my unread count',
    tags,
    query: NotificationListQuery,
    responses: { 200: { description: 'A page of my notifications', schema: NotificationPageSchema } },
    handler: async ({ principal, query }) => {
      const limit = query.limit ?? 50;
      const before = query.cursor ? Number(idCursor.decode(query.cursor).id) : undefined;
      const [rows, unread] = await Promise.all([
        listInbox(db, principal.userId, { limit: limit + 1, ...(before !== undefined ? { beforeId: before } : {}), unreadOnly: query.unread === 'true' }),
        unreadCount(db, principal.userId),
      ]);
      const items = rows.slice(0, limit);
      const next = rows.length > limit ? items.at(-1) : undefined;
      return { status: 200, body: { items: items.map(presentEntry), nextCursor: next ? idCursor.encode({ id: String(next.id) }) : null, unread } };
    },
  });

  api.add({
    method: 'get',
    path: '/notifications/unread-count',
    summary: 'How many of my notifications are unread (the bell)',
    tags,
    responses: { 200: { description: 'My unread count', schema: UnreadCountSchema } },
    handler: async ({ principal }) => ({ status: 200, body: { unread: await unreadCount(db, principal.userId) } }),
  });

  api.add({
    method: 'post',
    path: '/notifications/:id/read',
    summary: 'Mark one of my notifications read (reading again keeps the first time)',
    tags,
    params: NotificationParams,
    responses: { 200: { description: 'The notification', schema: NotificationSchema }, 404: { description: 'No such notification of mine' } },
    handler: async ({ principal, params }) => {
      const row = await markRead(db, principal.userId, Number(params.id));
      if (!row) throw notFound(`you have no notification ${params.id}`);
      return { status: 200, body: presentEntry(row) };
    },
  });

  api.add({
    method: 'post',
    path: '/notifications/read-all',
    summary: 'Mark all my notifications read',
    tags,
    responses: { 200: { description: 'How many were marked', schema: ReadAllSchema } },
    handler: async ({ principal }) => ({ status: 200, body: { marked: await markAllRead(db, principal.userId), unread: 0 } }),
  });

  api.add({
    method: 'get',
    path: '/notifications/preferences',
    summary: 'My language and how notices reach me',
    tags,
    responses: { 200: { description: 'My settings', schema: PreferencesSchema } },
    handler: async ({ principal }) => {
      const p = await readPerson(db, principal.userId);
      return { status: 200, body: { language: p?.language ?? 'zh', channel: p?.channel ?? 'email', email: p?.email ?? null } };
    },
  });

  api.add({
    method: 'put',
    path: '/notifications/preferences',
    summary: 'Change my language or how notices reach me (audited)',
    tags,
    body: PreferencesChangeSchema,
    responses: { 200: { description: 'My settings', schema: PreferencesSchema } },
    handler: async ({ principal, body }) => {
      const p = await writePreferences(db, actorOf(principal), { ...(body.language ? { language: body.language } : {}), ...(body.channel ? { channel: body.channel } : {}) });
      return { status: 200, body: { language: p.language, channel: p.channel, email: p.email } };
    },
  });

  // ── administration ───────────────────────────────────────────────────────────────────────────
  api.add({
    method: 'get',
    path: '/notifications/routing',
    summary: 'The routing table: per event type, who else hears of it and by which channels',
    tags,
    roles: ['admin', 'compliance_auditor', 'supervisor'],
    responses: { 200: { description: 'The routing table', schema: RoutingTableSchema } },
    handler: async ({ res }) => {
      const { value, version } = await readPolicy(db, 'notificationRouting');
      res.setHeader('ETag', `"notificationRouting-${version}"`);
      return { status: 200, body: { ...defaultRoutingTable, ...value } };
    },
  });

  api.add({
    method: 'put',
    path: '/notifications/routing',
    summary: 'Replace the routing table (audited); notices routed from now on follow it',
    tags,
    roles: admins,
    body: RoutingTableSchema,
    responses: { 200: { description: 'The new routing table', schema: RoutingTableSchema } },
    handler: async ({ body, principal, res }) => {
      const { value, version } = await writePolicy(db, 'notificationRouting', body, principal);
      res.setHeader('ETag', `"notificationRouting-${version}"`);
      return { status: 200, body: value };
    },
  });

  api.add({
    method: 'get',
    path: '/notifications/im-channels',
    summary: 'The IM group channels (secrets are never shown)',
    tags,
    roles: admins,
    responses: { 200: { description: 'The channels', schema: z.object({ items: z.array(ImChannelSchema) }) } },
    handler: async () => ({ status: 200, body: { items: await listImChannels(db) } }),
  });

  api.add({
    method: 'put',
    path: '/notifications/im-channels/:id',
    summary: 'Create or replace the IM group channel of a department or of the committee (audited, secret sealed)',
    tags,
    roles: admins,
    params: ImChannelParams,
    body: ImChannelInputSchema,
    responses: { 200: { description: 'The channel', schema: ImChannelSchema }, 409: { description: 'The department (or committee) has another channel' } },
    handler: async ({ params, body, principal }) => {
      if (body.id !== params.id) throw badRequest('the body’s id must be the path’s', [{ path: 'body.id', message: `expected ${params.id}` }]);
      const { removeSecret, secret, id: _id, ...rest } = body;
      const written = await writeImChannel(db, cipher, params.id, { ...rest, ...(removeSecret ? { secret: null } : secret !== undefined ? { secret } : {}) }, principal);
      if (written.kind === 'target_taken') throw conflict(`${body.scope === 'committee' ? 'the committee' : `department ${body.target}`} already has the channel ${written.by}`);
      return { status: 200, body: written.channel };
    },
  });

  api.add({
    method: 'get',
    path: '/notifications/outbox',
    summary: 'Deliveries newest first: `status=dead` is the dead-letter list',
    tags,
    roles: admins,
    query: OutboxQuery,
    responses: { 200: { description: 'A page of deliveries', schema: OutboxPageSchema } },
    handler: async ({ query }) => {
      const limit = query.limit ?? 50;
      const before = query.cursor ? Number(idCursor.decode(query.cursor).id) : undefined;
      const rows = await listDeliveries(db, { ...(query.status ? { status: query.status } : {}), ...(query.channel ? { channel: query.channel } : {}) }, limit + 1, before);
      const items = rows.slice(0, limit);
      const next = rows.length > limit ? items.at(-1) : undefined;
      return { status: 200, body: { items: items.map(presentDelivery), nextCursor: next ? idCursor.encode({ id: String(next.id) }) : null } };
    },
  });

  api.add({
    method: 'post',
    path: '/notifications/outbox/:id/redrive',
    summary: 'Send a dead-lettered or skipped delivery again (attempts counted afresh)',
    tags,
    roles: admins,
    params: DeliveryParams,
    responses: {
      200: { description: 'The delivery, pending again', schema: DeliverySchema },
      404: { description: 'No such delivery' },
      409: { description: 'The delivery is pending or sent' },
    },
    handler: async ({ params, principal }) => {
      const result = await redrive(db, Number(params.id), principal);
      if (result.kind === 'not_found') throw notFound(`no delivery ${params.id}`);
      if (result.kind === 'not_failed') throw conflict(`delivery ${params.id} is ${result.status}: only dead or skipped deliveries are re-driven`);
      return { status: 200, body: presentDelivery(result.delivery) };
    },
  });
}
