import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RangeAnswer, RangeRequest } from './verify-thread.js';

/**
 * Worker threads that verify key ranges of the trail in parallel (audit/verify.ts verifyAll),
 * each over its own PostgreSQL connection: recomputing an event's hash (parse, canonical JSON,
 * sha256) is 16–20 µs of JavaScript, so one thread caps verification near 60k events/s
 * however many cores the machine has.
 *
 * The threads are kept for the next verification once started (starting one costs about half a
 * second of a core: it loads the database layer through tsx). The API starts them with itself
 * (`prestartVerifyThreads`, AUDIT_VERIFY_THREADS), so the first verification it is asked for runs
 * at the speed of the later ones; elsewhere (the CLI, tests) they start with the first large
 * verification. They do not keep the process alive while idle. A thread that fails takes only its ranges back: the caller verifies
 * them inline. After a failure (tsx missing, no connection left for the thread) the threads are
 * not tried again for five minutes, and a process warning says why, once.
 */
let configuredThreads: number | undefined;

/** The threads a verification uses unless told otherwise: as configured, else one per core. */
export function defaultVerifyThreads(): number {
  return configuredThreads ?? Math.max(1, os.availableParallelism());
}

const retryAfterFailureMs = 5 * 60_000;
let refusedUntil = 0;

/** False for a while after the threads failed. */
export function threadsUsable(now = Date.now()): boolean {
  return now >= refusedUntil;
}

function failed(err: unknown): void {
  if (!threadsUsable()) return;
  refusedUntil = Date.now() + retryAfterFailureMs;
  const why = err instanceof Error ? err.message : String(err);
  process.emitWarning(`audit verification runs on one thread for the next ${retryAfterFailureMs / 60_000} minutes: its worker threads failed (${why})`, { code: 'CXGOV_VERIFY_THREADS' });
}

interface Pending {
  resolve: (a: RangeAnswer) => void;
  reject: (e: Error) => void;
}

class VerifyThread {
  private readonly pending = new Map<number, Pending>();
  readonly worker: Worker;
  dead = false;

  constructor() {
    this.worker = new Worker(new URL('./verify-thread.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (a: RangeAnswer) => {
      const p = this.pending.get(a.id);
      if (!p) return;
      this.pending.delete(a.id);
      if (this.pending.size === 0) this.worker.unref();
      if (a.error !== undefined) p.reject(new Error(a.error));
      else p.resolve(a);
    });
    const fail = (err: Error) => {
      this.dead = true;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`verification thread exited (${code})`)));
  }

  verify(req: RangeRequest): Promise<RangeAnswer> {
    return new Promise((resolve, reject) => {
      // Held while it works, so a script awaiting only the verification does not end under it.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(req.id, { resolve, reject });
      this.worker.postMessage(req);
    });
  }
}

const pool: VerifyThread[] = [];
let requests = 0;

/** Replaces dead threads and adds threads until there are `threads`; false (and the threads refused for a while) when one cannot be created. */
function fillPool(threads: number): boolean {
  try {
    for (let i = 0; i < pool.length; i++) if (pool[i]!.dead) pool[i] = new VerifyThread();
    while (pool.length < threads) pool.push(new VerifyThread());
    return true;
  } catch (err) {
    failed(err);
    return false;
  }
}

/**
 * Sets the threads later verifications of this process use (`threads`, 0: none) and starts them
 * now, in the background: each loads its module while the process goes on, idle and unreferenced
 * until asked; its connection opens with its first range. Returns how many were started.
 */
export function prestartVerifyThreads(threads: number): number {
  configuredThreads = threads;
  return threads > 0 && fillPool(threads) ? threads : 0;
}

/**
 * Hands range i to thread i mod `threads` (a thread works on its ranges at once, over its two
 * connections). Undefined when the threads cannot even be created; a range whose thread fails
 * rejects. Either failure stops the threads from being tried for a while.
 */
export function startOnThreads(threads: number, ranges: Omit<RangeRequest, 'id'>[]): Promise<RangeAnswer>[] | undefined {
  if (!fillPool(threads)) return undefined;
  return ranges.map((r, i) =>
    pool[i % threads]!.verify({ ...r, id: requests++ }).catch((err: unknown) => {
      failed(err);
      throw err;
    }),
  );
}

/** Threads started and not dead (whether or not they have been asked anything yet). */
export function verifyThreadsStarted(): number {
  return pool.filter((t) => !t.dead).length;
}

/** Stops the threads and forgets a failure (tests; a process that ends need not call it). */
export async function stopVerifyThreads(): Promise<void> {
  refusedUntil = 0;
  configuredThreads = undefined;
  const all = pool.splice(0);
  await Promise.all(all.map((t) => t.worker.terminate()));
}
