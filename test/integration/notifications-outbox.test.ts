import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { claimDue, recordSent, type DeliveryChannel } from '../../db/notifications.js';
import { PiiCipher } from '../../security/pii.js';
import { createMailer } from '../../notifications/channels/email.js';
import { startMailpit, type Mailpit } from '../../notifications/mailpit.js';
import { createSenders } from '../../notifications/senders.js';
import { freePort } from '../../temporal/dev-server.js';
import { command, intake, secondsPolicy, setPolicy } from '../support/complaints.js';
import { addPerson, imReceiver, mailDomain, mailpit } from '../support/notifications.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * The outbox cannot jam (docs/notifications.md "The outbox"): a mail server that is down while
 * escalations fire loses nothing and sends everything once it returns; poisoned notices — refused
 * for good, or failing every time — are dead-lettered without holding back the others, listed for
 * administrators and re-driven; a send repeated after a crash between sending and recording
 * reaches the inbox once; a lease keeps two senders off one delivery.
 *
 * The file runs its own Mailpit (stopped and started again on the same ports), which refuses
 * recipients outside *.cxgov.example as a relay refuses an unknown mailbox (550).
 */
const domain = mailDomain();
let smtpPort: number;
let httpPort: number;
let own: Mailpit;
let stack: Stack;
let im: Awaited<ReturnType<typeof imReceiver>>;
let committeeIm: Awaited<ReturnType<typeof imReceiver>>;

const startOwnMailpit = () => startMailpit({ binPath: inject('mailpitPath'), smtpPort, httpPort, extraArgs: ['--smtp-allowed-recipients', 'cxgov\\.example$'] });

beforeAll(async () => {
  [smtpPort, httpPort] = [await freePort(), await freePort()];
  own = await startOwnMailpit();
  [im, committeeIm] = await Promise.all([imReceiver('S3cret-cs-group'), imReceiver('S3cret-committee')]);
  stack = await startStack({
    notifications: { smtpUrl: own.smtpUrl },
    env: { NOTIFY_IDLE_MS: '100', NOTIFY_RETRY_BASE_SECONDS: '0.2', NOTIFY_RETRY_MAX_SECONDS: '1', NOTIFY_MAX_ATTEMPTS: '20' },
  });
  await setPolicy(stack, secondsPolicy());
  await addPerson(stack, people.agent, domain, { channel: 'inapp' });
  await addPerson(stack, people.supervisor, domain);
  await addPerson(stack, { userId: 'poison', name: 'Mailbox Gone', roles: [] }, domain, { email: 'poison@rejected.invalid' });
  const put = (id: string, body: unknown) => stack.as(people.admin).put(`/api/v1/notifications/im-channels/${id}`, body);
  expect((await put('cs', { id: 'cs', scope: 'department', target: 'customer-service', flavor: 'generic', url: im.url('/cs'), secret: 'S3cret-cs-group' })).status).toBe(200);
  expect((await put('committee', { id: 'committee', scope: 'committee', target: 'committee', flavor: 'feishu', url: committeeIm.url('/committee'), secret: 'S3cret-committee' })).status).toBe(200);
});
afterAll(async () => {
  await stack?.stop();
  await own?.stop();
  await Promise.all([im?.close(), committeeIm?.close()]);
});

type Row = { id: string; channel: string; recipient: string; status: string; attempts: number; last_error: string | null; message_id: string; entity_id: string };
const rows = (where: string, params: unknown[] = []) => stack.query<Row>(`select id, channel, recipient, status, attempts, last_error, message_id, entity_id from notification_deliveries where ${where} order by id`, params);
const metric = async (name: string, labels: string) => {
  const text = String((await stack.anonymous.get('/metrics')).body);
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.split(' ').at(-1)) : undefined;
};

describe('a lease keeps two senders off one delivery', () => {
  it('claimed once until the lease runs out; the late outcome of the first claim is ignored', async () => {
    const channel = 'lease-test' as DeliveryChannel; // no dispatcher loop serves it
    await stack.query(`insert into notification_deliveries (message_id, channel, recipient_kind, recipient, topic, entity_type, entity_id) values ('lease-1', 'lease-test', 'user', 'sue', 't', 'complaint', 'x')`);
    const db = stack.database.db;
    const [first] = await claimDue(db, channel, 10, 3_600_000);
    expect(first).toMatchObject({ messageId: 'lease-1', attempts: 1 });
    expect(await claimDue(db, channel, 10, 3_600_000)).toEqual([]);
    await stack.query(`update notification_deliveries set lease_until = now() - interval '1 second' where message_id = 'lease-1'`);
    const [second] = await claimDue(db, channel, 10, 3_600_000);
    expect(second).toMatchObject({ messageId: 'lease-1', attempts: 2 });
    expect(await recordSent(db, first!, 'late')).toBe(false);
    expect(await recordSent(db, second!, 'ok')).toBe(true);
    expect(await rows(`message_id = 'lease-1'`)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
  });
});

describe('the mail server down while escalations fire', () => {
  it('retried with backoff, nothing lost, every mail delivered once it returns', async () => {
    await own.stop();
    let down = true;
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const c = await intake(stack);
        await command(stack, people.agent, c.id, '/escalate', { reason: `outage ${i}` });
        ids.push(c.id);
      }
      const failing = await eventually(async () => {
        const r = await rows(`channel = 'email' and recipient = 'sue' and entity_id = any($1)`, [ids]);
        return r.length === 5 && r.every((d) => d.attempts >= 2) ? r : undefined;
      }, 'every mail tried at least twice', 60_000);
      for (const d of failing) {
        expect(d.status).toBe('pending');
        expect(d.last_error).toMatch(/^SMTP /);
      }
      // The IM group hears of the escalations meanwhile: the mail outage holds back mail only.
      for (const id of ids) await eventually(async () => im.posts.some((p) => p.body.entityId === id) || undefined, `the IM post of ${id}`);
      expect(await metric('cxgov_notifications_pending', '{channel="email"}')).toBeGreaterThanOrEqual(5);
      expect(await metric('cxgov_notifications_oldest_pending_age_seconds', '{channel="email"}')).toBeGreaterThan(0);
      expect(await metric('cxgov_notification_deliveries_total', '{channel="email",outcome="retry"}')).toBeGreaterThanOrEqual(10);

      own = await startOwnMailpit();
      down = false;
      const inbox = mailpit(own.uiUrl);
      await eventually(async () => ((await rows(`channel = 'email' and entity_id = any($1) and status = 'sent'`, [ids])).length === 5 ? true : undefined), 'all five sent', 60_000);
      const mails = await inbox.to(`sue@${domain}`);
      for (const id of ids) expect(mails.filter((m) => m.Subject.includes(id)), id).toHaveLength(1);
    } finally {
      // The later tests need the mail server whatever happened here.
      if (down) own = await startOwnMailpit();
    }
  });
});

describe('poisoned notices', () => {
  it('a mailbox refused for good is dead-lettered at once, a hundred of them hold back no one', async () => {
    // A hundred notices to a person whose mailbox the relay refuses (550), as processes write them.
    await stack.query(
      `insert into notifications (source_key, recipient_kind, recipient, topic, entity_type, entity_id, message)
       select 'poison-' || g, 'user', 'poison', 'complaint.at_risk', 'complaint', 'poison-' || g, 'x' from generate_series(1, 100) g`,
    );
    const c = await intake(stack);
    await command(stack, people.agent, c.id, '/escalate', { reason: 'after the poison' });
    await eventually(async () => ((await mailpit(own.uiUrl).to(`sue@${domain}`)).some((m) => m.Subject.includes(c.id)) ? true : undefined), 'the mail queued after the poison');
    const dead = await eventually(async () => {
      const r = await rows(`recipient = 'poison' and channel = 'email'`);
      return r.length === 100 && r.every((d) => d.status === 'dead') ? r : undefined;
    }, 'the poison dead-lettered');
    expect(dead.every((d) => d.attempts === 1 && d.last_error === 'SMTP refused the message (550)')).toBe(true);
    // The gauge is read at scrape time (cached a few seconds).
    await eventually(async () => ((await metric('cxgov_notifications_dead', '{channel="email"}')) ?? 0) >= 100 || undefined, 'the dead letters counted in /metrics');
  });

  it('administrators list the dead letters page by page and re-drive one once the address is fixed', async () => {
    const admin = stack.as(people.admin);
    const first = await admin.get('/api/v1/notifications/outbox?status=dead&channel=email&limit=60');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(60);
    const second = await admin.get(`/api/v1/notifications/outbox?status=dead&channel=email&limit=60&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(40);
    expect(second.body.nextCursor).toBeNull();
    const one = first.body.items[0];
    expect(one).toMatchObject({ status: 'dead', recipient: 'poison', lastError: 'SMTP refused the message (550)' });

    expect((await admin.post(`/api/v1/notifications/outbox/${one.id}/redrive`)).status).toBe(200);
    expect((await admin.post(`/api/v1/notifications/outbox/${one.id}/redrive`)).status).toBe(409); // pending again, or already sent
    await eventually(async () => ((await rows(`id = $1`, [one.id]))[0]!.status === 'dead' ? true : undefined), 'refused again while the address is wrong');

    await addPerson(stack, { userId: 'poison', name: 'Mailbox Gone', roles: [] }, domain);
    const redriven = await admin.post(`/api/v1/notifications/outbox/${one.id}/redrive`);
    expect(redriven.body).toMatchObject({ status: 'pending', attempts: 0, redrivenBy: people.admin.userId });
    await eventually(async () => ((await mailpit(own.uiUrl).to(`poison@${domain}`)).length === 1 ? true : undefined), 'the re-driven mail');
    expect((await rows(`id = $1`, [one.id]))[0]).toMatchObject({ status: 'sent' });
    expect((await admin.post('/api/v1/notifications/outbox/999999999/redrive')).status).toBe(404);
  });

  it('a group robot that fails every time: retried to the attempt limit, then dead; other posts go through meanwhile', async () => {
    committeeIm.answerWith(() => ({ status: 500, body: { code: 9499, msg: 'internal' } }));
    await stack.query(
      `insert into notifications (source_key, recipient_kind, recipient, topic, entity_type, entity_id, message)
       select 'robot-' || g, 'user', 'm1', 'gate.vote_requested', 'initiative', 'robot-' || g, 'x' from generate_series(1, 30) g`,
    );
    const c = await intake(stack);
    await command(stack, people.agent, c.id, '/escalate', { reason: 'while the committee robot fails' });
    await eventually(async () => im.posts.some((p) => p.body.entityId === c.id) || undefined, 'the department post');
    const dead = await eventually(async () => {
      const r = await rows(`channel = 'im' and recipient = 'committee'`);
      return r.length === 30 && r.every((d) => d.status === 'dead') ? r : undefined;
    }, 'the robot’s posts dead-lettered', 90_000);
    expect(dead.every((d) => d.attempts === 20 && d.last_error === 'IM webhook answered 500')).toBe(true);
    expect(committeeIm.posts.length).toBe(30 * 20);

    committeeIm.answerWith(() => ({ status: 200, body: { code: 0, msg: 'success' } }));
    expect((await stack.as(people.admin).post(`/api/v1/notifications/outbox/${dead[0]!.id}/redrive`)).status).toBe(200);
    await eventually(async () => ((await rows(`id = $1`, [dead[0]!.id]))[0]!.status === 'sent' ? true : undefined), 're-driven and sent');
  });
});

describe('routing that fails', () => {
  it('is retried per notice, then given up with its error; the other notices are routed meanwhile', async () => {
    // A routing table corrupted behind the API's back: every "report ready" notice fails to route.
    await stack.query(
      `insert into policies (kind, value, version, updated_by) values ('notificationRouting', '{"report_ready":{"also":"not-a-list","email":true,"im":false}}', 99, 'test')
       on conflict (kind) do update set value = excluded.value`,
    );
    try {
      await stack.query(`insert into notifications (source_key, recipient_kind, recipient, topic, entity_type, entity_id, message) values ('bad-route-1', 'role', 'supervisor', 'report.ready', 'report', 'monthly:2026-10', 'x')`);
      const c = await intake(stack);
      await command(stack, people.agent, c.id, '/escalate', { reason: 'while a notice fails to route' });
      await eventually(async () => ((await mailpit(own.uiUrl).to(`sue@${domain}`)).some((m) => m.Subject.includes(c.id)) ? true : undefined), 'the escalation routed and mailed');
      const [stuck] = await eventually(async () => {
        const r = await stack.query<{ routed_at: string | null; attempts: number; last_error: string }>(`select routed_at, attempts::int as attempts, last_error from notifications where source_key = 'bad-route-1'`);
        return r[0]?.routed_at ? r : undefined;
      }, 'routing given up', 90_000);
      expect(stuck).toMatchObject({ attempts: 20, last_error: expect.stringMatching(/^routing gave up: /) });
      expect(await stack.query(`select * from user_notifications n join notifications o on o.id = n.notification_id where o.source_key = 'bad-route-1'`)).toEqual([]);
      expect(await metric('cxgov_notifications_routed_total', '{outcome="gave_up"}')).toBeGreaterThanOrEqual(1);
    } finally {
      await stack.query(`delete from policies where kind = 'notificationRouting'`);
    }
  });
});

describe('a crash between sending and recording', () => {
  it('the send is repeated with the same Message-ID and the inbox keeps one message', async () => {
    // A sender claimed the delivery (attempt 1, a lease), sent the mail, and died before recording.
    await stack.query(
      `insert into notification_deliveries (message_id, channel, recipient_kind, recipient, topic, entity_type, entity_id, attempts, lease_until)
       values ('cxgov.crash-test-1', 'email', 'user', 'sue', 'complaint.escalated', 'complaint', 'crash-1', 1, now() + interval '1 hour')`,
    );
    const [claimed] = await stack.database.db.query.notificationDeliveries.findMany({ where: (d, { eq }) => eq(d.messageId, 'cxgov.crash-test-1') });
    const mailer = createMailer({ url: own.smtpUrl, from: 'cxgov <noreply@cxgov.localhost>' });
    const senders = createSenders({ db: stack.database.db, cipher: new PiiCipher(Buffer.alloc(32)), mailer, publicUrl: 'http://x', timeZone: 'Asia/Shanghai', senderName: 'B', customerLanguage: 'zh' });
    await senders.email(claimed!);
    mailer.close();
    const inbox = mailpit(own.uiUrl);
    expect((await inbox.to(`sue@${domain}`)).filter((m) => m.MessageID === 'cxgov.crash-test-1@cxgov')).toHaveLength(1);

    // The lease runs out; the dispatcher takes the delivery again and sends it again.
    await stack.query(`update notification_deliveries set lease_until = now() - interval '1 second' where message_id = 'cxgov.crash-test-1'`);
    await eventually(async () => ((await rows(`message_id = 'cxgov.crash-test-1'`))[0]!.status === 'sent' ? true : undefined), 'sent again and recorded');
    expect((await rows(`message_id = 'cxgov.crash-test-1'`))[0]!.attempts).toBe(2);
    expect((await inbox.to(`sue@${domain}`)).filter((m) => m.MessageID === 'cxgov.crash-test-1@cxgov')).toHaveLength(1);
  });
});
