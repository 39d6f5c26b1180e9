import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/*
 * The voice of the customer (docs/surveys.md). Written only by db/surveys.ts.
 *
 * An invitation is what a customer's one-time link points at; the link itself is never stored
 * (it is signed at send time from the invitation's id and expiry). A response is one answer, by
 * the link or recorded by an agent on a callback; it names the customer only through the record
 * it is about (`contactType`/`contactId`), never by name or number. The reporting dimensions are
 * snapshotted when the invitation is issued (or the callback recorded), so a later transfer or
 * reassignment does not move an answer between departments or agents.
 */

export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    /** `SV-…`, derived from `sourceKey`, so the transition that issues it can be retried. */
    id: text('id').primaryKey(),
    /** complaint | appeal | product_nps */
    kind: text('kind').notNull(),
    /** What caused it (the audit event's source key, the campaign's run): one invitation each. */
    sourceKey: text('source_key').notNull().unique(),
    /** The record whose sealed customer details hold the address: `complaint` (or `feedback`). */
    contactType: text('contact_type').notNull(),
    contactId: text('contact_id').notNull(),
    /** The product NPS campaign that sampled it, if any. */
    campaignId: text('campaign_id'),
    /** Reporting dimensions, snapshotted: linked initiative (or `none`), intake channel, department, agent. */
    product: text('product').notNull(),
    channel: text('channel').notNull(),
    department: text('department').notNull(),
    agentId: text('agent_id'),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'string' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** Set once, by the answer: a second use of the link is refused. */
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('survey_invitations_contact').on(t.contactType, t.contactId), index('survey_invitations_campaign').on(t.campaignId)],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: text('id').primaryKey(),
    /** The invitation answered (a link answer), or null (a callback). One answer per invitation. */
    invitationId: text('invitation_id').unique(),
    /** complaint | appeal | product_nps */
    kind: text('kind').notNull(),
    /** link | callback */
    source: text('source').notNull(),
    contactType: text('contact_type').notNull(),
    contactId: text('contact_id').notNull(),
    product: text('product').notNull(),
    channel: text('channel').notNull(),
    department: text('department').notNull(),
    agentId: text('agent_id'),
    /** A callback that reached nobody: false, with its attempts; no scores. */
    reached: boolean('reached').notNull(),
    attempts: integer('attempts').notNull().default(1),
    csat: integer('csat'),
    nps: integer('nps'),
    /** "What could be better", with personal numbers masked before it is stored. */
    verbatim: text('verbatim'),
    /** NPS 0–6 or CSAT ≤ 2 (domain/surveys/scores.ts). */
    detractor: boolean('detractor').notNull(),
    /** The agent who recorded a callback; null for the customer's own answer. */
    recordedBy: text('recorded_by'),
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** The detractor follow-up opened for it, once opened. */
    followUpId: text('follow_up_id'),
  },
  (t) => [
    index('survey_responses_month').on(t.respondedAt),
    index('survey_responses_contact').on(t.contactType, t.contactId),
    index('survey_responses_follow_up').on(t.detractor, t.followUpId),
  ],
);
