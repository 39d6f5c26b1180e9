import { createHash } from 'node:crypto';
import { customerNoticeFor, derivedNoticesFor, surveyNoticeFor, type CustomerNotice } from '../domain/notifications/derive.js';
import { defaultSurveyLinkValidDays, invitationFor } from '../domain/surveys/invitations.js';
import { systemActor } from '../domain/actor.js';
import type { AuditEventInput } from '../domain/trail.js';
import { appendAuditEvent } from './audit.js';
import type { Transaction } from './client.js';
import { invitationIdFor, issueSurveyInvitation } from './surveys.js';
import { notificationDeliveries, notifications } from './schema/index.js';

/*
 * The part of the notification outbox a process step writes (db/transition.ts), apart from the
 * routing and delivery in db/notifications.ts, which reads the complaint and initiative it routes
 * for and so must not be imported by what those modules import.
 */

/** A stable message id (the mail's Message-ID local part, the IM and SMS idempotency key). */
export function messageIdFor(key: string): string {
  return `cxgov.${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** Settings of what a transition derives (the worker's configuration). */
export interface DerivedNoticeOptions {
  /** SURVEY_LINK_VALID_DAYS: how long a survey invitation issued now stays open. */
  surveyLinkValidDays?: number;
}

/**
 * What the transition's audit events imply besides the notices the process drafted: the staff
 * notices no process drafts (a review's quorum reached, a report ready), the notices to the
 * complaint's customer, each with its `customer_notice.queued` audit event, and the satisfaction
 * survey a closing complaint or an appeal's decision invites the customer to (its invitation in
 * survey_invitations and its `survey` notice: docs/surveys.md). Idempotent: keyed to the causing
 * event's source key.
 */
export async function writeDerivedNotices(tx: Transaction, audit: readonly AuditEventInput[], o: DerivedNoticeOptions = {}): Promise<void> {
  const staff = audit.flatMap((e) => derivedNoticesFor(e));
  if (staff.length) {
    await tx
      .insert(notifications)
      .values(staff.map((n) => ({ ...n, data: n.data ?? null })))
      .onConflictDoNothing({ target: notifications.sourceKey });
  }
  for (const e of audit) {
    const notice = customerNoticeFor(e);
    if (notice) await queueCustomerNotice(tx, notice, e);
    const invitation = invitationFor(e, invitationIdFor, o.surveyLinkValidDays ?? defaultSurveyLinkValidDays);
    if (!invitation) continue;
    const issued = await issueSurveyInvitation(tx, invitation);
    if (issued) await queueCustomerNotice(tx, surveyNoticeFor(e, issued), e);
  }
}

/**
 * One notice to a complaint's customer on the customer channel, with its `customer_notice.queued`
 * event; `cause` is what queued it (the transition's event, or a product NPS campaign's run).
 */
export async function queueCustomerNotice(tx: Transaction, notice: CustomerNotice, cause: Pick<AuditEventInput, 'at' | 'action'>): Promise<void> {
  const messageId = messageIdFor(notice.key);
  const [queued] = await tx
    .insert(notificationDeliveries)
    .values({
      messageId,
      channel: 'customer',
      recipientKind: 'customer',
      recipient: notice.complaintId,
      topic: `customer.${notice.kind}`,
      entityType: 'complaint',
      entityId: notice.complaintId,
      data: notice.data,
    })
    .onConflictDoNothing({ target: notificationDeliveries.messageId })
    .returning({ id: notificationDeliveries.id });
  if (!queued) return;
  await appendAuditEvent(tx, {
    entityType: 'customer_notice',
    entityId: notice.complaintId,
    sourceKey: `${notice.key}:queued`,
    actor: systemActor.userId,
    roles: [...systemActor.roles],
    action: 'customer_notice.queued',
    at: cause.at,
    before: null,
    after: { kind: notice.kind, messageId, cause: cause.action },
  });
}
