import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client.js';

/**
 * The domain gauges of /metrics, read from the projections at scrape time. Computed from the
 * database, they are the same whichever API or worker process is scraped and however many there
 * are (a counter kept in each worker would only know what that worker did).
 */
export interface DomainSnapshot {
  /** Processes ever started and how many have closed, by type (complaint, initiative). */
  processes: { type: string; started: number; closed: number }[];
  /** Complaint clocks still running against the bank, by clock and state. */
  openClocks: { clock: string; state: string; n: number }[];
  /** Breach events recorded, by the escalation level they reached. */
  breaches: { level: number; n: number }[];
  /** Gate reviews waiting for a decision, by status, and those past their deadline. */
  reviews: { status: string; n: number; overdue: number }[];
  /** Stored reports by kind. */
  reports: { kind: string; n: number }[];
}

export async function domainSnapshot(db: Database): Promise<DomainSnapshot> {
  const [processes, openClocks, breaches, reviews, reports] = await Promise.all([
    queryRows<{ type: string; started: number; closed: number }>(
      db,
      sql`select 'complaint' as type, count(*)::int as started, count(*) filter (where status = 'closed')::int as closed from complaints
          union all
          select 'initiative', count(*)::int,
                 count(*) filter (where status in ('rejected', 'withdrawn') or (status = 'launched' and post_launch->>'status' = 'ended'))::int
          from initiatives`,
    ),
    queryRows<{ clock: string; state: string; n: number }>(
      db,
      sql`select c.key as clock, c.value as state, count(*)::int as n
          from complaints, jsonb_each_text(open_clocks) c where status <> 'closed' group by 1, 2`,
    ),
    queryRows<{ level: number; n: number }>(db, sql`select level, count(*)::int as n from complaints, unnest(breach_levels) level where breached group by level`),
    queryRows<{ status: string; n: number; overdue: number }>(
      db,
      sql`select status, count(*)::int as n, count(*) filter (where deadline < now() or status = 'escalated')::int as overdue
          from gate_reviews where status in ('open', 'escalated') group by status`,
    ),
    queryRows<{ kind: string; n: number }>(db, sql`select kind, count(*)::int as n from reports group by kind`),
  ]);
  return { processes, openClocks, breaches, reviews, reports };
}
