import { and, eq, sql } from 'drizzle-orm';
import { canonicalJson, sha256hex } from './canonical.js';
import type { Database, Transaction } from './client.js';
import type { AuditEventInput } from '../domain/trail.js';
import { auditChainHeads, auditEvents } from './schema/index.js';

/**
 * An audit event as stored and read back (`auditEventColumns`): the writer's input
 * (domain/trail.ts) placed in its chain. The hashed fields and the auditor's view
 * (audit/events.ts) derive from it.
 */
export type AuditEventRow = Omit<Required<AuditEventInput>, 'entityType' | 'sourceKey' | 'at'> & {
  /** The bigint identity, as text. */
  id: string;
  entityType: string;
  /** Position in the entity's chain: 1, 2, … */
  seq: number;
  /** ISO-8601 with milliseconds, UTC: the exact form the hash was computed over. */
  at: string;
  hash: string;
  /** The hash of the event before it in the chain; null for the first. */
  prevHash: string | null;
};

/** The select list of audit_events; `json` says how roles, before and after come back. */
function auditEventSelect(json: 'parsed' | 'text') {
  const asText = json === 'text' ? '::text' : '';
  return sql.raw(
    `id::text as id, entity_type as "entityType", entity_id as "entityId", seq, actor, roles${asText} as roles, action, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, before${asText} as before, after${asText} as after, reason, hash, prev_hash as "prevHash"`,
  );
}

/** The select list that reads an `AuditEventRow` from audit_events (search, export, verifier). */
export const auditEventColumns = auditEventSelect('parsed');

/**
 * The verifier's select list: `auditEventColumns` with the jsonb columns as their text, parsed
 * one row at a time as each is checked (`parsedAuditRow`) instead of a whole batch at once by
 * the driver. The verifier holds a batch of 5,000 rows (and reads the next) while it hashes; as
 * parsed object graphs they survived every young-generation collection and were copied at each,
 * as text they are cheap to keep and each row's objects die as soon as it is hashed.
 */
export const auditEventTextColumns = auditEventSelect('text');

/** A row read with `auditEventTextColumns`: roles, before and after as PostgreSQL's JSON text. */
export type AuditEventTextRow = Omit<AuditEventRow, 'roles' | 'before' | 'after'> & { roles: string; before: string | null; after: string | null };

/** The row as `auditEventColumns` reads it: the JSON text parsed as the driver parses jsonb. */
export function parsedAuditRow(r: AuditEventTextRow): AuditEventRow {
  return { ...r, roles: JSON.parse(r.roles) as string[], before: r.before === null ? null : (JSON.parse(r.before) as unknown), after: r.after === null ? null : (JSON.parse(r.after) as unknown) };
}

/** What an event's hash covers: all of it but its row id and its own hash; absent fields count as null. */
export type HashedEventFields = Omit<AuditEventRow, 'id' | 'hash' | 'at' | 'before' | 'after' | 'reason'> &
  Partial<Pick<AuditEventRow, 'before' | 'after' | 'reason'>> & {
    /** Any instant form; normalised to milliseconds UTC before hashing. */
    at: string | Date;
  };

/**
 * sha256 (hex) of the canonical JSON (db/canonical.ts) of `{ entityType, entityId, seq, actor,
 * roles, action, at, before, after, reason, prevHash }`, absent fields as null. The writer below
 * and the verifier (audit/chain.ts) both hash through it, so they cannot drift apart.
 */
export function auditHash(e: HashedEventFields): string {
  return sha256hex(auditHashedText(e));
}

/** The instant as hashed: milliseconds, UTC (a stored row's text already is). */
function hashedInstant(at: string | Date): string {
  return typeof at === 'string' && at.endsWith('Z') && at.length === 24 ? at : new Date(at).toISOString();
}

/** The hashed fields as one object: what `auditHashedText` is the canonical JSON of. */
export function auditHashedFields(e: HashedEventFields) {
  return {
    entityType: e.entityType,
    entityId: e.entityId,
    seq: e.seq,
    actor: e.actor,
    roles: e.roles,
    action: e.action,
    at: hashedInstant(e.at),
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
    prevHash: e.prevHash,
  };
}

/**
 * `canonicalJson(auditHashedFields(e))`, the top level written out in its canonical key order
 * (UTF-16 order: action, actor, after, at, …, seq) instead of built as an object and sorted.
 * Verification hashes every event of the trail through here; building the object and sorting
 * it cost about 1 µs of the verifier's 16–20 per event (docs/performance.md, "The targets"); only
 * the nested values (roles, before, after) still go through the general serialiser. A field of
 * an unexpected type (possible only from a careless writer, never from a stored row) takes the
 * general path, so the text is the same in every case (test/unit/audit/canonical.test.ts).
 */
export function auditHashedText(e: HashedEventFields): string {
  const reason = e.reason ?? null;
  if (
    typeof e.action !== 'string' ||
    typeof e.actor !== 'string' ||
    typeof e.entityId !== 'string' ||
    typeof e.entityType !== 'string' ||
    !Number.isSafeInteger(e.seq) ||
    !(typeof e.prevHash === 'string' || e.prevHash === null) ||
    !(typeof reason === 'string' || reason === null) ||
    !Array.isArray(e.roles)
  ) {
    return canonicalJson(auditHashedFields(e));
  }
  const at = hashedInstant(e.at);
  const json = JSON.stringify;
  return (
    `{"action":${json(e.action)},"actor":${json(e.actor)},"after":${canonicalJson(e.after ?? null)},"at":${json(at)}` +
    `,"before":${canonicalJson(e.before ?? null)},"entityId":${json(e.entityId)},"entityType":${json(e.entityType)}` +
    `,"prevHash":${json(e.prevHash)},"reason":${json(reason)},"roles":${canonicalJson(e.roles)},"seq":${e.seq}}`
  );
}

/**
 * Appends one event to its entity's chain inside the caller's transaction (so the projection it
 * describes and the event commit together). Idempotent on `sourceKey`: returns the existing
 * event's seq when it was already written. Three statements per event (lock the head, insert,
 * move the head): every projection write pays them.
 */
export async function appendAuditEvent(tx: Transaction | Database, input: AuditEventInput): Promise<{ seq: number; hash: string; duplicate: boolean }> {
  const thisChain = and(eq(auditChainHeads.entityType, input.entityType), eq(auditChainHeads.entityId, input.entityId));
  // Lock (or create) the chain head so concurrent appends to one entity line up; other
  // entities' chains are not touched, so there is no global lock. One statement: the no-op
  // update on conflict takes the row lock and returns the head as it stands.
  const [head] = await tx
    .insert(auditChainHeads)
    .values({ entityType: input.entityType, entityId: input.entityId, seq: 0, hash: '' })
    .onConflictDoUpdate({ target: [auditChainHeads.entityType, auditChainHeads.entityId], set: { seq: sql`${auditChainHeads.seq}` } })
    .returning({ seq: auditChainHeads.seq, hash: auditChainHeads.hash });
  const seq = head!.seq + 1;
  const prevHash = head!.seq > 0 ? head!.hash : null;
  const at = new Date(input.at).toISOString();
  const hash = auditHash({ ...input, at, seq, prevHash });
  const [written] = await tx
    .insert(auditEvents)
    .values({
      entityType: input.entityType,
      entityId: input.entityId,
      seq,
      sourceKey: input.sourceKey,
      actor: input.actor,
      roles: input.roles,
      action: input.action,
      at,
      before: input.before ?? null,
      after: input.after ?? null,
      reason: input.reason ?? null,
      hash,
      prevHash,
    })
    .onConflictDoNothing({ target: auditEvents.sourceKey })
    .returning({ seq: auditEvents.seq });
  if (!written) {
    // Written before (a retried activity): the chain stays as it is.
    const [existing] = await tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.sourceKey, input.sourceKey));
    return { ...existing!, duplicate: true };
  }
  await tx.update(auditChainHeads).set({ seq, hash, updatedAt: sql`now()` }).where(thisChain);
  return { seq, hash, duplicate: false };
}
