import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyTrail } from '../../audit/report.js';
import type { Manifest } from '../../backup/backup.js';
import { backupScheduleId, ensureBackupSchedule } from '../../temporal/schedules.js';
import { ScheduleNotFoundError } from '@temporalio/client';
import { loadConfig } from '../../config/config.js';
import { jwtSecret, piiKey } from '../../config/secrets.js';
import { openDatabase } from '../../db/client.js';
import { freePort, startDevServer, type DevServer } from '../../temporal/dev-server.js';
import { complaintQuery, complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { auditActions, command, intake, sec, secondsPolicy, setPolicy } from '../support/complaints.js';
import { people } from '../support/people.js';
import { createDatabase, dropDatabase, withAdmin } from '../support/postgres.js';
import { startProcessStack, type ProcessStack } from '../support/processes.js';
import { eventually } from '../support/stack.js';

/**
 * The restore drill (docs/operations.md "Backup and restore"): a live stack — its own Temporal dev
 * server with a SQLite file, its own database, the worker and the API as processes — with open
 * complaints and a pending first-response timer. `npm run backup` takes it; then everything is
 * destroyed (processes stopped, database dropped, Temporal's file and the secrets deleted);
 * `npm run restore` brings it back into the empty places; the stack starts again. The trail
 * verifies, the same ids and counts are there, the pending timer fires, and a command on a
 * restored complaint succeeds.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-drill-'));
const temporalDb = path.join(dir, 'temporal', 'temporal.db');
const dataDir = path.join(dir, 'data');
const backups = path.join(dir, 'backups');
const scheduled = path.join(dir, 'scheduled');
const dbName = `cxgov_drill_${randomBytes(4).toString('hex')}`;
let databaseUrl: string;
let port: number;
let temporal: DevServer | undefined;
let stack: ProcessStack;

const startTemporal = () => startDevServer({ cliPath: inject('temporalCliPath'), port, headless: true, dbFile: temporalDb });

/** `npm run <command> -- …args` as an operator runs it (through scripts/bootstrap.mjs); exit code and output. */
function npmRun(commandName: 'backup' | 'restore', args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/bootstrap.mjs', commandName, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, TEMPORAL_ADDRESS: temporal?.address ?? `127.0.0.1:${port}`, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** What must survive: the complaints, every audit chain's head, the audit events, the notifications. */
async function inventory(query: ProcessStack['query']) {
  const [complaints, heads, events, notifications] = await Promise.all([
    query<{ id: string; version: number; status: string }>('select id, version, status from complaints order by id'),
    query<{ entity_type: string; entity_id: string; seq: number; hash: string }>('select entity_type, entity_id, seq, hash from audit_chain_heads order by entity_type, entity_id'),
    query<{ n: number }>('select count(*)::int as n from audit_events'),
    query<{ n: number }>('select count(*)::int as n from notifications'),
  ]);
  return { complaints, heads, events: events[0]!.n, notifications: notifications[0]!.n };
}

async function runningComplaintWorkflows(): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of stack.temporal.workflow.list({ query: `TaskQueue = "${stack.taskQueue}" AND WorkflowType = "complaintWorkflow" AND ExecutionStatus = "Running"` })) ids.push(wf.workflowId);
  return ids.sort();
}

beforeAll(async () => {
  port = await freePort();
  mkdirSync(path.dirname(temporalDb), { recursive: true });
  temporal = await startTemporal();
  databaseUrl = await createDatabase(dbName, inject('templateDatabase'));
  // The secrets an embedded installation generates under DATA_DIR (the roles get theirs from env).
  const config = loadConfig({ DATA_DIR: dataDir });
  piiKey(config);
  jwtSecret(config);
  stack = await startProcessStack({
    databaseUrl,
    temporalAddress: temporal.address,
    env: {
      // The scheduled backup, on (a daily cron that the test triggers by hand), keeping two.
      BACKUP_SCHEDULE: '0 3 * * *',
      BACKUP_DIR: scheduled,
      BACKUP_KEEP: '2',
      BACKUP_TEMPORAL_DB: temporalDb,
    },
  });
});
afterAll(async () => {
  await stack?.stop();
  await temporal?.stop();
  await dropDatabase(dbName);
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore drill', () => {
  it('backs up a live stack, survives its destruction, and comes back whole: trail verifies, ids and counts equal, the pending timer fires, commands run', async () => {
    // A live stack: a complaint whose first-response timer is pending, one that waits for a
    // command, one answered already. The timer is due 90 s after intake (at risk at 72 s),
    // well after the backup of the next seconds, and fires after the restore.
    await setPolicy(stack, secondsPolicy({ firstResponse: sec(90) }));
    const pending = await intake(stack);
    const waiting = await intake(stack);
    const answered = await intake(stack);
    await command(stack, people.agent, answered.id, '/responses', { message: 'we are looking into it', channel: 'hotline' });
    // What follows a command in the background (the customer's notice, its delivery record) has
    // settled when two reads a moment apart agree: the backup must then hold exactly this.
    const before = await eventually(async () => {
      const first = await inventory(stack.query);
      await new Promise((r) => setTimeout(r, 1500));
      return JSON.stringify(first) === JSON.stringify(await inventory(stack.query)) ? first : undefined;
    }, 'the stack to settle');
    expect(before.complaints.map((c) => c.id)).toEqual(expect.arrayContaining([pending.id, waiting.id, answered.id]));
    const runningBefore = await eventually(async () => {
      const ids = await runningComplaintWorkflows();
      return ids.length === 3 ? ids : undefined;
    }, 'the three complaint workflows listed as running');

    // Back up while everything runs.
    const backup = await npmRun('backup', ['--dir', backups, '--temporal-db', temporalDb]);
    expect(backup.code, backup.output).toBe(0);
    const [name] = readdirSync(backups);
    const from = path.join(backups, name!);
    const manifest = JSON.parse(readFileSync(path.join(from, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({
      database: { kind: 'postgres' },
      temporal: { kind: 'dev-server-sqlite', method: expect.stringContaining('VACUUM INTO') },
      secrets: { files: ['pii-key', 'jwt-secret'] },
      schema: { migrations: expect.any(Number), last: expect.any(String) },
    });
    expect(manifest.files.map((f) => f.path).sort()).toEqual(['database.pgdump', 'secrets/jwt-secret', 'secrets/pii-key', 'temporal.sqlite']);
    const secretsBefore = ['pii-key', 'jwt-secret'].map((f) => readFileSync(path.join(dataDir, f), 'utf8'));

    // Destroy: the processes and Temporal stopped, the database dropped, the state and secrets gone.
    await Promise.all([stack.api?.stop(), stack.worker?.stop()]);
    await temporal!.stop();
    temporal = undefined;
    await dropDatabase(dbName);
    rmSync(path.dirname(temporalDb), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    expect(await withAdmin((c) => c.query('select 1 from pg_database where datname = $1', [dbName]))).toMatchObject({ rowCount: 0 });
    expect(existsSync(temporalDb)).toBe(false);

    // Restore into the empty places (the database is created by the restore).
    const restored = await npmRun('restore', [from, '--temporal-db', temporalDb]);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toContain('4 files match the manifest');
    expect(restored.output).toContain('restore complete');
    // A second restore finds the places taken and refuses, touching nothing.
    const again = await npmRun('restore', [from, '--temporal-db', temporalDb]);
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/is not empty; nothing was restored/);

    // Before anything starts: nothing lost, the trail verifies, the timer was still pending.
    expect(await inventory(stack.query)).toEqual(before);
    const db = await openDatabase({ url: databaseUrl, dataDir });
    try {
      const trail = await verifyTrail(db.db);
      expect(trail, JSON.stringify(trail.broken)).toMatchObject({ ok: true, brokenCount: 0 });
      expect(trail.entities).toBe(before.heads.length);
    } finally {
      await db.close();
    }
    expect(await auditActions(stack, pending.id)).toEqual(['complaint.received']);
    expect(['pii-key', 'jwt-secret'].map((f) => readFileSync(path.join(dataDir, f), 'utf8'))).toEqual(secretsBefore);

    // Start again where everything was.
    temporal = await startTemporal();
    await stack.startWorker();
    await stack.startApi();
    expect(await runningComplaintWorkflows()).toEqual(runningBefore);

    // The pending timer fires (at its instant, or at once if that passed while all was down).
    const breached = await eventually(
      async () => {
        const r = await stack.as(people.supervisor).get(`/api/v1/complaints/${pending.id}`);
        return r.status === 200 && r.body.escalationLevel === 1 ? r.body : undefined;
      },
      'the first-response breach of the restored complaint',
      90_000,
    );
    expect(breached.breaches).toEqual([{ clock: 'firstResponse', at: pending.deadlines.firstResponse, level: 1, window: 0 }]);

    // Commands on restored complaints succeed, and the workflows agree with the restored rows.
    const responded = await command(stack, people.agent, waiting.id, '/responses', { message: 'sorry for the wait', channel: 'hotline' });
    expect(responded.clocks.firstResponse).toMatchObject({ metAt: expect.any(String) });
    await command(stack, people.agent, pending.id, '/responses', { message: 'sorry for the wait', channel: 'hotline' });
    expect(await auditActions(stack, pending.id)).toEqual(['complaint.received', 'complaint.clock_at_risk', 'complaint.clock_breached', 'complaint.responded']);
    for (const c of [pending, waiting, answered]) {
      const live = await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).query(complaintQuery);
      const [row] = await stack.query<{ version: number }>('select version from complaints where id = $1', [c.id]);
      expect(row!.version).toBe(live.version);
    }
    const after = await openDatabase({ url: databaseUrl, dataDir });
    try {
      expect(await verifyTrail(after.db)).toMatchObject({ ok: true, brokenCount: 0 });
    } finally {
      await after.close();
    }
  });

  it('the scheduled backup writes into BACKUP_DIR and keeps the newest BACKUP_KEEP; npm run backup -- --through-worker asks a worker for one', async () => {
    const schedule = stack.temporal.schedule.getHandle(backupScheduleId());
    expect((await schedule.describe()).action).toMatchObject({ type: 'startWorkflow', workflowType: 'backupWorkflow', taskQueue: stack.taskQueue });
    for (const n of [1, 2]) {
      await schedule.trigger();
      // Each run is one workflow; wait for this one's folder before the next.
      await eventually(async () => ((await completedBackupRuns()) >= n && finished().length === n ? true : undefined), `scheduled backup ${n}`, 60_000);
    }
    // A third, asked for by the operator's command: the worker takes it, the oldest goes.
    const oldest = finished()[0];
    const now = await npmRun('backup', ['--through-worker'], { TEMPORAL_TASK_QUEUE: stack.taskQueue });
    expect(now.code, now.output).toBe(0);
    const written = /backup written by the worker: (\S+)/.exec(now.output)?.[1];
    expect(now.output).toContain(`removed old backup ${oldest}`);
    const kept = finished();
    expect(kept).toHaveLength(2);
    expect(kept).not.toContain(oldest);
    expect(path.join(scheduled, kept[1]!)).toBe(written);
    const manifest = JSON.parse(readFileSync(path.join(scheduled, kept[1]!, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ database: { kind: 'postgres' }, temporal: { kind: 'dev-server-sqlite' } });

    // BACKUP_SCHEDULE unset at the next worker start: the schedule is gone (and stays gone).
    for (let i = 0; i < 2; i++) await ensureBackupSchedule(stack.temporal, { cron: undefined, taskQueue: stack.taskQueue });
    await expect(schedule.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });
});

/** The whole backups in the scheduled backup's folder, oldest first. */
const finished = () => (existsSync(scheduled) ? readdirSync(scheduled).filter((f) => !f.endsWith('.partial')).sort() : []);

/** Completed runs of the backup workflow on the stack's task queue. */
async function completedBackupRuns(): Promise<number> {
  let n = 0;
  for await (const _ of stack.temporal.workflow.list({ query: `TaskQueue = "${stack.taskQueue}" AND WorkflowType = "backupWorkflow" AND ExecutionStatus = "Completed"` })) n++;
  return n;
}
