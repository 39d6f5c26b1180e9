import os from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../../db/audit.js';
import { openDatabase } from '../../db/client.js';
import { verifyAll } from '../../audit/verify.js';
import { prestartVerifyThreads, stopVerifyThreads, verifyThreadsStarted } from '../../audit/verify-threads.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * The whole-trail verification splits the chains into key ranges verified at once. However it is
 * split — one range, two, several, more ranges than chains — it examines the same events and
 * chains and reports the same breaks, including breaks at the edges of ranges and a chain whose
 * every event was deleted (only its head remains) — whether the ranges are verified in this
 * thread or on worker threads over connections of their own (audit/verify-threads.ts).
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
});
afterAll(async () => {
  await stopVerifyThreads();
  await stack?.stop();
});

async function append(entityType: 'complaint' | 'initiative', entityId: string, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await stack.database.db.transaction((tx) =>
      appendAuditEvent(tx, {
        entityType,
        entityId,
        sourceKey: `${entityType}-${entityId}:${i}`,
        actor: 'cai',
        roles: ['cs_agent'],
        action: `${entityType}.step${i}`,
        at: new Date(Date.UTC(2026, 10, 27, 9, 0, i)),
        before: i === 1 ? null : { status: `s${i - 1}` },
        after: { status: `s${i}` },
        reason: null,
      }),
    );
  }
}

async function asAttacker(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    for (const s of statements) await client.query(s);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

const splits = [1, 2, 3, 5, 40];
// Here, then on two threads (more ranges than threads: a thread works on several at once).
const placements = [{ threads: 0 }, { threads: 2 }];

describe('whole-trail verification in key ranges', () => {
  it('gives the same answer however the chains are split, intact and tampered', async () => {
    // 24 chains of 1 to 4 events over two entity types: 60 events.
    for (let i = 0; i < 12; i++) {
      await append('complaint', `c${String(i).padStart(2, '0')}`, (i % 4) + 1);
      await append('initiative', `i${String(i).padStart(2, '0')}`, ((i + 2) % 4) + 1);
    }
    for (const { threads } of placements) {
      for (const ranges of splits) {
        const all = await verifyAll(stack.database.db, { ranges, batchSize: 3, threads });
        expect(all, `${ranges} ranges, ${threads} threads`).toMatchObject({ ok: true, checked: 60, entities: 24, brokenCount: 0 });
        expect(all.threadedRanges, `${ranges} ranges, ${threads} threads: on threads`).toBe(threads > 0 ? all.ranges : 0);
      }
    }

    await asAttacker([
      // first and last chains of the trail, and chains in between
      `update audit_events set after = '{"status":"forged"}' where entity_type = 'complaint' and entity_id = 'c00' and seq = 1`,
      `update audit_events set reason = 'forged' where entity_type = 'initiative' and entity_id = 'i11' and seq = 2`,
      `delete from audit_events where entity_type = 'complaint' and entity_id = 'c07' and seq = 2`,
      // a whole chain deleted: only its head remains
      `delete from audit_events where entity_type = 'initiative' and entity_id = 'i05'`,
    ]);
    const answers = [];
    for (const { threads } of placements) {
      for (const ranges of splits) {
        const all = await verifyAll(stack.database.db, { ranges, batchSize: 3, threads });
        answers.push({ split: `${ranges} ranges, ${threads} threads`, answer: { ok: all.ok, checked: all.checked, entities: all.entities, brokenCount: all.brokenCount, broken: all.broken.map((b) => [b.firstBrokenAt, b.reason]) } });
      }
    }
    expect(answers[0]!.answer).toEqual({
      ok: false,
      checked: 60 - 1 - 4,
      entities: 24,
      brokenCount: 4,
      broken: [
        ['complaint/c00#1', 'hash_mismatch'],
        ['complaint/c07#3', 'seq_gap'],
        ['initiative/i05#1', 'tail_missing'],
        ['initiative/i11#2', 'hash_mismatch'],
      ],
    });
    for (const { split, answer } of answers) expect(answer, split).toEqual(answers[0]!.answer);
  });

  it('runs on threads started ahead (as the API starts them), as many as configured, and here with 0', async () => {
    await stopVerifyThreads();
    expect(verifyThreadsStarted()).toBe(0);
    // Started before anything is asked of them, as the API does at its start (AUDIT_VERIFY_THREADS).
    expect(prestartVerifyThreads(3)).toBe(3);
    expect(verifyThreadsStarted()).toBe(3);
    const first = await verifyAll(stack.database.db, { ranges: 6, batchSize: 3 });
    expect(first).toMatchObject({ checked: 55, entities: 24, ranges: 6, threadedRanges: 6 });
    // The same threads, none added, for the next.
    expect(verifyThreadsStarted()).toBe(3);
    // AUDIT_VERIFY_THREADS=0: every range on the caller's thread, with the same answer.
    expect(prestartVerifyThreads(0)).toBe(0);
    const here = await verifyAll(stack.database.db, { ranges: 6, batchSize: 3 });
    expect(here).toMatchObject({ checked: 55, entities: 24, ranges: 6, threadedRanges: 0 });
    expect(here.broken).toEqual(first.broken);
    await stopVerifyThreads();
  });

  it('verifies every range here, with the same answer, when the threads get no connection', async () => {
    // A role allowed one connection, which the caller's pool holds: each thread's connection is
    // refused ("too many connections for role"), so each range comes back to be verified inline.
    const role = `verify_one_connection_${process.pid}`;
    const admin = new pg.Client({ connectionString: stack.databaseUrl });
    await admin.connect();
    try {
      await admin.query(`create role ${role} login connection limit 1`);
      await admin.query(`grant select on audit_events, audit_chain_heads to ${role}`);
      const url = new URL(stack.databaseUrl);
      url.username = role;
      const limited = await openDatabase({ url: url.toString(), dataDir: os.tmpdir(), poolMax: 1 });
      try {
        const summary = (v: Awaited<ReturnType<typeof verifyAll>>) => ({ ok: v.ok, checked: v.checked, entities: v.entities, brokenCount: v.brokenCount, broken: v.broken.map((b) => [b.firstBrokenAt, b.reason]) });
        const here = await verifyAll(stack.database.db, { ranges: 3, batchSize: 3, threads: 0 });
        const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
        const refused = await verifyAll(limited.db, { ranges: 3, batchSize: 3, threads: 2 });
        expect({ ranges: refused.ranges, threadedRanges: refused.threadedRanges }).toEqual({ ranges: 3, threadedRanges: 0 });
        expect(summary(refused)).toEqual(summary(here));
        expect(here.ok).toBe(false); // the trail the test before left tampered
        // After the failure the threads rest, and said why: a full handle now verifies here too.
        expect((await verifyAll(stack.database.db, { ranges: 3, batchSize: 3, threads: 2 })).threadedRanges).toBe(0);
        expect(await warned).toMatchObject({ code: 'CXGOV_VERIFY_THREADS' });
      } finally {
        await limited.close();
        await stopVerifyThreads();
      }
    } finally {
      await admin.query(`drop owned by ${role}`);
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
    }
  });
});
