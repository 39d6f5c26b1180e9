import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, startDevServer, type DevServer } from '../../temporal/dev-server.js';
import { complaintQuery, complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { initiativeQuery, initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { auditActions, command, intake, sec, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates, projectedInitiative } from '../support/gates.js';
import { people } from '../support/people.js';
import { startProcessStack, within, type ProcessStack } from '../support/processes.js';
import { eventually } from '../support/stack.js';

/**
 * The Temporal server itself dies (SIGKILL) and comes back on the same port with the same SQLite
 * file — this test's own dev server, not the run's. Running processes and their timers continue:
 * a complaint's first-response breach and a gate review's reminder and escalation, all falling due
 * around the outage, fire and are recorded. The worker and the API processes are not restarted:
 * they reconnect by themselves.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-temporal-'));
const dbFile = path.join(dir, 'temporal.db');
let port: number;
let temporal: DevServer;
let stack: ProcessStack;
let g: ReturnType<typeof gates>;

const startTemporal = () => startDevServer({ cliPath: inject('temporalCliPath'), port, headless: true, dbFile });

beforeAll(async () => {
  port = await freePort();
  temporal = await startTemporal();
  stack = await startProcessStack({ temporalAddress: temporal.address, env: { COMMAND_TIMEOUT_SECONDS: '5' } });
  g = gates(stack);
  await g.roster();
});
afterAll(async () => {
  await stack?.stop();
  await temporal?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Temporal server restarted (file-backed)', () => {
  it('timers due around the restart still fire — a complaint breach, a review reminder and escalation — and the worker and the API reconnect by themselves', async () => {
    await g.policy({ reviewDeadline: { amount: 10, unit: 'second' } });
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);
    await setPolicy(stack, secondsPolicy({ firstResponse: sec(10) }));
    const c = await intake(stack);

    // Crash the server, then bring it back where everyone expects it.
    const exited = new Promise((resolve) => temporal.process.once('exit', resolve));
    temporal.process.kill('SIGKILL');
    await exited;
    temporal = await startTemporal();

    // The timers fire (on time, or at once if the server came back after their instant).
    const breached = await eventually(
      async () => {
        const r = await stack.as(people.supervisor).get(`/api/v1/complaints/${c.id}`);
        return r.status === 200 && r.body.escalationLevel === 1 ? r.body : undefined;
      },
      'the first-response breach',
      90_000,
    );
    expect(breached.breaches).toEqual([{ clock: 'firstResponse', at: c.deadlines.firstResponse, level: 1, window: 0 }]);
    const escalated = await eventually(
      async () => {
        const r = await g.get(id);
        return r.status === 200 && r.body.review?.status === 'escalated' ? r.body : undefined;
      },
      'the review to escalate',
      90_000,
    );
    expect(escalated.review.remindedAt).toEqual(expect.any(String));

    // Commands run through the same API and worker processes as before the crash.
    const responded = await command(stack, people.agent, c.id, '/responses', { message: 'sorry for the wait', channel: 'hotline' });
    expect(responded.clocks.firstResponse).toMatchObject({ state: 'breached', metAt: expect.any(String) });
    const signed = await g.signOff(id, 'approve', 'decided alone after the escalation');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect((await within(10_000, '/readyz', stack.anonymous.get('/readyz'))).status).toBe(200);

    expect(await auditActions(stack, c.id)).toEqual(['complaint.received', 'complaint.clock_at_risk', 'complaint.clock_breached', 'complaint.responded']);
    expect((await g.audit(id)).map((e) => e.action)).toEqual([
      'initiative.created',
      'review.opened',
      'review.reminder_sent',
      'review.escalated',
      'review.signed_off',
      'initiative.advanced',
    ]);
    // the projections agree with the workflows
    const live = await stack.temporal.workflow.getHandle(complaintWorkflowId(c.id)).query(complaintQuery);
    const [row] = await stack.query<{ version: number }>('select version from complaints where id = $1', [c.id]);
    expect(row!.version).toBe(live.version);
    expect(projectedInitiative((await g.get(id)).body)).toEqual(await stack.temporal.workflow.getHandle(initiativeWorkflowId(id)).query(initiativeQuery));
  });
});
