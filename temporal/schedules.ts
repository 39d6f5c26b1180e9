import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client, type ScheduleOptions, type ScheduleUpdateOptions } from '@temporalio/client';
import type { Logger } from '../config/logger.js';
import { retryWhileEngineNotReady } from './engine-retry.js';
import type { reportWorkflow, ReportKind } from '../workflows/report.js';

/**
 * The report schedules (docs/business-rules.md §4): the monthly service-quality report at 06:00 on the 1st,
 * the weekly complaint summary at 06:00 on Mondays, both in the institution's time zone. Each
 * run reports the last full period before its action time (workflows/report.ts).
 */
export const reportScheduleSpecs: Record<ReportKind, { cron: string; what: string }> = {
  monthly: { cron: '0 6 1 * *', what: 'monthly service-quality report (服务质量改进报告)' },
  weekly: { cron: '0 6 * * 1', what: 'weekly complaint summary' },
};

export const reportScheduleId = (kind: ReportKind, prefix = 'cxgov-report') => `${prefix}-${kind}`;

export interface ReportScheduleOptions {
  taskQueue: string;
  /** The business calendar's zone (calendar settings), read at worker start. */
  timeZone: string;
  /** Schedule ids are `<prefix>-monthly` / `<prefix>-weekly`; tests use their own prefix. */
  idPrefix?: string;
  logger?: Logger;
}

function scheduleFor(kind: ReportKind, o: ReportScheduleOptions): ScheduleOptions {
  const { cron, what } = reportScheduleSpecs[kind];
  const scheduleId = reportScheduleId(kind, o.idPrefix);
  return {
    scheduleId,
    spec: { cronExpressions: [cron], timezone: o.timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: 'reportWorkflow',
      // The server appends the action time, so each run has its own id.
      workflowId: scheduleId,
      taskQueue: o.taskQueue,
      args: [{ kind }] satisfies Parameters<typeof reportWorkflow>,
      workflowExecutionTimeout: '1 hour',
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    memo: { what },
  };
}

/**
 * Creates the schedule, or brings an existing one to the given spec, action and policies (its
 * state — paused, notes — is kept): idempotent, so every worker start may call it, several at
 * once included. Returns whether it was created. An engine that has just started may not answer
 * an existing schedule's describe in time; being idempotent, the whole upsert is tried again for a
 * minute (temporal/engine-retry.ts) rather than failing the worker's start.
 */
export async function upsertSchedule(client: Client, options: ScheduleOptions, logger?: Logger): Promise<'created' | 'updated'> {
  return retryWhileEngineNotReady(async () => {
    try {
      await client.schedule.create(options);
      return 'created';
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      await client.schedule.getHandle(options.scheduleId).update((previous): ScheduleUpdateOptions => ({
        ...previous,
        spec: options.spec,
        action: options.action,
        policies: { ...previous.policies, ...options.policies },
      }));
      return 'updated';
    }
  }, { what: `schedule ${options.scheduleId}`, ...(logger ? { logger } : {}) });
}

/** Deletes the schedule if it exists (idempotent, tried again while the engine is not ready). Returns whether it existed. */
export async function removeSchedule(client: Client, scheduleId: string, logger?: Logger): Promise<boolean> {
  return retryWhileEngineNotReady(async () => {
    try {
      await client.schedule.getHandle(scheduleId).delete();
      return true;
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      return false;
    }
  }, { what: `removing schedule ${scheduleId}`, ...(logger ? { logger } : {}) });
}

/**
 * Creates both schedules, or brings existing ones to the current spec (cron, time zone, task
 * queue): idempotent, so every worker start may call it, several at once included.
 */
export async function ensureReportSchedules(client: Client, o: ReportScheduleOptions): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of Object.keys(reportScheduleSpecs) as ReportKind[]) {
    const options = scheduleFor(kind, o);
    if ((await upsertSchedule(client, options, o.logger)) === 'created') {
      o.logger?.info({ scheduleId: options.scheduleId, cron: reportScheduleSpecs[kind].cron, timeZone: o.timeZone }, 'report schedule created');
    } else {
      o.logger?.debug({ scheduleId: options.scheduleId }, 'report schedule updated to the current spec');
    }
    ids.push(options.scheduleId);
  }
  return ids;
}

/**
 * The spike watcher's schedule (docs/incidents.md): `incidentWatchWorkflow` every `every` (the
 * incident policy's `watchEvery`, read at worker start), overlap SKIP (a slow run is never
 * doubled), a short catch-up window (a watcher that was down looks at the window as it is now).
 * Created, or brought to the current interval, at every worker start.
 */
export const incidentWatchScheduleId = (prefix = 'cxgov') => `${prefix}-incident-watch`;

export async function ensureIncidentWatchSchedule(client: Client, o: { taskQueue: string; everyMs: number; idPrefix?: string; logger?: Logger }): Promise<string> {
  const scheduleId = incidentWatchScheduleId(o.idPrefix);
  const options: ScheduleOptions = {
    scheduleId,
    spec: { intervals: [{ every: Math.max(1_000, o.everyMs) }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'incidentWatchWorkflow',
      workflowId: scheduleId,
      taskQueue: o.taskQueue,
      args: [{}],
      workflowExecutionTimeout: '10 minutes',
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 minute' },
    memo: { what: 'spike watcher: complaints per product, root cause and channel against their baseline' },
  };
  if ((await upsertSchedule(client, options, o.logger)) === 'created') o.logger?.info({ scheduleId, everyMs: o.everyMs }, 'incident watch schedule created');
  return scheduleId;
}

/**
 * The scheduled backup (off unless BACKUP_SCHEDULE is set): a Temporal schedule starts
 * `backupWorkflow`, whose one activity (`runBackup`, in a worker) writes a backup into BACKUP_DIR
 * and removes the oldest beyond BACKUP_KEEP. It runs inside the worker, which in embedded mode
 * holds the PGlite database, so it can dump it while cxgov runs.
 */
export const backupScheduleId = (prefix = 'cxgov') => `${prefix}-backup`;

/**
 * Creates the schedule (cron BACKUP_SCHEDULE, in UTC) or brings it to the current spec; with
 * BACKUP_SCHEDULE unset, deletes it if an earlier configuration created it. Idempotent: every
 * worker start calls it.
 */
export async function ensureBackupSchedule(client: Client, o: { cron: string | undefined; taskQueue: string; idPrefix?: string; logger?: Logger }): Promise<string | undefined> {
  const scheduleId = backupScheduleId(o.idPrefix);
  if (!o.cron) {
    if (await removeSchedule(client, scheduleId, o.logger)) o.logger?.info({ scheduleId }, 'backup schedule removed (BACKUP_SCHEDULE is unset)');
    return undefined;
  }
  const options: ScheduleOptions = {
    scheduleId,
    spec: { cronExpressions: [o.cron] },
    action: {
      type: 'startWorkflow',
      workflowType: 'backupWorkflow',
      workflowId: scheduleId,
      taskQueue: o.taskQueue,
      args: [],
      workflowExecutionTimeout: '2 hours',
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
    memo: { what: 'backup of the database, Temporal state and generated secrets into BACKUP_DIR' },
  };
  if ((await upsertSchedule(client, options, o.logger)) === 'created') o.logger?.info({ scheduleId, cron: o.cron }, 'backup schedule created');
  return scheduleId;
}

/**
 * The retention sweep's schedule (docs/security.md "Retention"): `erasureSweepWorkflow` every
 * `every` (the erasure policy's `sweepEvery`, daily by default, read at worker start), overlap
 * SKIP. Created, or brought to the current interval, at every worker start.
 */
export const erasureSweepScheduleId = (prefix = 'cxgov') => `${prefix}-erasure-sweep`;

export async function ensureErasureSweepSchedule(client: Client, o: { taskQueue: string; everyMs: number; idPrefix?: string; logger?: Logger }): Promise<string> {
  const scheduleId = erasureSweepScheduleId(o.idPrefix);
  const options: ScheduleOptions = {
    scheduleId,
    spec: { intervals: [{ every: Math.max(1_000, o.everyMs) }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'erasureSweepWorkflow',
      workflowId: scheduleId,
      taskQueue: o.taskQueue,
      args: [{}],
      workflowExecutionTimeout: '30 minutes',
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
    memo: { what: 'retention sweep: erasure requests for customers past the personal-data retention period' },
  };
  if ((await upsertSchedule(client, options, o.logger)) === 'created') o.logger?.info({ scheduleId, everyMs: o.everyMs }, 'erasure sweep schedule created');
  return scheduleId;
}

/**
 * The committee's monthly meeting (docs/meetings.md): `monthlyMeetingWorkflow` at 09:00 on the
 * 3rd of each month in the institution's time zone (after the monthly report of the 1st), which
 * convenes `meeting-<yyyy-mm>` once, whatever the number of ticks. Created, or brought to the
 * current spec, at every worker start.
 */
export const meetingScheduleId = (prefix = 'cxgov') => `${prefix}-meeting-monthly`;
export const meetingScheduleCron = '0 9 3 * *';

export async function ensureMeetingSchedule(client: Client, o: { taskQueue: string; timeZone: string; idPrefix?: string; logger?: Logger }): Promise<string> {
  const scheduleId = meetingScheduleId(o.idPrefix);
  const options: ScheduleOptions = {
    scheduleId,
    spec: { cronExpressions: [meetingScheduleCron], timezone: o.timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: 'monthlyMeetingWorkflow',
      workflowId: scheduleId,
      taskQueue: o.taskQueue,
      args: [{}],
      workflowExecutionTimeout: '10 minutes',
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    memo: { what: 'convenes the customer-experience committee’s monthly meeting' },
  };
  if ((await upsertSchedule(client, options, o.logger)) === 'created') o.logger?.info({ scheduleId, cron: meetingScheduleCron, timeZone: o.timeZone }, 'meeting schedule created');
  return scheduleId;
}

/**
 * Product NPS (docs/surveys.md "Product NPS"): one schedule per product under post-launch watch,
 * `cxgov-nps-campaign-<initiative id>`, starting `productNpsCampaignWorkflow` every `everyMs` (the
 * campaign policy's period); and `cxgov-nps-schedules`, which keeps that set in step with the
 * products watched (created at every worker start, runs every `syncEveryMs`).
 */
export const npsCampaignSchedulePrefix = (prefix = 'cxgov') => `${prefix}-nps-campaign-`;
export const npsCampaignScheduleId = (initiativeId: string, prefix = 'cxgov') => `${npsCampaignSchedulePrefix(prefix)}${initiativeId}`;
export const npsScheduleSyncId = (prefix = 'cxgov') => `${prefix}-nps-schedules`;

export interface NpsScheduleOptions {
  taskQueue: string;
  /** Between two campaigns of a product. */
  everyMs: number;
  idPrefix?: string;
  logger?: Logger;
}

function npsCampaignSchedule(initiativeId: string, o: NpsScheduleOptions): ScheduleOptions {
  const scheduleId = npsCampaignScheduleId(initiativeId, o.idPrefix);
  return {
    scheduleId,
    spec: { intervals: [{ every: Math.max(1_000, o.everyMs) }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'productNpsCampaignWorkflow',
      workflowId: scheduleId,
      taskQueue: o.taskQueue,
      args: [{ initiativeId }],
      workflowExecutionTimeout: '1 hour',
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    memo: { what: `product NPS campaign of initiative ${initiativeId}`, initiativeId },
  };
}

/**
 * Brings the campaign schedules to exactly the products given: creates the missing ones (a new
 * schedule's first run is one period from now: the product has been watched for less than that),
 * removes those of products no longer watched. Idempotent.
 */
export async function syncNpsCampaignSchedules(client: Client, products: readonly string[], o: NpsScheduleOptions): Promise<{ created: string[]; removed: string[] }> {
  const prefix = npsCampaignSchedulePrefix(o.idPrefix);
  const existing = new Set<string>();
  for await (const s of client.schedule.list()) if (s.scheduleId.startsWith(prefix)) existing.add(s.scheduleId);
  const wanted = new Map(products.map((id) => [npsCampaignScheduleId(id, o.idPrefix), id]));
  const created: string[] = [];
  const removed: string[] = [];
  for (const [scheduleId, initiativeId] of wanted) {
    if (existing.has(scheduleId)) continue;
    if ((await upsertSchedule(client, npsCampaignSchedule(initiativeId, o), o.logger)) === 'created') {
      created.push(scheduleId);
      o.logger?.info({ scheduleId, everyMs: o.everyMs }, 'product NPS campaign schedule created');
    }
  }
  for (const scheduleId of existing) {
    if (wanted.has(scheduleId)) continue;
    if (await removeSchedule(client, scheduleId, o.logger)) {
      removed.push(scheduleId);
      o.logger?.info({ scheduleId }, 'product NPS campaign schedule removed: the product is no longer watched');
    }
  }
  return { created, removed };
}

export async function ensureNpsScheduleSync(client: Client, o: { taskQueue: string; everyMs: number; idPrefix?: string; logger?: Logger }): Promise<string> {
  const scheduleId = npsScheduleSyncId(o.idPrefix);
  const options: ScheduleOptions = {
    scheduleId,
    spec: { intervals: [{ every: Math.max(1_000, o.everyMs) }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'npsScheduleSyncWorkflow',
      workflowId: scheduleId,
      taskQueue: o.taskQueue,
      args: [],
      workflowExecutionTimeout: '10 minutes',
    },
    policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
    memo: { what: 'keeps one product NPS campaign schedule per product under post-launch watch' },
  };
  if ((await upsertSchedule(client, options, o.logger)) === 'created') o.logger?.info({ scheduleId, everyMs: o.everyMs }, 'NPS schedule sync created');
  return scheduleId;
}
