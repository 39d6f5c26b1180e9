import { and, count, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from './client.js';
import { userNotifications } from './schema/index.js';

/**
 * The in-app notification centre: each person's entries, newest first, read or not. Only the
 * person's own entries are ever read or changed here (every query is keyed by user id).
 */
export type InboxEntry = typeof userNotifications.$inferSelect;

export async function listInbox(db: Database, userId: string, o: { limit: number; beforeId?: number; unreadOnly?: boolean }): Promise<InboxEntry[]> {
  const u = userNotifications;
  const where: SQL[] = [eq(u.userId, userId)];
  if (o.unreadOnly) where.push(isNull(u.readAt));
  if (o.beforeId !== undefined) where.push(lt(u.id, o.beforeId));
  return db
    .select()
    .from(u)
    .where(and(...where))
    .orderBy(desc(u.id))
    .limit(o.limit);
}

export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(userNotifications)
    .where(and(eq(userNotifications.userId, userId), isNull(userNotifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one entry of the person read; undefined when the person has no such entry. Reading twice keeps the first time. */
export async function markRead(db: Database, userId: string, id: number): Promise<InboxEntry | undefined> {
  const u = userNotifications;
  const [row] = await db
    .update(u)
    .set({ readAt: sql`coalesce(${u.readAt}, now())` })
    .where(and(eq(u.id, id), eq(u.userId, userId)))
    .returning();
  return row;
}

/** Marks every unread entry of the person read; returns how many. */
export async function markAllRead(db: Database, userId: string): Promise<number> {
  const rows = await db
    .update(userNotifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(userNotifications.userId, userId), isNull(userNotifications.readAt)))
    .returning({ id: userNotifications.id });
  return rows.length;
}
