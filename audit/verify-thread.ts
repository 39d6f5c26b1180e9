import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import type { ChainVerification } from './chain.js';
import { verifyKeyRange, type ChainKey } from './verify.js';

/**
 * A verification thread: verifies one key range of the trail at a time over its own connection
 * (audit/verify-threads.ts hands the ranges out) and answers with what it found. The connection
 * is kept for the next range of the same database.
 */
export interface RangeRequest {
  id: number;
  url: string;
  range: { lo?: ChainKey; hi?: ChainKey };
  batchSize: number;
  maxBroken: number;
}

export interface RangeAnswer {
  id: number;
  checked: number;
  entities: number;
  broken: ChainVerification[];
  brokenCount: number;
  error?: string;
}

const handles = new Map<string, Promise<DatabaseHandle>>();
function handleFor(url: string): Promise<DatabaseHandle> {
  let handle = handles.get(url);
  if (!handle) {
    // dataDir is PGlite's only; a PostgreSQL handle never touches it.
    handle = openDatabase({ url, dataDir: os.tmpdir(), poolMax: 2 });
    handles.set(url, handle);
    handle.catch(() => handles.delete(url));
  }
  return handle;
}

parentPort!.on('message', async (req: RangeRequest) => {
  const broken: ChainVerification[] = [];
  let brokenCount = 0;
  try {
    const { db } = await handleFor(req.url);
    const part = await verifyKeyRange(db, req.range, req.batchSize, (result) => {
      if (result.ok) return;
      brokenCount++;
      if (broken.length < req.maxBroken) broken.push(result);
    });
    parentPort!.postMessage({ id: req.id, ...part, broken, brokenCount } satisfies RangeAnswer);
  } catch (err) {
    parentPort!.postMessage({ id: req.id, checked: 0, entities: 0, broken: [], brokenCount: 0, error: err instanceof Error ? err.message : String(err) } satisfies RangeAnswer);
  }
});
