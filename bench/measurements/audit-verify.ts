import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyAll } from '../../audit/verify.js';
import { openDatabase } from '../../db/client.js';
import type { Measurement } from '../lib/types.js';

/**
 * 7. Audit verification: events verified per second over the whole trail the earlier
 * measurements wrote (real events of real workflows). bench/audit-verify.ts measures a larger
 * synthetic trail on its own.
 */
export const auditVerify: Measurement = {
  key: 'auditVerify',
  title: 'audit verification (whole trail)',
  async run(ctx) {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'cxgov-bench-verify-'));
    const handle = await openDatabase({ url: ctx.stack.databaseUrl, dataDir: scratch });
    try {
      const started = performance.now();
      const result = await verifyAll(handle.db);
      const seconds = (performance.now() - started) / 1000;
      if (!result.ok) throw new Error(`the benchmark's own audit trail does not verify: ${JSON.stringify(result).slice(0, 300)}`);
      // threadedRanges: key ranges verified on worker threads (audit/verify-threads.ts); they start with the first run of this process.
      return { perSecond: result.checked / seconds, events: result.checked, threadedRanges: result.threadedRanges };
    } finally {
      await handle.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
