import type { SurveyKind } from './types.js';

/**
 * Which recorded events invite the customer to the satisfaction survey, and until when the link
 * works (docs/surveys.md "Invitations"). The invitation is written with the transition that
 * caused it, keyed to that event's source key, so a retried transition issues nothing twice.
 *
 * Pure: no I/O.
 */

/** The part of an audit event the decision reads (domain/notifications/derive.ts RecordedEvent). */
export interface InvitingEvent {
  entityType: string;
  entityId: string;
  sourceKey: string;
  action: string;
  at: string | Date;
  after?: unknown;
}

/** What the transition issues: the invitation's identity and validity; the dimensions come from the complaint row. */
export interface InvitationDecision {
  id: string;
  kind: SurveyKind;
  sourceKey: string;
  contactType: 'complaint';
  contactId: string;
  issuedAt: string;
  expiresAt: string;
  /** A product NPS campaign's invitation: the campaign, and the product it asks about. */
  campaign?: { id: string; product: string };
}

/** SURVEY_LINK_VALID_DAYS by default: two weeks to answer. */
export const defaultSurveyLinkValidDays = 14;

const statusOf = (after: unknown): unknown => (after !== null && typeof after === 'object' ? (after as Record<string, unknown>).status : undefined);

/**
 * The kind of survey an event invites to, if any: a complaint that closed (the customer confirmed,
 * or the chair's sign-off closed it) asks about the complaint; an appeal's decision asks about the
 * appeal, whatever the decision.
 */
export function invitingKind(e: Pick<InvitingEvent, 'entityType' | 'action' | 'after'>): SurveyKind | undefined {
  if (e.entityType !== 'complaint') return undefined;
  switch (e.action) {
    case 'complaint.closed':
      return 'complaint';
    case 'complaint.signed_off':
      return statusOf(e.after) === 'closed' ? 'complaint' : undefined;
    case 'complaint.appeal_decided':
      return 'appeal';
    default:
      return undefined;
  }
}


/** The link's end: `validDays` whole days after the event. */
export function surveyExpiry(at: string | Date, validDays: number): string {
  if (!Number.isFinite(validDays) || validDays <= 0) throw new RangeError(`validDays must be positive, got ${validDays}`);
  return new Date(new Date(at).getTime() + validDays * 86_400_000).toISOString();
}

/**
 * The invitation an event issues, or undefined. `idFor` derives the invitation's id from the
 * causing event's source key (db/surveys.ts `invitationIdFor`, a digest: stable, so a retried
 * transition finds its invitation; kept out of this pure module).
 */
export function invitationFor(e: InvitingEvent, idFor: (causeKey: string) => string, validDays: number = defaultSurveyLinkValidDays): InvitationDecision | undefined {
  const kind = invitingKind(e);
  if (!kind) return undefined;
  const issuedAt = new Date(e.at).toISOString();
  return { id: idFor(e.sourceKey), kind, sourceKey: `${e.sourceKey}:survey`, contactType: 'complaint', contactId: e.entityId, issuedAt, expiresAt: surveyExpiry(issuedAt, validDays) };
}

/** Where a link stands when it is opened or answered. */
export type LinkState = 'open' | 'expired' | 'used';

export function linkState(inv: { expiresAt: string | Date; respondedAt: string | Date | null }, now: Date): LinkState {
  if (inv.respondedAt !== null) return 'used';
  if (new Date(inv.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'open';
}
