import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, like, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import type { ErasureRecord } from '../domain/erasure/process.js';
import type { CustomerComplaint, ErasureFacts, ErasureView, LegalHold } from '../domain/erasure/types.js';
import type { TransitionRecord } from '../domain/trail.js';
import type { PiiCipher } from '../security/pii.js';
import { appendAuditEvent } from './audit.js';
import { queryRows, type Database, type Transaction } from './client.js';
import { unsealCustomers } from './complaints.js';
import { destroyDataKeys, erasedDataKeys, erasedTombstone, liveDataKeys } from './customer-keys.js';
import { complaintCustomers, complaints, erasures, legalHolds } from './schema/index.js';
import { writeTransition } from './transition.js';

export type { ErasureRecord } from '../domain/erasure/process.js';

/**
 * The erasure tables (docs/security.md "Customer data keys and erasure"): the projection of the
 * erasure workflow, the legal holds, the facts an erasure is checked against, its execution (the
 * customer's data keys destroyed) and what its verification reads. Every query of them lives here.
 */

const closedStatuses = ['completed', 'refused'];

/** One erasure step in one transaction: the projection row (only when its version is newer) and the step's audit events and notifications. */
export async function writeErasureRecord(db: Database, input: { erasure: ErasureRecord } & TransitionRecord): Promise<void> {
  const { erasure } = input;
  await db.transaction(async (tx) => {
    const { id: _id, ...changes } = erasure;
    await tx
      .insert(erasures)
      .values(erasure)
      .onConflictDoUpdate({ target: erasures.id, set: { ...changes, updatedAt: new Date() }, setWhere: sql`${erasures.version} < ${erasure.version}` });
    await writeTransition(tx, { audit: input.audit, notifications: input.notifications ?? [] });
  });
}

export async function readErasure(db: Database, id: string): Promise<ErasureView | undefined> {
  const [row] = await db.select({ view: erasures.view }).from(erasures).where(eq(erasures.id, id));
  return row?.view as ErasureView | undefined;
}

export interface ErasureCursor {
  requestedAt: string;
  id: string;
}

export async function listErasures(db: Database, filter: { status?: string; customerRef?: string }, limit: number, cursor?: ErasureCursor): Promise<{ items: ErasureView[]; next?: ErasureCursor }> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(erasures.status, filter.status));
  if (filter.customerRef) where.push(eq(erasures.customerRef, filter.customerRef));
  if (cursor) where.push(sql`(${erasures.requestedAt}, ${erasures.id}) < (${cursor.requestedAt}::timestamptz, ${cursor.id})`);
  const rows = await db
    .select({ view: erasures.view })
    .from(erasures)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(erasures.requestedAt), desc(erasures.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => r.view as ErasureView);
  const last = items.at(-1);
  return { items, ...(rows.length > limit && last ? { next: { requestedAt: last.requestedAt, id: last.id } } : {}) };
}

/** Erasures of a customer that still run (not completed nor refused): the ones told when a hold lifts. */
export async function runningErasuresOf(db: Database, customerRef: string): Promise<string[]> {
  const rows = await db
    .select({ id: erasures.id })
    .from(erasures)
    .where(and(eq(erasures.customerRef, customerRef), notInArray(erasures.status, closedStatuses)));
  return rows.map((r) => r.id);
}

/** Erasures waiting for a compliance decision that `who` may give (not their own requests). */
export async function erasuresAwaitingDecision(db: Database, who: Pick<Actor, 'userId' | 'roles'>): Promise<ErasureView[]> {
  if (!who.roles.includes('compliance_auditor')) return [];
  const rows = await db
    .select({ view: erasures.view })
    .from(erasures)
    .where(and(eq(erasures.status, 'awaiting_approval'), sql`${erasures.requestedBy} <> ${who.userId}`))
    .orderBy(erasures.requestedAt)
    .limit(200);
  return rows.map((r) => r.view as ErasureView);
}

// ── facts ────────────────────────────────────────────────────────────────────────────────────────

/** The customer's complaints (by the projection) and their legal holds not lifted. */
export async function erasureFacts(db: Database, customerRef: string): Promise<ErasureFacts> {
  const rows = await db
    .select({ id: complaints.id, status: complaints.status, receivedAt: complaints.receivedAt, view: complaints.view })
    .from(complaints)
    .where(eq(complaints.customerRef, customerRef))
    .orderBy(complaints.receivedAt, complaints.id)
    .limit(1000);
  const list: CustomerComplaint[] = rows.map((r) => ({ id: r.id, status: r.status, receivedAt: new Date(r.receivedAt).toISOString(), closedAt: (r.view as { closedAt?: string | null }).closedAt ?? null }));
  return { complaints: list, legalHolds: await activeHolds(db, customerRef) };
}

// ── legal holds ──────────────────────────────────────────────────────────────────────────────────

export async function activeHolds(db: Database, customerRef: string): Promise<LegalHold[]> {
  const rows = await db
    .select()
    .from(legalHolds)
    .where(and(eq(legalHolds.customerRef, customerRef), isNull(legalHolds.liftedAt)))
    .orderBy(legalHolds.setAt, legalHolds.id);
  return rows.map((r) => ({ id: r.id, reason: r.reason, setBy: r.setBy, setAt: new Date(r.setAt).toISOString() }));
}

export interface LegalHoldRow {
  id: string;
  customerRef: string;
  reason: string;
  setBy: string;
  setAt: string;
  liftedBy: string | null;
  liftedAt: string | null;
  liftReason: string | null;
}

const holdRow = (r: typeof legalHolds.$inferSelect): LegalHoldRow => ({
  ...r,
  setAt: new Date(r.setAt).toISOString(),
  liftedAt: r.liftedAt ? new Date(r.liftedAt).toISOString() : null,
});

export async function listLegalHolds(db: Database, filter: { customerRef?: string; active?: boolean }): Promise<LegalHoldRow[]> {
  const where: SQL[] = [];
  if (filter.customerRef) where.push(eq(legalHolds.customerRef, filter.customerRef));
  if (filter.active) where.push(isNull(legalHolds.liftedAt));
  const rows = await db
    .select()
    .from(legalHolds)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(legalHolds.setAt), desc(legalHolds.id))
    .limit(500);
  return rows.map(holdRow);
}

/** Sets a legal hold with its audit event (`legal_hold.set`) in one transaction. Idempotent on `sourceKey`. */
export async function setLegalHold(db: Database, h: { customerRef: string; reason: string; actor: Pick<Actor, 'userId' | 'roles'>; sourceKey: string; id?: string }): Promise<LegalHoldRow> {
  return db.transaction(async (tx) => {
    const id = h.id ?? randomUUID();
    const at = new Date();
    const inserted = await tx.insert(legalHolds).values({ id, customerRef: h.customerRef, reason: h.reason, setBy: h.actor.userId, setAt: at.toISOString() }).onConflictDoNothing().returning();
    if (inserted.length > 0) {
      await appendAuditEvent(tx, { entityType: 'legal_hold', entityId: id, sourceKey: h.sourceKey, actor: h.actor.userId, roles: h.actor.roles, action: 'legal_hold.set', at, before: null, after: { customerRef: h.customerRef }, reason: h.reason });
    }
    const [row] = await tx.select().from(legalHolds).where(eq(legalHolds.id, id));
    return holdRow(row!);
  });
}

/** Lifts a hold with its audit event (`legal_hold.lifted`). `lifted` false: already lifted (nothing written). */
export async function liftLegalHold(db: Database, l: { id: string; reason: string; actor: Pick<Actor, 'userId' | 'roles'>; sourceKey: string }): Promise<{ kind: 'not_found' } | { kind: 'already_lifted' | 'lifted'; hold: LegalHoldRow }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(legalHolds).where(eq(legalHolds.id, l.id)).for('update');
    if (!row) return { kind: 'not_found' as const };
    if (row.liftedAt) return { kind: 'already_lifted' as const, hold: holdRow(row) };
    const at = new Date();
    const [updated] = await tx.update(legalHolds).set({ liftedAt: at.toISOString(), liftedBy: l.actor.userId, liftReason: l.reason }).where(eq(legalHolds.id, l.id)).returning();
    await appendAuditEvent(tx, { entityType: 'legal_hold', entityId: l.id, sourceKey: l.sourceKey, actor: l.actor.userId, roles: l.actor.roles, action: 'legal_hold.lifted', at, before: { lifted: false }, after: { lifted: true, customerRef: row.customerRef }, reason: l.reason });
    return { kind: 'lifted' as const, hold: holdRow(updated!) };
  });
}

// ── execution and proof ──────────────────────────────────────────────────────────────────────────

/**
 * The erasure itself, in one transaction, idempotent: every live data key of the customer
 * destroyed (crypto-shredding: what they sealed never opens again), and every customer row still
 * sealed directly under a master key (v1/v2, before data keys) overwritten. Returns every data key
 * this erasure destroyed (now or on an earlier try). No lookup digests of customer values are
 * stored today (docs/security.md), so there are none to delete.
 */
export async function executeErasure(db: Database, e: { erasureId: string; customerRef: string; at: Date }): Promise<{ dataKeyIds: string[]; rowsOverwritten: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`erasure:${e.customerRef}`}))`);
    const live = await liveDataKeys(tx, e.customerRef);
    await destroyDataKeys(tx, live.map((k) => k.id), e.erasureId, e.at);
    const tomb = erasedTombstone(e.erasureId);
    const direct = or(like(complaintCustomers.nameEnc, 'v1.%'), like(complaintCustomers.nameEnc, 'v2.%'), like(complaintCustomers.phoneEnc, 'v1.%'), like(complaintCustomers.phoneEnc, 'v2.%'), like(complaintCustomers.idNumberEnc, 'v1.%'), like(complaintCustomers.idNumberEnc, 'v2.%'));
    const overwritten = await tx
      .update(complaintCustomers)
      .set({ nameEnc: tomb, phoneEnc: tomb, idNumberEnc: sql`case when ${complaintCustomers.idNumberEnc} is null then null else ${tomb} end` })
      .where(and(eq(complaintCustomers.customerRef, e.customerRef), direct))
      .returning({ id: complaintCustomers.complaintId });
    await eraseSurveyVerbatims(tx, e.customerRef);
    return { dataKeyIds: await erasedDataKeys(tx, e.erasureId), rowsOverwritten: overwritten.length };
  });
}

/**
 * The customer's own words in their survey and callback answers ("what could be better", stored
 * masked of numbers but possibly naming them) go with their personal data; the scores stay, tied
 * only to the complaint (docs/surveys.md "Privacy").
 */
async function eraseSurveyVerbatims(tx: Transaction, customerRef: string): Promise<void> {
  await tx.execute(
    sql`update survey_responses set verbatim = null
        where verbatim is not null and contact_type = 'complaint'
          and contact_id in (select complaint_id from complaint_customers where customer_ref = ${customerRef})`,
  );
}

/** After an erasure: the customer's stored rows, and how many the configured keys still open (must be none). */
export async function customerRowsReadable(db: Database, cipher: PiiCipher, customerRef: string): Promise<{ checked: number; readable: number; complaintIds: string[] }> {
  const rows = await db.select().from(complaintCustomers).where(eq(complaintCustomers.customerRef, customerRef));
  const details = await unsealCustomers(db, cipher, rows);
  return { checked: rows.length, readable: details.filter((d) => !d.erased && !d.unreadable).length, complaintIds: rows.map((r) => r.complaintId) };
}

/**
 * Re-applies erasures listed in the ledger (after a restore of an older backup): the listed data
 * keys destroyed again and the customers' rows sealed before data keys overwritten. Returns how
 * many keys and rows it had to erase again.
 */
export async function reapplyErasures(db: Database, entries: { erasureId: string; customerRef: string; dataKeyIds: string[]; at: string }[]): Promise<{ keys: number; rows: number }> {
  let keys = 0;
  let rows = 0;
  for (const e of entries) {
    await db.transaction(async (tx) => {
      keys += (await destroyDataKeys(tx, e.dataKeyIds, e.erasureId, new Date(e.at))).length;
      const tomb = erasedTombstone(e.erasureId);
      const done = await tx
        .update(complaintCustomers)
        .set({ nameEnc: tomb, phoneEnc: tomb, idNumberEnc: sql`case when ${complaintCustomers.idNumberEnc} is null then null else ${tomb} end` })
        .where(and(eq(complaintCustomers.customerRef, e.customerRef), sql`(${complaintCustomers.nameEnc} like 'v1.%' or ${complaintCustomers.nameEnc} like 'v2.%')`))
        .returning({ id: complaintCustomers.complaintId });
      await eraseSurveyVerbatims(tx, e.customerRef);
      rows += done.length;
    });
  }
  return { keys, rows };
}

// ── retention ────────────────────────────────────────────────────────────────────────────────────

/**
 * Customers past retention at `now`: every complaint closed, the last closed before
 * `now - retentionMs`, some personal data still held (a live data key or a row sealed before data
 * keys), and no erasure of theirs running. At most `limit`.
 */
export async function customersPastRetention(db: Database, now: Date, retentionMs: number, limit = 500): Promise<string[]> {
  const cutoff = new Date(now.getTime() - retentionMs).toISOString();
  const rows = await queryRows<{ customer_ref: string }>(
    db,
    sql`select c.customer_ref from complaints c
        group by c.customer_ref
        having bool_and(c.status = 'closed') and max((c.view->>'closedAt')::timestamptz) <= ${cutoff}::timestamptz
           and exists (select 1 from complaint_customers cc where cc.customer_ref = c.customer_ref
                       and (cc.name_enc like 'v1.%' or cc.name_enc like 'v2.%'
                            or exists (select 1 from customer_data_keys k where k.customer_ref = c.customer_ref and k.erased_at is null)))
           and not exists (select 1 from erasures e where e.customer_ref = c.customer_ref and e.status not in ('completed', 'refused'))
        order by c.customer_ref
        limit ${limit}`,
  );
  return rows.map((r) => r.customer_ref);
}

export async function hasRunningErasure(db: Database, customerRef: string): Promise<boolean> {
  const rows = await db.select({ id: erasures.id }).from(erasures).where(and(eq(erasures.customerRef, customerRef), inArray(erasures.status, ['requested', 'held', 'awaiting_approval', 'approved']))).limit(1);
  return rows.length > 0;
}

/** Whether cxgov holds anything of this customer (a complaint of theirs). */
export async function customerKnown(db: Database, customerRef: string): Promise<boolean> {
  const rows = await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.customerRef, customerRef)).limit(1);
  return rows.length > 0;
}
