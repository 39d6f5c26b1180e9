import { randomBytes, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { verifyEntityChain } from '../../audit/verify.js';
import { erasureLedgerPath, piiCipher, surveyLinkSecret } from '../../config/secrets.js';
import { surveyInvitationsOf } from '../../db/surveys.js';
import { signSurveyLink } from '../../security/survey-link.js';
import { openDatabase } from '../../db/client.js';
import { customerRowsReadable } from '../../db/erasures.js';
import { piiContext } from '../../db/complaints.js';
import { readLedger } from '../../security/erasure-ledger.js';
import { PiiUnreadable } from '../../security/pii.js';
import { command, getComplaint, intake, revealCustomer, sec, secondsPolicy, setPolicy } from '../support/complaints.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { people } from '../support/people.js';
import { erasureWorkflowId } from '../../workflows/erasure/messages.js';
import type { erasureSweepWorkflow } from '../../workflows/erasure/sweep.js';
import { ensureErasureSweepSchedule, erasureSweepScheduleId } from '../../temporal/schedules.js';
import { dropDatabase, urlFor } from '../support/postgres.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * The erasure drill (docs/security.md "Customer data keys and erasure", docs/operations.md
 * "Erasures and restores"): a customer's complaints taken and closed; an erasure requested is held
 * while one is open and while a legal hold stands; lifted, a second compliance auditor approves
 * (four eyes enforced); the customer's data key is destroyed; the complaints answer `erased`
 * (never a 500, never PII); the raw rows no longer open with the master key; the audit chains
 * verify; and a backup taken before the erasure, restored, still leaves the customer unreadable.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'cxgov-erasure-'));
const backups = path.join(work, 'backups');
let stack: Stack;
const restoredDb = `cxgov_erasure_restored_${randomBytes(4).toString('hex')}`;

const { agent, auditor, admin, supervisor } = people;
const auditor2: Principal = { userId: 'aud2', name: 'Bea Auditor', roles: ['compliance_auditor'] };

beforeAll(async () => {
  stack = await startStack({ env: { BACKUP_DIR: backups } });
  await setPolicy(stack, secondsPolicy());
  const policy = await stack.as(admin).put('/api/v1/policies/erasure', { retention: { amount: 1095, unit: 'day' }, recheckEvery: sec(1), sweepEvery: { amount: 1, unit: 'day' } });
  expect(policy.status, JSON.stringify(policy.body)).toBe(200);
});
afterAll(async () => {
  await stack?.stop();
  await dropDatabase(restoredDb).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

async function close(id: string) {
  await command(stack, agent, id, '/responses', { message: 'We are looking into it', channel: 'hotline' });
  await command(stack, agent, id, '/resolution', { summary: 'Card unblocked', remedy: 'Fee waived' });
  await command(stack, agent, id, '/responses', { message: 'Your card works again', channel: 'hotline' });
  const closed = await command(stack, agent, id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'thanks' });
  expect(closed.status).toBe('closed');
}

const erasure = async (id: string) => {
  const res = await stack.as(auditor).get(`/api/v1/erasures/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const until = (id: string, status: string, check: (e: any) => boolean = () => true) =>
  eventually(async () => {
    const e = await erasure(id);
    return e.status === status && check(e) ? e : undefined;
  }, `erasure ${id} ${status}`);

function npmRun(commandName: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/bootstrap.mjs', commandName, ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

describe('erasure by crypto-shredding', () => {
  it('holds, approves with four eyes, shreds, proves; erased complaints answer erased; an older backup restored stays erased', async () => {
    const customerRef = `erase-${randomUUID().slice(0, 8)}`;
    const customer = { ref: customerRef, name: '李四', phone: '13900001111', idNumber: '110101199003071234' };
    const first = await intake(stack, { customer });
    const second = await intake(stack, { customer });
    // Sealed under the customer's data key (v3), not directly under the master key.
    const [raw] = await stack.query<{ name_enc: string }>('select name_enc from complaint_customers where complaint_id = $1', [first.id]);
    expect(raw!.name_enc).toMatch(/^v3\./);
    const keys = await stack.query<{ id: string }>('select id from customer_data_keys where customer_ref = $1 and erased_at is null', [customerRef]);
    expect(keys).toHaveLength(1);
    expect(raw!.name_enc.split('.')[1]).toBe(keys[0]!.id);
    await close(first.id);
    // The customer answers the survey in words of their own: those go with the erasure, the scores stay.
    const invitation = await eventually(async () => (await surveyInvitationsOf(stack.database.db, 'complaint', first.id))[0], 'the survey invitation');
    const answered = await stack.anonymous.post(`/api/v1/public/surveys/${await signSurveyLink(surveyLinkSecret(stack.config), invitation)}`, { csat: 2, nps: 4, verbatim: '李四：手续费太高' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);

    // Requested while the second complaint is open: held.
    const requested = await stack.as(auditor).post('/api/v1/erasures', { customerRef, reason: 'customer asked to be forgotten' });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    expect(requested.body).toMatchObject({ status: 'held', origin: 'manual', customerRef, holds: [{ kind: 'open_complaint', complaintId: second.id }] });
    const id = requested.body.id as string;
    // A second request for the same customer while one runs: 409.
    expect((await stack.as(admin).post('/api/v1/erasures', { customerRef, reason: 'again' })).status).toBe(409);
    // Held: no decision yet.
    expect((await stack.as(auditor2).post(`/api/v1/erasures/${id}/decision`, { approved: true })).status).toBe(409);

    // The backup an operator took before the erasure.
    const backup = await npmRun('backup', ['--dir', backups, '--without-secrets'], { DATABASE_URL: stack.databaseUrl, DATA_DIR: path.join(work, 'backup-data'), TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(backup.code, backup.output).toBe(0);

    // A legal hold is set, then the complaint closes: still held, now by the hold alone.
    const hold = await stack.as(auditor).post('/api/v1/legal-holds', { customerRef, reason: 'litigation 2026-17' });
    expect(hold.status, JSON.stringify(hold.body)).toBe(201);
    await close(second.id);
    await until(id, 'held', (e) => e.holds.length === 1 && e.holds[0].kind === 'legal_hold' && e.holds[0].holdId === hold.body.id);
    // Only compliance sets and lifts holds.
    expect((await stack.as(admin).post(`/api/v1/legal-holds/${hold.body.id}/lift`, { reason: 'x' })).status).toBe(403);
    const lifted = await stack.as(auditor).post(`/api/v1/legal-holds/${hold.body.id}/lift`, { reason: 'case settled' });
    expect(lifted.status, JSON.stringify(lifted.body)).toBe(200);
    expect((await stack.as(auditor).post(`/api/v1/legal-holds/${hold.body.id}/lift`, { reason: 'again' })).status).toBe(409);

    // No hold: waiting for a compliance auditor, with the facts; compliance is told and has a task.
    const waiting = await until(id, 'awaiting_approval');
    expect(waiting.complaints.map((c: any) => [c.id, c.status]).sort()).toEqual([[first.id, 'closed'], [second.id, 'closed']].sort());
    const tasks = await stack.as(auditor2).get('/api/v1/tasks');
    expect(tasks.body.items.some((t: any) => t.entityType === 'erasure' && t.entityId === id)).toBe(true);
    const own = await stack.as(auditor).get('/api/v1/tasks');
    expect(own.body.items.some((t: any) => t.entityType === 'erasure' && t.entityId === id)).toBe(false);
    const [noticed] = await stack.query<{ n: number }>("select count(*)::int as n from notifications where topic = 'erasure.approval_needed' and entity_id = $1", [id]);
    expect(noticed!.n).toBe(1);

    // Four eyes: the requester may not decide; an admin may not; a refusal needs a comment.
    const self = await stack.as(auditor).post(`/api/v1/erasures/${id}/decision`, { approved: true });
    expect(self.status).toBe(403);
    expect(self.body.detail).toContain('four eyes');
    expect((await stack.as(admin).post(`/api/v1/erasures/${id}/decision`, { approved: true })).status).toBe(403);
    expect((await stack.as(auditor2).post(`/api/v1/erasures/${id}/decision`, { approved: false })).status).toBe(400);

    const approved = await stack.as(auditor2).post(`/api/v1/erasures/${id}/decision`, { approved: true, comment: 'no hold, request verified' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const done = await until(id, 'completed');
    expect(done.decision).toMatchObject({ approved: true, by: auditor2.userId });
    expect(done.proof).toMatchObject({ ok: true, rowsChecked: 2, rowsStillReadable: 0, dataKeysDestroyed: [keys[0]!.id], ledger: 'appended', chains: { ok: true, checked: 3 } });

    // The complaints answer erased: no 500, no PII, for every role that reads them, in lists too.
    for (const c of [first, second]) {
      const seen = await stack.as(supervisor).get(`/api/v1/complaints/${c.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.customer).toMatchObject({ ref: customerRef, name: '', phone: '', erased: true });
      expect(JSON.stringify(seen.body)).not.toContain('13900001111');
      expect(JSON.stringify(seen.body)).not.toContain('李四');
    }
    const listed = await stack.as(supervisor).get('/api/v1/complaints?limit=100');
    expect(listed.status).toBe(200);
    expect(listed.body.items.filter((c: any) => c.customer.ref === customerRef).every((c: any) => c.customer.erased === true)).toBe(true);
    // A correction of an erased customer: 409, not a 500.
    expect((await stack.as(supervisor).put(`/api/v1/complaints/${first.id}/customer`, { phone: '13900002222', reason: 'typo' })).status).toBe(409);
    // Nothing left to show: no offer to, a 409 on asking, and no access record.
    expect((await getComplaint(stack, first.id)).customer.reveal).toBeNull();
    const shown = await stack.as(supervisor).post(`/api/v1/complaints/${first.id}/customer/reveal`, { reason: 'customer called back' });
    expect(shown.status).toBe(409);
    expect(shown.body.detail).toContain('erased');
    expect(await stack.query(`select 1 from audit_events where entity_type = 'pii_access' and after->'complaintIds' @> $1::jsonb`, [JSON.stringify([first.id])])).toEqual([]);

    // The raw rows no longer open: the data key is gone, and the master key alone opens nothing.
    const [dk] = await stack.query<{ wrapped_key: string | null; erasure_id: string }>('select wrapped_key, erasure_id from customer_data_keys where id = $1', [keys[0]!.id]);
    expect(dk).toEqual({ wrapped_key: null, erasure_id: id });
    const cipher = piiCipher(stack.config);
    for (const row of await stack.query<{ complaint_id: string; name_enc: string; phone_enc: string }>('select complaint_id, name_enc, phone_enc from complaint_customers where customer_ref = $1', [customerRef])) {
      expect(() => cipher.decrypt(row.name_enc, piiContext(row.complaint_id, 'name'))).toThrow(PiiUnreadable);
      expect(() => cipher.decrypt(row.phone_enc, piiContext(row.complaint_id, 'phone'))).toThrow(PiiUnreadable);
    }
    expect(await customerRowsReadable(stack.database.db, cipher, customerRef)).toMatchObject({ checked: 2, readable: 0 });
    expect(await stack.query('select verbatim, nps from survey_responses where contact_id = $1', [first.id])).toEqual([{ verbatim: null, nps: 4 }]);

    // The audit chains verify; the trail tells the whole story.
    for (const [type, entity] of [['erasure', id], ['complaint', first.id], ['complaint', second.id], ['legal_hold', hold.body.id]] as const) {
      expect((await verifyEntityChain(stack.database.db, type, entity)).ok, `${type}/${entity}`).toBe(true);
    }
    const actions = await stack.query<{ action: string }>("select action from audit_events where entity_type = 'erasure' and entity_id = $1 order by seq", [id]);
    const trail = actions.map((a) => a.action);
    expect(trail[0]).toBe('erasure.requested');
    expect(trail.slice(-4)).toEqual(['erasure.awaiting_approval', 'erasure.approved', 'erasure.executed', 'erasure.proven']);
    // Held first by the open complaint, then by the hold (how many looks saw a change depends on timing).
    expect(trail.slice(1, -4).length).toBeGreaterThanOrEqual(2);
    expect(trail.slice(1, -4).every((a) => a === 'erasure.held')).toBe(true);

    await stack.temporal.workflow.getHandle(erasureWorkflowId(id)).result();
    await saveReplayFixture(stack.temporal, erasureWorkflowId(id), 'erasure-held-approved-proven');

    // The ledger outside the database lists it, its checksums verify.
    const ledgerFile = erasureLedgerPath(stack.config);
    expect(readLedger(ledgerFile).find((l) => l.erasureId === id)).toMatchObject({ customerRef, dataKeyIds: [keys[0]!.id] });

    // The backup of before the erasure, restored elsewhere: the restore re-applies the ledger.
    const [folder] = readdirSync(backups).filter((f) => existsSync(path.join(backups, f, 'manifest.json')));
    const restore = await npmRun('restore', [path.join(backups, folder!)], {
      DATABASE_URL: urlFor(restoredDb),
      DATA_DIR: path.join(work, 'restored-data'),
      ERASURE_LEDGER: ledgerFile,
      PII_KEY: stack.config.PII_KEY!,
    });
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toMatch(/erasure ledger: \d+ erasures/);
    expect(restore.output).toMatch(/re-shredded: [1-9]\d* data keys destroyed again/);
    const restored = await openDatabase({ url: urlFor(restoredDb), dataDir: path.join(work, 'restored-data') });
    try {
      expect(await customerRowsReadable(restored.db, cipher, customerRef)).toMatchObject({ checked: 2, readable: 0 });
    } finally {
      await restored.close();
    }
  });

  it('refuses with a comment; a retention-origin request for a customer not past retention closes without erasing', async () => {
    const customerRef = `keep-${randomUUID().slice(0, 8)}`;
    const c = await intake(stack, { customer: { ref: customerRef, name: '王五', phone: '13700001111' } });
    await close(c.id);
    const requested = await stack.as(admin).post('/api/v1/erasures', { customerRef, reason: 'duplicate profile' });
    expect(requested.status).toBe(201);
    const id = requested.body.id as string;
    await until(id, 'awaiting_approval');
    const refused = await stack.as(auditor).post(`/api/v1/erasures/${id}/decision`, { approved: false, comment: 'the customer has an open dispute elsewhere' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', decision: { approved: false, by: auditor.userId } });
    await stack.temporal.workflow.getHandle(erasureWorkflowId(id)).result();
    await saveReplayFixture(stack.temporal, erasureWorkflowId(id), 'erasure-refused');
    // Still readable.
    expect(await revealCustomer(stack, c.id)).toMatchObject({ name: '王五' });
    // Unknown customer: 404.
    expect((await stack.as(admin).post('/api/v1/erasures', { customerRef: 'nobody-at-all', reason: 'x' })).status).toBe(404);
  });

  it('the retention sweep raises a request for a customer past retention, which waits for compliance like any other; its schedule is upserted', async () => {
    const customerRef = `old-${randomUUID().slice(0, 8)}`;
    const c = await intake(stack, { customer: { ref: customerRef, name: '赵六', phone: '13500001111' } });
    await close(c.id);
    // Retention of one second (a policy change, audited like every other).
    const policy = await stack.as(admin).put('/api/v1/policies/erasure', { retention: sec(1), recheckEvery: sec(1), sweepEvery: { amount: 1, unit: 'day' } });
    expect(policy.status).toBe(200);
    const [changed] = await stack.query<{ n: number }>("select count(*)::int as n from audit_events where entity_type = 'policy' and entity_id = 'erasure' and action = 'erasure.updated'");
    expect(changed!.n).toBeGreaterThanOrEqual(2);
    const swept = await eventually(async () => {
      const run = await stack.temporal.workflow.execute<typeof erasureSweepWorkflow>('erasureSweepWorkflow', { taskQueue: stack.taskQueue, workflowId: `sweep-${randomUUID()}`, args: [{ asOf: new Date().toISOString() }] });
      return run.requested.includes(customerRef) ? run : undefined;
    }, 'the sweep requests the customer');
    expect(swept.requested).toContain(customerRef);
    // The request records itself once its workflow runs (the sweep only starts it).
    const e = await eventually(async () => {
      const page = await stack.as(auditor).get(`/api/v1/erasures?customerRef=${customerRef}`);
      expect(page.status).toBe(200);
      return page.body.items.length === 1 ? page.body.items[0] : undefined;
    }, 'the retention request recorded');
    expect(e).toMatchObject({ origin: 'retention', requestedBy: { userId: 'system' } });
    await until(e.id, 'awaiting_approval');
    // A second sweep while it runs raises nothing more for this customer.
    const again = await stack.temporal.workflow.execute<typeof erasureSweepWorkflow>('erasureSweepWorkflow', { taskQueue: stack.taskQueue, workflowId: `sweep-${randomUUID()}`, args: [{ asOf: new Date().toISOString() }] });
    expect(again.requested).not.toContain(customerRef);
    const refused = await stack.as(auditor).post(`/api/v1/erasures/${e.id}/decision`, { approved: false, comment: 'kept for a regulator request' });
    expect(refused.status).toBe(200);
    await stack.as(admin).put('/api/v1/policies/erasure', { retention: { amount: 1095, unit: 'day' }, recheckEvery: sec(1), sweepEvery: { amount: 1, unit: 'day' } });

    // The daily schedule, created then brought to a new interval (upsertSchedule).
    const prefix = `test-${randomUUID().slice(0, 8)}`;
    await ensureErasureSweepSchedule(stack.temporal, { taskQueue: stack.taskQueue, everyMs: 86_400_000, idPrefix: prefix });
    await ensureErasureSweepSchedule(stack.temporal, { taskQueue: stack.taskQueue, everyMs: 3_600_000, idPrefix: prefix });
    const handle = stack.temporal.schedule.getHandle(erasureSweepScheduleId(prefix));
    const described = await handle.describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'erasureSweepWorkflow' });
    expect(described.spec.intervals?.[0]?.every).toBe(3_600_000);
    await handle.delete();
  });
});
