import { readdirSync, readFileSync } from 'node:fs';
import type { BenchStack } from './stack.js';
import { round } from './stats.js';

/**
 * CPU time each part of the stack spent during a measurement, from /proc (Linux). Divided by the
 * items processed it says where an intake's cost goes — the worker, the API, the Temporal server,
 * PostgreSQL or the load generator itself — which a throughput figure alone cannot.
 */
export type CpuShare = Record<'worker' | 'api' | 'temporal' | 'postgres' | 'bench', number | null>;

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

/** All PostgreSQL server processes on the machine (a bench box runs nothing else on it). */
function postgresCpuMs(): number | null {
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      } catch {
        continue;
      }
      total += processCpuMs(Number(entry)) ?? 0;
    }
    return total;
  } catch {
    return null;
  }
}

function sample(stack: BenchStack): CpuShare {
  const own = process.cpuUsage();
  return {
    worker: processCpuMs(stack.pids.worker),
    api: processCpuMs(stack.pids.api),
    temporal: processCpuMs(stack.pids.temporal),
    postgres: postgresCpuMs(),
    bench: (own.user + own.system) / 1000,
  };
}

/**
 * Starts counting; the returned function gives the CPU milliseconds per item since then. Backends
 * that exit during the window are missed, so the PostgreSQL share is a lower bound (the pools keep
 * their connections, so in practice it is close).
 */
export function cpuMeter(stack: BenchStack): (items: number) => CpuShare {
  const before = sample(stack);
  return (items) => {
    const after = sample(stack);
    const per = (k: keyof CpuShare) => {
      const a = after[k];
      const b = before[k];
      return a === null || b === null ? null : round((a - b) / items, 2);
    };
    return { worker: per('worker'), api: per('api'), temporal: per('temporal'), postgres: per('postgres'), bench: per('bench') };
  };
}

/** "worker 24 · api 8 · temporal 10 · postgres 5 · bench 3 ms" for the table's notes column. */
export function formatCpuShare(share: unknown): string {
  if (!share || typeof share !== 'object') return '';
  const parts = Object.entries(share as Record<string, number | null>)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => `${k} ${v}`);
  return parts.length ? `CPU ms/item: ${parts.join(' · ')}` : '';
}
