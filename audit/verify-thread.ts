import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { loadPostgresModules, openDatabase, type DatabaseHandle } from '../db/client.js';
import type { ChainVerification } from './chain.js';
import { brokenRecorder, verifyKeyRange, type ChainKey } from './verify.js';

/**
 * A verification thread: verifies the key ranges of the trail it is handed (audit/verify-threads.ts),
 * several at once when given several, over a pool of two connections of its own, and answers each
 * with what it found. The pool is kept for the next verification of the same database.
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

// Threads only ever verify PostgreSQL (PGlite lives in its process). Its driver loads now, while
// a thread started ahead (with the API) waits for its first range: through tsx's loader that took
// a quarter of a second of the first verification.
const driverLoaded = loadPostgresModules();
driverLoaded.catch(() => undefined); // a failure is answered to the first range (below), not thrown at start

parentPort!.on('message', async (req: RangeRequest) => {
  const broken: ChainVerification[] = [];
  let brokenCount = 0;
  try {
    await driverLoaded;
    const { db } = await handleFor(req.url);
    const part = await verifyKeyRange(db, req.range, req.batchSize, brokenRecorder(req.maxBroken, broken, () => brokenCount++));
    parentPort!.postMessage({ id: req.id, ...part, broken, brokenCount } satisfies RangeAnswer);
  } catch (err) {
    parentPort!.postMessage({ id: req.id, checked: 0, entities: 0, broken: [], brokenCount: 0, error: err instanceof Error ? err.message : String(err) } satisfies RangeAnswer);
  }
});
