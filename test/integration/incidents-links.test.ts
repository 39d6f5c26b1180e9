import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeIncidentRecord } from '../../db/incidents.js';
import { defaultIncidentPolicy } from '../../domain/incidents/policy.js';
import { incidentRecord, incidentView, newIncidentState } from '../../domain/incidents/process.js';
import { startStep } from '../../domain/incidents/steps.js';
import { incidentComplaintsKept, type IncidentInput, type IncidentState } from '../../domain/incidents/types.js';
import { complaintsLinkedSignal, incidentQuery, incidentWorkflowId } from '../../workflows/incident/messages.js';
import { patchIds, patches } from '../../workflows/process/patches.js';
import { currentBundle, startBundleWorker, stopBundleWorker } from '../support/bundle-worker.js';
import { startMassIncident } from '../support/incidents.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { hasPatchMarker as hasMarker, replaysUnderCurrentCode, runInput } from '../support/run-histories.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * An incident's linked complaints live in incident_complaints, not in its state (docs/incidents.md,
 * "Linked complaints"): with more links than the state keeps (20) and continue-as-new after a few
 * signals (the input's runLimits), the state carried over, the query's view, the projection and
 * GET /incidents/{id} stay bounded, the count is the table's (a complaint signalled twice is
 * counted once), and GET /incidents/{id}/complaints pages through every link exactly once.
 *
 * And the upgrade: an incident begun with the patch `incident-links-in-table` dark (the old branch,
 * which kept every link in its state, also across a continue-as-new) is taken over by a worker
 * with it active, and continues with the same guarantees; its histories replay.
 *
 * The incidents are started directly (no watcher), and the watcher's signals are sent by the test
 * with complaint ids of its own.
 */
let stack: Stack;
const startWorker = (patchSetting: string) => startBundleWorker(stack, currentBundle(), patchSetting);

/** Every patch but the one under test: the old branch. */
const withoutLinksInTable = patchIds.filter((id) => id !== patches.incidentLinksInTable.id).join(',');

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

const startIncident = (spike: string[], signalsPerRun: number) => startMassIncident(stack.temporal, stack.taskQueue, spike, { signalsPerRun, label: 'mass' });

const signal = (workflowId: string, complaintIds: string[], at = new Date().toISOString()) => stack.temporal.workflow.getHandle(workflowId).signal(complaintsLinkedSignal, { complaintIds, at });
const view = (workflowId: string) => stack.temporal.workflow.getHandle(workflowId).query(incidentQuery);
const linkRows = async (id: string) => (await stack.query<{ n: number }>('select count(*)::int as n from incident_complaints where incident_id = $1', [id]))[0]!.n;

/** The state the latest run was carried over with (its second argument), and its size as JSON. */
async function carriedState(workflowId: string): Promise<{ state: IncidentState | undefined; runId: string; bytes: number }> {
  const { runId, args } = await runInput(stack.temporal, workflowId);
  const text = args[1] ?? '';
  return { state: text ? (JSON.parse(text) as IncidentState) : undefined, runId, bytes: text.length };
}

/** Every linked complaint through the paged endpoint, a small page at a time. */
async function everyLink(id: string, limit = 7): Promise<{ id: string; via: string }[]> {
  const all: { id: string; via: string }[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const res: { status: number; body: any } = await stack.as(people.supervisor).get(`/api/v1/incidents/${id}/complaints?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    all.push(...res.body.items.map((c: { id: string; via: string }) => ({ id: c.id, via: c.via })));
    cursor = res.body.nextCursor;
    if (!cursor) return all;
  }
  throw new Error('more pages than expected');
}

/** The view is bounded and counts every link; so are the API's answer and the projection row. */
async function expectBounded(id: string, workflowId: string, count: number): Promise<void> {
  const v = await view(workflowId);
  expect(v.complaintCount).toBe(count);
  expect(v.complaints.length).toBe(Math.min(count, incidentComplaintsKept));
  const res = await stack.as(people.supervisor).get(`/api/v1/incidents/${id}`);
  expect(res.status).toBe(200);
  expect(res.body.complaintCount).toBe(count);
  expect(res.body.complaints.length).toBe(Math.min(count, incidentComplaintsKept));
  const [row] = await stack.query<{ complaint_count: number; n: number }>(`select complaint_count, jsonb_array_length(view->'complaints')::int as n from incidents where id = $1`, [id]);
  expect(row).toEqual({ complaint_count: count, n: Math.min(count, incidentComplaintsKept) });
}

/** Names the owner, plans and reviews: the incident closes; every answer bounded. */
async function close(id: string, count: number): Promise<void> {
  const assigned = await stack.as(people.supervisor).post(`/api/v1/incidents/${id}/owner`, { owner: { userId: people.owner.userId, name: people.owner.name } });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  expect(assigned.body.complaintCount).toBe(count);
  expect(assigned.body.complaints.length).toBeLessThanOrEqual(incidentComplaintsKept);
  expect((await stack.as(people.owner).post(`/api/v1/incidents/${id}/plan`, { summary: 'Call every customer back', actions: ['call back'] })).status).toBe(200);
  const closed = await stack.as(people.owner).post(`/api/v1/incidents/${id}/review`, { summary: 'Done', findings: [{ finding: 'the fee page', action: 'fix it' }] });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  expect(closed.body).toMatchObject({ status: 'closed', complaintCount: count });
  await stack.temporal.workflow.getHandle(incidentWorkflowId(id)).result();
  const [event] = await stack.query<{ after: { complaints: number } }>(`select after from audit_events where entity_id = $1 and action = 'incident.closed'`, [id]);
  expect(event!.after.complaints).toBe(count);
}

const replays = (workflowId: string, runId: string) => replaysUnderCurrentCode(stack.temporal, workflowId, runId);
const hasPatchMarker = (workflowId: string, runId: string) => hasMarker(stack.temporal, workflowId, runId, patches.incidentLinksInTable.id);

beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
});
afterAll(async () => {
  await stack?.stop();
});

describe('recordIncident', () => {
  it('counts the links as of its own, never below the count before the step: a write done again answers the same', async () => {
    const raisedAt = '2026-03-02T00:00:00.000Z';
    const input: IncidentInput = {
      id: randomUUID(),
      trigger: { dimension: 'product', value: 'db-level', windowFrom: '2026-03-01T00:00:00.000Z', windowTo: raisedAt, count: 2, baseline: 1, threshold: 2 },
      complaintIds: ['s1', 's2'],
      raisedAt,
      policy: defaultIncidentPolicy,
      policyVersion: 1,
    };
    const now = Date.parse(raisedAt);
    const projection = incidentRecord(input, incidentWorkflowId(input.id), incidentView(input, newIncidentState(input, startStep('owner', now, now + 3_600_000, now + 7_200_000, 0.5))));
    // A step as the workflow records it: the count it had before plus the links it carries (linkSignalled).
    const step = (before: number, complaintIds: string[]) =>
      writeIncidentRecord(stack.database.db, {
        incident: { ...projection, complaintCount: before + complaintIds.length },
        ...(complaintIds.length ? { links: complaintIds.map((complaintId) => ({ complaintId, at: raisedAt })) } : {}),
        audit: [],
      });
    expect(await step(0, ['s1', 's2'])).toEqual({ complaintCount: 2 }); // the raise
    expect(await step(2, ['a', 'b'])).toEqual({ complaintCount: 4 });
    expect(await step(4, ['c'])).toEqual({ complaintCount: 5 });
    expect(await step(5, ['b'])).toEqual({ complaintCount: 5 }); // signalled again in a race: linked by an earlier step
    expect(await step(5, ['a', 'd'])).toEqual({ complaintCount: 6 });
    expect(await step(6, [])).toEqual({ complaintCount: 6 }); // no links: the record's own count
    // A local activity run again (after a failed workflow task) finds later links in the table already.
    expect(await step(0, ['s1', 's2'])).toEqual({ complaintCount: 2 });
    expect(await step(2, ['a', 'b'])).toEqual({ complaintCount: 4 });
    expect(await step(4, ['c'])).toEqual({ complaintCount: 5 });
    expect(await step(5, ['b'])).toEqual({ complaintCount: 5 });
    expect(await linkRows(input.id)).toBe(6);
  });
});

describe('an incident with more linked complaints than its state keeps', () => {
  it('keeps a bounded state, view and answer, counts each link once, and pages through every one', async () => {
    const worker = await startWorker('all');
    try {
      const spike = ids('spike', 30);
      const { id, workflowId, firstRunId } = await startIncident(spike, 3);
      await eventually(async () => ((await view(workflowId)).complaintCount === 30 ? true : undefined), 'the raise', 30_000);
      const batches = [ids('w1', 25), ids('w2', 25), ids('w3', 25), ids('w4', 25)];
      await signal(workflowId, [...batches[0]!, batches[0]![0]!]); // a repeat within the batch
      await eventually(async () => ((await linkRows(id)) === 55 ? true : undefined), 'the first batch', 30_000);
      // Complaints already linked and no longer in the state (beyond its first 20) are signalled again, as in a race with the watcher.
      await signal(workflowId, [...batches[1]!, ...batches[0]!.slice(10, 15), spike[25]!]);
      await signal(workflowId, batches[2]!);
      await eventually(async () => ((await carriedState(workflowId)).runId !== firstRunId ? true : undefined), 'the continue-as-new after three signals', 30_000);
      await signal(workflowId, batches[3]!);
      const total = 30 + 100;
      // The query may answer while a step's write is under way: the table first, then the count.
      await eventually(async () => ((await linkRows(id)) === total ? true : undefined), 'every link written', 30_000);
      await eventually(async () => ((await view(workflowId)).complaintCount === total ? true : undefined), 'every link counted', 30_000);
      await expectBounded(id, workflowId, total);

      // The state carried over holds the count and the first links only.
      const carried = await carriedState(workflowId);
      expect(carried.state?.complaintCount).toBe(30 + 75);
      expect(carried.state?.complaints.map((c) => c.id)).toEqual(spike.slice(0, incidentComplaintsKept));
      expect(carried.bytes).toBeLessThan(6_000);

      // Every link, once, in the order linked: the spike's first.
      const links = await everyLink(id);
      expect(links.length).toBe(total);
      expect(new Set(links.map((l) => l.id)).size).toBe(total);
      expect(links.map((l) => l.id).sort()).toEqual([...spike, ...batches.flat()].sort());
      expect(links.slice(0, 30).every((l) => l.via === 'spike')).toBe(true);
      expect(links.slice(30).every((l) => l.via === 'watch')).toBe(true);

      // Refused input of the paged endpoint.
      expect((await stack.as(people.supervisor).get(`/api/v1/incidents/${id}/complaints?cursor=bogus`)).status).toBe(400);
      expect((await stack.as(people.supervisor).get(`/api/v1/incidents/${id}/complaints?limit=0`)).status).toBe(400);
      expect((await stack.as(people.supervisor).get(`/api/v1/incidents/${randomUUID()}/complaints`)).status).toBe(404);
      expect((await stack.as(people.agent).get(`/api/v1/incidents/${id}/complaints`)).status).toBe(403);

      await close(id, total);
      const last = (await stack.temporal.workflow.getHandle(workflowId).describe()).runId;
      for (const runId of [firstRunId, last]) await replays(workflowId, runId);
      expect((await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=incident&entityId=${id}`)).body.ok).toBe(true);
      await saveReplayFixture(stack.temporal, workflowId, 'incident-links-in-table-run1', firstRunId);
      await saveReplayFixture(stack.temporal, workflowId, 'incident-links-in-table-run2', last);
    } finally {
      await stopBundleWorker(worker);
    }
  }, 180_000);
});

describe('an incident begun before incident-links-in-table', () => {
  it('kept every link in its state, also across continue-as-new; under the patch it keeps the count and the first links, and ends', async () => {
    let worker = await startWorker(withoutLinksInTable);
    const spike = ids('old-spike', 25);
    const { id, workflowId, firstRunId } = await startIncident(spike, 2);
    let linked: number;
    try {
      await eventually(async () => ((await view(workflowId)).complaintCount === 25 ? true : undefined), 'the raise under the old branch', 30_000);
      // One at a time: the old branch continues as new without recording links signalled while a step runs.
      await signal(workflowId, ids('old-w1', 15));
      await eventually(async () => ((await linkRows(id)) === 40 ? true : undefined), 'the first batch under the old branch', 30_000);
      await signal(workflowId, ids('old-w2', 15));
      await eventually(async () => ((await carriedState(workflowId)).runId !== firstRunId ? true : undefined), 'the continue-as-new under the old branch', 30_000);
      // The old branch carried every link over.
      const carried = await carriedState(workflowId);
      expect(carried.state?.complaints.length).toBe(55);
      expect(carried.state?.complaintCount).toBeUndefined();
      expect(await hasPatchMarker(workflowId, firstRunId)).toBe(false);
      linked = 55;
      await expectBounded(id, workflowId, linked);
    } finally {
      await stopBundleWorker(worker);
    }

    // The deploy: the patch active from the next step on.
    worker = await startWorker('all');
    try {
      const secondRun = (await carriedState(workflowId)).runId;
      await signal(workflowId, [...ids('new-w1', 10), ...ids('old-w1', 3)]); // three already linked
      linked += 10;
      await eventually(async () => ((await linkRows(id)) === linked ? true : undefined), 'the first links under the patch', 30_000);
      await eventually(async () => ((await view(workflowId)).complaintCount === linked ? true : undefined), 'the first links counted', 30_000);
      expect(await hasPatchMarker(workflowId, secondRun)).toBe(true);
      await signal(workflowId, ids('new-w2', 10));
      linked += 10;
      await eventually(async () => ((await carriedState(workflowId)).runId !== secondRun ? true : undefined), 'the continue-as-new under the patch', 30_000);
      await eventually(async () => ((await linkRows(id)) === linked ? true : undefined), 'every link written', 30_000);
      await eventually(async () => ((await view(workflowId)).complaintCount === linked ? true : undefined), 'every link counted', 30_000);
      const carried = await carriedState(workflowId);
      expect(carried.state?.complaints.length).toBe(incidentComplaintsKept);
      expect(carried.state?.complaintCount).toBe(linked);
      await expectBounded(id, workflowId, linked);
      const links = await everyLink(id, 11);
      expect(links.length).toBe(linked);
      expect(new Set(links.map((l) => l.id)).size).toBe(linked);

      await close(id, linked);
      const third = (await stack.temporal.workflow.getHandle(workflowId).describe()).runId;
      for (const runId of [firstRunId, secondRun, third]) await replays(workflowId, runId);
      expect((await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=incident&entityId=${id}`)).body.ok).toBe(true);
      await saveReplayFixture(stack.temporal, workflowId, 'incident-links-upgraded-run1', firstRunId);
      await saveReplayFixture(stack.temporal, workflowId, 'incident-links-upgraded-run2', secondRun);
      await saveReplayFixture(stack.temporal, workflowId, 'incident-links-upgraded-run3', third);
    } finally {
      await stopBundleWorker(worker);
    }
  }, 180_000);
});
