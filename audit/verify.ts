import { sql, type SQL } from 'drizzle-orm';
import { postgresUrlOf, queryRows, type Database } from '../db/client.js';
import { auditEventTextColumns, parsedAuditRow, type AuditEventTextRow } from '../db/audit.js';
import { ChainChecker, type ChainHead, type ChainVerification } from './chain.js';
import { defaultVerifyThreads, startOnThreads, threadsUsable } from './verify-threads.js';

/**
 * Verification of the audit trail in the database: one entity's chain, or the whole trail entity
 * by entity. Rows are read in keyset-paginated batches in (entity_type, entity_id, seq) order —
 * the unique index of the chain — so memory stays flat and nothing is locked: appends to any
 * chain go on while it runs.
 */
export const verifyBatchSize = 5_000;

async function readHead(db: Database, entityType: string, entityId: string): Promise<ChainHead | null> {
  const [head] = await queryRows<ChainHead>(db, sql`select seq, hash from audit_chain_heads where entity_type = ${entityType} and entity_id = ${entityId}`);
  return head ?? null;
}

/**
 * Verifies one entity's chain: each event's hash recomputed, each prevHash link, seq 1..n without
 * gaps, and the last event against the chain head. The head is read first and the chain up to its
 * seq, so an append racing the verification is not mistaken for a break.
 */
export async function verifyEntityChain(db: Database, entityType: string, entityId: string, opts: { batchSize?: number } = {}): Promise<ChainVerification> {
  const batchSize = opts.batchSize ?? verifyBatchSize;
  const head = await readHead(db, entityType, entityId);
  const checker = new ChainChecker(entityType, entityId);
  const upTo: SQL = head ? sql`and seq <= ${head.seq}` : sql``;
  let after = 0;
  for (;;) {
    const rows = await queryRows<AuditEventTextRow>(
      db,
      sql`select ${auditEventTextColumns} from audit_events
          where entity_type = ${entityType} and entity_id = ${entityId} and seq > ${after} ${upTo}
          order by seq limit ${batchSize}`,
    );
    for (const r of rows) checker.push(parsedAuditRow(r));
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.seq;
  }
  if (head && checker.ok) {
    // Events past the head: either appends that committed since the head was read, or rows no
    // append put there. A second look at the head tells them apart.
    const [beyond] = await queryRows<{ seq: number }>(
      db,
      sql`select seq from audit_events where entity_type = ${entityType} and entity_id = ${entityId} and seq > ${head.seq} order by seq limit 1`,
    );
    if (beyond) {
      const now = await readHead(db, entityType, entityId);
      if (!now || now.seq < beyond.seq) checker.beyondHead(head, beyond.seq);
    }
  }
  return checker.finish(head);
}

export interface TrailVerification {
  ok: boolean;
  /** Events examined. */
  checked: number;
  /** Chains examined. */
  entities: number;
  /** The first break of the first broken chain (chains ordered by entity type, then id). */
  firstBrokenAt?: string;
  reason?: string;
  /** Chains found broken (each with its first break); at most `maxBroken` listed. */
  broken: ChainVerification[];
  brokenCount: number;
  /** Key ranges the chains were split into, and how many of them were verified on worker threads. */
  ranges: number;
  threadedRanges: number;
  ms: number;
}

/**
 * Verifies the whole trail, entity by entity, without a global lock. The chains are split into
 * `ranges` contiguous key ranges of about as many chains each (default 2), verified concurrently,
 * each on its own connection of the pool: while one range's rows are read, another's are hashed,
 * so PostgreSQL and Node work at once. Within a range, events stream in batches in chain order;
 * the heads of a batch's chains are read right after it with one range query (so a head is never
 * older than the events read before it). A chain that looks broken in this pass is verified again
 * on its own (verifyEntityChain, head first) before it is reported, so an append racing the pass
 * is never reported as tampering. Heads without any event left (a whole chain deleted) are found
 * by one more query at the end. The next batch of a range is read while one is hashed.
 */
export async function verifyAll(db: Database, opts: { batchSize?: number; maxBroken?: number; ranges?: number; threads?: number } = {}): Promise<TrailVerification> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? verifyBatchSize;
  const maxBroken = opts.maxBroken ?? 1_000;
  let brokenCount = 0;
  // Each range's breaks apart (the first maxBroken of each), joined at the end in key order, so
  // the list does not depend on which range finished first.
  const recorder = (into: ChainVerification[]) => brokenRecorder(maxBroken, into, () => brokenCount++);

  // On PostgreSQL the ranges go to worker threads, each with its own connection (audit/verify-threads.ts);
  // PGlite lives in this process, so there they share this thread. opts.threads: 0 keeps them here.
  const url = opts.threads === 0 ? undefined : postgresUrlOf(db);
  const threads = url && threadsUsable() ? (opts.threads ?? defaultVerifyThreads()) : 0;
  // A small trail is not worth splitting (nor a thread's start), unless asked to be (tests split tiny trails on purpose).
  const bounds = await rangeBounds(db, opts.ranges ?? Math.max(threads, defaultRanges), opts.ranges ? 1 : 1_000);
  const ranges = [undefined, ...bounds].map((lo, i) => ({ lo, hi: bounds[i] }));
  const rangeBroken = ranges.map((): ChainVerification[] => []);
  const inline = (i: number) => verifyKeyRange(db, ranges[i]!, batchSize, recorder(rangeBroken[i]!));
  let threadedRanges = 0;
  let parts: { checked: number; entities: number }[] | undefined;
  if (url && threads > 0 && (bounds.length > 0 || opts.threads !== undefined)) {
    const answers = startOnThreads(threads, ranges.map((range) => ({ url, range, batchSize, maxBroken })));
    if (answers) {
      parts = await Promise.all(
        answers.map((answer, i) =>
          answer.then(
            (a) => {
              brokenCount += a.brokenCount;
              rangeBroken[i] = a.broken;
              threadedRanges++;
              return a;
            },
            // A thread that failed (could not start, lost its connection) gives its range back.
            () => inline(i),
          ),
        ),
      );
    }
  }
  parts ??= await Promise.all(ranges.map((_, i) => inline(i)));
  let checked = parts.reduce((a, p) => a + p.checked, 0);
  let entities = parts.reduce((a, p) => a + p.entities, 0);

  // Chains whose every event is gone but whose head remains.
  const orphans = await queryRows<{ entity_type: string; entity_id: string }>(
    db,
    sql`select h.entity_type, h.entity_id from audit_chain_heads h
        where h.seq > 0 and not exists (select 1 from audit_events e where e.entity_type = h.entity_type and e.entity_id = h.entity_id)`,
  );
  const orphanBroken: ChainVerification[] = [];
  for (const o of orphans) {
    const confirmed = await verifyEntityChain(db, o.entity_type, o.entity_id, { batchSize });
    entities++;
    checked += confirmed.checked;
    recorder(orphanBroken)(confirmed);
  }

  const broken = [...rangeBroken.flat(), ...orphanBroken];
  broken.sort((a, b) => (a.entityType === b.entityType ? compare(a.entityId, b.entityId) : compare(a.entityType, b.entityType)));
  broken.splice(maxBroken);
  const firstBroken = broken[0];
  return {
    ok: brokenCount === 0,
    checked,
    entities,
    ...(firstBroken ? { firstBrokenAt: firstBroken.firstBrokenAt, reason: firstBroken.reason } : {}),
    broken,
    brokenCount,
    ranges: ranges.length,
    threadedRanges,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Records a verification's result: a broken chain is counted (`onBroken`) and kept in `into` up to
 * `maxBroken`. The same rule here and on the verification threads (audit/verify-thread.ts).
 */
export function brokenRecorder(maxBroken: number, into: ChainVerification[], onBroken: () => void): (result: ChainVerification) => void {
  return (result) => {
    if (result.ok) return;
    onBroken();
    if (into.length < maxBroken) into.push(result);
  };
}

/** Ranges verified at once by default: two keep PostgreSQL and Node busy together on two cores. */
const defaultRanges = 2;

export interface ChainKey {
  entity_type: string;
  entity_id: string;
}

/**
 * The chain keys that split the chains (by their heads) into `ranges` parts of about equal count
 * (fewer when there are not `minChainsPerRange` chains for each):
 * range i is [bound i-1, bound i), the first open below, the last open above, so together they
 * cover every key — also chains whose head is missing.
 */
async function rangeBounds(db: Database, ranges: number, minChainsPerRange: number): Promise<ChainKey[]> {
  if (ranges <= 1) return [];
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_chain_heads`);
  const n = count?.n ?? 0;
  // As many ranges as asked for, but none smaller than minChainsPerRange.
  const parts = Math.min(ranges, Math.floor(n / minChainsPerRange));
  if (parts <= 1) return [];
  const bounds: ChainKey[] = [];
  for (let i = 1; i < parts; i++) {
    const [k] = await queryRows<ChainKey>(db, sql`select entity_type, entity_id from audit_chain_heads order by entity_type, entity_id offset ${Math.floor((i * n) / parts)} limit 1`);
    if (k && !bounds.some((b) => b.entity_type === k.entity_type && b.entity_id === k.entity_id)) bounds.push(k);
  }
  return bounds;
}

/** Verifies the chains with keys in [lo, hi) (either end open when undefined). */
export async function verifyKeyRange(db: Database, range: { lo?: ChainKey; hi?: ChainKey }, batchSize: number, record: (r: ChainVerification) => void): Promise<{ checked: number; entities: number }> {
  let checked = 0;
  let entities = 0;
  const below = range.hi ? sql`(entity_type, entity_id) < (${range.hi.entity_type}, ${range.hi.entity_id})` : sql`true`;
  const fetchEvents = (cursor: AuditEventTextRow | undefined) =>
    queryRows<AuditEventTextRow>(
      db,
      sql`select ${auditEventTextColumns} from audit_events
          where ${
            cursor
              ? sql`(entity_type, entity_id, seq) > (${cursor.entityType}, ${cursor.entityId}, ${cursor.seq})`
              : range.lo
                ? sql`(entity_type, entity_id) >= (${range.lo.entity_type}, ${range.lo.entity_id})`
                : sql`true`
          } and ${below}
          order by entity_type, entity_id, seq limit ${batchSize}`,
    );
  const fetchHeads = async (first: AuditEventTextRow, last: AuditEventTextRow) => {
    const rows = await queryRows<{ entity_type: string; entity_id: string; seq: number; hash: string }>(
      db,
      sql`select entity_type, entity_id, seq, hash from audit_chain_heads
          where (entity_type, entity_id) >= (${first.entityType}, ${first.entityId}) and (entity_type, entity_id) <= (${last.entityType}, ${last.entityId})`,
    );
    // By entity type, then id (a batch spans few types): no key string built per head or per chain.
    const byType = new Map<string, Map<string, ChainHead>>();
    for (const h of rows) {
      let ofType = byType.get(h.entity_type);
      if (!ofType) byType.set(h.entity_type, (ofType = new Map()));
      ofType.set(h.entity_id, { seq: h.seq, hash: h.hash });
    }
    return byType;
  };

  // Confirms a chain that looked broken, on its own and head first.
  const confirm = async (c: ChainChecker) => {
    const confirmed = await verifyEntityChain(db, c.entityType, c.entityId, { batchSize });
    checked += confirmed.checked - c.checked;
    record(confirmed);
  };

  let current: ChainChecker | undefined;
  let heads = new Map<string, Map<string, ChainHead>>();
  const suspects: ChainChecker[] = [];
  const close = () => {
    if (!current) return;
    entities++;
    checked += current.checked;
    if (!current.settle(heads.get(current.entityType)?.get(current.entityId) ?? null)) suspects.push(current);
    current = undefined;
  };

  let pending = fetchEvents(undefined);
  for (;;) {
    const rows = await pending;
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) break;
    const batchHeads = fetchHeads(first, last);
    pending = rows.length === batchSize ? fetchEvents(last) : Promise.resolve([]);
    const nextHeads = await batchHeads;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (!current || current.entityType !== r.entityType || current.entityId !== r.entityId) {
        close(); // a chain that ended with the previous batch closes with that batch's heads
        current = new ChainChecker(r.entityType, r.entityId);
      }
      if (i === 0) heads = nextHeads;
      current.push(parsedAuditRow(r));
    }
    for (const s of suspects.splice(0)) await confirm(s);
    if (rows.length < batchSize) break;
  }
  close();
  for (const s of suspects.splice(0)) await confirm(s);
  return { checked, entities };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
