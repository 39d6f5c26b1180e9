import { apiAs, cast } from '../lib/api.js';
import { round } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';

/**
 * 7. Audit verification: events verified per second over the whole trail the earlier
 * measurements wrote (real events of real workflows), as a compliance officer gets it:
 * `GET /api/v1/audit/verify` on the API, which verifies on the threads it started with itself
 * (audit/verify-threads.ts, AUDIT_VERIFY_THREADS). The rate is the trail's events over the time
 * the API spent on the chains (`ms` of its answer); the checkpoint and the archived histories it
 * also checks are timed in `requestMs`. bench/audit-verify.ts measures a larger synthetic trail
 * in its own process.
 */
export const auditVerify: Measurement = {
  key: 'auditVerify',
  title: 'audit verification (whole trail, through the API)',
  async run(ctx) {
    const auditor = apiAs(ctx.stack, cast.auditor);
    const started = performance.now();
    const result = (await auditor.get('/api/v1/audit/verify')) as { ok: boolean; checked: number; ms: number; archives: { checked: number } };
    const requestMs = performance.now() - started;
    if (!result.ok) throw new Error(`the benchmark's own audit trail does not verify: ${JSON.stringify(result).slice(0, 300)}`);
    return { perSecond: result.checked / (Math.max(1, result.ms) / 1000), events: result.checked, chainsMs: result.ms, requestMs: round(requestMs), archivedHistories: result.archives.checked };
  },
};
