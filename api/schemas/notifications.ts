import { imFlavors, imScopes } from '../../db/im-channels.js';
import { deliveryChannels, deliveryStatuses } from '../../db/notifications.js';
import { audiences, channelPreferences, eventTypes, languages } from '../../domain/notifications/routing.js';
import { roles } from '../auth/roles.js';
import { z } from '../zod.js';
import { id, requiredText } from './common.js';

/** A bigint row id as the API writes it (decimal text). */
const rowId = z.string().regex(/^[1-9]\d{0,17}$/, 'a notification id (decimal digits)');
const limit = z.coerce.number().int().min(1).max(200).optional();
const cursor = z.string().max(200).optional();

// ── The in-app centre ──────────────────────────────────────────────────────────────────────────

export const NotificationSchema = z
  .object({
    id: z.string(),
    topic: z.string().openapi({ description: 'What happened, e.g. `complaint.escalated` (docs/notifications.md lists them)' }),
    eventType: z.enum(eventTypes),
    entityType: z.string(),
    entityId: z.string(),
    data: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Structured facts of the notice: deadlines, levels, outcomes' }),
    link: z.string().openapi({ description: 'Path of the entity in the web UI' }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit,
  cursor,
});
export const NotificationPageSchema = z
  .object({ items: z.array(NotificationSchema), nextCursor: z.string().nullable(), unread: z.number().int() })
  .openapi('NotificationPage');
export const UnreadCountSchema = z.object({ unread: z.number().int() }).openapi('UnreadCount');
export const NotificationParams = z.strictObject({ id: rowId });
export const ReadAllSchema = z.object({ marked: z.number().int(), unread: z.number().int() }).openapi('NotificationsMarkedRead');

// ── A person's own settings ────────────────────────────────────────────────────────────────────

export const PreferencesSchema = z
  .object({
    language: z.enum(languages),
    channel: z.enum(channelPreferences).openapi({ description: '`email`: by email (and in-app); `im`: through your department’s IM group (and in-app); `inapp`: in-app only' }),
    email: z.string().nullable().openapi({ description: 'The address the directory holds (set by administrators)' }),
  })
  .openapi('NotificationPreferences');
export const PreferencesChangeSchema = z
  .strictObject({ language: z.enum(languages).optional(), channel: z.enum(channelPreferences).optional() })
  .refine((v) => v.language !== undefined || v.channel !== undefined, 'give language, channel or both')
  .openapi('NotificationPreferencesChange');

// ── Administration ─────────────────────────────────────────────────────────────────────────────

const RouteSchema = z.strictObject({
  also: z
    .array(z.enum(audiences))
    .max(audiences.length)
    .refine((a) => new Set(a).size === a.length, 'each audience once'),
  email: z.boolean(),
  im: z.boolean(),
});
export const RoutingTableSchema = z
  .strictObject(Object.fromEntries(eventTypes.map((t) => [t, RouteSchema])) as Record<(typeof eventTypes)[number], typeof RouteSchema>)
  .openapi('NotificationRoutingTable');

const webhookUrl = z
  .string()
  .max(2_000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'an http(s) URL');

export const ImChannelInputSchema = z
  .strictObject({
    id: id.openapi({ description: 'The channel’s id, as in the path (a replace names what it replaces twice)' }),
    scope: z.enum(imScopes),
    target: requiredText(200).openapi({ description: 'The department (scope `department`); `committee` for the committee' }),
    flavor: z.enum(imFlavors),
    url: webhookUrl,
    secret: z.string().min(8).max(500).optional().openapi({ description: 'Signing secret; omitted keeps the stored one. Never returned.' }),
    removeSecret: z.literal(true).optional().openapi({ description: 'Remove the stored secret (the channel then posts unsigned)' }),
    enabled: z.boolean().default(true),
  })
  .refine((v) => !(v.secret !== undefined && v.removeSecret), 'give a secret or removeSecret, not both')
  .openapi('ImChannelInput');
export const ImChannelSchema = z
  .object({
    id: z.string(),
    scope: z.enum(imScopes),
    target: z.string(),
    flavor: z.enum(imFlavors),
    url: z.string(),
    hasSecret: z.boolean(),
    enabled: z.boolean(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('ImChannel');
export const ImChannelParams = z.strictObject({ id });

export const OutboxQuery = z.strictObject({ status: z.enum(deliveryStatuses).optional(), channel: z.enum(deliveryChannels).optional(), limit, cursor });
export const DeliverySchema = z
  .object({
    id: z.string(),
    messageId: z.string(),
    notificationId: z.string().nullable(),
    channel: z.enum(deliveryChannels),
    recipientKind: z.string(),
    recipient: z.string().openapi({ description: 'A user id, an IM channel id, or (customer notices) the complaint id — never a contact' }),
    topic: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    outcome: z.string().nullable(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
    redrivenBy: z.string().nullable(),
    redrivenAt: z.string().nullable(),
  })
  .openapi('NotificationDelivery');
export const OutboxPageSchema = z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() }).openapi('NotificationDeliveryPage');
export const DeliveryParams = z.strictObject({ id: rowId });

// ── The directory ──────────────────────────────────────────────────────────────────────────────

export const PersonInputSchema = z
  .strictObject({
    userId: id.openapi({ description: 'The person’s user id (the token’s `sub`), as in the path' }),
    name: requiredText(200),
    email: z.email().max(320).optional().openapi({ description: 'Omitted: the person has no address (in-app and IM only)' }),
    language: z.enum(languages).default('zh'),
    department: requiredText(200).optional(),
    roles: z
      .array(z.enum(roles))
      .max(roles.length)
      .refine((a) => new Set(a).size === a.length, 'each role once'),
    departmentHead: z.boolean().default(false),
    channel: z.enum(channelPreferences).default('email'),
    active: z.boolean().default(true),
  })
  .openapi('PersonInput');
export const PersonSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    language: z.enum(languages),
    department: z.string().nullable(),
    roles: z.array(z.string()),
    departmentHead: z.boolean(),
    channel: z.enum(channelPreferences),
    active: z.boolean(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('Person');
export const PersonParams = z.strictObject({ userId: id });
export const PeopleQuery = z.strictObject({ limit, cursor });
export const PeoplePageSchema = z.object({ items: z.array(PersonSchema), nextCursor: z.string().nullable() }).openapi('PeoplePage');

export const DirectoryQuery = z.strictObject({
  role: z.enum(roles).optional().openapi({ description: 'only people holding this role' }),
  department: id.optional().openapi({ description: 'only people of this department' }),
});
export const DirectorySchema = z
  .object({
    people: z.array(z.object({ userId: z.string(), name: z.string(), department: z.string().nullable(), roles: z.array(z.string()), departmentHead: z.boolean() })),
    departments: z.array(z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }).nullable().openapi({ description: 'the display name (PUT /api/v1/departments); null: none given, show the id' }), heads: z.array(z.string()).openapi({ description: 'user ids of the department’s heads' }), members: z.number().int() })),
  })
  .openapi('Directory');
