import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RangeAnswer, RangeRequest } from './verify-thread.js';

/**
 * Worker threads that verify key ranges of the trail in parallel (audit/verify.ts verifyAll),
 * each over its own PostgreSQL connection: hashing an event (parse, canonical JSON, sha256) is
 * about 25 µs of JavaScript, so one thread caps verification near 40k events/s however many
 * cores the machine has.
 *
 * The threads are started on the first large verification and kept for the next (starting one
 * costs about half a second: it loads the database layer through tsx); they do not keep the
 * process alive. A thread that fails takes only its range back: the caller verifies it inline.
 */
export function defaultVerifyThreads(): number {
  return Math.max(1, os.availableParallelism());
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

/** Verifies `ranges` on up to `threads` threads, range i on thread i mod threads. */
export function verifyRangesOnThreads(threads: number, requests_: Omit<RangeRequest, 'id'>[]): Promise<RangeAnswer>[] {
  for (let i = 0; i < pool.length; i++) if (pool[i]!.dead) pool[i] = new VerifyThread();
  while (pool.length < threads) pool.push(new VerifyThread());
  return requests_.map((r, i) => pool[i % threads]!.verify({ ...r, id: requests++ }));
}

/** Stops the threads (tests; a process that ends need not call it). */
export async function stopVerifyThreads(): Promise<void> {
  const all = pool.splice(0);
  await Promise.all(all.map((t) => t.worker.terminate()));
}
