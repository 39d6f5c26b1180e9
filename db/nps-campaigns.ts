import { sql } from 'drizzle-orm';
import { systemActor } from '../domain/actor.js';
import { npsFigures, type NpsFigures } from '../domain/reports/voice.js';
import { surveyExpiry } from '../domain/surveys/invitations.js';
import { appendAuditEvent } from './audit.js';
import { queryRows, type Database } from './client.js';
import { queueCustomerNotice } from './derived-notices.js';
import { surveyNoticeFor } from '../domain/notifications/derive.js';
import { invitationIdFor, issueSurveyInvitation, readSurveyInvitation } from './surveys.js';

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
 * fact) received or closed in the period; without the customers invited to any survey since
 * `quietSince` — except by this campaign, so that a retried run finds the same candidates.
 */
export async function campaignCandidates(db: Database, c: { initiativeId: string; campaignId: string; from: string; to: string; quietSince: string }): Promise<CampaignCandidate[]> {
  return queryRows<CampaignCandidate>(
    db,
    sql`select c.customer_ref as "customerRef", c.id as "contactId", greatest(c.received_at, coalesce(c.closed_at, c.received_at))::text as at
        from complaints c
        where c.product = ${c.initiativeId}
          and ((c.received_at >= ${c.from}::timestamptz and c.received_at < ${c.to}::timestamptz)
               or (c.closed_at >= ${c.from}::timestamptz and c.closed_at < ${c.to}::timestamptz))
          and not exists (
            select 1 from survey_invitations i join complaints other on other.id = i.contact_id and i.contact_type = 'complaint'
            where other.customer_ref = c.customer_ref and i.issued_at >= ${c.quietSince}::timestamptz
              and i.campaign_id is distinct from ${c.campaignId})`,
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
  const scores = new Map<string, number[]>();
  for (const a of answers) {
    const month = scores.get(a.month);
    if (month) month.push(a.nps);
    else scores.set(a.month, [a.nps]);
  }
  const counts = new Map(complaints.map((r) => [r.month, r.n]));
  const months = [...new Set([...scores.keys(), ...counts.keys()])].sort();
  return months.map((month) => ({ month, nps: npsFigures(scores.get(month) ?? []), complaints: counts.get(month) ?? 0 }));
}

export interface CampaignRun {
  campaignId: string;
  initiativeId: string;
  asOf: string;
  /** The sampled contacts (complaint ids), one per customer. */
  contacts: readonly string[];
  validDays: number;
  /** What the run found, for its audit event. */
  summary: { candidates: number; previousNps: number | null; currentNps: number | null; drop: number | null };
}

/**
 * Invites the sampled customers: per contact, in one transaction, the invitation (kind
 * `product_nps`, the campaign and its product; source key `nps:<campaign>:<complaint>`) and its
 * `survey` notice on the customer channel, the same as a closing complaint's. Then the campaign's
 * audit event (chain `nps_campaign/<initiative>`). Idempotent: a retried run issues nothing twice.
 */
export async function issueCampaignInvitations(db: Database, run: CampaignRun): Promise<number> {
  let invited = 0;
  const cause = { at: run.asOf, action: 'nps_campaign.sampled' };
  for (const contactId of run.contacts) {
    const sourceKey = `nps:${run.campaignId}:${contactId}`;
    const id = invitationIdFor(sourceKey);
    const issued = await db.transaction(async (tx) => {
      // Issued by an earlier attempt of this run: nothing to do (its notice was queued with it).
      if (await readSurveyInvitation(tx, id)) return false;
      const invitation = await issueSurveyInvitation(tx, {
        id,
        kind: 'product_nps',
        sourceKey,
        contactType: 'complaint',
        contactId,
        issuedAt: run.asOf,
        expiresAt: surveyExpiry(run.asOf, run.validDays),
        campaign: { id: run.campaignId, product: run.initiativeId },
      });
      if (!invitation) return false;
      // The same notice a closing complaint's invitation queues, keyed to this campaign's contact.
      await queueCustomerNotice(tx, surveyNoticeFor({ entityType: 'complaint', entityId: contactId, sourceKey, ...cause }, invitation), cause);
      return true;
    });
    if (issued) invited += 1;
  }
  await db.transaction((tx) =>
    appendAuditEvent(tx, {
      entityType: 'nps_campaign',
      entityId: run.initiativeId,
      sourceKey: `nps:${run.campaignId}:run`,
      actor: systemActor.userId,
      roles: [...systemActor.roles],
      action: 'nps_campaign.run',
      at: run.asOf,
      before: null,
      after: { campaignId: run.campaignId, invited, ...run.summary },
    }),
  );
  return invited;
}
