import { sql, type SQL } from 'drizzle-orm';
import { auditEventColumns, type AuditEventRow } from '../db/audit.js';
import { queryRows, type Database } from '../db/client.js';
import { toCsv } from '../domain/reports/csv.js';
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
  /** One action (`complaint.responded`), or a family of them ending in `.` (`complaint.`). */
  action?: string;
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
}

/**
 * One page of events matching `filter`, oldest first (`asc`) or the most recent first (`desc`).
 * One record's events (entityType and entityId both given) come in chain order, keyset on `seq`;
 * any other selection in recording order, keyset on `audit_events.id` (`next` is the last key of
 * the page). The order names the column: the select list's `id` is its text form, and a bare
 * `order by id` would sort "1", "10", "100", "11", … against a numeric cursor.
 */
export async function listAuditEvents(db: Database, filter: EventFilter, page: { limit: number; after?: string; order?: 'asc' | 'desc' }): Promise<{ items: AuditEventView[]; next?: string }> {
  const conditions: SQL[] = [];
  if (filter.entityType !== undefined) conditions.push(sql`entity_type = ${filter.entityType}`);
  if (filter.entityId !== undefined) conditions.push(sql`entity_id = ${filter.entityId}`);
  if (filter.actor !== undefined) conditions.push(sql`actor = ${filter.actor}`);
  if (filter.action !== undefined) {
    conditions.push(filter.action.endsWith('.') ? sql`starts_with(action, ${filter.action})` : sql`action = ${filter.action}`);
  }
  if (filter.from !== undefined) conditions.push(sql`at >= ${filter.from}::timestamptz`);
  if (filter.to !== undefined) conditions.push(sql`at < ${filter.to}::timestamptz`);
  const oneChain = filter.entityType !== undefined && filter.entityId !== undefined;
  const key = oneChain ? sql`audit_events.seq` : sql`audit_events.id`;
  const desc = page.order === 'desc';
  if (page.after !== undefined) conditions.push(desc ? sql`${key} < ${page.after}::int8` : sql`${key} > ${page.after}::int8`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = await queryRows<AuditEventRow>(db, sql`select ${auditEventColumns} from audit_events ${where} order by ${key} ${desc ? sql`desc` : sql`asc`} limit ${page.limit + 1}`);
  const items = rows.slice(0, page.limit).map(view);
  const last = items.at(-1);
  return { items, ...(rows.length > page.limit && last ? { next: oneChain ? String(last.seq) : last.id } : {}) };
}

/** Every event of one entity, in chain order. */
export async function entityEvents(db: Database, entityType: string, entityId: string): Promise<AuditEventView[]> {
  const rows = await queryRows<AuditEventRow>(db, sql`select ${auditEventColumns} from audit_events where entity_type = ${entityType} and entity_id = ${entityId} order by seq`);
  return rows.map(view);
}

export const auditCsvHeader = ['seq', 'at', 'entityType', 'entityId', 'actor', 'roles', 'action', 'reason', 'before', 'after', 'hash', 'prevHash'] as const;

/** Events as CSV (RFC 4180, formula cells neutralised; domain/reports/csv.ts): before/after as JSON, PII masked as in the view. */
export function auditEventsCsv(events: readonly AuditEventView[]): string {
  const json = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));
  return toCsv([
    [...auditCsvHeader],
    ...events.map((e) => [String(e.seq), e.at, e.entityType, e.entityId, e.actor, e.roles.join(' '), e.action, e.reason ?? '', json(e.before), json(e.after), e.hash, e.prevHash ?? '']),
  ]);
}
