import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import type { ChannelPreference, Language, Person } from '../domain/notifications/routing.js';
import { appendAuditEvent } from './audit.js';
import type { Database, Transaction } from './client.js';
import { people } from './schema/index.js';

/**
 * The directory of people (docs/notifications.md "The directory"): who a role, a department or an
 * escalation level reaches, where to mail them and in which language. Identities come from the
 * identity provider's tokens; the directory adds what tokens do not carry. Every change is
 * audited (entity `person`), in the same transaction.
 */
/** What an admin sets of a person: everything routing sees but the id. */
export type PersonInput = Omit<Person, 'userId'>;

export type PersonRecord = Person & { updatedAt: string; updatedBy: string };

function present(row: typeof people.$inferSelect): PersonRecord {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    language: row.language as Language,
    department: row.department,
    roles: row.roles,
    departmentHead: row.departmentHead,
    channel: row.channel as ChannelPreference,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export async function readPerson(db: Database | Transaction, userId: string): Promise<PersonRecord | undefined> {
  const [row] = await db.select().from(people).where(eq(people.userId, userId));
  return row ? present(row) : undefined;
}

/** A page of the directory, by user id. */
export async function listPeople(db: Database, limit: number, after?: string): Promise<PersonRecord[]> {
  const rows = await db
    .select()
    .from(people)
    .where(after ? gt(people.userId, after) : undefined)
    .orderBy(asc(people.userId))
    .limit(limit);
  return rows.map(present);
}

/** One person as the staff directory shows them to colleagues: no e-mail, no channel. */
export interface DirectoryEntry {
  userId: string;
  name: string;
  department: string | null;
  roles: string[];
  departmentHead: boolean;
}

/**
 * The staff directory behind the pickers (people, departments): the active people, optionally
 * those holding a role or working in a department, by department then name.
 */
export async function staffDirectory(db: Database, filter: { role?: string; department?: string } = {}): Promise<DirectoryEntry[]> {
  const where: SQL[] = [eq(people.active, true)];
  if (filter.role) where.push(sql`${people.roles} @> ${JSON.stringify([filter.role])}::jsonb`);
  if (filter.department) where.push(eq(people.department, filter.department));
  return db
    .select({ userId: people.userId, name: people.name, department: people.department, roles: people.roles, departmentHead: people.departmentHead })
    .from(people)
    .where(and(...where))
    .orderBy(asc(people.department), asc(people.name), asc(people.userId))
    .limit(2_000);
}

/** Everyone active, as routing reads them. */
export async function activePeople(db: Database | Transaction): Promise<Person[]> {
  const rows = await db.select().from(people).where(eq(people.active, true));
  return rows.map(present);
}

const fields = (p: PersonRecord | undefined) =>
  p ? { name: p.name, email: p.email, language: p.language, department: p.department, roles: p.roles, departmentHead: p.departmentHead, channel: p.channel, active: p.active } : null;

/** Creates or replaces one person (administrators); audited as `person.updated`. */
export async function writePerson(db: Database, userId: string, input: PersonInput, actor: Pick<Actor, 'userId' | 'roles'>, action = 'person.updated'): Promise<PersonRecord> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(people).where(eq(people.userId, userId)).for('update');
    const before = locked ? present(locked) : undefined;
    // The same values again (a sync run twice, a repeated request) write nothing.
    if (before && JSON.stringify(fields(before)) === JSON.stringify(fields({ ...before, ...input }))) return before;
    const values = { ...input, updatedBy: actor.userId, updatedAt: new Date() };
    const [row] = await tx.insert(people).values({ userId, ...values }).onConflictDoUpdate({ target: people.userId, set: values }).returning();
    const after = present(row!);
    await appendAuditEvent(tx, {
      entityType: 'person',
      entityId: userId,
      sourceKey: `person:${userId}:${randomUUID()}`,
      actor: actor.userId,
      roles: actor.roles,
      action: before ? action : 'person.created',
      at: new Date(),
      before: fields(before),
      after: fields(after),
    });
    return after;
  });
}

/**
 * A person's own settings (language, channel), from their token's claims when the directory does
 * not know them yet; audited as `person.preferences_updated`.
 */
export async function writePreferences(
  db: Database,
  who: Pick<Actor, 'userId' | 'name' | 'roles' | 'department'>,
  change: { language?: Language; channel?: ChannelPreference },
): Promise<PersonRecord> {
  const current = await readPerson(db, who.userId);
  const base: PersonInput = current ?? { name: who.name, email: null, language: 'zh', department: who.department ?? null, roles: who.roles, departmentHead: false, channel: 'email', active: true };
  return writePerson(db, who.userId, { ...base, ...change }, who, 'person.preferences_updated');
}

/**
 * Adds a person the directory does not know yet (the development sign-in's demo cast), leaving
 * anyone already there untouched; audited when it adds.
 */
export async function addPersonIfMissing(db: Database, userId: string, input: PersonInput, actor: Pick<Actor, 'userId' | 'roles'>): Promise<boolean> {
  if (await readPerson(db, userId)) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({ userId, ...input, updatedBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) return false;
    await appendAuditEvent(tx, {
      entityType: 'person',
      entityId: userId,
      sourceKey: `person:${userId}:created`,
      actor: actor.userId,
      roles: actor.roles,
      action: 'person.created',
      at: new Date(),
      before: null,
      after: fields(present(row)),
    });
    return true;
  });
}
