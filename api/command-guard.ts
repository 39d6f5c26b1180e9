import type { Client } from '@temporalio/client';
import { unavailable } from './problem.js';

/**
 * What keeps a state-changing request from hanging when a dependency is down (docs/quality-bars.md
 * "Reliability"):
 *
 * - **The database must answer first.** A command's workflow handler awaits its projection
 *   write, which retries until the database is back; sent while the database is down, the
 *   command would wait that long. So the database is pinged before a command is sent — at most
 *   once per `ttlMs` across all requests, the result shared — and a dead database answers 503
 *   at once, with nothing sent.
 * - **Temporal calls get a deadline.** Whatever still blocks (the database dies mid-command, no
 *   worker is running) ends after `timeoutMs` with `WorkflowUpdateRPCTimeoutOrCancelledError`,
 *   answered 503 by api/errors.ts. The command may already be accepted by then and is not lost:
 *   the workflow completes it, and a retry with the same Idempotency-Key (same Temporal update id)
 *   learns its outcome without applying it twice.
 */
export class CommandGuard {
  private checked: { at: number; up: Promise<boolean> } | undefined;

  constructor(
    private readonly pingDatabase: () => Promise<void>,
    private readonly temporal: Client,
    readonly timeoutMs: number,
    private readonly ttlMs = 1_000,
    /** As long as the pool waits for a connection (db/client.ts): a busy database is not a dead one. */
    private readonly pingTimeoutMs = 5_000,
  ) {}

  /** Throws a 503 problem when the database did not answer its latest ping. */
  async databaseReady(): Promise<void> {
    const now = Date.now();
    if (!this.checked || now - this.checked.at >= this.ttlMs) {
      this.checked = { at: now, up: this.ping() };
    }
    if (!(await this.checked.up)) throw unavailable('the database is unavailable; the command was not accepted, retry later');
  }

  /** Runs `fn` with a deadline on every Temporal call it makes. */
  within<T>(fn: () => Promise<T>): Promise<T> {
    return this.temporal.withDeadline(Date.now() + this.timeoutMs, fn);
  }

  private async ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.pingTimeoutMs)));
    try {
      return await Promise.race([this.pingDatabase().then(() => true, () => false), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
