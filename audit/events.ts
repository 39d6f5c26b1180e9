import { sql, type SQL } from 'drizzle-orm';
import { auditEventColumns, type AuditEventRow } from '../db/audit.js';
import { queryRows, type Database } from '../db/client.js';
import { maskPii } from './mask.js';

/**
 * Reading the audit trail for auditors: the stored row with customer PII masked
 * (audit/mask.ts) and absent fields left out. `hash` = sha256 of the RFC 8785 form of
 * `{ entityType, entityId, seq, actor, roles, action, at, before, after, reason, prevHash }` with
 * absent fields as null (db/audit.ts `auditHash`) — computed over the unmasked values, so an
 * auditor recomputes it from an unmasked copy only.
 */
export type AuditEventView = Omit<AuditEventRow, 'before' | 'after' | 'reason'> & {
  before?: unknown;
  after?: unknown;
  reason?: string;
};

function view(r: AuditEventRow): AuditEventView {
  return {
    id: r.id,
    entityType: r.entityType,
    entityId: r.entityId,
    seq: r.seq,
    actor: r.actor,
    roles: r.roles,
    action: r.action,
    at: r.at,
    ...(r.before !== null ? { before: maskPii(r.before) } : {}),
    ...(r.after !== null ? { after: maskPii(r.after) } : {}),
    ...(r.reason !== null ? { reason: r.reason } : {}),
    hash: r.hash,
    prevHash: r.prevHash,
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

/**
 * One page of events matching `filter`, in recording order (keyset on id: `next` is the last id of
 * the page). The order names the column, `audit_events.id`: the select list's `id` is its text
 * form, and a bare `order by id` would sort "1", "10", "100", "11", … against a numeric cursor.
 * Within one record, recording order is chain order (appends to a chain are serialised).
 */
export async function listAuditEvents(db: Database, filter: EventFilter, page: { limit: number; after?: string }): Promise<{ items: AuditEventView[]; next?: string }> {
  const conditions: SQL[] = [];
  if (filter.entityType !== undefined) conditions.push(sql`entity_type = ${filter.entityType}`);
  if (filter.entityId !== undefined) conditions.push(sql`entity_id = ${filter.entityId}`);
  if (filter.actor !== undefined) conditions.push(sql`actor = ${filter.actor}`);
  if (filter.from !== undefined) conditions.push(sql`at >= ${filter.from}::timestamptz`);
  if (filter.to !== undefined) conditions.push(sql`at < ${filter.to}::timestamptz`);
  if (page.after !== undefined) conditions.push(sql`id > ${page.after}::int8`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = await queryRows<AuditEventRow>(db, sql`select ${auditEventColumns} from audit_events ${where} order by audit_events.id limit ${page.limit + 1}`);
  const items = rows.slice(0, page.limit).map(view);
  const last = items.at(-1);
  return { items, ...(rows.length > page.limit && last ? { next: last.id } : {}) };
}

/** Every event of one entity, in chain order. */
export async function entityEvents(db: Database, entityType: string, entityId: string): Promise<AuditEventView[]> {
  const rows = await queryRows<AuditEventRow>(db, sql`select ${auditEventColumns} from audit_events where entity_type = ${entityType} and entity_id = ${entityId} order by seq`);
  return rows.map(view);
}
