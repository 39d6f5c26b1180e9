import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/client.js';
import { readArchivedHistory, workflowIdOf, type ArchivedRun } from './archive.js';
import { verifyArchives, type ArchiveBreakReason, type ArchiveVerification } from './archive-verify.js';
import type { BreakReason } from './chain.js';
import { verifyCheckpoints, verifyEntityAgainstCheckpoint, type CheckpointBreakReason, type CheckpointVerification } from './checkpoint.js';
import { entityEvents, type AuditEventView } from './events.js';
import { maskHistory } from './mask.js';
import { verifyAll, verifyEntityChain, type TrailVerification } from './verify.js';

/**
 * What the audit endpoints answer: verification of one entity or of the whole trail (chains and
 * checkpoints together), and the export of one entity's full record.
 */
export interface EntityVerification {
  ok: boolean;
  checked: number;
  firstBrokenAt?: string;
  reason?: BreakReason | CheckpointBreakReason | ArchiveBreakReason;
  detail?: string;
  /** The newest head a checkpoint recorded for this chain, if any. */
  checkpoint?: { id: number; seq: number } | null;
}

/**
 * One chain: its events and head, then the newest head a checkpoint recorded for it, then its
 * workflow's archived histories against what the chain recorded of them.
 */
export async function verifyEntity(db: Database, entityType: string, entityId: string): Promise<EntityVerification & { exists: boolean }> {
  const chain = await verifyEntityChain(db, entityType, entityId);
  const cp = await verifyEntityAgainstCheckpoint(db, entityType, entityId);
  const workflowId = workflowIdOf(entityType, entityId);
  const archives = workflowId ? await verifyArchives(db, { workflowId }) : undefined;
  const [head] = await queryRows<{ n: number }>(db, sql`select 1 as n from audit_chain_heads where entity_type = ${entityType} and entity_id = ${entityId}`);
  const exists = chain.checked > 0 || head !== undefined || cp.recorded !== null;
  const checkpoint = cp.recorded ? { id: cp.recorded.checkpointId, seq: cp.recorded.seq } : null;
  if (!chain.ok) return { exists, ok: false, checked: chain.checked, firstBrokenAt: chain.firstBrokenAt, reason: chain.reason, detail: chain.detail, checkpoint };
  if (cp.break) return { exists, ok: false, checked: chain.checked, firstBrokenAt: cp.break.firstBrokenAt, reason: cp.break.reason, detail: cp.break.detail, checkpoint };
  const archive = archives?.broken[0];
  if (archive) return { exists, ok: false, checked: chain.checked, firstBrokenAt: archive.firstBrokenAt, reason: archive.reason, detail: archive.detail, checkpoint };
  return { exists, ok: true, checked: chain.checked, checkpoint };
}

export interface FullVerification {
  ok: boolean;
  checked: number;
  firstBrokenAt?: string;
  reason?: string;
  entities: number;
  brokenCount: number;
  broken: TrailVerification['broken'];
  checkpoint: CheckpointVerification;
  /** Every archived history against the trail's record of it. */
  archives: ArchiveVerification;
  ms: number;
}

/** The whole trail, chain by chain, and the newest checkpoint against the chains as they are. */
export async function verifyTrail(db: Database): Promise<FullVerification> {
  const trail = await verifyAll(db);
  const checkpoint = await verifyCheckpoints(db);
  const archives = await verifyArchives(db);
  const firstBrokenAt = trail.firstBrokenAt ?? checkpoint.firstBrokenAt ?? archives.broken[0]?.firstBrokenAt;
  const reason = trail.reason ?? checkpoint.reason ?? archives.broken[0]?.reason;
  return {
    ok: trail.ok && checkpoint.ok && archives.ok,
    checked: trail.checked,
    ...(firstBrokenAt ? { firstBrokenAt, reason } : {}),
    entities: trail.entities,
    brokenCount: trail.brokenCount,
    broken: trail.broken,
    checkpoint,
    archives,
    ms: trail.ms,
  };
}

/** One run's history as exported: the history JSON (`events`) with where it came from. */
export interface ExportedRun {
  workflowId: string;
  runId: string;
  status: string;
  /** 'archive': from workflow_histories (hash checked); 'live': fetched from Temporal now. */
  source: 'archive' | 'live';
  closedAt: string | null;
  eventCount: number;
  sha256?: string;
  verified?: boolean;
  events: unknown[];
}

export interface AuditExport {
  entityType: string;
  entityId: string;
  events: AuditEventView[];
  /** The newest run's history (a valid history JSON document) plus earlier runs; null without a workflow. */
  history: (ExportedRun & { previousRuns: ExportedRun[] }) | null;
  verification: EntityVerification & { history?: { ok: boolean; runs: { runId: string; verified: boolean }[] } };
  exportedAt: string;
  masking: string;
}

export const maskingNote =
  'customer phone and idNumber (anywhere) and a customer object’s name are masked, in the events and in the history, including its JSON payloads; values encrypted at rest appear as [encrypted]';

function fromArchive(run: ArchivedRun): ExportedRun {
  return {
    workflowId: run.workflowId,
    runId: run.runId,
    status: run.status,
    source: 'archive',
    closedAt: run.closedAt,
    eventCount: run.eventCount,
    sha256: run.sha256,
    verified: run.verified,
    events: ((run.history ? maskHistory(run.history) : { events: [] }) as { events: unknown[] }).events,
  };
}

async function liveRun(temporal: Client, workflowId: string, runId: string, status: string, closedAt: Date | undefined): Promise<ExportedRun> {
  const history = await temporal.workflow.getHandle(workflowId, runId).fetchHistory();
  const json = JSON.parse(historyToJSON(history)) as { events?: unknown[] };
  const events = ((maskHistory(json) as { events?: unknown[] }).events ?? []) as unknown[];
  return { workflowId, runId, status, source: 'live', closedAt: closedAt?.toISOString() ?? null, eventCount: events.length, events };
}

/**
 * The export of one entity (docs/http-contract.md AuditExport): its events, its workflow's history — archived
 * once closed, live while running (earlier runs of a continued-as-new workflow from the archive)
 * — and the verification of its chain and archived histories. PII masked. Null: no such entity
 * (no events, no chain head, no workflow, nothing archived).
 */
export async function buildAuditExport(db: Database, temporal: Client, entityType: string, entityId: string): Promise<AuditExport | null> {
  const [events, verification] = await Promise.all([entityEvents(db, entityType, entityId), verifyEntity(db, entityType, entityId)]);
  const workflowId = workflowIdOf(entityType, entityId);
  let history: AuditExport['history'] = null;
  let historyCheck: AuditExport['verification']['history'];
  if (workflowId) {
    // A run is verified when its bytes match its sha256 and both match what the trail recorded.
    const againstTrail = await verifyArchives(db, { workflowId });
    const archived = (await readArchivedHistory(db, workflowId)).map((r) => (againstTrail.broken.some((b) => b.runId === r.runId) ? { ...r, verified: false } : r));
    let current: ExportedRun | undefined;
    let description: Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['describe']>> | undefined;
    try {
      description = await temporal.workflow.getHandle(workflowId).describe();
    } catch (err) {
      // Gone from Temporal (retention) → the archive is the record. Temporal down → the archive
      // still answers for a closed process; without one the error goes to the caller (503).
      if ((err as Error).name !== 'WorkflowNotFoundError' && archived.length === 0) throw err;
    }
    if (description) {
      const archivedRun = archived.find((r) => r.runId === description.runId);
      current = archivedRun
        ? fromArchive(archivedRun)
        : await liveRun(temporal, workflowId, description.runId, description.status.name, description.closeTime);
    } else if (archived.length > 0) {
      current = fromArchive(archived[archived.length - 1]!);
    }
    if (current) {
      const currentRunId = current.runId;
      history = { ...current, previousRuns: archived.filter((r) => r.runId !== currentRunId).map(fromArchive) };
    }
    if (archived.length > 0) {
      historyCheck = { ok: archived.every((r) => r.verified), runs: archived.map((r) => ({ runId: r.runId, verified: r.verified })) };
    }
  }
  if (!verification.exists && history === null) return null;

  const { exists: _exists, ...chain } = verification;
  let combined: AuditExport['verification'] = { ...chain, ...(historyCheck ? { history: historyCheck } : {}) };
  if (combined.ok && historyCheck && !historyCheck.ok) {
    const bad = historyCheck.runs.find((r) => !r.verified)!;
    combined = { ...combined, ok: false, firstBrokenAt: `archive:${workflowId}/${bad.runId}`, reason: 'archive_altered', detail: 'an archived history does not match its stored sha256 or the audit trail’s record of it' };
  }
  return { entityType, entityId, events, history, verification: combined, exportedAt: new Date().toISOString(), masking: maskingNote };
}
