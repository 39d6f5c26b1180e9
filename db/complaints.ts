import { and, desc, eq, gte, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import type { BusinessCalendar } from '../domain/calendar.js';
import { rootCauseRecord, type RootCause } from '../domain/complaints/root-causes.js';
import type { RepeatCandidate } from '../domain/complaints/rules.js';
import type { ComplaintView } from '../domain/complaints/views.js';
import type { ProcessEnded } from '../domain/process-end.js';
import { runningRank, settledRank, urgencyRanks } from '../domain/urgency.js';
import type { ComplaintSort } from '../domain/complaints/types.js';
import { complaintFacts, complaintFactsVersion, type ComplaintFacts, type FactsSource } from '../domain/reports/facts.js';
import { maskEmail, maskIdNumber, maskName, maskPhone, PiiErased, PiiUnreadable, type PiiCipher } from '../security/pii.js';
import { dataKeyFor, loadDataKeys, openValue, sealValue, type KeyState } from './customer-keys.js';
import { appendAuditEvent } from './audit.js';
import type { Database, Transaction } from './client.js';
import { auditEvents, complaintCustomers, complaints } from './schema/index.js';
import { readBusinessCalendar } from './calendar.js';
import type { ComplaintRecord } from '../domain/complaints/projection.js';
import type { TransitionRecord } from '../domain/trail.js';

export type { ComplaintRecord } from '../domain/complaints/projection.js';
import { writeTransition } from './transition.js';
import type { DerivedNoticeOptions } from './derived-notices.js';

/**
 * The complaint tables: the projection (`complaints`, written by the `recordComplaint` activity,
 * read by the API's list and detail, the work inbox and intake's repeat look-up) and the
 * customer's sealed details (`complaint_customers`). Every query of them lives here.
 */

// ---------------------------------------------------------------------------------------------
// The projection, write side


/**
 * One workflow state change in one transaction: the projection row (only when its version is
 * newer than the stored one, so a late retry never overwrites newer state), its KPI facts
 * derived from the view, and the transition's audit events and notifications (idempotent on
 * their source keys).
 */
export async function writeComplaintRecord(db: Database, input: { complaint: ComplaintRecord } & TransitionRecord, o: DerivedNoticeOptions = {}): Promise<void> {
  const facts = await deriveComplaintFacts(db, input.complaint.view as FactsSource);
  const row = { ...input.complaint, ...facts, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    const { id: _id, ...changes } = row;
    await tx
      .insert(complaints)
      .values(row)
      .onConflictDoUpdate({ target: complaints.id, set: changes, setWhere: sql`${complaints.version} < ${row.version}` });
    await writeTransition(tx, { audit: input.audit, notifications: input.notifications }, o);
  });
}

/**
 * The KPI fact columns of one complaint row (domain/reports/facts.ts), derived from the view the
 * workflow recorded. The calendar is read only for a closed complaint (working handling time).
 */
async function deriveComplaintFacts(db: Database, view: FactsSource): Promise<FactColumns> {
  let calendar: BusinessCalendar | undefined;
  if (view.closedAt !== null) calendar = (await readBusinessCalendar(db)).calendar;
  return factColumns(complaintFacts(view, (from, to) => calendar!.workingMsBetween(from, to)));
}

type FactColumns = Pick<
  typeof complaints.$inferInsert,
  | 'firstResponseState'
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'resolutionBreached'
  | 'feedbackCount'
  | 'satisfiedCount'
  | 'isRepeat'
  | 'breachLevels'
  | 'openClocks'
  | 'handlingWorkingMs'
  | 'rootCause'
  | 'rootCauseGroup'
  | 'product'
  | 'agentTeam'
  | 'factsVersion'
>;

function factColumns(f: ComplaintFacts): FactColumns {
  return {
    firstResponseState: f.firstResponseState,
    firstResponseAt: f.firstResponseAt,
    resolvedAt: f.resolvedAt,
    resolutionBreached: f.resolutionBreached,
    feedbackCount: f.feedbackCount,
    satisfiedCount: f.satisfiedCount,
    isRepeat: f.isRepeat,
    breachLevels: f.breachLevels,
    openClocks: f.openClocks as Record<string, string>,
    handlingWorkingMs: f.handlingWorkingMs,
    rootCause: f.rootCause,
    rootCauseGroup: f.rootCauseGroup,
    product: f.product,
    agentTeam: f.agentTeam,
    factsVersion: f.factsVersion,
  };
}

/**
 * Derives the facts of rows written before the current rules (rows from before the facts
 * existed, or after `complaintFactsVersion` changed), in batches. Safe to run from several
 * workers at once: each update is guarded by the row's version, so a concurrent projection
 * write wins. Returns the number of rows brought up to date.
 */
export async function backfillComplaintFacts(db: Database, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db
      .select({ id: complaints.id, version: complaints.version, view: complaints.view })
      .from(complaints)
      .where(lt(complaints.factsVersion, complaintFactsVersion))
      .limit(batchSize);
    if (rows.length === 0) return total;
    for (const row of rows) {
      const facts = await deriveComplaintFacts(db, row.view as FactsSource);
      await db
        .update(complaints)
        .set(facts)
        .where(and(eq(complaints.id, row.id), eq(complaints.version, row.version)));
    }
    total += rows.length;
  }
}

/**
 * A supervisor's correction of a CLOSED complaint's root cause. A running complaint is corrected
 * by its workflow (update `correctRootCause`); a closed one has no process any more, so its
 * projection is the record: the view gets the new root cause (its version one higher, so no late
 * write of the ended process can overwrite it), the facts are derived again, and the audit event
 * `complaint.root_cause_corrected` joins the complaint's chain, in one transaction. Idempotent on
 * `sourceKey`. `not_closed`: the complaint still runs (the caller sends the command instead).
 */
export interface RootCauseCorrection {
  complaintId: string;
  rootCause: RootCause;
  reason: string;
  actor: Pick<Actor, 'userId' | 'roles'>;
  sourceKey: string;
  at?: Date;
}

export async function correctClosedRootCause(db: Database, c: RootCauseCorrection): Promise<{ kind: 'not_found' | 'not_closed' | 'replayed' } | { kind: 'corrected'; view: ComplaintView }> {
  const at = c.at ?? new Date();
  const rootCause = rootCauseRecord(c.rootCause, c.actor.userId, at.toISOString(), 'correction', c.reason);
  const found = await db.select({ view: complaints.view, status: complaints.status }).from(complaints).where(eq(complaints.id, c.complaintId));
  if (!found[0]) return { kind: 'not_found' };
  if (found[0].status !== 'closed') return { kind: 'not_closed' };
  // Derived before the transaction (the calendar read is not part of it): a closed complaint's
  // view changes only by corrections, which set the root cause this one sets.
  const facts = await deriveComplaintFacts(db, { ...(found[0].view as ComplaintView), rootCause } as FactsSource);
  return db.transaction(async (tx) => {
    const [done] = await tx.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.sourceKey, c.sourceKey));
    if (done) return { kind: 'replayed' as const };
    const [row] = await tx.select({ view: complaints.view, version: complaints.version }).from(complaints).where(eq(complaints.id, c.complaintId)).for('update');
    const before = row!.view as ComplaintView;
    const view: ComplaintView = { ...before, rootCause, version: row!.version + 1 };
    await tx.update(complaints).set({ view, version: view.version, ...facts, updatedAt: new Date() }).where(eq(complaints.id, c.complaintId));
    await appendAuditEvent(tx, {
      entityType: 'complaint',
      entityId: c.complaintId,
      sourceKey: c.sourceKey,
      actor: c.actor.userId,
      roles: c.actor.roles,
      action: 'complaint.root_cause_corrected',
      at,
      before: { rootCause: before.rootCause ?? null },
      after: { rootCause: view.rootCause },
      reason: c.reason,
    });
    return { kind: 'corrected' as const, view };
  });
}

// ---------------------------------------------------------------------------------------------
// The projection, read side

/** A stored projection row, its view typed. */
export type ComplaintRow = Omit<typeof complaints.$inferSelect, 'view'> & { view: ComplaintView };

export async function readComplaint(db: Database, id: string): Promise<ComplaintView | undefined> {
  const [row] = await db.select({ view: complaints.view }).from(complaints).where(eq(complaints.id, id));
  return row?.view as ComplaintView | undefined;
}

export interface ComplaintFilter {
  status?: string;
  severity?: string;
  category?: string;
  owner?: string;
  breached?: boolean;
  initiativeId?: string;
  /** Only complaints transferred to this department. */
  department?: string;
  /** Drill-down from the reports: the root cause (a leaf) or its group, the product counted against. */
  rootCause?: string;
  rootCauseGroup?: string;
  product?: string;
  /** Drill-down from the accountable KPIs: the first responder, their team, the accountable department ('none' for none). */
  agent?: string;
  team?: string;
  accountableDepartment?: string;
  /** Received in [receivedFrom, receivedTo). */
  receivedFrom?: Date;
  receivedTo?: Date;
}

/** The department a complaint counts against in the accountable KPIs: the one it was transferred to, else the first responder's team. */
export const accountableDepartmentSql = sql`coalesce(${complaints.department}, ${complaints.agentTeam}, 'none')`;
export const teamSql = sql`coalesce(${complaints.agentTeam}, 'none')`;

/**
 * The two orders of the complaint list, each a keyset cursor stable under inserts:
 * - `urgency` (the default): the ranks of domain/urgency.ts — breached, at risk, other running
 *   deadlines, then complaints with none — soonest next deadline first within a rank;
 * - `received`: newest first.
 * A complaint's rank and next deadline move as its clocks do, so a page boundary under `urgency`
 * is a snapshot: a complaint that turned more urgent since an earlier page was read shows on the
 * first page again, not on the next one.
 */
export type ComplaintCursor =
  | { sort: 'received'; receivedAt: string; id: string }
  | { sort: 'urgency'; rank: number; deadline: string | null; id: string };

/** The rank of domain/urgency.ts in SQL, built from its table (constants of the code, not input). */
const urgencyRankSql = sql`(case ${sql.join(
  Object.entries(urgencyRanks).map(([state, rank]) => sql.raw(`when next_deadline_state = '${state}' then ${rank}`)),
  sql` `,
)} when ${complaints.nextDeadline} is not null then ${sql.raw(String(runningRank))} else ${sql.raw(String(settledRank))} end)`;
const deadlineKeySql = sql`coalesce(${complaints.nextDeadline}, 'infinity'::timestamptz)`;

export async function listComplaints(
  db: Database,
  filter: ComplaintFilter,
  limit: number,
  cursor?: ComplaintCursor,
  sort: ComplaintSort = cursor?.sort ?? 'urgency',
): Promise<{ items: ComplaintView[]; next?: ComplaintCursor }> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(complaints.status, filter.status));
  if (filter.severity) where.push(eq(complaints.severity, filter.severity));
  if (filter.category) where.push(eq(complaints.category, filter.category));
  if (filter.owner) where.push(eq(complaints.ownerId, filter.owner));
  if (filter.breached !== undefined) where.push(eq(complaints.breached, filter.breached));
  if (filter.initiativeId) where.push(eq(complaints.initiativeId, filter.initiativeId));
  if (filter.department !== undefined) where.push(eq(complaints.department, filter.department));
  if (filter.rootCause) where.push(eq(complaints.rootCause, filter.rootCause));
  if (filter.rootCauseGroup) where.push(eq(complaints.rootCauseGroup, filter.rootCauseGroup));
  if (filter.product) where.push(filter.product === 'none' ? sql`${complaints.product} is null` : eq(complaints.product, filter.product));
  if (filter.agent) where.push(eq(complaints.agentId, filter.agent));
  if (filter.team) where.push(sql`${teamSql} = ${filter.team}`);
  if (filter.accountableDepartment) where.push(sql`${accountableDepartmentSql} = ${filter.accountableDepartment}`);
  if (filter.receivedFrom) where.push(gte(complaints.receivedAt, filter.receivedFrom.toISOString()));
  if (filter.receivedTo) where.push(lt(complaints.receivedAt, filter.receivedTo.toISOString()));
  if (cursor?.sort === 'received' && sort === 'received') where.push(sql`(${complaints.receivedAt}, ${complaints.id}) < (${cursor.receivedAt}::timestamptz, ${cursor.id})`);
  if (cursor?.sort === 'urgency' && sort === 'urgency') {
    where.push(sql`(${urgencyRankSql}, ${deadlineKeySql}, ${complaints.id}) > (${cursor.rank}::int, ${cursor.deadline ?? 'infinity'}::timestamptz, ${cursor.id})`);
  }
  const rows = await db
    .select({ view: complaints.view, rank: sql<number>`${urgencyRankSql}`.mapWith(Number), nextDeadline: complaints.nextDeadline })
    .from(complaints)
    .where(where.length ? and(...where) : undefined)
    .orderBy(...(sort === 'urgency' ? [urgencyRankSql, deadlineKeySql, complaints.id] : [desc(complaints.receivedAt), desc(complaints.id)]))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => r.view as ComplaintView);
  const last = rows[limit - 1];
  if (rows.length <= limit || !last) return { items };
  const view = last.view as ComplaintView;
  const next: ComplaintCursor =
    sort === 'urgency'
      ? { sort, rank: last.rank, deadline: last.nextDeadline ? new Date(last.nextDeadline).toISOString() : null, id: view.id }
      : { sort, receivedAt: view.receivedAt, id: view.id };
  return { items, next };
}

/**
 * Marks the complaint whose process ended other than by completing (audit/process-end.ts): the
 * column, and the view the API serves (the process writes it no more).
 */
export async function markComplaintProcessEnded(tx: Transaction, id: string, ended: ProcessEnded): Promise<void> {
  await tx
    .update(complaints)
    .set({ processEnded: ended, view: sql`jsonb_set(${complaints.view}, '{processEnded}', ${JSON.stringify(ended)}::jsonb)` })
    .where(eq(complaints.id, id));
}

/**
 * Open complaints that wait on `who`: owned by them (as first responder, or their department
 * after a transfer when they are a business handler); awaiting approval, in appeal or escalated
 * to levels 1–2 for a supervisor; at the committee level and not signed off for its chair.
 */
export async function openComplaintsFor(db: Database, who: Pick<Actor, 'userId' | 'roles' | 'department'>): Promise<ComplaintRow[]> {
  const mine: SQL[] = [and(eq(complaints.ownerKind, 'user'), eq(complaints.ownerId, who.userId))!];
  if (who.roles.includes('business_handler') && who.department) mine.push(and(eq(complaints.ownerKind, 'department'), eq(complaints.ownerId, who.department))!);
  if (who.roles.includes('supervisor')) {
    mine.push(inArray(complaints.status, ['awaiting_approval', 'in_appeal']));
    mine.push(sql`${complaints.escalationLevel} between 1 and 2`);
  }
  mine.push(and(eq(complaints.chairUserId, who.userId), eq(complaints.escalationLevel, 3), eq(complaints.signedOff, false))!);
  const rows = await db
    .select()
    .from(complaints)
    .where(and(ne(complaints.status, 'closed'), isNull(complaints.processEnded), or(...mine)))
    .limit(500);
  return rows as ComplaintRow[];
}

/** Another complaint of the same customer, as a complaint's related-records panel lists it (no customer details). */
export interface SameCustomerComplaint {
  id: string;
  status: string;
  receivedAt: string;
  category: string;
  severity: string;
  description: string;
  breached: boolean;
  initiativeId: string | null;
  /** This complaint was counted as a repeat of it, or it of this one. */
  repeat: boolean;
}

/**
 * The same customer's other complaints (by the institution's customer reference), the newest
 * first; `department` narrows them to those a business handler may read.
 */
export async function sameCustomerComplaints(db: Database, c: { id: string; customerRef: string; repeatOf: readonly string[] }, department?: string): Promise<SameCustomerComplaint[]> {
  const rows = await db
    .select({ view: complaints.view, breached: complaints.breached, department: complaints.department })
    .from(complaints)
    .where(and(eq(complaints.customerRef, c.customerRef), ne(complaints.id, c.id), ...(department !== undefined ? [eq(complaints.department, department)] : [])))
    .orderBy(desc(complaints.receivedAt), desc(complaints.id))
    .limit(50);
  return rows.map(({ view, breached }) => {
    const v = view as ComplaintView;
    return {
      id: v.id,
      status: v.status,
      receivedAt: v.receivedAt,
      category: v.category,
      severity: v.severity,
      description: v.description,
      breached,
      initiativeId: v.initiativeId ?? null,
      repeat: c.repeatOf.includes(v.id) || v.repeatOf.includes(c.id),
    };
  });
}

export interface RepeatQuery {
  id: string;
  customerRef: string;
  category: string;
  initiativeId?: string;
  receivedAt: string;
  windowDays?: number;
}

const dayMs = 86_400_000;

/**
 * Earlier complaints of the same customer with the same category or product within the window:
 * the candidates domain `repeatOf` decides on (the query only narrows them).
 */
export async function repeatCandidates(db: Database, q: RepeatQuery & { windowDays: number }): Promise<(RepeatCandidate & { id: string })[]> {
  const from = new Date(Date.parse(q.receivedAt) - q.windowDays * dayMs).toISOString();
  const sameThing = q.initiativeId ? or(eq(complaints.category, q.category), eq(complaints.initiativeId, q.initiativeId)) : eq(complaints.category, q.category);
  const rows = await db
    .select({ id: complaints.id, customerRef: complaints.customerRef, category: complaints.category, initiativeId: complaints.initiativeId, receivedAt: complaints.receivedAt })
    .from(complaints)
    .where(and(eq(complaints.customerRef, q.customerRef), ne(complaints.id, q.id), gte(complaints.receivedAt, from), lte(complaints.receivedAt, q.receivedAt), sameThing))
    .orderBy(complaints.receivedAt, complaints.id)
    .limit(100);
  return rows.map((r) => ({ ...r, initiativeId: r.initiativeId ?? undefined }));
}

// ---------------------------------------------------------------------------------------------
// The customer's details (PII), sealed at rest

export const customerFields = ['name', 'phone', 'idNumber', 'email'] as const;
export type CustomerField = (typeof customerFields)[number];
export type CustomerChange = Partial<Record<CustomerField, string>>;

/**
 * The customer's details in clear, as unsealed for the API (which masks them per caller).
 * `unreadable`: no key of the PII keyring opens the row (docs/security.md "Keys"); the fields are
 * then empty, and the complaint is still served.
 */
export interface CustomerDetails {
  name: string;
  phone: string;
  idNumber?: string;
  /** Where the customer's notices (and the survey link) go by email when no SMS gateway is configured. */
  email?: string;
  unreadable?: true;
  /** The customer's personal data was erased (their data key destroyed): the fields are empty for good. */
  erased?: true;
}

/** The sealing context of one field: binds the ciphertext to its row and column (security/pii.ts). */
export const piiContext = (complaintId: string, field: CustomerField) => `${complaintId}:${field}`;

/**
 * Stores the customer of a new complaint, sealed and keyed by the complaint id. A retry with the
 * same id writes nothing new (the first row stays).
 */
export async function saveCustomer(db: Database, cipher: PiiCipher, c: { complaintId: string; customerRef: string; details: CustomerDetails; createdBy: string }): Promise<void> {
  // Sealed under the customer's data key (envelope encryption: docs/security.md "Customer data keys and erasure").
  const dataKey = await dataKeyFor(db, cipher, c.customerRef);
  await db
    .insert(complaintCustomers)
    .values({
      complaintId: c.complaintId,
      customerRef: c.customerRef,
      nameEnc: sealValue(dataKey, c.details.name, piiContext(c.complaintId, 'name')),
      phoneEnc: sealValue(dataKey, c.details.phone, piiContext(c.complaintId, 'phone')),
      idNumberEnc: c.details.idNumber ? sealValue(dataKey, c.details.idNumber, piiContext(c.complaintId, 'idNumber')) : null,
      emailEnc: c.details.email ? sealValue(dataKey, c.details.email, piiContext(c.complaintId, 'email')) : null,
      createdBy: c.createdBy,
    })
    .onConflictDoNothing();
}

type SealedCustomer = Pick<typeof complaintCustomers.$inferSelect, 'complaintId' | 'nameEnc' | 'phoneEnc' | 'idNumberEnc'> & { emailEnc?: string | null };

/**
 * A row no key of the ring opens reads as unreadable, and a row whose data key an erasure
 * destroyed reads as erased, so one bad row never fails a whole list.
 */
function unseal(cipher: PiiCipher, keys: Map<string, KeyState>, row: SealedCustomer): CustomerDetails {
  try {
    return {
      name: openValue(cipher, keys, row.nameEnc, piiContext(row.complaintId, 'name')),
      phone: openValue(cipher, keys, row.phoneEnc, piiContext(row.complaintId, 'phone')),
      ...(row.idNumberEnc ? { idNumber: openValue(cipher, keys, row.idNumberEnc, piiContext(row.complaintId, 'idNumber')) } : {}),
      ...(row.emailEnc ? { email: openValue(cipher, keys, row.emailEnc, piiContext(row.complaintId, 'email')) } : {}),
    };
  } catch (err) {
    if (err instanceof PiiErased) return { name: '', phone: '', erased: true };
    if (err instanceof PiiUnreadable) return { name: '', phone: '', unreadable: true };
    throw err;
  }
}

/** Unseals rows, their data keys loaded and unwrapped once. */
export async function unsealCustomers(db: Database | Transaction, cipher: PiiCipher, rows: SealedCustomer[]): Promise<CustomerDetails[]> {
  const keys = await loadDataKeys(db, cipher, rows.flatMap((r) => [r.nameEnc, r.phoneEnc, r.idNumberEnc, r.emailEnc ?? null]));
  return rows.map((r) => unseal(cipher, keys, r));
}

export async function readCustomer(db: Database, cipher: PiiCipher, complaintId: string): Promise<CustomerDetails | undefined> {
  const [row] = await db.select().from(complaintCustomers).where(eq(complaintCustomers.complaintId, complaintId));
  return row ? (await unsealCustomers(db, cipher, [row]))[0] : undefined;
}

/** The customer reference of a complaint (not PII: what the PII access log names the customer by). */
export async function readCustomerRef(db: Database, complaintId: string): Promise<string | undefined> {
  const [row] = await db.select({ customerRef: complaintCustomers.customerRef }).from(complaintCustomers).where(eq(complaintCustomers.complaintId, complaintId));
  return row?.customerRef;
}

/** The customers of several complaints, by complaint id. */
export async function readCustomers(db: Database, cipher: PiiCipher, complaintIds: string[]): Promise<Map<string, CustomerDetails>> {
  if (complaintIds.length === 0) return new Map();
  const rows = await db.select().from(complaintCustomers).where(inArray(complaintCustomers.complaintId, complaintIds));
  const details = await unsealCustomers(db, cipher, rows);
  return new Map(rows.map((r, i) => [r.complaintId, details[i]!]));
}

/**
 * A correction of a complaint's customer details, product rule: "every change to customer
 * information records person, time and reason".
 *
 * Why a direct database write and not a Workflow Update like every other complaint command: the
 * customer's details are master data, not process state. The complaint workflow never sees them
 * (it carries `customerRef` and `piiRef` only, so no PII ever enters Temporal history), and no
 * rule of the process depends on them. What the process path guarantees is kept here: the
 * re-sealed row and its audit event commit in one transaction, and the event's source key makes
 * a retry (same Idempotency-Key) change nothing.
 *
 * The audit event never holds PII in clear: before/after carry the changed fields masked with the
 * rules of security/pii.ts (the auditor sees that the phone changed and who changed it, why and
 * when — not the number), plus the list of changed fields, since two different values can mask
 * alike.
 */
export interface CustomerUpdate {
  complaintId: string;
  change: CustomerChange;
  reason: string;
  actor: Pick<Actor, 'userId' | 'roles'>;
  /** Idempotency: one event per source key; a second call with the same key is a no-op. */
  sourceKey: string;
  at?: Date;
}

export type CustomerUpdateResult =
  | { kind: 'not_found' }
  /** `changed` empty: the values given are the stored ones; nothing was written. */
  | { kind: 'updated'; changed: CustomerField[] }
  /** The stored row does not decrypt with the configured keys: nothing to correct against. */
  | { kind: 'unreadable' }
  /** The customer's personal data was erased: nothing to correct. */
  | { kind: 'erased' }
  | { kind: 'replayed' };

const maskers: Record<CustomerField, (s: string) => string> = { name: maskName, phone: maskPhone, idNumber: maskIdNumber, email: maskEmail };

export async function updateCustomer(db: Database, cipher: PiiCipher, u: CustomerUpdate): Promise<CustomerUpdateResult> {
  return db.transaction(async (tx) => {
    const [done] = await tx.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.sourceKey, u.sourceKey));
    if (done) return { kind: 'replayed' };

    const [row] = await tx.select().from(complaintCustomers).where(eq(complaintCustomers.complaintId, u.complaintId)).for('update');
    if (!row) return { kind: 'not_found' };
    const { unreadable, erased, ...current }: CustomerDetails = (await unsealCustomers(tx, cipher, [row]))[0]!;
    if (erased) return { kind: 'erased' };
    if (unreadable) return { kind: 'unreadable' };
    const changed = customerFields.filter((f) => u.change[f] !== undefined && u.change[f] !== current[f]);
    if (changed.length === 0) return { kind: 'updated', changed };

    const next = { ...current, ...u.change };
    // Every field is sealed again (fresh IVs) under the customer's data key: the row is rewritten as one value.
    const dataKey = await dataKeyFor(tx, cipher, row.customerRef);
    await tx
      .update(complaintCustomers)
      .set({
        nameEnc: sealValue(dataKey, next.name!, piiContext(u.complaintId, 'name')),
        phoneEnc: sealValue(dataKey, next.phone!, piiContext(u.complaintId, 'phone')),
        idNumberEnc: next.idNumber !== undefined ? sealValue(dataKey, next.idNumber, piiContext(u.complaintId, 'idNumber')) : null,
        emailEnc: next.email !== undefined ? sealValue(dataKey, next.email, piiContext(u.complaintId, 'email')) : null,
      })
      .where(eq(complaintCustomers.complaintId, u.complaintId));

    const masked = (values: CustomerChange) => Object.fromEntries(changed.map((f) => [f, values[f] === undefined ? null : maskers[f](values[f])]));
    await appendAuditEvent(tx, {
      entityType: 'complaint',
      entityId: u.complaintId,
      sourceKey: u.sourceKey,
      actor: u.actor.userId,
      roles: u.actor.roles,
      action: 'complaint.customer_updated',
      at: u.at ?? new Date(),
      before: { customer: masked(current) },
      after: { customer: masked(next), changed },
      reason: u.reason,
    });
    return { kind: 'updated', changed };
  });
}
