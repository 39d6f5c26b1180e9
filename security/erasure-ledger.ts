import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The erasure ledger (docs/operations.md "Erasures and restores"): an append-only file OUTSIDE the
 * application database that lists every executed erasure — its id, the customer reference, the
 * data key ids it destroyed — one JSON line each, chained by SHA-256 (each line carries the hash
 * of the line before and its own), so a truncated or edited ledger is detected. A restore of a
 * backup taken before an erasure re-applies the ledger (re-shreds), so the backup never brings the
 * customer back. It holds no personal data: customer references and key ids only.
 */
export interface LedgerEntry {
  erasureId: string;
  customerRef: string;
  dataKeyIds: string[];
  at: string;
}
export interface LedgerLine extends LedgerEntry {
  prev: string;
  hash: string;
}

const genesis = '0'.repeat(64);

function lineHash(e: LedgerEntry, prev: string): string {
  return createHash('sha256').update(JSON.stringify([prev, e.erasureId, e.customerRef, [...e.dataKeyIds].sort(), e.at])).digest('hex');
}

export class LedgerBroken extends Error {
  override name = 'LedgerBroken';
}

/** Every line, checked: each hash recomputed and each link to the line before. Throws LedgerBroken on any mismatch. */
export function readLedger(file: string): LedgerLine[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  let prev = genesis;
  return lines.map((text, i) => {
    let line: LedgerLine;
    try {
      line = JSON.parse(text) as LedgerLine;
    } catch {
      throw new LedgerBroken(`erasure ledger ${file}: line ${i + 1} is not JSON`);
    }
    if (line.prev !== prev) throw new LedgerBroken(`erasure ledger ${file}: line ${i + 1} does not follow the line before (a line was removed or reordered)`);
    if (line.hash !== lineHash(line, prev)) throw new LedgerBroken(`erasure ledger ${file}: line ${i + 1} was altered (checksum mismatch)`);
    prev = line.hash;
    return line;
  });
}

/**
 * Appends the erasure unless a line for it is already there (a retried activity). Synchronous and
 * flushed with the append: one writer per ledger at a time is assumed (the workers of one
 * deployment share it; an erasure is rare).
 */
export function appendLedger(file: string, e: LedgerEntry): 'appended' | 'already_there' {
  const lines = readLedger(file);
  if (lines.some((l) => l.erasureId === e.erasureId)) return 'already_there';
  const prev = lines.at(-1)?.hash ?? genesis;
  const line: LedgerLine = { erasureId: e.erasureId, customerRef: e.customerRef, dataKeyIds: [...e.dataKeyIds].sort(), at: e.at, prev, hash: lineHash(e, prev) };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  return 'appended';
}
