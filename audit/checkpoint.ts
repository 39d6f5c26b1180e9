import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database, type Transaction } from '../db/client.js';
import { canonicalJson } from '../db/canonical.js';
import { chainPosition } from './chain.js';

/**
 * Checkpoints over every chain head (architecture principle 6). A chain alone cannot show that
 * its newest events were removed together with its head, or rewritten with fresh hashes; a
 * checkpoint records every head where the chain tables cannot change it, so such a rewind is found.
 *
 * - `headsHash` = sha256 of the RFC 8785 form of the list of all chain heads with seq > 0, each
 *   `{ entityType, entityId, seq, hash }`, sorted by entityType then entityId in Unicode code point
 *   order (PostgreSQL's "C" collation on a UTF-8 database).
 * - `hash` = sha256 of the RFC 8785 form of `{ at, entityCount, headsHash, prevCheckpointHash }`
 *   (`at` as ISO-8601 UTC with milliseconds); checkpoints form their own chain.
 * - The heads themselves go to `audit_checkpoint_heads`, only those new or changed since the
 *   previous checkpoint; the heads a checkpoint vouches for are, per entity, the newest recorded
 *   at or before it.
 * - Both tables are append-only (migration 0004).
 */
export interface Checkpoint {
  id: number;
  at: string;
  entityCount: number;
  headsHash: string;
  prevCheckpointHash: string | null;
  hash: string;
}

interface HeadRow {
  entity_type: string;
  entity_id: string;
  seq: number;
  hash: string;
}

export function headsHash(heads: Iterable<{ entityType: string; entityId: string; seq: number; hash: string }>): string {
  const h = createHash('sha256');
  h.update('[');
  let first = true;
  for (const head of heads) {
    h.update(first ? '' : ',');
    first = false;
    h.update(canonicalJson({ entityType: head.entityType, entityId: head.entityId, seq: head.seq, hash: head.hash }));
  }
  h.update(']');
  return h.digest('hex');
}

export function checkpointHash(c: { at: string; entityCount: number; headsHash: string; prevCheckpointHash: string | null }): string {
  return createHash('sha256')
    .update(canonicalJson({ at: c.at, entityCount: c.entityCount, headsHash: c.headsHash, prevCheckpointHash: c.prevCheckpointHash }))
    .digest('hex');
}

const checkpointColumns = sql.raw(
  `id::int8 as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, entity_count, heads_hash, prev_checkpoint_hash, hash`,
);
interface CheckpointRow {
  id: string | number;
  at: string;
  entity_count: number;
  heads_hash: string;
  prev_checkpoint_hash: string | null;
  hash: string;
}
const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  id: Number(r.id),
  at: r.at,
  entityCount: r.entity_count,
  headsHash: r.heads_hash,
  prevCheckpointHash: r.prev_checkpoint_hash,
  hash: r.hash,
});

const headsInOrder = sql.raw(`order by entity_type collate "C", entity_id collate "C"`);

function hashOfHeadRows(rows: HeadRow[]): string {
  return headsHash(rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id, seq: r.seq, hash: r.hash })));
}

export async function latestCheckpoint(db: Database | Transaction): Promise<Checkpoint | null> {
  const [row] = await queryRows<CheckpointRow>(db as Database, sql`select ${checkpointColumns} from audit_checkpoints order by id desc limit 1`);
  return row ? toCheckpoint(row) : null;
}

/**
 * Writes a checkpoint of all chain heads as they stand, or nothing (null) when no head changed
 * since the last one. Several workers may call it at once: they queue on a table lock taken
 * before the transaction's snapshot, so each sees the checkpoint written before it.
 */
export async function writeCheckpoint(db: Database, opts: { now?: Date } = {}): Promise<Checkpoint | null> {
  return db.transaction(
    async (tx) => {
      // LOCK is not a query: the repeatable-read snapshot starts after the lock is granted.
      await tx.execute(sql`lock table audit_checkpoints in share row exclusive mode`);
      const prev = await latestCheckpoint(tx);
      const heads = await queryRows<HeadRow>(tx as unknown as Database, sql`select entity_type, entity_id, seq, hash from audit_chain_heads where seq > 0 ${headsInOrder}`);
      const hh = hashOfHeadRows(heads);
      if (prev && prev.headsHash === hh && prev.entityCount === heads.length) return null;
      const at = (opts.now ?? new Date()).toISOString();
      const fields = { at, entityCount: heads.length, headsHash: hh, prevCheckpointHash: prev?.hash ?? null };
      const hash = checkpointHash(fields);
      const [inserted] = await queryRows<{ id: string }>(
        tx as unknown as Database,
        sql`insert into audit_checkpoints (at, entity_count, heads_hash, prev_checkpoint_hash, hash)
            values (${at}, ${fields.entityCount}, ${hh}, ${fields.prevCheckpointHash}, ${hash}) returning id::text as id`,
      );
      const id = Number(inserted!.id);
      // Same snapshot as the heads hashed above: record those new or changed since the last checkpoint.
      await tx.execute(sql`
        insert into audit_checkpoint_heads (checkpoint_id, entity_type, entity_id, seq, hash)
        select ${id}, h.entity_type, h.entity_id, h.seq, h.hash from audit_chain_heads h
        left join lateral (
          select r.seq, r.hash from audit_checkpoint_heads r
          where r.entity_type = h.entity_type and r.entity_id = h.entity_id
          order by r.checkpoint_id desc limit 1
        ) r on true
        where h.seq > 0 and (r.seq is null or r.seq <> h.seq or r.hash <> h.hash)`);
      return { id, ...fields, hash };
    },
    { isolationLevel: 'repeatable read' },
  );
}

export type CheckpointBreakReason = 'checkpoint_altered' | 'checkpoint_chain_broken' | 'checkpoint_heads_altered' | 'truncated' | 'rewritten' | 'head_rewound';

export interface CheckpointBreak {
  entityType?: string;
  entityId?: string;
  /** `${entityType}/${entityId}#${seq}` for a chain; `checkpoint#${id}` for the checkpoints themselves. */
  firstBrokenAt: string;
  reason: CheckpointBreakReason;
  detail: string;
}

export interface CheckpointVerification {
  ok: boolean;
  /** The newest checkpoint, against which the chains were compared; null when none exists yet. */
  checkpoint: Pick<Checkpoint, 'id' | 'at' | 'entityCount' | 'hash'> | null;
  checkpointsChecked: number;
  /** Chains compared with their recorded head. */
  entitiesChecked: number;
  firstBrokenAt?: string;
  reason?: CheckpointBreakReason;
  broken: CheckpointBreak[];
}

/** The recorded head vs. the chain now: event at the recorded seq, and the current chain head. */
interface ComparisonRow {
  entity_type: string;
  entity_id: string;
  seq: number;
  hash: string;
  event_hash: string | null;
  head_seq: number | null;
  last_present: number | null;
}

function comparisonBreak(r: ComparisonRow): CheckpointBreak {
  const at = (seq: number) => chainPosition(r.entity_type, r.entity_id, seq);
  const base = { entityType: r.entity_type, entityId: r.entity_id };
  if (r.event_hash === null) {
    const firstMissing = (r.last_present ?? 0) + 1;
    return { ...base, firstBrokenAt: at(firstMissing), reason: 'truncated', detail: `a checkpoint recorded the chain up to #${r.seq}; the chain now ends at #${firstMissing - 1}` };
  }
  if (r.event_hash !== r.hash) {
    return { ...base, firstBrokenAt: at(r.seq), reason: 'rewritten', detail: `event #${r.seq} differs from the one a checkpoint recorded: the chain was rewritten` };
  }
  return { ...base, firstBrokenAt: at((r.head_seq ?? 0) + 1), reason: 'head_rewound', detail: `the chain head (${r.head_seq === null ? 'missing' : `#${r.head_seq}`}) is behind #${r.seq}, which a checkpoint recorded` };
}

const comparison = (recorded: SQL) => sql`
  select r.entity_type, r.entity_id, r.seq, r.hash, e.hash as event_hash, h.seq as head_seq,
         (select max(m.seq) from audit_events m where m.entity_type = r.entity_type and m.entity_id = r.entity_id and m.seq <= r.seq) as last_present
  from (${recorded}) r
  left join audit_events e on e.entity_type = r.entity_type and e.entity_id = r.entity_id and e.seq = r.seq
  left join audit_chain_heads h on h.entity_type = r.entity_type and h.entity_id = r.entity_id
  where e.hash is distinct from r.hash or h.seq is null or h.seq < r.seq`;

/**
 * Verifies the checkpoints (each one's hash and its link to the one before) and compares the
 * newest checkpoint's heads with the chains as they are now: a chain shorter than recorded
 * (`truncated`), with another event at the recorded seq (`rewritten`), or whose head went back
 * (`head_rewound`) is reported at its first missing or changed event.
 */
export async function verifyCheckpoints(db: Database, opts: { maxBroken?: number } = {}): Promise<CheckpointVerification> {
  const maxBroken = opts.maxBroken ?? 1_000;
  const broken: CheckpointBreak[] = [];
  let checkpointsChecked = 0;
  let prev: Checkpoint | null = null;
  let latest: Checkpoint | null = null;
  for (let after = 0; ; ) {
    const rows = await queryRows<CheckpointRow>(db, sql`select ${checkpointColumns} from audit_checkpoints where id > ${after} order by id limit 1000`);
    for (const row of rows) {
      const c = toCheckpoint(row);
      checkpointsChecked++;
      if (broken.length === 0) {
        if (checkpointHash(c) !== c.hash) {
          broken.push({ firstBrokenAt: `checkpoint#${c.id}`, reason: 'checkpoint_altered', detail: 'the checkpoint’s content does not match its hash' });
        } else if (c.prevCheckpointHash !== (prev?.hash ?? null)) {
          broken.push({ firstBrokenAt: `checkpoint#${c.id}`, reason: 'checkpoint_chain_broken', detail: 'the checkpoint does not link to the checkpoint before it' });
        }
      }
      prev = c;
      latest = c;
    }
    if (rows.length < 1000) break;
    after = latest!.id;
  }
  if (!latest) return { ok: true, checkpoint: null, checkpointsChecked: 0, entitiesChecked: 0, broken: [] };

  const recorded = sql`select distinct on (entity_type, entity_id) entity_type, entity_id, seq, hash
                       from audit_checkpoint_heads where checkpoint_id <= ${latest.id}
                       order by entity_type, entity_id, checkpoint_id desc`;
  const heads = await queryRows<HeadRow>(db, sql`select * from (${recorded}) r ${headsInOrder}`);
  if (hashOfHeadRows(heads) !== latest.headsHash || heads.length !== latest.entityCount) {
    broken.push({ firstBrokenAt: `checkpoint#${latest.id}`, reason: 'checkpoint_heads_altered', detail: 'the heads recorded for the checkpoint do not match its heads hash' });
  }
  const differing = await queryRows<ComparisonRow>(db, sql`${comparison(recorded)} order by r.entity_type, r.entity_id limit ${maxBroken}`);
  for (const r of differing) broken.push(comparisonBreak(r));

  const first = broken[0];
  return {
    ok: broken.length === 0,
    checkpoint: { id: latest.id, at: latest.at, entityCount: latest.entityCount, hash: latest.hash },
    checkpointsChecked,
    entitiesChecked: heads.length,
    ...(first ? { firstBrokenAt: first.firstBrokenAt, reason: first.reason } : {}),
    broken: broken.slice(0, maxBroken),
  };
}

/**
 * One chain against the newest head any checkpoint recorded for it (null: never recorded).
 * Finds a truncated or rewritten chain even when its events and its head are all gone.
 */
export async function verifyEntityAgainstCheckpoint(
  db: Database,
  entityType: string,
  entityId: string,
): Promise<{ recorded: { seq: number; checkpointId: number } | null; break?: CheckpointBreak }> {
  const [r] = await queryRows<{ seq: number; checkpoint_id: string }>(
    db,
    sql`select seq, checkpoint_id::text from audit_checkpoint_heads where entity_type = ${entityType} and entity_id = ${entityId} order by checkpoint_id desc limit 1`,
  );
  if (!r) return { recorded: null };
  const recorded = sql`select entity_type, entity_id, seq, hash from audit_checkpoint_heads
                       where entity_type = ${entityType} and entity_id = ${entityId} and checkpoint_id = ${r.checkpoint_id}`;
  const [differing] = await queryRows<ComparisonRow>(db, comparison(recorded));
  return { recorded: { seq: r.seq, checkpointId: Number(r.checkpoint_id) }, ...(differing ? { break: comparisonBreak(differing) } : {}) };
}
