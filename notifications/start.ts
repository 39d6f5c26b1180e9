import type { Registry } from 'prom-client';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { piiCipher, surveyLinkSecret } from '../config/secrets.js';
import type { Database } from '../db/client.js';
import { readPolicy } from '../db/settings.js';
import { createMailer } from './channels/email.js';
import { startDispatcher, type Dispatcher } from './dispatcher.js';
import { dispatcherMetrics } from './metrics.js';
import { createSenders } from './senders.js';

/**
 * The notification dispatcher as the configuration describes it (docs/notifications.md): mail
 * through `smtpUrl` (the relay of SMTP_URL, or the embedded Mailpit), SMS through the gateway of
 * SMS_GATEWAY_URL, the retry policy and lease of NOTIFY_*. Returns a way to stop it.
 */
export async function startNotifications(config: Config, db: Database, logger: Logger, o: { smtpUrl?: string; registry?: Registry } = {}): Promise<Dispatcher> {
  const smtpUrl = o.smtpUrl ?? config.SMTP_URL;
  if (!smtpUrl) logger.warn('no SMTP server (SMTP_URL unset, no embedded Mailpit): email deliveries are recorded as skipped until one is configured');
  const mailer = smtpUrl
    ? createMailer({ url: smtpUrl, from: config.MAIL_FROM, requireTls: config.SMTP_REQUIRE_TLS === 'true', ...(config.SMTP_TLS_CA_PATH ? { caPath: config.SMTP_TLS_CA_PATH } : {}) })
    : undefined;
  const { value: calendar } = await readPolicy(db, 'calendar');
  const senders = createSenders({
    db,
    cipher: piiCipher(config),
    ...(mailer ? { mailer } : {}),
    ...(config.SMS_GATEWAY_URL ? { sms: { url: config.SMS_GATEWAY_URL, key: config.SMS_GATEWAY_KEY ?? '' } } : {}),
    publicUrl: (config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`).replace(/\/+$/, ''),
    timeZone: calendar.timeZone,
    senderName: config.NOTICE_SENDER_NAME,
    customerLanguage: config.CUSTOMER_NOTICE_LANGUAGE,
    surveyLinkSecret: surveyLinkSecret(config),
  });
  const dispatcher = startDispatcher({
    db,
    senders,
    logger,
    ...(o.registry ? { metrics: dispatcherMetrics(o.registry) } : {}),
    idleMs: config.NOTIFY_IDLE_MS,
    leaseMs: config.NOTIFY_LEASE_SECONDS * 1000,
    retry: { baseMs: config.NOTIFY_RETRY_BASE_SECONDS * 1000, maxMs: config.NOTIFY_RETRY_MAX_SECONDS * 1000, maxAttempts: config.NOTIFY_MAX_ATTEMPTS },
  });
  return {
    stop: async () => {
      await dispatcher.stop();
      mailer?.close();
    },
  };
}
