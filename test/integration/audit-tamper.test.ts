import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHash, appendAuditEvent } from '../../db/audit.js';
import { verifyCheckpoints, verifyEntityAgainstCheckpoint, writeCheckpoint } from '../../audit/checkpoint.js';
import { verifyAll, verifyEntityChain } from '../../audit/verify.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Tampering with the audit trail directly in PostgreSQL. The database refuses UPDATE/DELETE on
 * audit rows (test/integration/database.test.ts), so these tests play a DBA-level attacker: a
 * superuser session with `session_replication_role = replica`, which skips the append-only
 * triggers. Verification must then name the first broken event of each chain, and the
 * checkpoints must catch what a chain alone cannot (a tail removed together with its head).
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
});
afterAll(async () => {
  await stack?.stop();
});

async function append(entityId: string, n: number, from = 1): Promise<void> {
  for (let i = from; i < from + n; i++) {
    await stack.database.db.transaction((tx) =>
      appendAuditEvent(tx, {
        entityType: 'complaint',
        entityId,
        sourceKey: `complaint-${entityId}:${i}`,
        actor: 'cai',
        roles: ['cs_agent'],
        action: `complaint.step${i}`,
        at: new Date(Date.UTC(2026, 10, 27, 9, 0, i)),
        before: i === 1 ? null : { status: `s${i - 1}` },
        after: { status: `s${i}`, customer: { ref: `ref-${entityId}` } },
        reason: i === 2 ? 'customer called' : null,
      }),
    );
  }
}

/** Runs statements as a superuser with the append-only triggers bypassed (a DBA-level attacker). */
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

const idOf = async (entityId: string, seq: number) =>
  (await stack.query<{ id: string }>(`select id::text from audit_events where entity_type = 'complaint' and entity_id = $1 and seq = $2`, [entityId, seq]))[0]!.id;
const where = (entityId: string, seq: number) => `entity_type = 'complaint' and entity_id = '${entityId}' and seq = ${seq}`;

describe('tamper evidence', () => {
  it('verifies an intact trail, also while other chains are being appended to', async () => {
    for (const e of ['edit', 'gap', 'tail', 'swap', 'intact', 'rewind', 'rewrite']) await append(e, 5);
    const first = await verifyAll(stack.database.db, { batchSize: 7 });
    expect(first).toMatchObject({ ok: true, checked: 35, entities: 7, brokenCount: 0 });

    // Appends racing a verification (small batches so the pass spans many queries) are no break.
    const racing = Promise.all(['race-a', 'race-b', 'race-c'].map((e) => append(e, 15)));
    const during = await verifyAll(stack.database.db, { batchSize: 3 });
    await racing;
    expect(during.ok).toBe(true);
    expect(await verifyAll(stack.database.db)).toMatchObject({ ok: true, checked: 80, entities: 10 });
  });

  it('records a checkpoint of every chain head, and none when nothing moved', async () => {
    const c1 = await writeCheckpoint(stack.database.db);
    expect(c1).toMatchObject({ entityCount: 10, prevCheckpointHash: null });
    expect(await writeCheckpoint(stack.database.db)).toBeNull();
    await append('intact', 1, 6);
    const c2 = await writeCheckpoint(stack.database.db);
    expect(c2).toMatchObject({ entityCount: 10, prevCheckpointHash: c1!.hash });
    // Only the head that moved is recorded again.
    const recorded = await stack.query<{ n: number }>(`select count(*)::int as n from audit_checkpoint_heads where checkpoint_id = $1`, [c2!.id]);
    expect(recorded[0]!.n).toBe(1);
    expect(await verifyCheckpoints(stack.database.db)).toMatchObject({ ok: true, checkpointsChecked: 2, entitiesChecked: 10, checkpoint: { id: c2!.id } });
  });

  it('names the first broken event of each chain after rows are edited, deleted and reordered in the database', async () => {
    const editedId = await idOf('edit', 3);
    const afterGapId = await idOf('gap', 3);
    const movedId = await idOf('swap', 3);
    await asAttacker([
      // an edit: the decision recorded in event 3 changed, its stored hash left as it was
      `update audit_events set after = '{"status": "closed", "customer": {"ref": "ref-edit"}}' where ${where('edit', 3)}`,
      // a deletion in the middle
      `delete from audit_events where ${where('gap', 2)}`,
      // a deleted tail (the chain head still counts it)
      `delete from audit_events where entity_type = 'complaint' and entity_id = 'tail' and seq >= 4`,
      // a reordering: events 2 and 3 swap places
      `update audit_events set seq = -2 where ${where('swap', 2)}`,
      `update audit_events set seq = 2 where ${where('swap', 3)}`,
      `update audit_events set seq = 3 where ${where('swap', -2)}`,
    ]);

    const db = stack.database.db;
    expect(await verifyEntityChain(db, 'complaint', 'edit')).toMatchObject({ ok: false, firstBrokenAt: 'complaint/edit#3', eventId: editedId, reason: 'hash_mismatch' });
    expect(await verifyEntityChain(db, 'complaint', 'gap')).toMatchObject({ ok: false, firstBrokenAt: 'complaint/gap#3', eventId: afterGapId, reason: 'seq_gap' });
    expect(await verifyEntityChain(db, 'complaint', 'tail')).toMatchObject({ ok: false, checked: 3, firstBrokenAt: 'complaint/tail#4', reason: 'tail_missing' });
    expect(await verifyEntityChain(db, 'complaint', 'swap')).toMatchObject({ ok: false, firstBrokenAt: 'complaint/swap#2', eventId: movedId, reason: 'prev_hash_mismatch' });
    expect(await verifyEntityChain(db, 'complaint', 'intact')).toMatchObject({ ok: true, checked: 6 });

    const all = await verifyAll(db, { batchSize: 4 });
    expect(all).toMatchObject({ ok: false, brokenCount: 4, firstBrokenAt: 'complaint/edit#3', reason: 'hash_mismatch' });
    expect(all.broken.map((b) => [b.firstBrokenAt, b.reason])).toEqual([
      ['complaint/edit#3', 'hash_mismatch'],
      ['complaint/gap#3', 'seq_gap'],
      ['complaint/swap#2', 'prev_hash_mismatch'],
      ['complaint/tail#4', 'tail_missing'],
    ]);
    expect(all.checked).toBe(81 - 1 - 2);
  });

  it('finds a tail removed together with its chain head, and a rewritten tail, through the checkpoint', async () => {
    const db = stack.database.db;
    const [third] = await stack.query<{ hash: string }>(`select hash from audit_events where ${where('rewind', 3)}`);
    const [fourth] = await stack.query<Record<string, unknown>>(`select seq, action, at, prev_hash from audit_events where ${where('rewrite', 5)}`);
    // A forged fifth event with a correct hash, linked to the real fourth: the chain itself is consistent.
    const forged = {
      entityType: 'complaint',
      entityId: 'rewrite',
      seq: 5,
      actor: 'cai',
      roles: ['cs_agent'],
      action: 'complaint.withdrawn',
      at: new Date(Date.UTC(2026, 10, 27, 9, 0, 5)).toISOString(),
      before: null,
      after: { status: 'withdrawn' },
      reason: null,
      prevHash: fourth!.prev_hash as string,
    };
    const forgedHash = auditHash(forged);
    await asAttacker([
      `delete from audit_events where entity_type = 'complaint' and entity_id = 'rewind' and seq >= 4`,
      `update audit_chain_heads set seq = 3, hash = '${third!.hash}' where entity_type = 'complaint' and entity_id = 'rewind'`,
      `update audit_events set action = '${forged.action}', before = null, after = '{"status":"withdrawn"}', hash = '${forgedHash}' where ${where('rewrite', 5)}`,
      `update audit_chain_heads set hash = '${forgedHash}' where entity_type = 'complaint' and entity_id = 'rewrite'`,
    ]);

    // The chains alone look whole…
    expect(await verifyEntityChain(db, 'complaint', 'rewind')).toMatchObject({ ok: true, checked: 3 });
    expect(await verifyEntityChain(db, 'complaint', 'rewrite')).toMatchObject({ ok: true, checked: 5 });
    // …the checkpoint does not.
    const cp = await verifyCheckpoints(db);
    expect(cp.ok).toBe(false);
    // (Breaks inside a chain — the edit, the gap, the swap — are the chain verification's to find.)
    expect(cp.broken.map((b) => [b.firstBrokenAt, b.reason])).toEqual([
      ['complaint/rewind#4', 'truncated'],
      ['complaint/rewrite#5', 'rewritten'],
      ['complaint/tail#4', 'truncated'],
    ]);
    expect(await verifyEntityAgainstCheckpoint(db, 'complaint', 'rewind')).toMatchObject({ recorded: { seq: 5 }, break: { firstBrokenAt: 'complaint/rewind#4', reason: 'truncated' } });
    expect(await verifyEntityAgainstCheckpoint(db, 'complaint', 'intact')).toEqual({ recorded: { seq: 6, checkpointId: expect.any(Number) } });
  });

  it('finds an altered checkpoint, and the database refuses changes to checkpoints', async () => {
    const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (err: Error) => err.message);
    expect(await refusal(stack.query(`update audit_checkpoints set entity_count = 0`))).toContain('audit_checkpoints is append-only: UPDATE refused');
    expect(await refusal(stack.query(`delete from audit_checkpoint_heads`))).toContain('audit_checkpoint_heads is append-only: DELETE refused');
    expect(await refusal(stack.query(`truncate audit_checkpoints cascade`))).toContain('append-only: TRUNCATE refused');

    await asAttacker([`update audit_checkpoints set entity_count = 9 where id = (select min(id) from audit_checkpoints)`]);
    const cp = await verifyCheckpoints(stack.database.db);
    expect(cp).toMatchObject({ ok: false, reason: 'checkpoint_altered' });
    expect(cp.firstBrokenAt).toMatch(/^checkpoint#\d+$/);
  });
});
