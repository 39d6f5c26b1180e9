import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { CustomerNoticeKind } from '../domain/notifications/derive.js';
import { afterFailure, type RetryPolicy } from '../domain/notifications/retry.js';
import { complaintRouting, defaultRoutingTable, route, type RoutingContext, type RoutingTable } from '../domain/notifications/routing.js';
import { systemActor } from '../domain/actor.js';
import { appendAuditEvent } from './audit.js';
import type { Database, Transaction } from './client.js';
import { messageIdFor } from './derived-notices.js';
import { readComplaint } from './complaints.js';
import { imGroups } from './im-channels.js';
import { readInitiative } from './initiatives.js';
import { activePeople } from './people.js';
import { notificationDeliveries, notifications, userNotifications } from './schema/index.js';
import { readPolicy, readRoster } from './settings.js';

/**
 * The notification outbox (docs/notifications.md "The outbox"): routing notices to people,
 * claiming deliveries under a lease, recording their outcome, the dead-letter list and re-drive,
 * and the figures /metrics shows. What a process step adds to the outbox is written by
 * db/derived-notices.ts; every other query of the outbox tables lives here.
 */

export type Delivery = typeof notificationDeliveries.$inferSelect;
export const deliveryChannels = ['email', 'im', 'customer'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];
export const deliveryStatuses = ['pending', 'sent', 'dead', 'skipped'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

// ── Routing ────────────────────────────────────────────────────────────────────────────────────

export type Notification = typeof notifications.$inferSelect;

/** What the routing context needs of the notice's entity. */
async function entityContext(tx: Transaction, n: Notification, base: Omit<RoutingContext, 'owner' | 'department'>): Promise<Pick<RoutingContext, 'owner' | 'department'>> {
  if (n.entityType === 'complaint') {
    const view = await readComplaint(tx as unknown as Database, n.entityId);
    if (!view) return { owner: null, department: null };
    return complaintRouting(view, base.people);
  }
  if (n.entityType === 'initiative') {
    const view = await readInitiative(tx as unknown as Database, n.entityId);
    return { owner: view?.owner ?? null, department: null };
  }
  return { owner: null, department: null };
}

export interface RouteOutcome {
  routed: number;
  failed: number;
  gaveUp: number;
}

/**
 * Routes up to `batch` notices due for routing, in one short transaction of database work only
 * (rows claimed with SKIP LOCKED, so several workers route at once without doing a notice twice).
 * Each notice is routed under its own savepoint: one that fails is put back with backoff (given up
 * after the attempt limit) and never holds back the others.
 */
export async function routeDue(db: Database, opts: { batch: number; retry: RetryPolicy; onError?: (n: Notification, err: unknown) => void }): Promise<RouteOutcome> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(notifications)
      .where(and(isNull(notifications.routedAt), lte(notifications.nextAttemptAt, sql`now()`)))
      .orderBy(asc(notifications.nextAttemptAt), asc(notifications.id))
      .limit(opts.batch)
      .for('update', { skipLocked: true });
    const outcome: RouteOutcome = { routed: 0, failed: 0, gaveUp: 0 };
    if (rows.length === 0) return outcome;
    // One after another: a transaction is one connection.
    const people = await activePeople(tx);
    const roster = await readRoster(tx as unknown as Database);
    const groups = await imGroups(tx);
    const policy = await readPolicy(tx as unknown as Database, 'notificationRouting');
    // Event types added after the table was stored take their defaults.
    const table: RoutingTable = { ...defaultRoutingTable, ...policy.value };
    const base = { people, chair: roster.find((m) => m.chair)?.userId ?? null, committee: roster.map((m) => m.userId), imGroups: groups };
    for (const n of rows) {
      try {
        await tx.transaction(async (sp) => {
          const ctx: RoutingContext = { ...base, ...(await entityContext(sp, n, base)) };
          await writeRouted(sp, n, route(n, table, ctx));
        });
        outcome.routed++;
      } catch (err) {
        opts.onError?.(n, err);
        const attempts = n.attempts + 1;
        const verdict = afterFailure(attempts, false, opts.retry, Math.random);
        const error = errorText(err);
        if (verdict.kind === 'dead') {
          outcome.gaveUp++;
          await tx.update(notifications).set({ attempts, routedAt: sql`now()`, lastError: `routing gave up: ${error}` }).where(eq(notifications.id, n.id));
        } else {
          outcome.failed++;
          await tx
            .update(notifications)
            .set({ attempts, lastError: error, nextAttemptAt: sql`now() + ${verdict.delayMs} * interval '1 millisecond'` })
            .where(eq(notifications.id, n.id));
        }
      }
    }
    return outcome;
  });
}

async function writeRouted(tx: Transaction, n: Notification, r: { inApp: string[]; email: string[]; im: string[] }): Promise<void> {
  const common = { topic: n.topic, entityType: n.entityType, entityId: n.entityId, data: n.data };
  if (r.inApp.length) {
    await tx
      .insert(userNotifications)
      .values(r.inApp.map((userId) => ({ userId, notificationId: n.id, ...common })))
      .onConflictDoNothing();
  }
  const deliveries = [
    ...r.email.map((userId) => ({ channel: 'email', recipientKind: 'user', recipient: userId })),
    ...r.im.map((id) => ({ channel: 'im', recipientKind: 'im_channel', recipient: id })),
  ];
  if (deliveries.length) {
    await tx
      .insert(notificationDeliveries)
      .values(deliveries.map((d) => ({ ...d, ...common, notificationId: n.id, messageId: messageIdFor(`n:${n.id}:${d.channel}:${d.recipient}`) })))
      .onConflictDoNothing({ target: notificationDeliveries.messageId });
  }
  await tx.update(notifications).set({ routedAt: sql`now()`, attempts: n.attempts + 1, lastError: null }).where(eq(notifications.id, n.id));
}

// ── Deliveries: claim, send (elsewhere), record ───────────────────────────────────────────────

/**
 * Claims up to `batch` due deliveries of one channel for `leaseMs`: one statement (a short
 * transaction), rows skipped when another sender holds them. The claim counts as an attempt, so
 * a delivery whose sender dies mid-send still reaches the attempt limit.
 */
export async function claimDue(db: Database, channel: DeliveryChannel, batch: number, leaseMs: number): Promise<Delivery[]> {
  const d = notificationDeliveries;
  const due = db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.status, 'pending'), eq(d.channel, channel), lte(d.nextAttemptAt, sql`now()`), or(isNull(d.leaseUntil), lt(d.leaseUntil, sql`now()`))))
    .orderBy(asc(d.nextAttemptAt), asc(d.id))
    .limit(batch)
    .for('update', { skipLocked: true });
  return db
    .update(d)
    .set({ leaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`, attempts: sql`${d.attempts} + 1` })
    .where(inArray(d.id, due))
    .returning();
}

/** This claim of the delivery, and no later one (a lease that ran out and was claimed again). */
const sameClaim = (row: Delivery) => and(eq(notificationDeliveries.id, row.id), eq(notificationDeliveries.attempts, row.attempts), eq(notificationDeliveries.status, 'pending'));

/** What a customer notice's audit events say about where it went: the channel and a masked address. */
export interface CustomerSendFacts {
  via: 'sms' | 'email';
  to: string;
}

export async function recordSent(db: Database, row: Delivery, outcome: string, customer?: CustomerSendFacts): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(notificationDeliveries)
      .set({ status: 'sent', sentAt: sql`now()`, leaseUntil: null, lastError: null, outcome: outcome.slice(0, 500) })
      .where(sameClaim(row))
      .returning({ id: notificationDeliveries.id });
    if (done && row.channel === 'customer') {
      await customerAudit(tx, row, 'customer_notice.sent', { ...customer, attempts: row.attempts });
    }
    return done !== undefined;
  });
}

export type FailureRecord = { kind: 'retry' | 'dead' | 'skipped'; error: string; delayMs?: number };

export async function recordFailure(db: Database, row: Delivery, f: FailureRecord): Promise<boolean> {
  return db.transaction(async (tx) => {
    const set =
      f.kind === 'retry'
        ? { leaseUntil: null, lastError: f.error.slice(0, 1000), nextAttemptAt: sql`now() + ${f.delayMs ?? 0} * interval '1 millisecond'` }
        : { leaseUntil: null, lastError: f.error.slice(0, 1000), status: f.kind };
    const [done] = await tx.update(notificationDeliveries).set(set).where(sameClaim(row)).returning({ id: notificationDeliveries.id });
    if (done && row.channel === 'customer' && f.kind !== 'retry') {
      await customerAudit(tx, row, f.kind === 'dead' ? 'customer_notice.failed' : 'customer_notice.not_sent', { attempts: row.attempts }, f.error);
    }
    return done !== undefined;
  });
}

async function customerAudit(tx: Transaction, row: Delivery, action: string, after: Record<string, unknown>, reason?: string): Promise<void> {
  await appendAuditEvent(tx, {
    entityType: 'customer_notice',
    entityId: row.entityId,
    // One event per outcome of one claim: a re-driven notice records its new outcome again.
    sourceKey: `${row.messageId}:${action}:${row.attempts}:${row.redrivenAt?.getTime() ?? 0}`,
    actor: systemActor.userId,
    roles: [...systemActor.roles],
    action,
    at: new Date(),
    before: null,
    after: { kind: row.topic.replace(/^customer\./, '') as CustomerNoticeKind, messageId: row.messageId, ...after },
    reason: reason ?? null,
  });
}

// ── Administration: the dead-letter list and re-drive ─────────────────────────────────────────

export interface DeliveryFilter {
  status?: DeliveryStatus;
  channel?: DeliveryChannel;
}

/** Deliveries newest first (keyset on id). */
export async function listDeliveries(db: Database, f: DeliveryFilter, limit: number, beforeId?: number): Promise<Delivery[]> {
  const d = notificationDeliveries;
  const where: SQL[] = [];
  if (f.status) where.push(eq(d.status, f.status));
  if (f.channel) where.push(eq(d.channel, f.channel));
  if (beforeId !== undefined) where.push(lt(d.id, beforeId));
  return db
    .select()
    .from(d)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(d.id))
    .limit(limit);
}

export type RedriveResult = { kind: 'not_found' } | { kind: 'not_failed'; status: string } | { kind: 'ok'; delivery: Delivery };

/** Puts a dead or skipped delivery back in the queue, due now, with its attempts counted afresh. */
export async function redrive(db: Database, id: number, actor: { userId: string; roles: string[] }): Promise<RedriveResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id)).for('update');
    if (!row) return { kind: 'not_found' };
    if (row.status !== 'dead' && row.status !== 'skipped') return { kind: 'not_failed', status: row.status };
    const [updated] = await tx
      .update(notificationDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()`, leaseUntil: null, redrivenBy: actor.userId, redrivenAt: new Date() })
      .where(eq(notificationDeliveries.id, id))
      .returning();
    if (row.channel === 'customer') {
      await appendAuditEvent(tx, {
        entityType: 'customer_notice',
        entityId: row.entityId,
        sourceKey: `${row.messageId}:redriven:${updated!.redrivenAt!.getTime()}`,
        actor: actor.userId,
        roles: actor.roles,
        action: 'customer_notice.redriven',
        at: new Date(),
        before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
        after: { status: 'pending', messageId: row.messageId },
      });
    }
    return { kind: 'ok', delivery: updated! };
  });
}

// ── What /metrics shows ────────────────────────────────────────────────────────────────────────

export interface OutboxSnapshot {
  /** Per channel ('routing' for notices not yet routed): waiting, the oldest waiting one's age, dead-lettered. */
  channels: { channel: string; pending: number; oldestPendingSeconds: number; dead: number }[];
}

export async function outboxSnapshot(db: Database): Promise<OutboxSnapshot> {
  const d = notificationDeliveries;
  const [deliveries, unrouted] = await Promise.all([
    db
      .select({
        channel: d.channel,
        pending: sql<number>`count(*) filter (where ${d.status} = 'pending')::int`,
        oldest: sql<number>`coalesce(extract(epoch from now() - min(${d.createdAt}) filter (where ${d.status} = 'pending')), 0)::float8`,
        dead: sql<number>`count(*) filter (where ${d.status} = 'dead')::int`,
      })
      .from(d)
      .where(inArray(d.status, ['pending', 'dead']))
      .groupBy(d.channel),
    db
      .select({
        pending: sql<number>`count(*)::int`,
        oldest: sql<number>`coalesce(extract(epoch from now() - min(${notifications.createdAt})), 0)::float8`,
      })
      .from(notifications)
      .where(isNull(notifications.routedAt)),
  ]);
  const byChannel = new Map(deliveries.map((r) => [r.channel, r]));
  return {
    channels: [
      { channel: 'routing', pending: unrouted[0]?.pending ?? 0, oldestPendingSeconds: Number(unrouted[0]?.oldest ?? 0), dead: 0 },
      ...deliveryChannels.map((channel) => {
        const r = byChannel.get(channel);
        return { channel, pending: r?.pending ?? 0, oldestPendingSeconds: Number(r?.oldest ?? 0), dead: r?.dead ?? 0 };
      }),
    ],
  };
}

export function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000);
}
