import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Logger } from '../config/logger.js';
import { queryRows, type Database } from '../db/client.js';
import { workflowHistories } from '../db/schema/index.js';
import { recordArchivedRun } from './process-record.js';

/**
 * Archival of closed workflow histories (docs/business-rules.md §3: records survive the engine's own
 * retention). A sweep lists closed executions through Temporal's visibility API, skips the runs
 * already archived, fetches each remaining run's full history and stores it gzip-compressed with
 * the sha256 of its JSON — once per run (unique workflow id + run id, insert-or-nothing), so
 * several workers sweeping at once or a sweep run twice archive each run exactly once.
 *
 * The sweep runs in the worker process at start (it archives whatever was missed while no worker
 * ran) and then every HISTORY_ARCHIVE_INTERVAL_SECONDS, looking back over the runs closed since
 * the previous sweep (with an overlap for visibility's lag) and, every few hours, over all
 * closed runs Temporal still keeps.
 */
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export type ArchivedEntityType = 'initiative' | 'complaint' | 'incident' | 'target_proposal' | 'improvement' | 'meeting' | 'erasure' | 'follow_up' | 'feedback' | 'other';

/** The workflow id prefix of each entity that runs a process of its own. */
const processPrefixes: Record<Exclude<ArchivedEntityType, 'other'>, string> = {
  initiative: 'initiative-',
  complaint: 'complaint-',
  incident: 'incident-',
  target_proposal: 'target-proposal-',
  improvement: 'improvement-',
  erasure: 'erasure-',
  meeting: 'meeting-',
  follow_up: 'followup-',
  feedback: 'feedback-',
};

/** `initiative-<id>` → ('initiative', id), `target-proposal-<id>` → ('target_proposal', id), …; anything else → ('other', workflow id). */
export function entityOfWorkflow(workflowId: string): { entityType: ArchivedEntityType; entityId: string } {
  for (const [entityType, prefix] of Object.entries(processPrefixes) as [Exclude<ArchivedEntityType, 'other'>, string][]) {
    if (workflowId.startsWith(prefix) && workflowId.length > prefix.length) return { entityType, entityId: workflowId.slice(prefix.length) };
  }
  return { entityType: 'other', entityId: workflowId };
}

/** The workflow that runs an entity's process; null for entities without one (policies, committee, calendar, reports). */
export function workflowIdOf(entityType: string, entityId: string): string | null {
  if (entityType === 'workflow') return entityId;
  const prefix = (processPrefixes as Record<string, string>)[entityType];
  return prefix ? `${prefix}${entityId}` : null;
}

// Wire values of temporal.api.enums.v1.EventType that close a run: completed, failed, timed
// out, canceled, terminated, continued as new.
const closingEventTypes = new Set([2, 3, 4, 21, 27, 28]);

export interface SweepOptions {
  /** Only runs of this task queue (the worker's own); omitted → every closed run of the namespace. */
  taskQueue?: string;
  /** Only runs closed at or after this instant; omitted → every closed run Temporal still keeps. */
  closedSince?: Date;
  /** Histories fetched at once. */
  concurrency?: number;
  pageSize?: number;
  /**
   * At most this many histories started per second; omitted → as fast as `concurrency` allows.
   * The worker paces its sweeps so that archiving hundreds of just-closed histories at once does
   * not take the CPU running commands need (docs/performance.md).
   */
  ratePerSecond?: number;
  /** Ends the sweep early (at the next history); what is left goes to the next sweep. */
  signal?: AbortSignal;
}

export interface SweepResult {
  listed: number;
  archived: number;
  alreadyArchived: number;
  /** Listed as closed but the fetched history did not end yet (visibility ahead of history); next sweep. */
  incomplete: number;
  failed: number;
}

export function closedRunsQuery(opts: Pick<SweepOptions, 'taskQueue' | 'closedSince'>): string {
  const parts = ['ExecutionStatus != "Running"'];
  if (opts.taskQueue !== undefined) {
    if (/["\\]/.test(opts.taskQueue)) throw new Error(`task queue name not usable in a visibility query: ${opts.taskQueue}`);
    parts.push(`TaskQueue = "${opts.taskQueue}"`);
  }
  if (opts.closedSince) parts.push(`CloseTime >= "${opts.closedSince.toISOString()}"`);
  return parts.join(' AND ');
}

export async function archiveClosedWorkflows(client: Client, db: Database, logger: Logger, opts: SweepOptions = {}): Promise<SweepResult> {
  const result: SweepResult = { listed: 0, archived: 0, alreadyArchived: 0, incomplete: 0, failed: 0 };
  const pageSize = opts.pageSize ?? 200;
  const concurrency = opts.concurrency ?? 4;
  const pace = pacer(opts.ratePerSecond, opts.signal);
  const stopped = () => opts.signal?.aborted === true;
  let page: WorkflowExecutionInfo[] = [];

  const flush = async () => {
    if (page.length === 0) return;
    const runs = page;
    page = [];
    const known = await db
      .select({ workflowId: workflowHistories.workflowId, runId: workflowHistories.runId })
      .from(workflowHistories)
      .where(sql`(${workflowHistories.workflowId}, ${workflowHistories.runId}) in (${sql.join(
        runs.map((r) => sql`(${r.workflowId}, ${r.runId})`),
        sql`, `,
      )})`);
    const archived = new Set(known.map((k) => `${k.workflowId}\u0000${k.runId}`));
    const todo = runs.filter((r) => !archived.has(`${r.workflowId}\u0000${r.runId}`));
    result.alreadyArchived += runs.length - todo.length;
    const next = async (): Promise<void> => {
      if (stopped()) return;
      const info = todo.shift();
      if (!info) return;
      if (!(await pace().then(() => true, () => false))) return; // stopped while waiting
      try {
        const outcome = await archiveRun(client, db, info);
        result[outcome === 'archived' ? 'archived' : outcome === 'already' ? 'alreadyArchived' : 'incomplete']++;
      } catch (err) {
        result.failed++;
        logger.warn({ err, workflowId: info.workflowId, runId: info.runId }, 'archiving a workflow history failed; the next sweep retries');
      }
      return next();
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, next));
  };

  for await (const info of client.workflow.list({ query: closedRunsQuery(opts), pageSize })) {
    if (stopped()) break;
    result.listed++;
    page.push(info);
    if (page.length >= pageSize) await flush();
  }
  await flush();
  return result;
}

/** Waits so that successive calls are at least 1/ratePerSecond apart (shared by all lanes). */
function pacer(ratePerSecond: number | undefined, signal: AbortSignal | undefined): () => Promise<void> {
  if (!ratePerSecond) return async () => undefined;
  const gapMs = 1000 / ratePerSecond;
  let nextAt = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, nextAt);
    nextAt = at + gapMs;
    if (at > now) await sleep(at - now, undefined, { signal });
  };
}

/** Archives one closed run; 'already' when another sweep stored it first. */
export async function archiveRun(client: Client, db: Database, info: Pick<WorkflowExecutionInfo, 'workflowId' | 'runId' | 'type' | 'status' | 'startTime' | 'closeTime'>): Promise<'archived' | 'already' | 'incomplete'> {
  const history = await client.workflow.getHandle(info.workflowId, info.runId).fetchHistory();
  const events = history.events ?? [];
  const last = events[events.length - 1];
  if (!last || !closingEventTypes.has(Number(last.eventType))) return 'incomplete';
  const json = historyToJSON(history);
  const sha256 = createHash('sha256').update(json, 'utf8').digest('hex');
  const compressed = await gzipAsync(Buffer.from(json, 'utf8'), { level: 6 });
  const closedAt = info.closeTime ?? timestampOf(last.eventTime) ?? new Date();
  const { entityType, entityId } = entityOfWorkflow(info.workflowId);
  // The archive row and what the audit trail records of it (audit/process-record.ts) commit
  // together: a sweep that fails midway leaves neither, and the next sweep does both.
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(workflowHistories)
      .values({
        workflowId: info.workflowId,
        runId: info.runId,
        workflowType: info.type,
        entityType,
        entityId,
        status: info.status.name,
        startedAt: info.startTime?.toISOString() ?? null,
        closedAt: closedAt.toISOString(),
        eventCount: events.length,
        history: compressed,
        sha256,
      })
      .onConflictDoNothing({ target: [workflowHistories.workflowId, workflowHistories.runId] })
      .returning({ id: workflowHistories.id });
    if (inserted.length === 0) return 'already';
    await recordArchivedRun(tx, { workflowId: info.workflowId, runId: info.runId, workflowType: info.type, status: info.status.name, closedAt, eventCount: events.length, sha256, ...endOf(last) });
    return 'archived';
  });
}

/** What the closing event says of an abnormal end: the terminate reason and who, the failure's message. */
function endOf(last: NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number]): { endReason: string | null; endedBy: string | null } {
  const terminated = last.workflowExecutionTerminatedEventAttributes;
  if (terminated) return { endReason: terminated.reason || null, endedBy: terminated.identity || null };
  const failed = last.workflowExecutionFailedEventAttributes;
  if (failed) return { endReason: failed.failure?.message || null, endedBy: null };
  if (last.workflowExecutionTimedOutEventAttributes) return { endReason: 'the run exceeded its timeout', endedBy: null };
  const cancelled = last.workflowExecutionCanceledEventAttributes;
  if (cancelled) return { endReason: 'cancelled by a request to Temporal', endedBy: null };
  return { endReason: null, endedBy: null };
}

/**
 * Archives stored before the audit trail recorded archives (an earlier release): recorded now, as
 * they stand — from then on they are vouched for like any other (trust on first use: a change
 * made to them before this point cannot be told). Abnormal ends among them are recorded too.
 */
export async function recordUnrecordedArchives(db: Database): Promise<number> {
  const rows = await queryRows<{ workflow_id: string; run_id: string; workflow_type: string; status: string; closed_at: string; event_count: number; sha256: string; history: Buffer | Uint8Array }>(
    db,
    sql`select h.workflow_id, h.run_id, h.workflow_type, h.status, to_char(h.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as closed_at, h.event_count, h.sha256, h.history
        from workflow_histories h
        where not exists (select 1 from audit_events e where e.source_key = 'archive:' || h.workflow_id || ':' || h.run_id)
        order by h.id limit 1000`,
  );
  for (const r of rows) {
    let last: Record<string, { reason?: string; identity?: string; failure?: { message?: string } } | undefined> = {};
    try {
      const events = (JSON.parse((await gunzipAsync(Buffer.from(r.history))).toString('utf8')) as { events?: unknown[] }).events ?? [];
      last = (events[events.length - 1] ?? {}) as typeof last;
    } catch {
      // unreadable: recorded as it stands; verification reports it
    }
    const terminated = last.workflowExecutionTerminatedEventAttributes;
    const failed = last.workflowExecutionFailedEventAttributes;
    await db.transaction((tx) =>
      recordArchivedRun(tx, {
        workflowId: r.workflow_id,
        runId: r.run_id,
        workflowType: r.workflow_type,
        status: r.status,
        closedAt: new Date(r.closed_at),
        eventCount: r.event_count,
        sha256: r.sha256,
        endReason: terminated?.reason || failed?.failure?.message || null,
        endedBy: terminated?.identity || null,
      }),
    );
  }
  return rows.length;
}

function timestampOf(t: { seconds?: unknown; nanos?: number | null } | null | undefined): Date | undefined {
  if (!t || t.seconds === undefined || t.seconds === null) return undefined;
  return new Date(Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6));
}

export interface ArchiverOptions {
  taskQueue?: string;
  /** How far back an incremental sweep looks before the previous sweep's start (visibility lag). */
  overlapMs?: number;
  /** A full sweep (every closed run Temporal keeps) at least this often; the first sweep is full. */
  fullSweepEveryMs?: number;
  /** Histories archived per second at most (config HISTORY_ARCHIVE_RATE_PER_SECOND). */
  ratePerSecond?: number;
}

/** Sweeps at start and every `intervalMs` until stopped; sweeps never overlap. */
export function startArchiver(client: Client, db: Database, logger: Logger, intervalMs: number, opts: ArchiverOptions = {}): { stop(): Promise<void>; sweep(): Promise<SweepResult | undefined> } {
  const overlapMs = opts.overlapMs ?? 15 * 60_000;
  const fullEvery = opts.fullSweepEveryMs ?? 6 * 3_600_000;
  const stopping = new AbortController();
  let running: Promise<SweepResult | undefined> | undefined;
  let lastStart: number | undefined;
  let lastFull: number | undefined;

  const sweep = (): Promise<SweepResult | undefined> => {
    if (stopping.signal.aborted) return Promise.resolve(undefined);
    if (running) return running;
    const started = Date.now();
    const full = lastStart === undefined || lastFull === undefined || started - lastFull >= fullEvery;
    const closedSince = full ? undefined : new Date(lastStart! - overlapMs);
    // A full sweep first records archives an earlier release stored without telling the trail.
    const unrecorded = full ? recordUnrecordedArchives(db) : Promise.resolve(0);
    running = unrecorded
      .then((n) => void (n > 0 && logger.info({ archives: n }, 'archives stored before the trail recorded them are recorded now')))
      .then(() => archiveClosedWorkflows(client, db, logger, { taskQueue: opts.taskQueue, closedSince, ratePerSecond: opts.ratePerSecond, signal: stopping.signal }))
      .then((r) => {
        lastStart = started;
        if (full) lastFull = started;
        if (r.archived || r.failed) logger.info({ archive: { ...r, full } }, 'workflow histories archived');
        return r;
      })
      .catch((err) => {
        logger.warn({ err }, 'workflow history sweep failed; will retry');
        return undefined;
      })
      .finally(() => (running = undefined));
    return running;
  };
  void sweep();
  const timer = setInterval(() => void sweep(), intervalMs);
  return {
    sweep,
    stop: async () => {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}

export interface ArchivedRun {
  workflowId: string;
  runId: string;
  workflowType: string;
  entityType: string;
  entityId: string;
  status: string;
  startedAt: string | null;
  closedAt: string;
  archivedAt: string;
  eventCount: number;
  sha256: string;
  /** The stored sha256 matches the decompressed JSON. */
  verified: boolean;
  /** The history JSON (`{ events: [...] }`); null when it cannot be decompressed or parsed. */
  history: { events: unknown[] } | null;
}

const iso = (column: unknown) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Every archived run of a workflow, oldest first, each with its hash checked. */
export async function readArchivedHistory(db: Database, workflowId: string, runId?: string): Promise<ArchivedRun[]> {
  const rows = await db
    .select({
      workflowId: workflowHistories.workflowId,
      runId: workflowHistories.runId,
      workflowType: workflowHistories.workflowType,
      entityType: workflowHistories.entityType,
      entityId: workflowHistories.entityId,
      status: workflowHistories.status,
      startedAt: sql<string | null>`${iso(workflowHistories.startedAt)}`,
      closedAt: iso(workflowHistories.closedAt),
      archivedAt: iso(workflowHistories.archivedAt),
      eventCount: workflowHistories.eventCount,
      sha256: workflowHistories.sha256,
      history: workflowHistories.history,
    })
    .from(workflowHistories)
    .where(runId === undefined ? eq(workflowHistories.workflowId, workflowId) : and(eq(workflowHistories.workflowId, workflowId), eq(workflowHistories.runId, runId)))
    .orderBy(asc(workflowHistories.closedAt), asc(workflowHistories.id));
  return Promise.all(
    rows.map(async ({ history: compressed, ...row }) => {
      let json: string | undefined;
      try {
        json = (await gunzipAsync(compressed)).toString('utf8');
      } catch {
        json = undefined;
      }
      const verified = json !== undefined && createHash('sha256').update(json, 'utf8').digest('hex') === row.sha256;
      let history: ArchivedRun['history'] = null;
      try {
        history = json === undefined ? null : (JSON.parse(json) as { events: unknown[] });
      } catch {
        history = null;
      }
      return { ...row, verified, history };
    }),
  );
}
