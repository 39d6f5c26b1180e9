import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/client.js';
import { archiveSourceKey } from './process-record.js';

/**
 * Verification of the archived histories against the audit trail. Each archived run has a
 * `*.history_archived` event in its entity's chain (audit/process-record.ts) holding the sha256
 * and the event count the archiver stored; the chain's hashes and the checkpoints vouch for that
 * event. An archive is broken when:
 *
 * - `archive_altered`: its bytes no longer hash to its stored sha256, or its stored sha256 or
 *   event count differ from what the trail recorded, or it holds another number of events
 *   (an event deleted and the sha256 recomputed is found here);
 * - `archive_unrecorded`: the trail never recorded it (a row added behind the archiver's back);
 * - `archive_missing`: the trail recorded it and the row is gone.
 *
 * A break is named `archive:<workflowId>/<runId>`.
 */
const gunzipAsync = promisify(gunzip);
const batchSize = 200;

export type ArchiveBreakReason = 'archive_altered' | 'archive_unrecorded' | 'archive_missing';

export interface ArchiveBreak {
  workflowId: string;
  runId: string;
  firstBrokenAt: string;
  reason: ArchiveBreakReason;
  detail: string;
}

export interface ArchiveVerification {
  ok: boolean;
  /** Archived runs checked. */
  checked: number;
  broken: ArchiveBreak[];
}

interface ArchiveRow {
  id: string;
  workflow_id: string;
  run_id: string;
  event_count: number;
  sha256: string;
  history: Buffer | Uint8Array;
  recorded: { sha256?: unknown; eventCount?: unknown } | null;
}

const position = (workflowId: string, runId: string) => `archive:${workflowId}/${runId}`;

async function contentOf(compressed: Buffer | Uint8Array): Promise<{ sha256: string; events: number } | undefined> {
  try {
    const json = (await gunzipAsync(Buffer.from(compressed))).toString('utf8');
    const parsed = JSON.parse(json) as { events?: unknown };
    return { sha256: createHash('sha256').update(json, 'utf8').digest('hex'), events: Array.isArray(parsed.events) ? parsed.events.length : -1 };
  } catch {
    return undefined;
  }
}

function judge(r: ArchiveRow, content: { sha256: string; events: number } | undefined): ArchiveBreak | undefined {
  const at = { workflowId: r.workflow_id, runId: r.run_id, firstBrokenAt: position(r.workflow_id, r.run_id) };
  if (!r.recorded) return { ...at, reason: 'archive_unrecorded', detail: 'the audit trail never recorded this archived history' };
  if (!content) return { ...at, reason: 'archive_altered', detail: 'the archived history cannot be read (not gzip of JSON)' };
  if (content.sha256 !== r.sha256) return { ...at, reason: 'archive_altered', detail: 'the archived history does not match its stored sha256' };
  if (r.recorded.sha256 !== r.sha256) return { ...at, reason: 'archive_altered', detail: 'the archived history’s sha256 differs from the one the audit trail recorded' };
  if (r.recorded.eventCount !== r.event_count || content.events !== r.event_count) {
    return { ...at, reason: 'archive_altered', detail: `the archived history holds ${content.events} events; the audit trail recorded ${String(r.recorded.eventCount)}` };
  }
  return undefined;
}

/** Every archived run (or one workflow's), streamed in batches, and the trail's archive events without a row. */
export async function verifyArchives(db: Database, filter: { workflowId?: string } = {}): Promise<ArchiveVerification> {
  const broken: ArchiveBreak[] = [];
  let checked = 0;
  const only = filter.workflowId !== undefined ? sql`and h.workflow_id = ${filter.workflowId}` : sql``;
  for (let after = '0'; ; ) {
    const rows = await queryRows<ArchiveRow>(
      db,
      sql`select h.id::text as id, h.workflow_id, h.run_id, h.event_count, h.sha256, h.history, e.after as recorded
          from workflow_histories h
          left join audit_events e on e.source_key = 'archive:' || h.workflow_id || ':' || h.run_id
          where h.id > ${after}::int8 ${only}
          order by h.id limit ${batchSize}`,
    );
    for (const r of rows) {
      checked++;
      const b = judge(r, await contentOf(r.history));
      if (b) broken.push(b);
    }
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.id;
  }
  const missing = await queryRows<{ workflow_id: string; run_id: string }>(
    db,
    sql`select e.after->>'workflowId' as workflow_id, e.after->>'runId' as run_id from audit_events e
        where e.source_key like 'archive:%' ${filter.workflowId !== undefined ? sql`and e.after->>'workflowId' = ${filter.workflowId}` : sql``}
          and not exists (select 1 from workflow_histories h where h.workflow_id = e.after->>'workflowId' and h.run_id = e.after->>'runId')
        order by e.id`,
  );
  for (const m of missing) {
    broken.push({ workflowId: m.workflow_id, runId: m.run_id, firstBrokenAt: position(m.workflow_id, m.run_id), reason: 'archive_missing', detail: 'the audit trail recorded this archived history and it is gone' });
  }
  return { ok: broken.length === 0, checked, broken };
}

export { archiveSourceKey };
