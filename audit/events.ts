import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../db/client.js';
import { maskPii } from './mask.js';
import { storedEventColumns, type StoredEventRow } from './rows.js';

/**
 * Reading the audit trail for auditors: the AuditEvent shape of api.md, customer PII masked
 * (audit/mask.ts). `hash` = sha256 of the RFC 8785 form of `{ entityType, entityId, seq, actor,
 * roles, action, at, before, after, reason, prevHash }` with absent fields as null — computed over
 * the unmasked values, so an auditor recomputes it from an unmasked copy only.
 */
export interface AuditEventView {
  id: string;
  entityType: string;
  entityId: string;
  seq: number;
  actor: string;
  roles: string[];
  action: string;
  at: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  hash: string;
  prevHash: string | null;
}

type Row = StoredEventRow;
const columns = storedEventColumns;

function view(r: Row): AuditEventView {
  return {
    id: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    seq: r.seq,
    actor: r.actor,
    roles: r.roles,
    action: r.action,
    at: r.at,
    ...(r.before !== null ? { before: maskPii(r.before) } : {}),
    ...(r.after !== null ? { after: maskPii(r.after) } : {}),
    ...(r.reason !== null ? { reason: r.reason } : {}),
    hash: r.hash,
    prevHash: r.prev_hash,
  };
}

export interface EventFilter {
  entityType?: string;
  entityId?: string;
  actor?: string;
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
}

/** Opaque cursor: the last row id seen (events are listed in the order they were recorded). */
export function encodeCursor(id: string): string {
  return Buffer.from(`ae:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string | null {
  const m = /^ae:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // 19 digits may exceed int8 (a forged cursor was a 500: "value out of range for type bigint")
  return m && BigInt(m[1]!) <= 9_223_372_036_854_775_807n ? m[1]! : null;
}

/** One page of events matching `filter`, in recording order (keyset on id). */
export async function listAuditEvents(db: Database, filter: EventFilter, page: { limit: number; after?: string }): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filter.entityType !== undefined) conditions.push(sql`entity_type = ${filter.entityType}`);
  if (filter.entityId !== undefined) conditions.push(sql`entity_id = ${filter.entityId}`);
  if (filter.actor !== undefined) conditions.push(sql`actor = ${filter.actor}`);
  if (filter.from !== undefined) conditions.push(sql`at >= ${filter.from}::timestamptz`);
  if (filter.to !== undefined) conditions.push(sql`at < ${filter.to}::timestamptz`);
  if (page.after !== undefined) conditions.push(sql`id > ${page.after}::int8`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = await queryRows<Row>(db, sql`select ${columns} from audit_events ${where} order by id limit ${page.limit + 1}`);
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map(view);
  return { items, nextCursor: more ? encodeCursor(items[items.length - 1]!.id) : null };
}

/** Every event of one entity, in chain order. */
export async function entityEvents(db: Database, entityType: string, entityId: string): Promise<AuditEventView[]> {
  const rows = await queryRows<Row>(db, sql`select ${columns} from audit_events where entity_type = ${entityType} and entity_id = ${entityId} order by seq`);
  return rows.map(view);
}
