import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Stored reports (docs/business-rules.md §4): the monthly service-quality report and the weekly complaint
 * summary, one row per (kind, period). Regenerating a period replaces its row; every generation
 * is recorded in the audit trail (entity `report`, id `<kind>:<period>`).
 */
export const reports = pgTable(
  'reports',
  {
    id: text('id').primaryKey(),
    /** 'monthly' | 'weekly' */
    kind: text('kind').notNull(),
    /** 'yyyy-mm' or 'yyyy-Www' (ISO week). */
    period: text('period').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true, mode: 'string' }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true, mode: 'string' }).notNull(),
    timeZone: text('time_zone').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** 'schedule' or the user id that asked for it. */
    generatedBy: text('generated_by').notNull(),
    /** The workflow run that produced it. */
    workflowId: text('workflow_id').notNull(),
    /** The KPIs (domain/reports/kpis.ts `Kpis`). */
    content: jsonb('content').notNull(),
  },
  (t) => [uniqueIndex('reports_kind_period').on(t.kind, t.period), index('reports_kind_start').on(t.kind, t.periodStart)],
);
