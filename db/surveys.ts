import { createHash } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { InvitationDecision } from '../domain/surveys/invitations.js';
import { isDetractorAnswer } from '../domain/surveys/scores.js';
import type { SurveyKind } from '../domain/surveys/types.js';
import { maskPiiText } from '../domain/pii-text.js';
import { appendAuditEvent } from './audit.js';
import type { Database, Transaction } from './client.js';
import { complaints, surveyInvitations, surveyResponses } from './schema/index.js';

/*
 * The voice of the customer's tables (docs/surveys.md): survey invitations and the answers given
 * through the customer's link. Every query of survey_invitations and survey_responses lives here.
 */

export type SurveyInvitation = typeof surveyInvitations.$inferSelect;

/** `SV-` and 20 hex digits of the causing event's source key's digest: stable, so a retried transition finds its invitation. */
export function invitationIdFor(sourceKey: string): string {
  return `SV-${createHash('sha256').update(`survey:${sourceKey}`).digest('hex').slice(0, 20)}`;
}

/** The dimension a complaint without a linked initiative reports under. */
export const noProduct = 'none';
/** …and one not (yet) owned by a department. */
export const noDepartment = 'none';

/**
 * Issues the invitation a transition decided on (domain/surveys/invitations.ts), inside that
 * transition's transaction, after its projection row was written: the reporting dimensions are
 * snapshotted from the complaint row as it stands now (linked initiative or `none`, intake
 * channel, accountable department, handling agent). Idempotent on the causing event's source key:
 * a retried transition finds the invitation it issued. Answers the stored invitation, or nothing
 * when the complaint has no projection row.
 */
export async function issueSurveyInvitation(tx: Transaction, d: InvitationDecision): Promise<SurveyInvitation | undefined> {
  const [complaint] = await tx
    .select({ product: complaints.product, initiativeId: complaints.initiativeId, channel: complaints.channel, department: complaints.department, agentId: complaints.agentId })
    .from(complaints)
    .where(eq(complaints.id, d.contactId));
  if (!complaint) return undefined;
  await tx
    .insert(surveyInvitations)
    .values({
      id: d.id,
      kind: d.kind,
      sourceKey: d.sourceKey,
      contactType: d.contactType,
      contactId: d.contactId,
      // The product the KPIs count the complaint against (the root cause's, else the one linked at
      // intake), or the campaign's product.
      product: d.campaign?.product ?? complaint.product ?? complaint.initiativeId ?? noProduct,
      campaignId: d.campaign?.id ?? null,
      channel: complaint.channel,
      department: complaint.department ?? noDepartment,
      agentId: complaint.agentId,
      issuedAt: d.issuedAt,
      expiresAt: d.expiresAt,
    })
    .onConflictDoNothing({ target: surveyInvitations.sourceKey });
  const [stored] = await tx.select().from(surveyInvitations).where(eq(surveyInvitations.sourceKey, d.sourceKey));
  return stored;
}

export async function readSurveyInvitation(db: Database | Transaction, id: string): Promise<SurveyInvitation | undefined> {
  const [row] = await db.select().from(surveyInvitations).where(eq(surveyInvitations.id, id));
  return row;
}

/** The invitations issued for one record (a complaint), oldest first. */
export async function surveyInvitationsOf(db: Database, contactType: string, contactId: string): Promise<SurveyInvitation[]> {
  return db
    .select()
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.contactType, contactType), eq(surveyInvitations.contactId, contactId)))
    .orderBy(asc(surveyInvitations.issuedAt), asc(surveyInvitations.id));
}

/** The answer given through an invitation's link, if any. */
export async function linkResponseOf(db: Database, invitationId: string): Promise<typeof surveyResponses.$inferSelect | undefined> {
  const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.invitationId, invitationId));
  return row;
}

/**
 * Moves an invitation's end (operations, and the tests of an expired link): a link already
 * signed keeps its own `exp`, so only an earlier end has an effect on it.
 */
export async function setSurveyInvitationExpiry(db: Database, id: string, expiresAt: Date): Promise<boolean> {
  const rows = await db.update(surveyInvitations).set({ expiresAt: expiresAt.toISOString() }).where(eq(surveyInvitations.id, id)).returning({ id: surveyInvitations.id });
  return rows.length > 0;
}

export interface LinkAnswer {
  invitationId: string;
  csat: number;
  nps: number;
  verbatim?: string | undefined;
  at: Date;
}

export type LinkAnswerResult =
  | { kind: 'answered'; responseId: string; detractor: boolean }
  | { kind: 'not_found' }
  | { kind: 'expired' }
  | { kind: 'used' };

/**
 * The customer's answer through the link, once: the invitation is marked answered by a
 * conditional update (only while unanswered and unexpired) in the same transaction as the
 * response and its audit event, so two submissions of one link racing each other store one
 * answer; the other is told the link was used. The verbatim is stored with personal numbers
 * masked; the response names the customer only through the complaint it is about.
 */
export async function answerSurveyLink(db: Database, a: LinkAnswer): Promise<LinkAnswerResult> {
  return db.transaction(async (tx) => {
    const at = a.at.toISOString();
    const [inv] = await tx
      .update(surveyInvitations)
      .set({ respondedAt: at })
      .where(and(eq(surveyInvitations.id, a.invitationId), isNull(surveyInvitations.respondedAt), gt(surveyInvitations.expiresAt, at)))
      .returning();
    if (!inv) {
      const current = await readSurveyInvitation(tx, a.invitationId);
      if (!current) return { kind: 'not_found' };
      return current.respondedAt !== null ? { kind: 'used' } : { kind: 'expired' };
    }
    const verbatim = a.verbatim?.trim() ? maskPiiText(a.verbatim.trim()) : null;
    const detractor = isDetractorAnswer({ csat: a.csat, nps: a.nps });
    const responseId = `SR-${inv.id.replace(/^SV-/, '')}`;
    await tx.insert(surveyResponses).values({
      id: responseId,
      invitationId: inv.id,
      kind: inv.kind,
      source: 'link',
      contactType: inv.contactType,
      contactId: inv.contactId,
      product: inv.product,
      channel: inv.channel,
      department: inv.department,
      agentId: inv.agentId,
      reached: true,
      attempts: 1,
      csat: a.csat,
      nps: a.nps,
      verbatim,
      detractor,
      recordedBy: null,
      respondedAt: at,
    });
    await appendAuditEvent(tx, {
      entityType: 'survey',
      entityId: inv.id,
      sourceKey: `${inv.id}:answered`,
      actor: 'customer',
      roles: [],
      action: 'survey.answered',
      at,
      before: { respondedAt: null },
      after: { responseId, kind: inv.kind as SurveyKind, source: 'link', [inv.contactType === 'complaint' ? 'complaintId' : 'contactId']: inv.contactId, csat: a.csat, nps: a.nps, detractor, verbatim: verbatim !== null },
    });
    return { kind: 'answered', responseId, detractor };
  });
}
