import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The notification tables (docs/notifications.md):
 *
 * - `notifications`: the outbox of notices, written in the same transaction as the state change
 *   that causes them (reminder, escalation, compliance notice, committee request…), addressed as
 *   the workflow drafted them (a user, a role, a department, an escalation level). `sourceKey`
 *   keeps a retried activity from queueing a notice twice.
 * - The dispatcher *routes* each notice once (`routedAt`): it resolves the addressee to people
 *   through the directory and the routing table, writes one in-app entry per person
 *   (`user_notifications`) and one delivery per external message (`notification_deliveries`).
 * - Deliveries are sent outside any transaction, retried with backoff, dead-lettered after the
 *   attempt limit. Customer notices are deliveries written directly with the transition (their
 *   recipient is fixed: the customer of one complaint), never routed.
 */

// Partial index: only undelivered rows are ever scanned by the log-only dispatcher of releases
// before routing existed (kept while such a worker may still run during an upgrade).
const pending = sql`delivered_at IS NULL`;

export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceKey: text('source_key').notNull(),
    /** 'user' | 'role' | 'department' | 'level' */
    recipientKind: text('recipient_kind').notNull(),
    recipient: text('recipient').notNull(),
    topic: text('topic').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    message: text('message').notNull(),
    data: jsonb('data'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set by releases before routing (a log line written); unused since, kept for rolling upgrades. */
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** Routing attempts (a failed one is retried with backoff). */
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
    /** When the notice was fanned out into in-app entries and deliveries; null → still to route. */
    routedAt: timestamp('routed_at', { withTimezone: true }),
    /** The earliest time routing is (re)tried. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Why the last routing attempt failed; with `routedAt` set, routing gave up. */
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('notifications_source_key').on(t.sourceKey),
    index('notifications_pending').on(t.createdAt).where(pending),
    index('notifications_unrouted').on(t.nextAttemptAt).where(sql`routed_at IS NULL`),
    index('notifications_entity').on(t.entityType, t.entityId),
  ],
);

/**
 * One external message: an email or IM post for a person or group, or a notice to a customer.
 * `messageId` is stable (derived from what caused it), so a send repeated after a crash between
 * sending and recording carries the same id (the mail's Message-ID, the IM and SMS idempotency
 * keys) and the receiving side can drop the duplicate.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: text('message_id').notNull(),
    /** The routed notice it comes from; null for a customer notice. */
    notificationId: bigint('notification_id', { mode: 'number' }).references(() => notifications.id),
    /** 'email' | 'im' | 'customer' (SMS or email to the complaint's customer, chosen at send time) */
    channel: text('channel').notNull(),
    /** 'user' (a directory person) | 'im_channel' | 'customer' (recipient = the complaint id) */
    recipientKind: text('recipient_kind').notNull(),
    recipient: text('recipient').notNull(),
    topic: text('topic').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** Structured facts the templates render (references, deadlines, outcomes; never contact details). */
    data: jsonb('data'),
    /** 'pending' | 'sent' | 'dead' (gave up) | 'skipped' (no channel to send it by) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A sender holds the row until then; a sender that died lets the lease run out and another retries. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** How it went out: the SMTP server's answer, the IM or SMS gateway's id, 'sms' / 'email' for customers. */
    outcome: text('outcome'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    redrivenBy: text('redriven_by'),
    redrivenAt: timestamp('redriven_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notification_deliveries_message_id').on(t.messageId),
    index('notification_deliveries_due').on(t.channel, t.nextAttemptAt).where(sql`status = 'pending'`),
    index('notification_deliveries_status').on(t.status, t.id),
  ],
);

/** The in-app notification centre: one entry per person and notice. */
export const userNotifications = pgTable(
  'user_notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text('user_id').notNull(),
    notificationId: bigint('notification_id', { mode: 'number' })
      .notNull()
      .references(() => notifications.id),
    topic: text('topic').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('user_notifications_once').on(t.notificationId, t.userId),
    index('user_notifications_mine').on(t.userId, t.id),
    index('user_notifications_unread').on(t.userId).where(sql`read_at IS NULL`),
  ],
);

/**
 * The directory of people notices are addressed to: who has which role and department, where to
 * mail them and in which language, how they want to be reached. Maintained by administrators
 * (`PUT /api/v1/people/{userId}`, or an identity-provider sync through it); each person may set
 * their own language and channel.
 */
export const people = pgTable(
  'people',
  {
    userId: text('user_id').primaryKey(),
    name: text('name').notNull(),
    email: text('email'),
    /** 'zh' | 'en' */
    language: text('language').notNull().default('zh'),
    department: text('department'),
    roles: jsonb('roles').$type<string[]>().notNull(),
    /** Heads the department: escalation level 2 of its complaints reaches them. */
    departmentHead: boolean('department_head').notNull().default(false),
    /** 'email' | 'im' | 'inapp': how notices reach the person besides the in-app centre. */
    channel: text('channel').notNull().default('email'),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [index('people_department').on(t.department)],
);

/**
 * Enterprise IM group robots (WeCom / DingTalk / Feishu style webhooks), one per department or
 * for the committee. The signing secret is sealed at rest with the PII key.
 */
export const imChannels = pgTable(
  'im_channels',
  {
    id: text('id').primaryKey(),
    /** 'department' | 'committee' */
    scope: text('scope').notNull(),
    /** The department name; 'committee' for the committee. */
    target: text('target').notNull(),
    /** 'wecom' | 'dingtalk' | 'feishu' | 'generic' */
    flavor: text('flavor').notNull(),
    url: text('url').notNull(),
    secretEnc: text('secret_enc'),
    enabled: boolean('enabled').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [uniqueIndex('im_channels_target').on(t.scope, t.target)],
);
