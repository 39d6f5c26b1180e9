import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveClosedWorkflows, recordUnrecordedArchives } from '../../audit/archive.js';
import { writeCheckpoint } from '../../audit/checkpoint.js';
import { createLogger } from '../../config/logger.js';
import { auditHash } from '../../db/audit.js';
import { startArchiveTestWorker } from '../support/archive-worker.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * Archived histories are in the audit chain: archiving a run records its sha256 and event count
 * in the entity's chain (and so under the checkpoints), so an archive changed in the database —
 * even with its sha256 and count recomputed — is located by /audit/verify and the export says
 * `verified: false`. The attacker is a DBA who bypasses the append-only triggers.
 */
const logger = createLogger('silent', 'test');
let stack: Stack;
let worker: { stop(): Promise<void> };
let taskQueue: string;

beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
  taskQueue = `${stack.taskQueue}-archive-chain`;
  worker = await startArchiveTestWorker(taskQueue);
});
afterAll(async () => {
  await worker?.stop();
  await stack?.stop();
});

const auditor = () => stack.as(people.auditor);

/** A closed complaint-like run of its own, archived. */
async function archivedRun(): Promise<{ id: string; workflowId: string; runId: string }> {
  const id = randomUUID();
  const workflowId = `complaint-${id}`;
  const handle = await stack.temporal.workflow.start('closesAtOnce', { taskQueue, workflowId, args: [{ note: 'x' }] });
  await handle.result();
  await eventually(async () => {
    await archiveClosedWorkflows(stack.temporal, stack.database.db, logger, { taskQueue });
    return (await stack.query(`select 1 from workflow_histories where workflow_id = $1`, [workflowId])).length > 0;
  }, 'the run to be archived');
  return { id, workflowId, runId: handle.firstExecutionRunId };
}

async function asDba(statements: (c: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await statements(client);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

/** Deletes one event from the archived history and stores it with a recomputed sha256 and count. */
async function deleteOneEventAndRehash(workflowId: string): Promise<void> {
  const [row] = await stack.query<{ history: Buffer }>(`select history from workflow_histories where workflow_id = $1`, [workflowId]);
  const doc = JSON.parse(gunzipSync(row!.history).toString('utf8')) as { events: unknown[] };
  doc.events.splice(1, 1);
  const json = JSON.stringify(doc);
  const sha = createHash('sha256').update(json, 'utf8').digest('hex');
  await asDba((c) => c.query(`update workflow_histories set history = $1, sha256 = $2, event_count = $3 where workflow_id = $4`, [gzipSync(Buffer.from(json)), sha, doc.events.length, workflowId]).then(() => undefined));
}

describe('archived histories in the audit chain', () => {
  it('archiving records the sha256 and the event count in the entity’s chain', async () => {
    const { id, workflowId, runId } = await archivedRun();
    const [row] = await stack.query<{ sha256: string; event_count: number }>(`select sha256, event_count from workflow_histories where workflow_id = $1`, [workflowId]);
    const events = (await auditor().get(`/api/v1/audit/events?entityType=complaint&entityId=${id}`)).body.items;
    expect(events).toEqual([
      expect.objectContaining({ seq: 1, actor: 'system', action: 'complaint.history_archived', after: expect.objectContaining({ workflowId, runId, status: 'COMPLETED', sha256: row!.sha256, eventCount: row!.event_count }) }),
    ]);
    expect((await auditor().get(`/api/v1/audit/verify?entityType=complaint&entityId=${id}`)).body.ok).toBe(true);
  });

  it('an event deleted from an archive, sha256 and count recomputed: located by /audit/verify, export verified: false', async () => {
    const { id, workflowId, runId } = await archivedRun();
    await deleteOneEventAndRehash(workflowId);
    const at = `archive:${workflowId}/${runId}`;

    const trail = (await auditor().get('/api/v1/audit/verify')).body;
    expect(trail.ok).toBe(false);
    expect(trail.archives.broken).toContainEqual(expect.objectContaining({ firstBrokenAt: at, reason: 'archive_altered' }));
    const one = (await auditor().get(`/api/v1/audit/verify?entityType=complaint&entityId=${id}`)).body;
    expect(one).toMatchObject({ ok: false, firstBrokenAt: at, reason: 'archive_altered' });
    const exported = (await auditor().get(`/api/v1/audit/complaint/${id}/export`)).body;
    expect(exported.verification).toMatchObject({ ok: false, firstBrokenAt: at, history: { ok: false, runs: [{ runId, verified: false }] } });
    expect(exported.history).toMatchObject({ source: 'archive', verified: false });
  });

  it('an archive row deleted: located as archive_missing', async () => {
    const { id, workflowId, runId } = await archivedRun();
    await asDba((c) => c.query(`delete from workflow_histories where workflow_id = $1`, [workflowId]).then(() => undefined));
    const one = (await auditor().get(`/api/v1/audit/verify?entityType=complaint&entityId=${id}`)).body;
    expect(one).toMatchObject({ ok: false, firstBrokenAt: `archive:${workflowId}/${runId}`, reason: 'archive_missing' });
  });

  it('the archive and its audit event both rewritten, hashes and head recomputed: the checkpoint finds it', async () => {
    const { id, workflowId } = await archivedRun();
    await writeCheckpoint(stack.database.db);
    await deleteOneEventAndRehash(workflowId);
    const [row] = await stack.query<{ sha256: string; event_count: number }>(`select sha256, event_count from workflow_histories where workflow_id = $1`, [workflowId]);
    const [event] = await stack.query<{ seq: number; actor: string; roles: string[]; action: string; at: Date; after: Record<string, unknown>; prev_hash: string | null }>(
      `select seq, actor, roles, action, at, after, prev_hash from audit_events where entity_type = 'complaint' and entity_id = $1`,
      [id],
    );
    const after = { ...event!.after, sha256: row!.sha256, eventCount: row!.event_count };
    const hash = auditHash({ entityType: 'complaint', entityId: id, seq: event!.seq, actor: event!.actor, roles: event!.roles, action: event!.action, at: event!.at.toISOString(), after, prevHash: event!.prev_hash });
    await asDba(async (c) => {
      await c.query(`update audit_events set after = $1, hash = $2 where entity_type = 'complaint' and entity_id = $3`, [after, hash, id]);
      await c.query(`update audit_chain_heads set hash = $1 where entity_type = 'complaint' and entity_id = $2`, [hash, id]);
    });
    const one = (await auditor().get(`/api/v1/audit/verify?entityType=complaint&entityId=${id}`)).body;
    expect(one).toMatchObject({ ok: false, firstBrokenAt: `complaint/${id}#1`, reason: 'rewritten' });
  });

  it('an archive an earlier release stored without recording it: unrecorded until the archiver records it', async () => {
    const workflowId = `complaint-${randomUUID()}`;
    const json = JSON.stringify({ events: [{ eventId: '1' }, { eventId: '2' }] });
    const sha = createHash('sha256').update(json, 'utf8').digest('hex');
    await stack.query(
      `insert into workflow_histories (workflow_id, run_id, workflow_type, entity_type, entity_id, status, closed_at, event_count, history, sha256)
       values ($1, 'run-1', 'complaintWorkflow', 'complaint', $2, 'COMPLETED', now(), 2, $3, $4)`,
      [workflowId, workflowId.slice('complaint-'.length), gzipSync(Buffer.from(json)), sha],
    );
    const before = (await auditor().get(`/api/v1/audit/verify?entityType=complaint&entityId=${workflowId.slice('complaint-'.length)}`));
    expect(before.status).toBe(404); // no chain yet: nothing recorded of it
    const trail = (await auditor().get('/api/v1/audit/verify')).body;
    expect(trail.archives.broken).toContainEqual(expect.objectContaining({ firstBrokenAt: `archive:${workflowId}/run-1`, reason: 'archive_unrecorded' }));
    expect(await recordUnrecordedArchives(stack.database.db)).toBeGreaterThanOrEqual(1);
    const after = (await auditor().get('/api/v1/audit/verify')).body;
    expect(after.archives.broken.map((b: { firstBrokenAt: string }) => b.firstBrokenAt)).not.toContain(`archive:${workflowId}/run-1`);
  });
});
