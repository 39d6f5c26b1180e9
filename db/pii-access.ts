import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { exceedsFlagRule, flagNotice, flagWindowOf, piiAccessChain, type PiiAccessFlagRule, type PiiAccessItem, type PiiAccessPurpose } from '../domain/pii-access.js';
import { appendAuditEvent, auditEventColumns, type AuditEventRow } from './audit.js';
import { queryRows, type Database } from './client.js';
import { notifications } from './schema/index.js';

/**
 * The PII access log (docs/security.md "PII access log"; the rules in domain/pii-access.ts): one
 * `pii_access.granted` audit event per answer that handed customer details out in clear, on the
 * chain `pii_access/<day>:<actor>`, so the trail's verification covers it. A person who opens more
 * distinct customers than the rule allows within its window is flagged: a `pii_access.flagged`
 * event on the same chain and a notice to compliance (`pii_access.flagged`, role compliance_auditor).
 */
export interface PiiAccessRecord {
  principal: { userId: string; roles: readonly string[] };
  purpose: PiiAccessPurpose;
  /** The request's id (X-Request-Id), for finding the access line of the same request. */
  requestId: string | null;
  items: PiiAccessItem[];
  /** Why the person asked (a reveal's reason, masked free text); none for the other purposes. */
  reason?: string;
  at?: Date;
}

/** What an access event's `after` holds. */
interface AccessFacts {
  purpose: PiiAccessPurpose;
  requestId: string | null;
  complaintIds: string[];
  items: PiiAccessItem[];
  reason?: string;
}

/**
 * Writes the access record (nothing when no item was handed out in clear) and, past the rule,
 * the flag. Its own transaction, before the answer leaves: an access that cannot be recorded is
 * not handed out. Without a rule (cxgov's own sends) nobody is flagged.
 */
export async function recordPiiAccess(db: Database, r: PiiAccessRecord, rule?: PiiAccessFlagRule): Promise<{ flagged: boolean } | undefined> {
  if (r.items.length === 0) return undefined;
  const at = r.at ?? new Date();
  const chain = piiAccessChain(r.principal.userId, at);
  const facts: AccessFacts = { purpose: r.purpose, requestId: r.requestId, complaintIds: [...new Set(r.items.map((i) => i.complaintId))], items: r.items, ...(r.reason ? { reason: r.reason } : {}) };
  return db.transaction(async (tx) => {
    // A fresh source key: the request id is the client's to choose, so it cannot key the record.
    await appendAuditEvent(tx, { entityType: 'pii_access', entityId: chain, sourceKey: `pii-access:${randomUUID()}`, actor: r.principal.userId, roles: [...r.principal.roles], action: 'pii_access.granted', at, before: null, after: facts });

    if (!rule) return { flagged: false };
    const window = flagWindowOf(rule, at);
    const [count] = await queryRows<{ n: number }>(
      tx as unknown as Database,
      sql`select count(distinct item->>'customerRef')::int as n from audit_events, jsonb_array_elements(after->'items') as item
          where actor = ${r.principal.userId} and entity_type = 'pii_access' and action = 'pii_access.granted' and at > ${window.since.toISOString()}::timestamptz and at <= ${at.toISOString()}::timestamptz`,
    );
    const distinct = count?.n ?? 0;
    if (!exceedsFlagRule(rule, distinct)) return { flagged: false };
    const key = `pii-access-flag:${r.principal.userId}:${window.key}`;
    const [queued] = await tx
      .insert(notifications)
      .values(flagNotice(r.principal.userId, chain, distinct, rule, key))
      .onConflictDoNothing({ target: notifications.sourceKey })
      .returning({ id: notifications.id });
    if (queued) {
      await appendAuditEvent(tx, {
        entityType: 'pii_access',
        entityId: chain,
        sourceKey: `${key}:flagged`,
        actor: r.principal.userId,
        roles: [...r.principal.roles],
        action: 'pii_access.flagged',
        at,
        before: null,
        after: { distinctCustomers: distinct, threshold: rule.distinctCustomers, windowMinutes: rule.windowMinutes },
      });
    }
    return { flagged: true };
  });
}

/** An access record as auditors read it. */
export interface PiiAccessView {
  id: string;
  at: string;
  actor: string;
  roles: string[];
  action: 'pii_access.granted' | 'pii_access.flagged';
  purpose: PiiAccessPurpose | null;
  requestId: string | null;
  items: PiiAccessItem[];
  /** The reason the person gave for showing the details (reveals); null when none was asked or given. */
  reason: string | null;
  /** For a flag: how many distinct customers, against which rule. */
  flag: { distinctCustomers: number; threshold: number; windowMinutes: number } | null;
  chain: string;
  seq: number;
  hash: string;
}

export interface PiiAccessFilter {
  actor?: string;
  complaintId?: string;
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
}

/** One page of access records (and flags), in recording order; keyset on the row id as /audit/events. */
export async function listPiiAccess(db: Database, filter: PiiAccessFilter, page: { limit: number; after?: string }): Promise<{ items: PiiAccessView[]; next?: string }> {
  const conditions: SQL[] = [sql`entity_type = 'pii_access'`];
  if (filter.actor !== undefined) conditions.push(sql`actor = ${filter.actor}`);
  if (filter.complaintId !== undefined) conditions.push(sql`after->'complaintIds' @> ${JSON.stringify([filter.complaintId])}::jsonb`);
  if (filter.from !== undefined) conditions.push(sql`at >= ${filter.from}::timestamptz`);
  if (filter.to !== undefined) conditions.push(sql`at < ${filter.to}::timestamptz`);
  if (page.after !== undefined) conditions.push(sql`id > ${page.after}::int8`);
  const rows = await queryRows<AuditEventRow>(db, sql`select ${auditEventColumns} from audit_events where ${sql.join(conditions, sql` and `)} order by audit_events.id limit ${page.limit + 1}`);
  const items = rows.slice(0, page.limit).map(accessView);
  const last = items.at(-1);
  return { items, ...(rows.length > page.limit && last ? { next: last.id } : {}) };
}

function accessView(r: AuditEventRow): PiiAccessView {
  const after = (r.after ?? {}) as Partial<AccessFacts> & { distinctCustomers?: number; threshold?: number; windowMinutes?: number };
  const flagged = r.action === 'pii_access.flagged';
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    roles: r.roles,
    action: flagged ? 'pii_access.flagged' : 'pii_access.granted',
    purpose: after.purpose ?? null,
    requestId: after.requestId ?? null,
    items: after.items ?? [],
    reason: after.reason ?? null,
    flag: flagged ? { distinctCustomers: after.distinctCustomers ?? 0, threshold: after.threshold ?? 0, windowMinutes: after.windowMinutes ?? 0 } : null,
    chain: r.entityId,
    seq: r.seq,
    hash: r.hash,
  };
}
