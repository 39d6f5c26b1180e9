import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMailer } from '../../notifications/channels/email.js';
import { PermanentFailure } from '../../notifications/channels/errors.js';
import { startMailpit, type Mailpit } from '../../notifications/mailpit.js';
import { freePort } from '../../temporal/dev-server.js';
import { command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { addPerson, mailDomain, mailpit } from '../support/notifications.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * SMTP_URL switches mail to the bank's relay, with TLS and authentication: here a Mailpit of the
 * test's own that requires STARTTLS with a certificate from a private CA (SMTP_TLS_CA_PATH) and
 * a password (in SMTP_URL). The certificate is made with openssl, as an operator would.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-relay-'));
const domain = mailDomain();
let relay: Mailpit;
let stack: Stack;
let smtpPort: number;

beforeAll(async () => {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const hash = execFileSync('openssl', ['passwd', '-apr1', 'relay-pass-123'], { encoding: 'utf8' }).trim();
  writeFileSync(path.join(dir, 'auth.txt'), `cxgov:${hash}\n`);
  smtpPort = await freePort();
  relay = await startMailpit({
    binPath: inject('mailpitPath'),
    smtpPort,
    httpPort: await freePort(),
    acceptAnyAuth: false,
    extraArgs: ['--smtp-tls-cert', cert, '--smtp-tls-key', key, '--smtp-require-starttls', '--smtp-auth-file', path.join(dir, 'auth.txt')],
  });
  stack = await startStack({
    notifications: true,
    env: { SMTP_URL: `smtp://cxgov:relay-pass-123@127.0.0.1:${smtpPort}`, SMTP_REQUIRE_TLS: 'true', SMTP_TLS_CA_PATH: cert, NOTIFY_IDLE_MS: '100' },
  });
  await setPolicy(stack, secondsPolicy());
  await addPerson(stack, people.agent, domain, { channel: 'inapp' });
  await addPerson(stack, people.supervisor, domain);
});
afterAll(async () => {
  await stack?.stop();
  await relay?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('mail through the bank’s relay (SMTP_URL)', () => {
  it('over STARTTLS with a private CA and a password', async () => {
    const c = await intake(stack);
    await command(stack, people.agent, c.id, '/escalate', { reason: 'through the relay' });
    const mail = await eventually(async () => (await mailpit(relay.uiUrl).to(`sue@${domain}`)).find((m) => m.Subject.includes(c.id)), 'the mail at the relay');
    expect(mail.Subject).toContain('投诉已升级至您处理');
  });

  it('a wrong password is refused for good (dead-lettered, not retried); an unknown CA is a failure to retry', async () => {
    const msg = { to: { name: 'Sue', address: `sue@${domain}` }, subject: 's', text: 't', messageId: `relay-${Date.now()}@cxgov` };
    const wrong = createMailer({ url: `smtp://cxgov:wrong-pass@127.0.0.1:${smtpPort}`, from: 'cxgov <noreply@cxgov.localhost>', requireTls: true, caPath: path.join(dir, 'cert.pem') });
    await expect(wrong.send(msg)).rejects.toThrow(PermanentFailure);
    wrong.close();
    const untrusted = createMailer({ url: `smtp://cxgov:relay-pass-123@127.0.0.1:${smtpPort}`, from: 'cxgov <noreply@cxgov.localhost>', requireTls: true });
    const err = await untrusted.send(msg).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(PermanentFailure);
    expect((err as Error).message).toContain('certificate');
    untrusted.close();
  });
});
