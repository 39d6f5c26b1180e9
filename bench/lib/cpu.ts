import { readdirSync, readFileSync } from 'node:fs';
import type { BenchStack } from './stack.js';
import { round } from './stats.js';

/**
 * CPU time each process of the stack spent during a measurement, from /proc (Linux). Divided by
 * the items processed it says where an item's cost goes, which a throughput figure alone cannot:
 * - `worker`, `api`: cxgov's processes; `floorWorker`: the floors' worker (bench/floor-worker.ts);
 * - `temporal`: the engine, all its processes; on a cluster also `temporal.frontend`,
 *   `temporal.history` (every history process), `temporal.matching`, `temporal.worker`;
 * - `postgres`: the backends serving this stack's databases, split into `postgres.cxgov` and
 *   `postgres.temporal` (a cluster's persistence and visibility); `postgres.other` is the rest of
 *   the server (background writer, WAL writer, checkpointer, anybody else's databases), which the
 *   stack causes only in part and so is shown apart;
 * - `bench`: the load generator itself.
 */
export type CpuShare = Record<string, number | null>;

/** Linux reports process times in clock ticks; 100 per second on every mainstream kernel config. */
const ticksPerSecond = 100;

function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the parenthesised command name: utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** Per PostgreSQL server process: its CPU and the database it serves (from its process title). */
function postgresProcesses(): { pid: number; database: string | undefined; cpuMs: number }[] {
  const out: { pid: number; database: string | undefined; cpuMs: number }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      // "postgres: 15/main: <user> <database> <client> <state>" for a backend; background
      // processes ("postgres: 15/main: checkpointer") name no database.
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const backend = /^postgres: (?:[^:]+: )?(\S+) (\S+) (?:\S+\(\d+\)|\[local\])/.exec(title);
      out.push({ pid: Number(entry), database: backend?.[2], cpuMs: processCpuMs(Number(entry)) ?? 0 });
    } catch {
      continue;
    }
  }
  return out;
}

/** CPU milliseconds the server's backends serving `database` have spent so far. */
export function postgresCpuMs(database: string): number {
  return postgresProcesses()
    .filter((p) => p.database === database)
    .reduce((ms, p) => ms + p.cpuMs, 0);
}

type Sample = Record<string, number | null>;

/** Per key, the CPU of processes as `pid → ms`, so a process that restarted or left is counted right. */
function sample(stack: BenchStack): { byPid: Map<string, Map<number, number>>; bench: number } {
  const byPid = new Map<string, Map<number, number>>();
  const add = (key: string, pid: number | undefined, ms: number | null) => {
    if (!pid || ms === null) return;
    if (!byPid.has(key)) byPid.set(key, new Map());
    byPid.get(key)!.set(pid, ms);
  };
  const p = stack.processes();
  add('worker', p.worker, processCpuMs(p.worker));
  add('api', p.api, processCpuMs(p.api));
  add('floorWorker', p.floorWorker, processCpuMs(p.floorWorker));
  for (const [service, pids] of Object.entries(p.temporal)) {
    for (const pid of pids) {
      const ms = processCpuMs(pid);
      add('temporal', pid, ms);
      if (stack.engine === 'cluster') add(`temporal.${service}`, pid, ms);
    }
  }
  for (const pg of postgresProcesses()) {
    const key = pg.database === stack.databases.cxgov ? 'postgres.cxgov' : pg.database && stack.databases.temporal.includes(pg.database) ? 'postgres.temporal' : 'postgres.other';
    add(key, pg.pid, pg.cpuMs);
    if (key !== 'postgres.other') add('postgres', pg.pid, pg.cpuMs);
  }
  const own = process.cpuUsage();
  return { byPid, bench: (own.user + own.system) / 1000 };
}

/**
 * Starts counting; the returned function gives the CPU milliseconds per item since then. A
 * process that started during the window (a restarted service, a new PostgreSQL backend) counts
 * from zero; one that ended during it is missed, so PostgreSQL's share is a lower bound (the pools
 * keep their connections, so in practice it is close).
 */
export function cpuMeter(stack: BenchStack): (items: number) => CpuShare {
  const before = sample(stack);
  return (items) => {
    const after = sample(stack);
    const out: Sample = {};
    const keys = ['worker', 'api', 'floorWorker', 'temporal', ...[...after.byPid.keys()].filter((k) => k.startsWith('temporal.')).sort(), 'postgres', 'postgres.cxgov', 'postgres.temporal', 'postgres.other'];
    for (const key of keys) {
      const now = after.byPid.get(key);
      if (!now) {
        out[key] = key.startsWith('postgres') ? 0 : null;
        continue;
      }
      let ms = 0;
      for (const [pid, cpu] of now) ms += cpu - (before.byPid.get(key)?.get(pid) ?? 0);
      out[key] = round(ms / items, 2);
    }
    out.bench = round((after.bench - before.bench) / items, 2);
    return out;
  };
}

/** CPU per item over windows of equal item counts (the mean of their per-item figures), key by key. */
export function meanCpuShare(shares: CpuShare[]): CpuShare {
  const keys = [...new Set(shares.flatMap((s) => Object.keys(s)))];
  return Object.fromEntries(
    keys.map((k) => {
      const values = shares.map((s) => s[k]).filter((v): v is number => typeof v === 'number');
      return [k, values.length ? round(values.reduce((a, v) => a + v, 0) / values.length, 2) : null];
    }),
  );
}

/** "worker 24 · api 8 · temporal 10 · postgres 5 · bench 3" for the table's notes column. */
export function formatCpuShare(share: unknown): string {
  if (!share || typeof share !== 'object') return '';
  const parts = Object.entries(share as Record<string, number | null>)
    .filter(([k, v]) => typeof v === 'number' && v > 0 && !k.includes('.'))
    .map(([k, v]) => `${k} ${v}`);
  return parts.length ? `CPU ms/item: ${parts.join(' · ')}` : '';
}
