import { randomBytes } from 'node:crypto';
import { loadDataKeys, openValue } from '../../db/customer-keys.js';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyStore } from '../../api/idempotency.js';
import { readArchivedHistory } from '../../audit/archive.js';
import { writeCheckpoint } from '../../audit/checkpoint.js';
import { verifyEntity, verifyTrail } from '../../audit/report.js';
import { openDatabase, queryRows, type DatabaseHandle } from '../../db/client.js';
import { backfillComplaintFacts } from '../../db/complaints.js';
import { piiContext, updateCustomer as updateComplaintCustomer } from '../../db/complaints.js';
import { readInitiative } from '../../db/initiatives.js';
import { computeKpis } from '../../db/kpis.js';
import { loadReport } from '../../db/reports.js';
import { complaintCustomers, complaints } from '../../db/schema/index.js';
import { readPolicy, readRoster, writePolicy } from '../../db/settings.js';
import { claimDue, recordSent, routeDue } from '../../db/notifications.js';
import { defaultRetryPolicy } from '../../domain/notifications/retry.js';
import { PiiCipher } from '../../security/pii.js';
import {
  copyChanges,
  describeSchema,
  rowChanges,
  rowDifferences,
  rowKey,
  snapshotRows,
  tableShapes,
  withChanges,
  type RowChange,
  type TableRows,
  type TableShape,
} from '../support/database-state.js';
import { migrateAsRelease, appliedMigrations, journalMigrations, manifestProblems } from '../support/migration-journal.js';
import { contractions, legacyColumns, nothingWritten, rowBuilders, stepInstant, type StepContext } from '../support/migration-rows.js';
import { createDatabase, dropDatabase } from '../support/postgres.js';

/**
 * Every committed migration, applied one at a time — each the newest of its release, by drizzle's
 * own migrator — to a database that holds rows of every table that exists at that point, written
 * by the application's write paths (test/support/migration-rows.ts). After each migration the rows
 * written before it keep every value they had; at the end the database has the schema and the
 * drizzle bookkeeping of one migrated in one go, `migrate()` finds nothing to do, today's read
 * paths serve what every step wrote, and today's write paths continue it.
 *
 * The migrations come from the journal, so a new one is covered without touching this file; a
 * table it creates fails the run until it has a row builder. The committed migrations are frozen
 * by test/support/migration-manifest.json (docs/operations.md, "Changing the database schema").
 */
const journal = journalMigrations();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'cxgov-migrations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the committed migrations', () => {
  it('are those the manifest froze: unchanged, in order, each dated after the one before', () => {
    expect(manifestProblems()).toEqual([]);
  });
});

/** Two empty databases of one engine: one to migrate step by step, one to migrate in one go. */
interface Engine {
  open(): Promise<[stepwise: DatabaseHandle, reference: DatabaseHandle]>;
  drop(): Promise<void>;
}

const pgName = (label: string) => `cxgov_test_migrations_${label}_${process.pid}`;
const engines: [string, Engine][] = [
  [
    'PostgreSQL',
    {
      open: () => Promise.all(['stepwise', 'reference'].map(async (label) => openDatabase({ url: await createDatabase(pgName(label)), dataDir: scratch }))) as Promise<[DatabaseHandle, DatabaseHandle]>,
      drop: async () => void (await Promise.all([dropDatabase(pgName('stepwise')), dropDatabase(pgName('reference'))])),
    },
  ],
  [
    // The embedded mode: PGlite in a data folder, as `npm start` runs it. A new data folder costs
    // an initdb (seconds of WebAssembly); the second database is a copy of the first, closed.
    'PGlite',
    {
      open: async () => {
        const [stepwise, reference] = [path.join(scratch, 'pglite-stepwise'), path.join(scratch, 'pglite-reference')];
        await (await openDatabase({ dataDir: stepwise })).close();
        cpSync(stepwise, reference, { recursive: true });
        return [await openDatabase({ dataDir: stepwise }), await openDatabase({ dataDir: reference })];
      },
      drop: async () => undefined,
    },
  ],
];

describe.each(engines)('migrating %s one migration at a time', (engineName, engine) => {
  /** The database being migrated step by step. */
  let stepwise: DatabaseHandle;
  /** Migrated in one go at the start; the write paths run here, and their rows are copied over. */
  let reference: DatabaseHandle;
  const written = nothingWritten();
  const cipher = new PiiCipher(randomBytes(32));
  /** What the stepwise database should hold: every row copied into it, as it was written. */
  let expected: TableRows = new Map();
  /** Migrations applied with their rows; the checks after the walk need all of them. */
  let walked = 0;
  const walkedAll = () => expect(walked, 'the walk through the migrations stopped early (see its failure)').toBe(journal.length);

  beforeAll(async () => {
    [stepwise, reference] = await engine.open();
    await reference.migrate();
  });
  afterAll(async () => {
    await Promise.all([stepwise?.close(), reference?.close()]);
    await engine.drop();
  });

  it('after each migration, every table gets rows and the rows before it keep their values', async () => {
    const referenceShapes = await tableShapes(reference.db);
    for (const [index, migration] of journal.entries()) {
      const where = `${engineName}, migration ${migration.tag}`;
      const before = await tableShapes(stepwise.db);
      await migrateAsRelease(stepwise, index, scratch);
      expect(await appliedMigrations(stepwise.db), `${where}: drizzle's bookkeeping`).toEqual(
        journal.slice(0, index + 1).map((m) => ({ hash: m.sha256, createdAt: m.when })),
      );

      // What earlier steps wrote: a column or table holding it is removed only by a declared
      // contract step, and every column it had keeps its value.
      const shapes = await tableShapes(stepwise.db);
      expect(undeclaredRemovals(migration.tag, before, shapes, expected)).toEqual([]);
      const kept = (table: string) => before.get(table)?.columns.map((c) => c.name).filter((c) => shapes.get(table)?.columns.some((now) => now.name === c));
      expect(rowDifferences(expected, await snapshotRows(stepwise.db, shapes), kept, false), `${where} changed rows written before it`).toEqual([]);

      // This release's rows, in every table it has, copied in the columns the tables have now.
      const ctx: StepContext = { db: reference.db, step: index, tag: migration.tag, at: (minutes) => stepInstant(index, minutes), cipher, written };
      const changes = await rowsOfRelease(ctx, referenceShapes, shapes);
      expect(coverageProblems(migration.tag, changes, shapes)).toEqual([]);
      await copyChanges(stepwise.db, changes, shapes);
      expected = withChanges(expected, changes, shapes);
      walked += 1;
    }
  });

  it('ends with the schema and the drizzle bookkeeping of a database migrated in one go', async () => {
    walkedAll();
    expect(await describeSchema(stepwise.db)).toEqual(await describeSchema(reference.db));
    const oneGo = await appliedMigrations(reference.db);
    expect(oneGo).toEqual(journal.map((m) => ({ hash: m.sha256, createdAt: m.when })));
    expect(await appliedMigrations(stepwise.db)).toEqual(oneGo);
  });

  it('leaves migrate() nothing to do, and so does every earlier release started again (a rollback)', async () => {
    walkedAll();
    const shapes = await tableShapes(stepwise.db);
    const [schema, applied, rows] = [await describeSchema(stepwise.db), await appliedMigrations(stepwise.db), await snapshotRows(stepwise.db, shapes)];
    await stepwise.migrate();
    for (const index of journal.keys()) await migrateAsRelease(stepwise, index, scratch);
    expect(await appliedMigrations(stepwise.db)).toEqual(applied);
    expect(await describeSchema(stepwise.db)).toEqual(schema);
    expect(rowChanges(rows, await snapshotRows(stepwise.db, shapes))).toEqual([]);
  });

  it('after the backfills, holds exactly the rows today’s code wrote on today’s schema', async () => {
    walkedAll();
    // Complaints recorded before 0007_reports have no KPI facts; the worker derives them at start.
    expect(await backfillComplaintFacts(stepwise.db)).toBeGreaterThan(0);
    const shapes = await tableShapes(reference.db);
    const all = (table: string) => shapes.get(table)?.columns.map((c) => c.name);
    // Less the rows today's write paths put in tables the step's release did not have yet.
    const reference_ = await snapshotRows(reference.db, shapes);
    for (const c of droppedRows.get(reference.db) ?? []) reference_.get(c.table)?.delete(rowKey(c.row, shapes.get(c.table)!.primaryKey));
    expect(rowDifferences(reference_, await snapshotRows(stepwise.db, shapes), all)).toEqual([]);
  });

  it('serves what every step wrote through today’s read paths', async () => {
    walkedAll();
    const db = stepwise.db;
    const [{ events }] = (await queryRows<{ events: number }>(db, sql`select count(*)::int as events from audit_events`)) as [{ events: number }];
    const trail = await verifyTrail(db);
    expect({ ok: trail.ok, checked: trail.checked, checkpoint: trail.checkpoint.ok, reason: trail.reason }).toEqual({ ok: true, checked: events, checkpoint: true, reason: undefined });
    // The chains begun by the first release, one event per step since.
    for (const [type, id] of [['policy', 'review'], ['committee', 'roster']] as const) {
      const chain = await verifyEntity(db, type, id);
      expect({ ok: chain.ok, checked: chain.checked }, `${type}/${id}`).toEqual({ ok: true, checked: journal.length });
    }

    expect((await readPolicy(db, 'review')).value).toEqual(written.policies.review);
    expect((await readPolicy(db, 'sla')).value).toEqual(written.policies.sla);
    const byUser = (members: { userId: string }[]) => [...members].sort((a, b) => (a.userId < b.userId ? -1 : 1));
    expect(byUser(await readRoster(db))).toEqual(byUser(written.roster));
    const [{ sent }] = (await queryRows<{ sent: number }>(db, sql`select count(*)::int as sent from notification_deliveries where channel = 'email' and status = 'sent'`)) as [{ sent: number }];
    expect(sent).toBe(written.delivered);

    const store = new IdempotencyStore(db, 30_000, cipher);
    for (const a of written.answers) expect(await store.claim(a.principal, a.key, a.route, a.body)).toEqual({ kind: 'replay', answer: a.answer });

    expect(written.initiatives.size).toBeGreaterThan(0);
    for (const [id, view] of written.initiatives) expect(await readInitiative(db, id), `initiative ${id}`).toEqual(view);

    expect(written.complaints.size).toBeGreaterThan(0);
    for (const [id, { view, customer }] of written.complaints) {
      const [row] = await db.select({ view: complaints.view }).from(complaints).where(eq(complaints.id, id));
      expect(row?.view, `complaint ${id}`).toEqual(view);
      const [sealed] = await db.select().from(complaintCustomers).where(eq(complaintCustomers.complaintId, id));
      // v2 under PII_KEY (rows of the releases before data keys) or v3 under the customer's data key.
      const keys = await loadDataKeys(db, cipher, [sealed!.nameEnc, sealed!.phoneEnc, sealed!.idNumberEnc]);
      expect({
        name: openValue(cipher, keys, sealed!.nameEnc, piiContext(id, 'name')),
        phone: openValue(cipher, keys, sealed!.phoneEnc, piiContext(id, 'phone')),
        idNumber: openValue(cipher, keys, sealed!.idNumberEnc!, piiContext(id, 'idNumber')),
      }).toEqual(customer);
    }

    expect(written.histories.length).toBeGreaterThan(0);
    for (const h of written.histories) {
      const [run] = await readArchivedHistory(db, h.workflowId, h.runId);
      expect({ verified: run?.verified, events: run?.history?.events.length }).toEqual({ verified: true, events: h.eventCount });
    }

    expect(written.reports.size).toBeGreaterThan(0);
    for (const [period, report] of written.reports) expect(await loadReport(db, 'monthly', period)).toEqual(report);

    // The KPIs of the whole span, from the projections of every step, as the reference computes them.
    const { value: calendar } = await readPolicy(db, 'calendar');
    const span = { from: stepInstant(-60), to: stepInstant(journal.length + 1) };
    const now = stepInstant(journal.length + 1);
    const kpis = await computeKpis(db, span, calendar, now);
    expect(kpis.kpis.complaints.received).toBe(written.complaints.size);
    expect(kpis).toEqual(await computeKpis(reference.db, span, calendar, now));
  });

  it('takes today’s writes on top of what the older releases wrote', async () => {
    walkedAll();
    const db = stepwise.db;
    const admin = { userId: 'ada', roles: ['admin'] };
    // The policy row and chain from the first release, carried on.
    const review = await writePolicy(db, 'review', { ...written.policies.review!, reminderRatio: 0.7 }, admin, 'after the upgrade');
    expect(review.version).toBe(journal.length + 1);
    // The customer of the first complaint, corrected again.
    const [first] = written.complaints.keys();
    const corrected = await updateComplaintCustomer(db, cipher, { complaintId: first!, change: { name: '王先生' }, reason: 'spelling', actor: { userId: 'zhao', roles: ['cs_agent'] }, sourceKey: 'after-upgrade-1' });
    expect(corrected).toEqual({ kind: 'updated', changed: ['name'] });
    // The notices older releases queued are routed, and the mail that failed at every step is sent at last.
    await routeDue(db, { batch: 1000, retry: defaultRetryPolicy });
    const [{ unrouted }] = (await queryRows<{ unrouted: number }>(db, sql`select count(*)::int as unrouted from notifications where routed_at is null`)) as [{ unrouted: number }];
    expect(unrouted).toBe(0);
    const due = await claimDue(db, 'email', 1000, 60_000);
    expect(due.length).toBeGreaterThan(0);
    for (const d of due) expect(await recordSent(db, d, 'accepted')).toBe(true);
    expect(await writeCheckpoint(db)).not.toBeNull();
    const trail = await verifyTrail(db);
    expect({ ok: trail.ok, checkpoint: trail.checkpoint.ok, reason: trail.reason }).toEqual({ ok: true, checkpoint: true, reason: undefined });
  });
});

/** Rows today's write paths wrote into tables a step did not have yet (laterTables), per reference database: not copied. */
const droppedRows = new Map<unknown, RowChange[]>();

/**
 * The builders of every table that exists after this migration, run on the reference database
 * (at the head): the rows they inserted, updated or deleted there, with the values of dropped
 * columns added for the tables that still have them.
 */
async function rowsOfRelease(ctx: StepContext, referenceShapes: Map<string, TableShape>, shapes: Map<string, TableShape>): Promise<RowChange[]> {
  const unchanged = await snapshotRows(ctx.db, referenceShapes);
  for (const builder of rowBuilders) if (builder.tables.every((t) => shapes.has(t))) await builder.write(ctx);
  const later = new Set(rowBuilders.filter((b) => b.tables.every((t) => shapes.has(t))).flatMap((b) => b.laterTables ?? []));
  const all = rowChanges(unchanged, await snapshotRows(ctx.db, referenceShapes));
  const dropped = droppedRows.get(ctx.db) ?? [];
  droppedRows.set(ctx.db, dropped);
  for (const c of all) if (!shapes.has(c.table) && later.has(c.table)) dropped.push(c);
  const changes = all.filter((c) => shapes.has(c.table) || !later.has(c.table));
  return changes.map((c) => (legacyColumns[c.table] ? { ...c, row: { ...legacyColumns[c.table]!(c.row), ...c.row } } : c));
}

/** Tables of this step without a row, and rows for tables the step does not have yet. */
function coverageProblems(tag: string, changes: RowChange[], shapes: Map<string, TableShape>): string[] {
  const written = new Set(changes.map((c) => c.table));
  return [
    ...[...shapes.keys()]
      .filter((t) => !written.has(t))
      .map((t) => `table ${t} exists after ${tag} but no row builder wrote to it: add a row builder for ${t} in test/support/migration-rows.ts`),
    ...[...written].filter((t) => !shapes.has(t)).map((t) => `a row builder wrote to ${t}, which does not exist yet after ${tag}: list ${t} among its tables`),
  ];
}

/** Columns (`table.column`) and tables holding earlier rows that the migration removed without listing them in `contractions`. */
function undeclaredRemovals(tag: string, before: Map<string, TableShape>, after: Map<string, TableShape>, expected: TableRows): string[] {
  const removed = [...before].flatMap(([table, shape]) => {
    const now = after.get(table);
    if (!now) return [table];
    return shape.columns.filter((c) => !now.columns.some((n) => n.name === c.name)).map((c) => `${table}.${c.name}`);
  });
  return removed
    .filter((r) => (expected.get(r.split('.')[0]!)?.size ?? 0) > 0 && !(contractions[tag] ?? []).includes(r))
    .map((r) => `${tag} removes ${r}, which holds rows written before it: list it in contractions (test/support/migration-rows.ts) once no running version reads it`);
}
