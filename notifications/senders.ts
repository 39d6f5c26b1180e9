import type { Database } from '../db/client.js';
import { readCustomer, readCustomerRef } from '../db/complaints.js';
import { recordPiiAccess } from '../db/pii-access.js';
import { systemActor } from '../domain/actor.js';
import type { PiiField } from '../domain/pii-access.js';
import { imChannelTarget } from '../db/im-channels.js';
import type { CustomerSendFacts, Delivery, DeliveryChannel } from '../db/notifications.js';
import { readPerson } from '../db/people.js';
import type { CustomerNoticeKind } from '../domain/notifications/derive.js';
import type { Language } from '../domain/notifications/routing.js';
import { maskEmail, maskPhone, type PiiCipher } from '../security/pii.js';
import { signSurveyLink } from '../security/survey-link.js';
import type { Mailer } from './channels/email.js';
import { NoChannel } from './channels/errors.js';
import { postToIm } from './channels/im.js';
import { sendSms, type SmsGateway } from './channels/sms.js';
import { customerMessage, imPost, staffMail, staffMessage } from './templates.js';

/**
 * Turns one claimed delivery into the message its channel sends: renders the template in the
 * recipient's language and hands it to the channel. Reads what it needs at send time — the
 * person's address and language from the directory, the IM channel's secret, the customer's
 * contact (unsealed here and nowhere else, held only for the call, never logged or stored).
 */
export interface SenderDeps {
  db: Database;
  cipher: PiiCipher;
  /** Unset → no SMTP configured: email deliveries are skipped. */
  mailer?: Mailer;
  /** Unset → no SMS gateway configured: customers are reached by email when they gave one, else skipped. */
  sms?: SmsGateway;
  /** Base URL of the web UI for links, without a trailing slash. */
  publicUrl: string;
  /** Time zone dates are written in (the business calendar's). */
  timeZone: string;
  /** The institution's name, signing customer messages. */
  senderName: string;
  customerLanguage: Language;
  /** Signs the survey notices' one-time links (SURVEY_LINK_SECRET); unset → survey notices are not sent. */
  surveyLinkSecret?: Uint8Array;
}

export interface SendResult {
  outcome: string;
  customer?: CustomerSendFacts;
}

export type Sender = (d: Delivery) => Promise<SendResult>;

/** The Message-ID a delivery's mail carries. */
export const mailMessageId = (d: Pick<Delivery, 'messageId'>) => `${d.messageId}@cxgov`;

export function createSenders(deps: SenderDeps): Record<DeliveryChannel, Sender> {
  const message = (d: Delivery, language: Language) =>
    staffMessage({ topic: d.topic, entityType: d.entityType, entityId: d.entityId, data: d.data, language, publicUrl: deps.publicUrl, timeZone: deps.timeZone });

  /** The survey's one-time link, signed now from the invitation the notice names (never stored: docs/surveys.md). */
  const surveyLinkOf = async (d: Delivery): Promise<string> => {
    const data = (d.data ?? {}) as { invitationId?: unknown; expiresAt?: unknown };
    if (!deps.surveyLinkSecret) throw new NoChannel('no survey link secret configured');
    if (typeof data.invitationId !== 'string' || typeof data.expiresAt !== 'string') throw new NoChannel('the survey notice names no invitation');
    const token = await signSurveyLink(deps.surveyLinkSecret, { id: data.invitationId, expiresAt: data.expiresAt });
    return `${deps.publicUrl}/survey/${token}`;
  };

  return {
    email: async (d) => {
      if (!deps.mailer) throw new NoChannel('no SMTP server configured');
      const person = await readPerson(deps.db, d.recipient);
      if (!person?.active || !person.email) throw new NoChannel('the directory has no email address for the person');
      const mail = staffMail(message(d, person.language), person.language);
      const outcome = await deps.mailer.send({ to: { name: person.name, address: person.email }, ...mail, messageId: mailMessageId(d), headers: { 'X-Cxgov-Topic': d.topic } });
      return { outcome };
    },

    im: async (d) => {
      const channel = await imChannelTarget(deps.db, deps.cipher, d.recipient);
      if (!channel?.enabled) throw new NoChannel('the IM channel is missing or disabled');
      const zh = message(d, 'zh');
      const post = imPost(zh, message(d, 'en'), []);
      const outcome = await postToIm(channel, { messageId: d.messageId, ...post, link: zh.link, topic: d.topic, entityType: d.entityType, entityId: d.entityId });
      return { outcome };
    },

    customer: async (d) => {
      const contact = await readCustomer(deps.db, deps.cipher, d.recipient);
      if (!contact) throw new NoChannel('the complaint has no customer record');
      if (contact.erased) throw new NoChannel('the customer’s personal data was erased');
      const kind = d.topic.replace(/^customer\./, '') as CustomerNoticeKind;
      const surveyLink = kind === 'survey' ? await surveyLinkOf(d) : undefined;
      const msg = customerMessage({ kind, complaintId: d.entityId, data: d.data, language: deps.customerLanguage, timeZone: deps.timeZone, sender: deps.senderName, ...(surveyLink ? { surveyLink } : {}) });
      // The contact leaves for the gateway or mail server: recorded in the PII access log first
      // (docs/security.md "PII access log"), one record per attempt handed to a channel.
      const handOut = async (fields: PiiField[]) => {
        const customerRef = (await readCustomerRef(deps.db, d.recipient)) ?? '';
        await recordPiiAccess(deps.db, { principal: systemActor, purpose: 'customer_notice', requestId: d.messageId, items: [{ complaintId: d.entityId, customerRef, fields }] });
      };
      if (deps.sms) {
        await handOut(['phone']);
        const outcome = await sendSms(deps.sms, { to: contact.phone, text: msg.text, messageId: d.messageId });
        return { outcome, customer: { via: 'sms', to: maskPhone(contact.phone) } };
      }
      // The customer's email address, when intake recorded one (docs/notifications.md "The customer").
      const email = contact.email;
      if (email && deps.mailer) {
        await handOut(['name', 'email']);
        const outcome = await deps.mailer.send({ to: { name: contact.name, address: email }, subject: msg.subject, text: msg.text, messageId: mailMessageId(d) });
        return { outcome, customer: { via: 'email', to: maskEmail(email) } };
      }
      throw new NoChannel('no SMS gateway configured (SMS_GATEWAY_URL) and no email address of the customer');
    },
  };
}

/** a***@bank.example (security/pii.ts), re-exported where the customer channel's audit used it from. */
export { maskEmail };
