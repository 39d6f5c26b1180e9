import { PermanentFailure } from './errors.js';

/**
 * The SMS-gateway adapter (docs/notifications.md "The customer"): one JSON POST per message to the
 * gateway's URL, authenticated with its key as a bearer token, with the stable message id as
 * `Idempotency-Key` (and in the body) so a message sent again after a crash is sent once. Most
 * banks' SMS platforms (or the bridge in front of a carrier) take this shape; another shape is a
 * small adapter beside this one.
 *
 * The phone number is in the request only: never in an error, a log line or the database.
 */
export interface SmsGateway {
  url: string;
  key: string;
}

export async function sendSms(g: SmsGateway, m: { to: string; text: string; messageId: string }, timeoutMs = 10_000): Promise<string> {
  let res: Response;
  try {
    res = await fetch(g.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${g.key}`, 'idempotency-key': m.messageId },
      body: JSON.stringify({ to: m.to, text: m.text, messageId: m.messageId }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new Error(`SMS gateway unreachable: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`.slice(0, 300));
  }
  const body = await res.text().catch(() => '');
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentFailure(`SMS gateway refused the message (${res.status})`);
  if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  let id: unknown;
  try {
    id = (JSON.parse(body) as { id?: unknown }).id;
  } catch {
    // no JSON: accepted without an id
  }
  return typeof id === 'string' || typeof id === 'number' ? `gateway id ${String(id).slice(0, 100)}` : `${res.status}`;
}
