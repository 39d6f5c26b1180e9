import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { PermanentFailure } from './errors.js';

/**
 * Mail over SMTP with nodemailer: the embedded Mailpit (`smtp://127.0.0.1:1025`) or the bank's
 * relay (`smtps://user:pass@relay:465`, or `smtp://…:587` with STARTTLS, required with
 * `requireTls`). One pooled transport per process. Each message carries its stable Message-ID, so
 * a message sent again after a crash between sending and recording is the same message to the
 * receiving side (Mailpit runs with --ignore-duplicate-ids; mail systems thread or drop it).
 */
export interface MailSettings {
  url: string;
  from: string;
  requireTls?: boolean;
  /** PEM bundle of the relay's CA (a private CA). */
  caPath?: string;
  /** Connection, greeting and socket timeouts (ms): a relay that hangs fails the attempt instead of holding it. */
  timeoutMs?: number;
}

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html?: string;
  /** Local part and domain without angle brackets, e.g. `cxgov.ab12@cxgov`. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

/** RFC 5321: a 5yz reply is a permanent refusal, except 503 (bad sequence), which a new session may pass. */
export const isPermanentSmtpReply = (code: number | undefined) => code !== undefined && code >= 500 && code < 600 && code !== 503;

export function createMailer(s: MailSettings): Mailer {
  const timeout = s.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    url: s.url,
    pool: true,
    maxConnections: 3,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    ...(s.requireTls ? { requireTLS: true } : {}),
    ...(s.caPath ? { tls: { ca: readFileSync(s.caPath) } } : {}),
  } as never);
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: s.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          messageId: `<${mail.messageId}>`,
          headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers },
        });
        return String((info as { response?: unknown }).response ?? 'accepted').slice(0, 200);
      } catch (err) {
        const e = err as { responseCode?: number; code?: string; message?: string };
        if (isPermanentSmtpReply(e.responseCode)) throw new PermanentFailure(`SMTP refused the message (${e.responseCode})`);
        // A server's reply may quote the address (a refused recipient): keep only its code. A
        // connection failure names the relay, which is worth keeping.
        if (e.responseCode) throw new Error(`SMTP ${e.code ?? 'error'} (${e.responseCode})`);
        throw new Error(`SMTP ${e.code ?? 'error'}: ${String(e.message ?? '').slice(0, 200)}`);
      }
    },
    close: () => transport.close(),
  };
}
