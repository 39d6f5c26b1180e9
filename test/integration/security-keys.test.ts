import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signToken } from '../../api/auth/tokens.js';
import { loadConfig } from '../../config/config.js';
import { jwtSecret, piiCipher, piiKey } from '../../config/secrets.js';
import { piiContext } from '../../db/complaints.js';
import { piiKeyringProblem, resealPii } from '../../db/pii-keys.js';
import { readCustomer } from '../../db/complaints.js';
import { PiiCipher } from '../../security/pii.js';
import { getComplaint, intake, revealCustomer } from '../support/complaints.js';
import { people } from '../support/people.js';
import { startApiProcess } from '../support/processes.js';
import { startStack, testAudience, testIssuer, testSecret, type Stack } from '../support/stack.js';

/**
 * PII keys (docs/security.md "Keys"): sealed values name their key, a keyring opens the values of
 * previous keys, a start proves the keys open the stored rows, an unreadable row is marked (never
 * a 500 for the list), `npm run pii:reseal` re-wraps every customer data key under the current key
 * and moves rows sealed before data keys under them, audited.
 */
let stack: Stack;
let first: string;
let second: string;
let third: string;
beforeAll(async () => {
  stack = await startStack();
  first = (await intake(stack)).id;
  second = (await intake(stack)).id;
  third = (await intake(stack)).id;
});
afterAll(async () => stack?.stop());

const customerRow = async (id: string) => (await stack.query<{ name_enc: string; phone_enc: string; id_number_enc: string }>('select name_enc, phone_enc, id_number_enc from complaint_customers where complaint_id = $1', [id]))[0]!;

describe('sealed rows name their key', () => {
  it('stores every field as v3.<dataKeyId>.… under the customer’s data key, itself wrapped under PII_KEY', async () => {
    const { keyId } = piiCipher(stack.config);
    const row = await customerRow(first);
    const [key] = await stack.query<{ id: string; master_key_id: string; wrapped_key: string }>('select k.id, k.master_key_id, k.wrapped_key from customer_data_keys k join complaint_customers c on c.customer_ref = k.customer_ref where c.complaint_id = $1', [first]);
    for (const v of [row.name_enc, row.phone_enc, row.id_number_enc]) expect(v.startsWith(`v3.${key!.id}.`)).toBe(true);
    expect(key!.master_key_id).toBe(keyId);
    expect(key!.wrapped_key.startsWith(`v2.${keyId}.`)).toBe(true);
  });
});

describe('the start proves the keys open the stored rows', () => {
  const env = (extra: Record<string, string>) => ({ databaseUrl: stack.databaseUrl, temporalAddress: inject('temporalAddress'), taskQueue: stack.taskQueue, env: extra });

  it('refuses to start with a PII_KEY that did not seal them, saying which key to set', async () => {
    const wrong = randomBytes(32).toString('base64');
    await expect(startApiProcess(env({ PII_KEY: wrong }))).rejects.toThrow(/refusing to start:[\s\S]*cannot unwrap customer data key[\s\S]*PII_KEYS_PREVIOUS/);
  });

  it('starts after a rotation with the old key among PII_KEYS_PREVIOUS, and shows the customer in clear on request', async () => {
    const api = await startApiProcess(env({ PII_KEY: randomBytes(32).toString('base64'), PII_KEYS_PREVIOUS: stack.config.PII_KEY! }));
    try {
      const token = await signToken(people.supervisor, { issuer: testIssuer, audience: testAudience, secret: testSecret });
      const res = await fetch(`${api.url}/api/v1/complaints/${first}/customer/reveal`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'checking the key rotation' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { customer: unknown }).customer).toMatchObject({ name: '张三丰', phone: '13812345678' });
    } finally {
      await api.stop();
    }
  });

  it('with DATABASE_URL and no PII_KEY, generates no key and refuses to start', async () => {
    const config = loadConfig({ DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cxgov-keys-')), DATABASE_URL: stack.databaseUrl, PII_KEY: '' });
    expect(() => piiKey(config)).toThrow(/DATABASE_URL is set but PII_KEY is not/);
    await expect(startApiProcess(env({ PII_KEY: '' }))).rejects.toThrow(/refusing to start:[\s\S]*DATABASE_URL is set but PII_KEY is not/);
  });

  it('creates DATA_DIR for this user only (0700) and generated secrets 0600', () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'cxgov-keys-')), 'fresh', 'data');
    const config = loadConfig({ DATA_DIR: dataDir });
    jwtSecret(config);
    piiKey(config);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dataDir, 'pii-key')).mode & 0o777).toBe(0o600);
  });
});

describe('a row no configured key opens', () => {
  const foreign = new PiiCipher(randomBytes(32));

  beforeAll(async () => {
    // As a replica with a key of its own would have written it: the whole row under another key.
    await stack.query('update complaint_customers set name_enc = $2, phone_enc = $3, id_number_enc = $4 where complaint_id = $1', [
      second,
      foreign.encrypt('李四', piiContext(second, 'name')),
      foreign.encrypt('13900001111', piiContext(second, 'phone')),
      foreign.encrypt('110101199003075678', piiContext(second, 'idNumber')),
    ]);
  });

  it('is marked in lists and details, for every reader, and the rest of the list reads', async () => {
    for (const who of [people.supervisor, people.auditor]) {
      const list = await stack.as(who).get('/api/v1/complaints?limit=200');
      expect(list.status).toBe(200);
      const bad = list.body.items.find((c: { id: string }) => c.id === second);
      const good = list.body.items.find((c: { id: string }) => c.id === first);
      expect(bad.customer).toMatchObject({ unreadable: true, name: '', phone: '' });
      expect(good.customer).not.toHaveProperty('unreadable');
      expect(good.customer.phone).toBe('138****5678');
      expect(bad.customer.reveal).toBeNull();
    }
    expect((await getComplaint(stack, second)).customer).toMatchObject({ unreadable: true });
    // Shown on request: the readable one in clear; the unreadable one a 409 naming the keys, and no access record.
    expect((await revealCustomer(stack, first)).phone).toBe('13812345678');
    const refused = await stack.as(people.supervisor).post(`/api/v1/complaints/${second}/customer/reveal`, { reason: 'checking the key rotation' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('PII keys');
    expect(await stack.query(`select 1 from audit_events where entity_type = 'pii_access' and after->'complaintIds' @> $1::jsonb`, [JSON.stringify([second])])).toEqual([]);
  });

  it('cannot be corrected against (409, not 500)', async () => {
    const res = await stack.as(people.supervisor).put(`/api/v1/complaints/${second}/customer`, { phone: '13900002222', reason: 'customer called with a new number' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('PII keys');
  });

  it('makes the start proof fail, naming the key it was sealed under', async () => {
    expect(await piiKeyringProblem(stack.database.db, piiCipher(stack.config))).toContain(foreign.keyId);
  });
});

describe('npm run pii:reseal', () => {
  it('re-wraps every data key under the current key, moves rows sealed before data keys under them, leaves the unreadable one, and audits start, progress and completion', async () => {
    // A row as sealed before data keys (v2 under the stack's key), of a customer who has a data key.
    const old = piiCipher(stack.config);
    await stack.query('update complaint_customers set name_enc = $2, phone_enc = $3, id_number_enc = $4 where complaint_id = $1', [
      third,
      old.encrypt('王五', piiContext(third, 'name')),
      old.encrypt('13700001111', piiContext(third, 'phone')),
      old.encrypt('110101199003079999', piiContext(third, 'idNumber')),
    ]);
    const before = await customerRow(first);
    const newKey = randomBytes(32);
    const ring = new PiiCipher(newKey, [Buffer.from(stack.config.PII_KEY!, 'base64')]);
    const progress: number[] = [];
    const result = await resealPii(stack.database.db, ring, { actor: { userId: 'operator:ops', roles: ['admin'] }, batchSize: 1, onProgress: (p) => progress.push(p.resealed) });
    // three customers' data keys re-wrapped; the v2 row moved; the foreign row left
    expect(result).toMatchObject({ rewrapped: 3, resealed: 1, unreadable: 1 });
    expect(progress.at(-1)).toBe(1);

    // A rotation re-encrypts no customer value: the v3 row is byte for byte as it was …
    expect(await customerRow(first)).toEqual(before);
    // … and the new key alone now opens it (through the re-wrapped data key), and the moved one.
    expect(await readCustomer(stack.database.db, new PiiCipher(newKey), first)).toMatchObject({ name: '张三丰', phone: '13812345678' });
    const moved = await customerRow(third);
    for (const v of [moved.name_enc, moved.phone_enc, moved.id_number_enc]) expect(v.startsWith('v3.')).toBe(true);
    expect(await readCustomer(stack.database.db, new PiiCipher(newKey), third)).toMatchObject({ name: '王五', phone: '13700001111', idNumber: '110101199003079999' });
    const [{ n }] = (await stack.query<{ n: number }>('select count(*)::int as n from customer_data_keys where erased_at is null and master_key_id <> $1', [ring.keyId])) as [{ n: number }];
    expect(n).toBe(0);

    const trail = await stack.as(people.auditor).get(`/api/v1/audit/events?entityType=pii_key&entityId=${ring.keyId}`);
    expect(trail.status).toBe(200);
    const events = [...trail.body.items].sort((a: { seq: number }, b: { seq: number }) => a.seq - b.seq);
    const actions = events.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('pii_key.reseal_started');
    expect(actions).toContain('pii_key.reseal_progress');
    expect(actions.at(-1)).toBe('pii_key.reseal_completed');
    expect(events.at(-1)).toMatchObject({ actor: 'operator:ops', after: { resealed: 1, rewrapped: 3, unreadable: 1, runId: result.runId } });
    const verified = await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=pii_key&entityId=${ring.keyId}`);
    expect(verified.body.ok).toBe(true);

    // a second run finds nothing left to move
    expect(await resealPii(stack.database.db, ring, { actor: { userId: 'operator:ops', roles: ['admin'] } })).toMatchObject({ resealed: 0, rewrapped: 0, unreadable: 1 });
  });
});
