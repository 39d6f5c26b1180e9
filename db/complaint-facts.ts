import { and, eq, lt } from 'drizzle-orm';
import type { BusinessCalendar } from '../domain/calendar.js';
import { complaintFacts, complaintFactsVersion, type ComplaintFacts, type FactsSource } from '../domain/reports/facts.js';
import type { Database } from './client.js';
import { complaints } from './schema/index.js';
import { readBusinessCalendar } from './calendar.js';

/**
 * The KPI fact columns of one complaint row (domain/reports/facts.ts), derived from the view the
 * workflow recorded. The calendar is read only for a closed complaint (working handling time).
 */
export async function deriveComplaintFacts(db: Database, view: FactsSource): Promise<FactColumns> {
  let calendar: BusinessCalendar | undefined;
  if (view.closedAt !== null) calendar = (await readBusinessCalendar(db)).calendar;
  return factColumns(complaintFacts(view, (from, to) => calendar!.workingMsBetween(from, to)));
}

export type FactColumns = Pick<
  typeof complaints.$inferInsert,
  'firstResponseState' | 'firstResponseAt' | 'resolvedAt' | 'resolutionBreached' | 'feedbackCount' | 'satisfiedCount' | 'isRepeat' | 'breachLevels' | 'openClocks' | 'handlingWorkingMs' | 'factsVersion'
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
