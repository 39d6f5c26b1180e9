import { auditHash, type AuditEventRow } from '../db/audit.js';

/**
 * Verification of one entity's hash chain, over rows handed in seq order. Pure (no I/O), so the
 * same checker runs over database batches (audit/verify.ts) and in-memory rows (unit tests).
 *
 * A break is located by its position in the chain, `${entityType}/${entityId}#${seq}`, rather
 * than by the row id: a deleted event has no row, but it still has a place in its chain. When the
 * broken event does exist, its row id is given too (`eventId`).
 *
 * What each tampering looks like:
 * - an edited event (content changed, stored hash kept) → `hash_mismatch` at that event;
 * - an edited event whose hash was recomputed → `prev_hash_mismatch` at the event after it;
 * - a deleted event → `seq_gap` at the event after the gap;
 * - swapped/reordered events → `prev_hash_mismatch` at the first event out of place;
 * - a deleted tail → `tail_missing` at the first missing seq (the chain head still counts it);
 * - a chain head that disagrees with the last event → `head_mismatch`; no head → `head_missing`;
 * - events after the chain head's seq that no append put there → `beyond_head`.
 * Rewriting a whole tail consistently (hashes and head) is caught by the checkpoints
 * (audit/checkpoint.ts), which record every head outside the chain tables.
 */
export interface ChainHead {
  seq: number;
  hash: string;
}

export type BreakReason = 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'tail_missing' | 'head_mismatch' | 'head_missing' | 'beyond_head';

export interface ChainVerification {
  entityType: string;
  entityId: string;
  ok: boolean;
  /** Events examined. */
  checked: number;
  /** `${entityType}/${entityId}#${seq}` of the first broken event. */
  firstBrokenAt?: string;
  /** Row id of the first broken event, when it still exists. */
  eventId?: string;
  reason?: BreakReason;
  detail?: string;
}

export function chainPosition(entityType: string, entityId: string, seq: number): string {
  return `${entityType}/${entityId}#${seq}`;
}

export class ChainChecker {
  private expectedSeq = 1;
  private lastHash: string | null = null;
  private broken?: { seq: number; eventId?: string; reason: BreakReason; detail: string };
  checked = 0;

  constructor(
    readonly entityType: string,
    readonly entityId: string,
  ) {}

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get ok(): boolean {
    return !this.broken;
  }

  /** The next row of the chain (rows must come in ascending seq). */
  push(row: AuditEventRow): void {
    this.checked++;
    if (!this.broken) {
      if (row.seq !== this.expectedSeq) {
        this.fail(row.seq, row.id, 'seq_gap', row.seq > this.expectedSeq ? `events #${this.expectedSeq}..#${row.seq - 1} are missing` : `seq ${row.seq} repeats or goes back (expected ${this.expectedSeq})`);
      } else if (row.prevHash !== this.lastHash) {
        this.fail(row.seq, row.id, 'prev_hash_mismatch', `the event does not link to the event before it (prevHash ${short(row.prevHash)}, expected ${short(this.lastHash)})`);
      } else if (auditHash(row) !== row.hash) {
        this.fail(row.seq, row.id, 'hash_mismatch', 'the event’s content does not match its hash: it was altered after it was written');
      }
    }
    this.expectedSeq = row.seq + 1;
    this.lastHash = row.hash;
  }

  /** Rows exist after the chain head's seq (and a re-read of the head did not explain them). */
  beyondHead(head: ChainHead, seq: number): void {
    if (!this.broken) this.fail(seq, undefined, 'beyond_head', `events after the chain head (#${head.seq}) were found, from #${seq}`);
  }

  /** Closes the chain against its recorded head (`null`: no head row). */
  finish(head: ChainHead | null): ChainVerification {
    this.settle(head);
    return this.result();
  }

  /**
   * `finish` without building its result: whether the chain holds against its head. The trail's
   * verification closes every chain this way and builds a result only for a broken one.
   */
  settle(head: ChainHead | null): boolean {
    if (!this.broken) {
      if (!head) {
        if (this.checked > 0) this.fail(this.lastSeq, undefined, 'head_missing', 'the chain has events but no chain head');
      } else if (head.seq > this.lastSeq) {
        this.fail(this.lastSeq + 1, undefined, 'tail_missing', `the chain head records #${head.seq} but the chain ends at #${this.lastSeq}: events #${this.lastSeq + 1}..#${head.seq} are missing`);
      } else if (head.seq < this.lastSeq) {
        this.fail(head.seq + 1, undefined, 'beyond_head', `the chain head records #${head.seq} but the chain goes on to #${this.lastSeq}`);
      } else if (head.seq > 0 && head.hash !== this.lastHash) {
        this.fail(head.seq, undefined, 'head_mismatch', 'the chain head’s hash differs from the last event’s hash');
      }
    }
    return !this.broken;
  }

  result(): ChainVerification {
    const base = { entityType: this.entityType, entityId: this.entityId, checked: this.checked };
    if (!this.broken) return { ...base, ok: true };
    return {
      ...base,
      ok: false,
      firstBrokenAt: chainPosition(this.entityType, this.entityId, this.broken.seq),
      ...(this.broken.eventId !== undefined ? { eventId: this.broken.eventId } : {}),
      reason: this.broken.reason,
      detail: this.broken.detail,
    };
  }

  private fail(seq: number, eventId: string | undefined, reason: BreakReason, detail: string): void {
    this.broken = { seq, eventId, reason, detail };
  }
}

/** Verifies an in-memory chain (rows in any order; they are sorted by seq). */
export function verifyChainRows(entityType: string, entityId: string, rows: AuditEventRow[], head: ChainHead | null): ChainVerification {
  const checker = new ChainChecker(entityType, entityId);
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) checker.push(row);
  return checker.finish(head);
}

function short(hash: string | null): string {
  return hash === null ? 'none' : hash.slice(0, 12);
}
