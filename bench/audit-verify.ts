/**
 * Audit verification speed (docs/quality-bars.md "Audit verification: events verified per second",
 * target ≥ 50k events/s): fills a scratch PostgreSQL database with a realistic trail — by
 * default 100k events over 1k entities, shaped like the workflows' events (a state summary before
 * and after, one event in ten a larger creation/decision record; `--payload large` makes every
 * event carry a full complaint snapshot instead, ~4× the bytes) — then times
 * verifyAll (the whole trail) and verifyEntityChain (one long chain) over several runs and prints
 * the medians. The scratch database is dropped at the end.
 *
 *   node --import tsx bench/audit-verify.ts [--events 100000] [--entities 1000] [--runs 5] [--payload typical|large] [--ranges N] [--threads N]
 *
 * --ranges: key ranges verified at once (verifyAll's default when omitted).
 * --threads: verification threads (0: all on the main thread; verifyAll's default when omitted).
 *
 * Uses TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) to create the
 * scratch database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { auditHash } from '../db/audit.js';
import { postgresCpuMs } from './lib/cpu.js';
import { openDatabase } from '../db/client.js';
import { verifyAll, verifyEntityChain } from '../audit/verify.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    entities: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    ranges: { type: 'string' },
    threads: { type: 'string' },
    payload: { type: 'string', default: 'typical' },
  },
});
const totalEvents = Number(values.events);
const entityCount = Number(values.entities);
const runs = Number(values.runs);
const perEntity = Math.ceil(totalEvents / entityCount);

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `cxgov_bench_audit_${process.pid}`;
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

async function admin(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

const large = values.payload === 'large';

/** What the workflows record around a command: a small state summary (see complaint/initiative workflows). */
function summary(seq: number, i: number) {
  return { status: ['open', 'responded', 'transferred', 'resolved', 'awaiting_customer', 'closed'][seq % 6], owner: { kind: 'user', id: `agent-${i % 17}` }, escalationLevel: seq % 4 };
}

function payload(seq: number, i: number): { before: unknown; after: unknown } {
  if (large) return { before: seq === 1 ? null : snapshot(seq - 1, i), after: snapshot(seq, i) };
  if (seq === 1 || seq % 10 === 0) {
    return {
      before: seq === 1 ? null : summary(seq - 1, i),
      after: { ...snapshot(seq, i), description: 'The card was charged twice for the same purchase at the merchant on the 3rd; customer asks for a refund.' },
    };
  }
  return { before: summary(seq - 1, i), after: { ...summary(seq, i), channel: 'phone', message: `Called the customer back about step ${seq}; waiting for the statement.` } };
}

function snapshot(seq: number, i: number) {
  return {
    status: ['open', 'responded', 'transferred', 'resolved', 'awaiting_customer', 'closed'][seq % 6],
    severity: ['general', 'major', 'urgent'][i % 3],
    owner: { kind: 'user', id: `agent-${i % 17}` },
    escalationLevel: seq % 4,
    customer: { ref: `cust-${i}`, name: 'v1.c2VhbGVk.dGFn.bmFtZQ', phone: 'v1.c2VhbGVk.dGFn.cGhvbmU' },
    clocks: {
      firstResponse: { state: 'met', deadline: '2026-11-28T10:00:00.000Z', metAt: '2026-11-27T11:00:00.000Z' },
      resolution: { state: seq % 5 ? 'pending' : 'at_risk', deadline: '2026-12-08T18:00:00.000Z' },
    },
    breaches: seq % 7 ? [] : [{ clock: 'resolution', at: '2026-12-08T18:00:00.000Z', level: 1 }],
    version: seq,
  };
}

async function seed(): Promise<void> {
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  const columns = ['entity_type', 'entity_id', 'seq', 'source_key', 'actor', 'roles', 'action', 'at', 'before', 'after', 'reason', 'hash', 'prev_hash'];
  let batch: unknown[][] = [];
  const inserts: Promise<unknown>[] = [];
  const flush = () => {
    if (!batch.length) return;
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(',')})`);
    inserts.push(pool.query(`insert into audit_events (${columns.join(',')}) values ${tuples.join(',')}`, params));
    batch = [];
  };
  const heads: unknown[][] = [];
  const t0 = Date.UTC(2026, 0, 1);
  let written = 0;
  for (let i = 0; i < entityCount && written < totalEvents; i++) {
    const entityId = `bench-${String(i).padStart(6, '0')}`;
    let prevHash: string | null = null;
    let seq = 0;
    for (; seq < perEntity && written < totalEvents; written++) {
      seq++;
      const e = {
        entityType: 'complaint',
        entityId,
        seq,
        actor: `agent-${(i + seq) % 17}`,
        roles: ['cs_agent'],
        action: `complaint.step${seq % 9}`,
        at: new Date(t0 + i * 1_000_000 + seq * 1000).toISOString(),
        ...payload(seq, i),
        reason: seq % 10 === 0 ? 'customer asked for a callback' : null,
        prevHash,
      };
      const hash = auditHash(e);
      batch.push([e.entityType, e.entityId, e.seq, `bench:${entityId}:${seq}`, e.actor, JSON.stringify(e.roles), e.action, e.at, e.before === null ? null : JSON.stringify(e.before), JSON.stringify(e.after), e.reason, hash, prevHash]);
      prevHash = hash;
      if (batch.length === 1000) flush();
      if (inserts.length >= 8) await Promise.all(inserts.splice(0));
    }
    heads.push(['complaint', entityId, seq, prevHash]);
  }
  flush();
  await Promise.all(inserts);
  for (let k = 0; k < heads.length; k += 1000) {
    const params: unknown[] = [];
    const tuples = heads.slice(k, k + 1000).map((row) => `(${row.map((v) => `$${params.push(v)}`).join(',')})`);
    await pool.query(`insert into audit_chain_heads (entity_type, entity_id, seq, hash) values ${tuples.join(',')}`, params);
  }
  await pool.query('vacuum analyze audit_events');
  await pool.query('vacuum analyze audit_chain_heads');
  await pool.end();
  log(`seeded ${written} events over ${heads.length} entities`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'cxgov-bench-'));
await admin(`drop database if exists "${dbName}"`);
await admin(`create database "${dbName}"`);
const handle = await openDatabase({ url: url.toString(), dataDir: scratch });
try {
  await handle.migrate();
  log(`seeding ${totalEvents} events over ${entityCount} entities…`);
  await seed();

  const trail: number[] = [];
  const perCpu: number[] = [];
  const nodeUs: number[] = [];
  const databaseUs: number[] = [];
  for (let r = 1; r <= runs; r++) {
    const cpu = process.cpuUsage();
    const database = postgresCpuMs(dbName);
    const t = performance.now();
    const result = await verifyAll(handle.db, { ...(values.ranges ? { ranges: Number(values.ranges) } : {}), ...(values.threads ? { threads: Number(values.threads) } : {}) });
    const s = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    if (!result.ok || result.checked !== totalEvents) throw new Error(`verification disagrees: ${JSON.stringify({ ...result, broken: result.broken.slice(0, 3) })}`);
    trail.push(result.checked / s);
    perCpu.push(result.checked / ((used.user + used.system) / 1e6));
    nodeUs.push((used.user + used.system) / result.checked);
    databaseUs.push(((postgresCpuMs(dbName) - database) * 1000) / result.checked);
    log(`verifyAll run ${r}/${runs}: ${result.checked} events in ${s.toFixed(2)} s → ${Math.round(result.checked / s)} events/s (${Math.round(perCpu[perCpu.length - 1]!)} per CPU-second of this process; load ${os.loadavg()[0]!.toFixed(1)})`);
  }
  const chain: number[] = [];
  for (let r = 1; r <= runs; r++) {
    const t = performance.now();
    const result = await verifyEntityChain(handle.db, 'complaint', 'bench-000000');
    const s = (performance.now() - t) / 1000;
    if (!result.ok) throw new Error(`verification disagrees: ${JSON.stringify(result)}`);
    chain.push(result.checked / s);
  }
  const summary = {
    benchmark: 'audit-verify',
    events: totalEvents,
    entities: entityCount,
    runs,
    payload: large ? 'large' : 'typical',
    verifyAllEventsPerSecond: Math.round(median(trail)),
    verifyAllRuns: trail.map(Math.round),
    /** Less sensitive to other load on a shared machine: events per CPU-second of the verifying process (the database's own CPU not counted). */
    verifyAllEventsPerProcessCpuSecond: Math.round(median(perCpu)),
    /**
     * CPU microseconds per event: this process (every thread) and the database's backends. On a
     * machine shared with the database, cores ÷ their sum is the most verification can reach.
     */
    cpuMicrosecondsPerEvent: { verifier: Number(median(nodeUs).toFixed(1)), database: Number(median(databaseUs).toFixed(1)) },
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    cpus: os.cpus().length,
    verifyEntityChainEventsPerSecond: Math.round(median(chain)),
    eventsPerChain: perEntity,
    target: 50_000,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write(`\naudit verification: ${summary.verifyAllEventsPerSecond} events/s (median of ${runs}; target ≥ 50000)\n`);
} finally {
  await handle.close();
  await admin(`drop database if exists "${dbName}" with (force)`);
  rmSync(scratch, { recursive: true, force: true });
}
