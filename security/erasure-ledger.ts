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

/**
 * Every line, checked: each hash recomputed, and each line linked to a line above it (or to the
 * start). Two workers appending at the same moment may both link to the same line (a fork); that
 * is accepted, since each line still proves the lines it names were there. A line removed from
 * the middle (named by a later one), moved above the line it names, or edited is detected; as in
 * any hash chain, lines cut from the end are not. Throws LedgerBroken on any mismatch.
 */
export function readLedger(file: string): LedgerLine[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const above = new Set([genesis]);
  return lines.map((text, i) => {
    let line: LedgerLine;
    try {
      line = JSON.parse(text) as LedgerLine;
    } catch {
      throw new LedgerBroken(`erasure ledger ${file}: line ${i + 1} is not JSON`);
    }
    if (!above.has(line.prev)) throw new LedgerBroken(`erasure ledger ${file}: line ${i + 1} does not follow a line above it (a line was removed or reordered)`);
    if (line.hash !== lineHash(line, line.prev)) throw new LedgerBroken(`erasure ledger ${file}: line ${i + 1} was altered (checksum mismatch)`);
    above.add(line.hash);
    return line;
  });
}

/**
 * Appends the erasure unless a line for it is already there (a retried activity), linked to the
 * last line. One line is one append (O_APPEND), so the workers of a deployment may share the file
 * on a local or POSIX filesystem; two appending at once fork the chain, which readLedger accepts.
 * (On NFS appends are not atomic: give each worker host its own ledger file there.)
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
