import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Kpis } from '../domain/reports/kpis.js';
import type { ReportKind, ReportPeriod } from '../domain/reports/periods.js';
import { writeTransition } from './transition.js';
import type { Database } from './client.js';
import { reports } from './schema/index.js';

/** A stored report as served (GET /reports/{kind}/{period}) and written to CSV. */
export interface StoredReport {
  kind: ReportKind;
  period: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: string;
  generatedBy: string;
  kpis: Kpis;
}

export interface ReportWrite {
  period: ReportPeriod;
  timeZone: string;
  generatedAt: Date;
  generatedBy: string;
  roles: string[];
  workflowId: string;
  /** Idempotency of the audit event (one per workflow run). */
  sourceKey: string;
  kpis: Kpis;
}

const iso = (v: string | Date) => new Date(v).toISOString();
type Row = typeof reports.$inferSelect;

function present(row: Row): StoredReport {
  return {
    kind: row.kind as ReportKind,
    period: row.period,
    from: iso(row.periodStart),
    to: iso(row.periodEnd),
    timeZone: row.timeZone,
    generatedAt: iso(row.generatedAt),
    generatedBy: row.generatedBy,
    kpis: row.content as Kpis,
  };
}

/**
 * Stores (or replaces) the report of one period with its audit event, in one transaction:
 * `report.generated` the first time, `report.regenerated` (before = the replaced report's
 * summary) afterwards. Idempotent per `sourceKey`: a retried activity writes no second event.
 */
export async function storeReport(db: Database, w: ReportWrite): Promise<{ report: StoredReport; regenerated: boolean }> {
  const id = `${w.period.kind}-${w.period.key}`;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(reports).where(eq(reports.id, id)).for('update');
    const values = {
      kind: w.period.kind,
      period: w.period.key,
      periodStart: w.period.from.toISOString(),
      periodEnd: w.period.to.toISOString(),
      timeZone: w.timeZone,
      generatedAt: w.generatedAt.toISOString(),
      generatedBy: w.generatedBy,
      workflowId: w.workflowId,
      content: w.kpis,
    };
    const [row] = await tx.insert(reports).values({ id, ...values }).onConflictDoUpdate({ target: reports.id, set: values }).returning();
    const summary = (r: { generatedAt: string; generatedBy: string; workflowId: string; content: unknown }) => ({
      generatedAt: iso(r.generatedAt),
      generatedBy: r.generatedBy,
      workflowId: r.workflowId,
      complaintsReceived: (r.content as Kpis).complaints?.received ?? null,
      reviewsDecided: (r.content as Kpis).gates?.decisions?.decided ?? null,
    });
    const regenerated = before !== undefined && before.workflowId !== w.workflowId;
    // Through writeTransition so the notices the event implies ("report ready") are queued with it.
    await writeTransition(tx, {
      audit: [
        {
          entityType: 'report',
          entityId: `${w.period.kind}:${w.period.key}`,
          sourceKey: w.sourceKey,
          actor: w.generatedBy,
          roles: w.roles,
          action: before ? 'report.regenerated' : 'report.generated',
          at: w.generatedAt,
          before: before ? summary(before) : null,
          after: { kind: w.period.kind, period: w.period.key, from: values.periodStart, to: values.periodEnd, timeZone: w.timeZone, ...summary(values) },
        },
      ],
    });
    return { report: present(row!), regenerated };
  });
}

export async function loadReport(db: Database, kind: ReportKind, period: string): Promise<StoredReport | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.kind, kind), eq(reports.period, period)));
  return row ? present(row) : undefined;
}

/** Keyset cursor over (periodStart desc, period desc): newest period first. */
export interface ReportCursor {
  periodStart: string;
  period: string;
}

/** Stored reports of one kind, newest period first, without their figures. */
export async function listReports(db: Database, kind: ReportKind, limit: number, after?: ReportCursor) {
  const where: SQL[] = [eq(reports.kind, kind)];
  if (after) where.push(or(lt(reports.periodStart, after.periodStart), and(eq(reports.periodStart, after.periodStart), lt(reports.period, after.period)))!);
  const rows = await db
    .select({ kind: reports.kind, period: reports.period, periodStart: reports.periodStart, periodEnd: reports.periodEnd, timeZone: reports.timeZone, generatedAt: reports.generatedAt, generatedBy: reports.generatedBy })
    .from(reports)
    .where(and(...where))
    .orderBy(desc(reports.periodStart), desc(reports.period))
    .limit(limit + 1);
  const items = rows
    .slice(0, limit)
    .map((r) => ({ kind: r.kind as ReportKind, period: r.period, from: iso(r.periodStart), to: iso(r.periodEnd), timeZone: r.timeZone, generatedAt: iso(r.generatedAt), generatedBy: r.generatedBy }));
  const last = items.at(-1);
  const next: ReportCursor | undefined = rows.length > limit && last ? { periodStart: last.from, period: last.period } : undefined;
  return { items, ...(next ? { next } : {}) };
}
