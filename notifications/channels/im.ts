import { createHmac } from 'node:crypto';
import type { ImFlavor } from '../../db/im-channels.js';
import { PermanentFailure } from './errors.js';

/**
 * Posts to an enterprise IM group robot (docs/notifications.md "Enterprise IM"): a JSON POST in
 * the shape of the flavor, signed the way it checks —
 * - DingTalk: `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret, "<timestamp>\n<secret>")) in the query;
 * - Feishu / Lark: `timestamp` (s) and `sign` = base64(HMAC-SHA256("<timestamp>\n<secret>", "")) in the body;
 * - WeCom: the robot key is in the URL (WeCom signs nothing);
 * - generic: cxgov's own JSON.
 * Every post also carries `X-Cxgov-Timestamp`, `X-Cxgov-Message-Id` and, with a secret,
 * `X-Cxgov-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`, so a receiver of
 * any flavor (or a gateway in front of one) can check origin, freshness and duplicates.
 */
export interface ImTarget {
  flavor: ImFlavor;
  url: string;
  secret: string | null;
}

export interface ImMessage {
  messageId: string;
  title: string;
  markdown: string;
  text: string;
  link: string;
  topic: string;
  entityType: string;
  entityId: string;
}

export const cxgovSignature = (secret: string, timestamp: string, body: string) => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
export const dingtalkSign = (secret: string, timestampMs: number) => createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
export const feishuSign = (secret: string, timestampS: number) => createHmac('sha256', `${timestampS}\n${secret}`).update('').digest('base64');

/** The request a post is: URL, body. Exported for the tests of the signatures. */
export function imRequest(t: ImTarget, m: ImMessage, nowMs: number): { url: string; body: Record<string, unknown> } {
  switch (t.flavor) {
    case 'dingtalk': {
      const url = new URL(t.url);
      if (t.secret) {
        url.searchParams.set('timestamp', String(nowMs));
        url.searchParams.set('sign', dingtalkSign(t.secret, nowMs));
      }
      return { url: url.toString(), body: { msgtype: 'markdown', markdown: { title: m.title, text: m.markdown }, msgUuid: m.messageId } };
    }
    case 'feishu': {
      const ts = Math.floor(nowMs / 1000);
      return { url: t.url, body: { ...(t.secret ? { timestamp: String(ts), sign: feishuSign(t.secret, ts) } : {}), msg_type: 'text', content: { text: m.text }, uuid: m.messageId } };
    }
    case 'wecom':
      return { url: t.url, body: { msgtype: 'markdown', markdown: { content: m.markdown } } };
    case 'generic':
      return { url: t.url, body: { messageId: m.messageId, topic: m.topic, entityType: m.entityType, entityId: m.entityId, title: m.title, text: m.text, link: m.link } };
  }
}

/** Sends one post; resolves with the receiver's answer, throws `PermanentFailure` for an answer retrying cannot change. */
export async function postToIm(t: ImTarget, m: ImMessage, timeoutMs = 10_000): Promise<string> {
  const now = Date.now();
  const { url, body } = imRequest(t, m, now);
  const text = JSON.stringify(body);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-cxgov-timestamp': String(now),
        'x-cxgov-message-id': m.messageId,
        ...(t.secret ? { 'x-cxgov-signature': cxgovSignature(t.secret, String(now), text) } : {}),
      },
      body: text,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new Error(`IM webhook unreachable: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`.slice(0, 300));
  }
  const answer = (await res.text().catch(() => '')).slice(0, 300);
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentFailure(`IM webhook answered ${res.status}`);
  if (!res.ok) throw new Error(`IM webhook answered ${res.status}`);
  // DingTalk and WeCom answer 200 with errcode, Feishu with code; anything but 0 is a refusal (often a rate limit).
  let parsed: { errcode?: number; code?: number; StatusCode?: number } = {};
  try {
    parsed = JSON.parse(answer) as typeof parsed;
  } catch {
    // a receiver that answers with no JSON accepted the post
  }
  const code = parsed.errcode ?? parsed.code ?? parsed.StatusCode ?? 0;
  if (code !== 0) throw new Error(`IM webhook refused the post (code ${code})`);
  return `${res.status} ${answer}`.trim().slice(0, 200);
}
