import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { expect, inject } from 'vitest';
import { cxgovSignature, dingtalkSign } from '../../notifications/channels/im.js';
import { people } from './people.js';
import type { StackLike } from './stack.js';

/**
 * Helpers of the notification tests: the directory filled for the test cast (addresses at a
 * domain of the test's own, so files sharing the run's Mailpit never see each other's mail),
 * Mailpit's HTTP API, an IM group receiver that checks signatures, and an SMS-gateway stand-in.
 */

/** A fresh mail domain per test file. */
export const mailDomain = () => `t${randomBytes(4).toString('hex')}.cxgov.example`;

export function personBody(p: { name: string; roles: string[]; department?: string }, over: Record<string, unknown> = {}) {
  return { name: p.name, language: 'zh', ...(p.department ? { department: p.department } : {}), roles: p.roles, departmentHead: false, channel: 'email', active: true, ...over };
}

/** Puts one test person into the directory with an address at `domain`. */
export async function addPerson(stack: StackLike, p: { userId: string; name: string; roles: string[]; department?: string }, domain: string, over: Record<string, unknown> = {}) {
  const res = await stack.as(people.admin).put(`/api/v1/people/${p.userId}`, { userId: p.userId, ...personBody(p, { email: `${p.userId}@${domain}`, ...over }) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

// ── Mailpit ────────────────────────────────────────────────────────────────────────────────────

export interface MailSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  To: { Name: string; Address: string }[];
  Created: string;
}
export interface MailMessage extends MailSummary {
  Text: string;
  HTML: string;
}

/** Mailpit's HTTP API at `url` (the run's, unless a test started its own). */
export function mailpit(url: string = inject('mailpitUrl')) {
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${url}/api/v1${path}`);
    if (!res.ok) throw new Error(`Mailpit ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    url,
    /** Every message to `address`, newest first. */
    to: async (address: string): Promise<MailSummary[]> => (await get<{ messages: MailSummary[] }>(`/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=500`)).messages,
    /** Every message whose address ends with `@domain`. */
    toDomain: async (domain: string): Promise<MailSummary[]> => (await get<{ messages: MailSummary[] }>(`/search?query=${encodeURIComponent(`to:"@${domain}"`)}&limit=1000`)).messages,
    message: (id: string) => get<MailMessage>(`/message/${id}`),
    headers: (id: string) => get<Record<string, string[]>>(`/message/${id}/headers`),
  };
}

// ── An IM group robot ──────────────────────────────────────────────────────────────────────────

export interface ImPost {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: any;
  /** The signatures checked against the secret the receiver was given. */
  cxgovSignatureValid: boolean;
  dingtalkSignatureValid: boolean | undefined;
}

/**
 * An HTTP receiver standing in for a group robot: it records every post, checks the cxgov
 * signature (and DingTalk's when present) against `secret`, and answers `answer()` (default 200
 * `{"errcode":0}`), which a test may change to make it fail.
 */
export async function imReceiver(secret: string) {
  const posts: ImPost[] = [];
  let answer: () => { status: number; body: unknown } = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://x');
      const ts = String(req.headers['x-cxgov-timestamp'] ?? '');
      const dtTs = url.searchParams.get('timestamp');
      posts.push({
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: JSON.parse(raw),
        cxgovSignatureValid: req.headers['x-cxgov-signature'] === cxgovSignature(secret, ts, raw),
        dingtalkSignatureValid: dtTs ? url.searchParams.get('sign') === dingtalkSign(secret, Number(dtTs)) : undefined,
      });
      const a = answer();
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (path = '/robot/send?access_token=t0k3n') => `http://127.0.0.1:${port}${path}`,
    posts,
    answerWith: (f: typeof answer) => {
      answer = f;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ── An SMS gateway ─────────────────────────────────────────────────────────────────────────────

export interface SmsRequest {
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: { to: string; text: string; messageId: string };
}

/** An SMS gateway stand-in: takes JSON posts with a bearer key, answers `{ id }`, remembers them. */
export async function smsGateway(key: string) {
  const received: SmsRequest[] = [];
  let failing = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.headers.authorization !== `Bearer ${key}`) return void res.writeHead(401).end();
      if (failing) return void res.writeHead(503).end();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      received.push({ authorization: req.headers.authorization, idempotencyKey: req.headers['idempotency-key'] as string | undefined, body });
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sms-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/v1/messages`,
    received,
    fail: (on: boolean) => {
      failing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
