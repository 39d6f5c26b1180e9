import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { appendAuditEvent } from '../../db/audit.js';
import { openDatabase, queryRows, type DatabaseHandle } from '../../db/client.js';
import { readBusinessCalendar, readBusinessCalendarWith } from '../../db/calendar.js';
import { readPolicies, readPolicy, writePolicy } from '../../db/settings.js';
import { defaultSlaPolicy } from '../../domain/policies.js';
import { createDatabase, dropDatabase } from '../support/postgres.js';

/**
 * The same committed migrations run on both engines cxgov supports: embedded PGlite (the
 * default) and PostgreSQL. The audit table refuses UPDATE and DELETE on both.
 */
const scratch = mkdtempSync(path.join(os.tmpdir(), 'cxgov-db-'));
const pgName = `cxgov_test_db_${process.pid}`;
const opened: DatabaseHandle[] = [];
afterAll(async () => {
  for (const h of opened) await h.close();
  await dropDatabase(pgName);
  rmSync(scratch, { recursive: true, force: true });
});

const engines: [string, () => Promise<DatabaseHandle>][] = [
  ['PGlite', () => openDatabase({ dataDir: scratch })],
  ['PostgreSQL', async () => openDatabase({ url: await createDatabase(pgName, inject('templateDatabase')), dataDir: scratch })],
];

describe.each(engines)('%s', (_name, open) => {
  let handle: DatabaseHandle;

  it('applies the migrations and answers a ping', async () => {
    handle = await open();
    opened.push(handle);
    await handle.migrate();
    await handle.ping();
    const tables = await queryRows<{ table_name: string }>(handle.db, sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`);
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['audit_events', 'audit_chain_heads', 'committee_members', 'policies', 'idempotency_keys', 'notifications']),
    );
  });

  it('round-trips a policy and chains its audit events', async () => {
    const actor = { userId: 'ada', roles: ['admin'] };
    const first = await readPolicy(handle.db, 'review');
    await writePolicy(handle.db, 'review', { ...first.value, quorumRatio: 0.6 }, actor);
    const second = await writePolicy(handle.db, 'review', { ...first.value, quorumRatio: 0.7 }, actor, 'committee decision 2026-11');
    expect(second.version).toBe(2);
    expect((await readPolicy(handle.db, 'review')).value.quorumRatio).toBe(0.7);
    const events = await queryRows<{ seq: number; hash: string; prev_hash: string | null; reason: string | null }>(
      handle.db,
      sql`select seq, hash, prev_hash, reason from audit_events where entity_type = 'policy' and entity_id = 'review' order by seq`,
    );
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(events[0]!.prev_hash).toBeNull();
    expect(events[1]!.prev_hash).toBe(events[0]!.hash);
    expect(events[1]!.reason).toBe('committee decision 2026-11');
  });

  it('reads several policies in one go as each reads alone, unset ones as their defaults', async () => {
    // 'review' was written above; 'sla' and 'calendar' are unset in this database.
    const together = await readPolicies(handle.db, ['review', 'sla', 'calendar']);
    expect(together).toEqual({ review: await readPolicy(handle.db, 'review'), sla: await readPolicy(handle.db, 'sla'), calendar: await readPolicy(handle.db, 'calendar') });
    expect(together.review.version).toBe(2);
    expect(together.sla).toEqual({ value: defaultSlaPolicy, version: 0 });
    expect(await readPolicies(handle.db, [])).toEqual({});
    // The calendar with the policies a caller needs: the same calendar as read alone.
    const withPolicies = await readBusinessCalendarWith(handle.db, ['sla', 'review']);
    const alone = await readBusinessCalendar(handle.db);
    expect(withPolicies.policies).toEqual({ sla: together.sla, review: together.review });
    expect({ settings: withPolicies.settings, settingsVersion: withPolicies.settingsVersion, imported: withPolicies.imported }).toEqual({ settings: alone.settings, settingsVersion: alone.settingsVersion, imported: alone.imported });
  });

  it('writes an audit event once per source key', async () => {
    const event = { entityType: 'complaint' as const, entityId: 'c-1', sourceKey: 'complaint-c-1:1', actor: 'cai', roles: ['cs_agent'], action: 'complaint.received', at: new Date('2026-11-27T10:00:00Z') };
    const a = await handle.db.transaction((tx) => appendAuditEvent(tx, event));
    const b = await handle.db.transaction((tx) => appendAuditEvent(tx, event));
    expect(a.duplicate).toBe(false);
    expect(b).toEqual({ seq: a.seq, hash: a.hash, duplicate: true });
    // The retry left the chain as it was: one event, and the head still on it.
    const [state] = await queryRows<{ events: number; head_seq: number; head_hash: string }>(
      handle.db,
      sql`select (select count(*)::int from audit_events where entity_id = 'c-1') as events, seq as head_seq, hash as head_hash from audit_chain_heads where entity_type = 'complaint' and entity_id = 'c-1'`,
    );
    expect(state).toEqual({ events: 1, head_seq: a.seq, head_hash: a.hash });
  });

  it('lines up concurrent appends to one new chain: seq 1..n, each linked to the one before', async () => {
    const appends = Array.from({ length: 12 }, (_, i) =>
      handle.db.transaction((tx) =>
        appendAuditEvent(tx, { entityType: 'complaint', entityId: 'c-race', sourceKey: `complaint-c-race:${i}`, actor: 'cai', roles: ['cs_agent'], action: 'complaint.noted', at: new Date('2026-11-27T10:00:00Z') }),
      ),
    );
    const results = await Promise.all(appends);
    expect(results.map((r) => r.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const chain = await queryRows<{ seq: number; hash: string; prev_hash: string | null }>(
      handle.db,
      sql`select seq, hash, prev_hash from audit_events where entity_type = 'complaint' and entity_id = 'c-race' order by seq`,
    );
    chain.forEach((e, i) => expect(e.prev_hash).toBe(i === 0 ? null : chain[i - 1]!.hash));
  });

  it('refuses UPDATE and DELETE of audit events', async () => {
    const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (err: Error & { cause?: Error }) => (err.cause ?? err).message);
    expect(await refusal(handle.db.execute(sql`update audit_events set actor = 'mallory'`))).toContain('audit_events is append-only: UPDATE refused');
    expect(await refusal(handle.db.execute(sql`delete from audit_events`))).toContain('audit_events is append-only: DELETE refused');
    const [count] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from audit_events where actor = 'mallory'`);
    expect(count!.n).toBe(0);
  });
});
