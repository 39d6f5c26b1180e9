import { sql } from 'drizzle-orm';
import type { NpsFigures } from '../domain/reports/voice.js';
import { npsFigures } from '../domain/reports/voice.js';
import { queryRows, type Database } from './client.js';

/*
 * What a product NPS campaign reads (docs/surveys.md "Product NPS"): the products being watched
 * after launch, the customers of a product who had contact in a period, the product's NPS answers
 * in a period, and the product's NPS and complaints month by month for its page. The invitations
 * themselves are issued through db/surveys.ts, like every survey link.
 */

/** Launched initiatives whose post-launch watch is running: the ones with an NPS schedule. */
export async function monitoredProducts(db: Database): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from initiatives where status = 'launched' and post_launch->>'status' = 'monitoring' and process_ended is null order by id`,
  );
  return rows.map((r) => r.id);
}

export interface CampaignCandidate {
  customerRef: string;
  /** The complaint whose sealed details hold the customer's address. */
  contactId: string;
  at: string;
}

/**
 * The product's customers who had contact in [from, to): complaints about it (the `product`
 * fact) received or closed in the period, not erased; without the customers invited to any
 * survey since `quietSince`.
 */
export async function campaignCandidates(db: Database, c: { initiativeId: string; from: string; to: string; quietSince: string }): Promise<CampaignCandidate[]> {
  return queryRows<CampaignCandidate>(
    db,
    sql`select c.customer_ref as "customerRef", c.id as "contactId", greatest(c.received_at, coalesce(c.closed_at, c.received_at))::text as at
        from complaints c
        where c.product = ${c.initiativeId}
          and ((c.received_at >= ${c.from}::timestamptz and c.received_at < ${c.to}::timestamptz)
               or (c.closed_at >= ${c.from}::timestamptz and c.closed_at < ${c.to}::timestamptz))
          and not exists (
            select 1 from survey_invitations i join complaints other on other.id = i.contact_id and i.contact_type = 'complaint'
            where other.customer_ref = c.customer_ref and i.issued_at >= ${c.quietSince}::timestamptz)`,
  );
}

/** The NPS scores the product's customers gave in [from, to) (links and reached callbacks). */
export async function productNpsScores(db: Database, c: { initiativeId: string; from: string; to: string }): Promise<number[]> {
  const rows = await queryRows<{ nps: number }>(
    db,
    sql`select nps from survey_responses
        where product = ${c.initiativeId} and reached and nps is not null
          and responded_at >= ${c.from}::timestamptz and responded_at < ${c.to}::timestamptz`,
  );
  return rows.map((r) => r.nps);
}

export interface ProductVoiceMonth {
  /** YYYY-MM in the institution's time zone. */
  month: string;
  nps: NpsFigures;
  /** Complaints about the product received in the month. */
  complaints: number;
}

/** The product's NPS and complaint count per month since `since`, months in `timeZone`, oldest first. */
export async function productVoiceByMonth(db: Database, c: { initiativeId: string; since: string; timeZone: string }): Promise<ProductVoiceMonth[]> {
  const [answers, complaints] = await Promise.all([
    queryRows<{ month: string; nps: number }>(
      db,
      sql`select to_char(responded_at at time zone ${c.timeZone}, 'YYYY-MM') as month, nps from survey_responses
          where product = ${c.initiativeId} and reached and nps is not null and responded_at >= ${c.since}::timestamptz`,
    ),
    queryRows<{ month: string; n: number }>(
      db,
      sql`select to_char(received_at at time zone ${c.timeZone}, 'YYYY-MM') as month, count(*)::int as n from complaints
          where product = ${c.initiativeId} and received_at >= ${c.since}::timestamptz group by 1`,
    ),
  ]);
  const months = [...new Set([...answers.map((a) => a.month), ...complaints.map((r) => r.month)])].sort();
  return months.map((month) => ({
    month,
    nps: npsFigures(answers.filter((a) => a.month === month).map((a) => a.nps)),
    complaints: complaints.find((r) => r.month === month)?.n ?? 0,
  }));
}
