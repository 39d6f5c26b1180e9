import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePostLaunchLinks } from '../../db/initiatives.js';
import { postLaunchLinksKept, type LinkedComplaintEvent } from '../../domain/gates/post-launch.js';
import { complaintLinked, createInitiative, initiativeWorkflowId, initiativeWorkflowType, type InitiativeWorkflowInput } from '../../workflows/initiative/messages.js';
import type { InitiativeState } from '../../workflows/initiative/state.js';
import { patchIds, patches } from '../../workflows/process/patches.js';
import { currentBundle, startBundleWorker, stopBundleWorker } from '../support/bundle-worker.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { hasPatchMarker as hasMarker, replaysUnderCurrentCode, runInput } from '../support/run-histories.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, testCommandSigner, type Stack } from '../support/stack.js';

/**
 * A launched product's complaint links live in post_launch_links, not in the initiative's state
 * (docs/gates.md, "Post-launch links"): with more links than the state keeps (20) and
 * continue-as-new after a few signals (the input's limits), the state carried over stays bounded,
 * each complaint is counted once (repeated deliveries, the same complaint at another instant, a
 * link from before the window), the review item is raised when the count passes the threshold,
 * and the window ends with every link counted.
 *
 * And the upgrade: a product watched with the patch `initiative-post-launch-links-in-table` dark
 * (the old branch, which kept every link in its state, across continue-as-new) is taken over by a
 * worker with it active, which writes the carried links to the table, cuts the state and ends the
 * watch; its histories replay.
 *
 * The complaint side's signals are sent by the test, with complaint ids of its own.
 */
let stack: Stack;
let g: ReturnType<typeof gates>;
const startWorker = (patchSetting: string) => startBundleWorker(stack, currentBundle(), patchSetting);

/** Every patch but the one under test: the old branch. */
const withoutLinksInTable = patchIds.filter((id) => id !== patches.postLaunchLinksInTable.id).join(',');

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

/** Created as the API creates it (signed), with a small signals-per-run limit; then through its four gates. */
async function launched(signalsPerRun: number, threshold: number, windowSeconds: number): Promise<{ id: string; workflowId: string }> {
  await g.policy({ postLaunch: { window: { amount: windowSeconds, unit: 'second' }, complaintThreshold: threshold } });
  const id = randomUUID();
  const owner = { ...people.owner, roles: [...people.owner.roles] };
  const workflowId = initiativeWorkflowId(id);
  const input: InitiativeWorkflowInput = {
    init: { id, name: 'Watched card', businessLine: 'banking', description: 'A card with many complaints', team: 'retail-cards', owner },
    limits: { signalsPerRun },
  };
  const signer = testCommandSigner();
  const createId = randomUUID();
  await stack.temporal.workflow.executeUpdateWithStart(createInitiative, {
    args: [signer.sign({ workflowId, name: createInitiative.name, updateId: createId }, { actor: owner })],
    updateId: createId,
    startWorkflowOperation: new WithStartWorkflowOperation(initiativeWorkflowType, {
      workflowId,
      taskQueue: stack.taskQueue,
      args: [signer.sign({ workflowId, name: initiativeWorkflowType, updateId: null }, input)],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
  for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await g.passGate(id, stage);
  await eventually(async () => ((await g.get(id)).body.postLaunch?.status === 'monitoring' ? true : undefined), 'monitoring to start', 30_000);
  return { id, workflowId };
}

const link = (workflowId: string, l: LinkedComplaintEvent) => stack.temporal.workflow.getHandle(workflowId).signal(complaintLinked, l);
/**
 * Signals one after another, a run's budget at a time: after each full budget, waits for the
 * continue-as-new it makes before the next (else one run would take them all while it settles).
 */
async function linkRunByRun(workflowId: string, links: LinkedComplaintEvent[], signalsPerRun: number): Promise<void> {
  for (let i = 0; i < links.length; i += signalsPerRun) {
    const batch = links.slice(i, i + signalsPerRun);
    const runId = await runIdOf(workflowId);
    for (const l of batch) await link(workflowId, l);
    if (batch.length === signalsPerRun) await eventually(async () => ((await runIdOf(workflowId)) !== runId ? true : undefined), 'the continue-as-new after a full budget', 30_000);
  }
}
const fresh = (prefix: string, n: number): LinkedComplaintEvent[] => ids(prefix, n).map((complaintId) => ({ complaintId, at: new Date().toISOString() }));

const postLaunch = async (id: string) => (await g.get(id)).body.postLaunch;
const linkRows = async (id: string) => (await stack.query<{ n: number }>('select count(*)::int as n from post_launch_links where initiative_id = $1', [id]))[0]!.n;
const runIdOf = async (workflowId: string) => (await stack.temporal.workflow.getHandle(workflowId).describe()).runId;

/** The state a run was carried over with (its input's `resume`; the latest run without `runId`). */
async function carriedState(workflowId: string, runId?: string): Promise<InitiativeState | undefined> {
  const text = (await runInput(stack.temporal, workflowId, runId)).args[0];
  return text ? (JSON.parse(text) as InitiativeWorkflowInput<InitiativeState>).resume : undefined;
}

/** Every run of the workflow, first to last (a run that continued as new names the next run in its last event). */
async function runsOf(workflowId: string, firstRunId: string): Promise<string[]> {
  const runs = [firstRunId];
  for (;;) {
    const history = await stack.temporal.workflow.getHandle(workflowId, runs.at(-1)).fetchHistory();
    const last = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    if (!last) return runs;
    runs.push(last);
  }
}

const replays = (workflowId: string, runId: string) => replaysUnderCurrentCode(stack.temporal, workflowId, runId);
const hasPatchMarker = (workflowId: string, runId: string) => hasMarker(stack.temporal, workflowId, runId, patches.postLaunchLinksInTable.id);

/** The counts the audit trail recorded, in order: each a rise of one distinct complaint. */
async function countsAudited(id: string): Promise<number[]> {
  return (await g.audit(id)).filter((e) => e.action === 'post_launch.complaint_linked').map((e) => e.after.linkedComplaints as number);
}

beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
  g = gates(stack);
  await g.roster();
});
afterAll(async () => {
  await stack?.stop();
});

describe('recordPostLaunchLinks', () => {
  it('counts the distinct complaints in the window as of its own links: a write done again answers the same', async () => {
    const initiativeId = randomUUID();
    const window = { start: '2026-03-02T00:00:00.000Z', end: '2026-03-03T00:00:00.000Z' };
    const l = (complaintId: string, hour: number) => ({ complaintId, at: `2026-03-02T${String(hour).padStart(2, '0')}:00:00.000Z` });
    const write = (links: LinkedComplaintEvent[]) => writePostLaunchLinks(stack.database.db, { initiativeId, links, window });
    expect(await write([l('a', 1)])).toEqual({ linkedComplaints: 1 });
    expect(await write([l('b', 2), l('b', 2)])).toEqual({ linkedComplaints: 2 });
    expect(await write([l('a', 3)])).toEqual({ linkedComplaints: 2 }); // the same complaint at another instant
    expect(await write([l('c', 4), { complaintId: 'early', at: '2026-03-01T23:59:59.999Z' }, { complaintId: 'late', at: window.end }])).toEqual({ linkedComplaints: 3 });
    // A local activity run again (after a failed workflow task) finds later links in the table already.
    expect(await write([l('a', 1)])).toEqual({ linkedComplaints: 1 });
    expect(await write([l('b', 2)])).toEqual({ linkedComplaints: 2 });
    expect(await linkRows(initiativeId)).toBe(6);
  });
});

describe('a launched product with more complaint links than its state keeps', () => {
  it('keeps a bounded state across continue-as-new, counts each complaint once and raises the review item past the threshold', async () => {
    const worker = await startWorker('all');
    try {
      const { id, workflowId } = await launched(8, 40, 75);
      const firstRunId = await runIdOf(workflowId);
      const first = fresh('c', 30);
      const more = fresh('d', 30);
      // Repeated deliveries (of links the state keeps, and of links only the table holds), the same
      // complaint at another instant, and a link from before the window: none counts again.
      const repeats = [first[2]!, first[25]!, first[29]!, { complaintId: first[27]!.complaintId, at: new Date(Date.parse(first[27]!.at) + 1_000).toISOString() }, { complaintId: 'before-launch', at: '2020-01-01T00:00:00.000Z' }];
      await linkRunByRun(workflowId, [...first, ...repeats, ...more.slice(0, 15), more[3]!, first[10]!, ...more.slice(15)], 8);
      await eventually(async () => ((await postLaunch(id)).linkedComplaints === 60 ? true : undefined), 'every complaint counted', 60_000);

      // Counted once each, one audited rise at a time; the item raised when the count passed 40.
      expect(await linkRows(id)).toBe(62); // 60 complaints, c-027 at a second instant, before-launch
      expect(await countsAudited(id)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      const item = (await postLaunch(id)).reviewItem;
      expect(item).toMatchObject({ complaintCount: 41, threshold: 40 });
      expect(await stack.query('select complaint_count, threshold, status from post_launch_reviews where initiative_id = $1', [id])).toEqual([{ complaint_count: 41, threshold: 40, status: 'open' }]);
      expect((await g.notifications(id, 'gate.post_launch_review')).map((n) => n.recipient)).toEqual(['gm']);

      // Continued as new several times; every state carried over kept only the first links.
      const runs = await runsOf(workflowId, firstRunId);
      expect(runs.length).toBeGreaterThanOrEqual(6);
      for (const runId of runs.slice(1)) {
        const state = await carriedState(workflowId, runId);
        expect(state?.links.length).toBeLessThanOrEqual(postLaunchLinksKept);
        expect(JSON.stringify(state?.links).length).toBeLessThan(2_000);
      }
      expect((await carriedState(workflowId))?.links).toEqual(first.slice(0, postLaunchLinksKept));

      // The window ends with every link counted; the watch completes.
      const ended = await eventually(async () => {
        const pl = await postLaunch(id);
        return pl.status === 'ended' ? pl : undefined;
      }, 'the window to end', 120_000);
      expect(ended).toMatchObject({ linkedComplaints: 60, reviewItem: item });
      await stack.temporal.workflow.getHandle(workflowId).result();
      expect((await g.audit(id)).at(-1)).toMatchObject({ action: 'post_launch.monitoring_ended', after: { linkedComplaints: 60, reviewRaised: true } });

      const all = await runsOf(workflowId, firstRunId);
      for (const runId of all) await replays(workflowId, runId);
      expect((await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=initiative&entityId=${id}`)).body.ok).toBe(true);
      // The first run, the first continued one, and the one the window ended in.
      for (const i of [0, 1, all.length - 1]) await saveReplayFixture(stack.temporal, workflowId, `initiative-post-launch-links-in-table-run${i + 1}`, all[i]);
    } finally {
      await stopBundleWorker(worker);
    }
  }, 300_000);
});

describe('a product watched before initiative-post-launch-links-in-table', () => {
  it('kept every link in its state, also across continue-as-new; under the patch they go to the table, the state keeps the first, and the watch ends', async () => {
    let worker = await startWorker(withoutLinksInTable);
    let id: string;
    let workflowId: string;
    let firstRunId: string;
    let old: LinkedComplaintEvent[];
    try {
      ({ id, workflowId } = await launched(13, 30, 75));
      firstRunId = await runIdOf(workflowId);
      old = fresh('old', 26);
      await linkRunByRun(workflowId, old, 13);
      await eventually(async () => ((await postLaunch(id)).linkedComplaints === 26 ? true : undefined), 'counted under the old branch', 60_000);
      expect((await runsOf(workflowId, firstRunId)).length).toBe(3);
      // The old branch carried every link over, and wrote none to the table.
      expect((await carriedState(workflowId))?.links).toEqual(old);
      expect(await linkRows(id)).toBe(0);
      expect(await hasPatchMarker(workflowId, firstRunId)).toBe(false);
    } finally {
      await stopBundleWorker(worker);
    }

    // The deploy: the patch active from the next step on.
    worker = await startWorker('all');
    try {
      const third = await runIdOf(workflowId);
      // Repeats of links the old state held (beyond its first 20 and within), then new complaints.
      await linkRunByRun(workflowId, [old[24]!, old[3]!, ...fresh('new', 11)], 13);
      await eventually(async () => ((await postLaunch(id)).linkedComplaints === 37 ? true : undefined), 'the new links counted', 60_000);
      expect(await hasPatchMarker(workflowId, third)).toBe(true);
      expect(await linkRows(id)).toBe(37); // the carried links written with the first link under the patch
      expect((await postLaunch(id)).reviewItem).toMatchObject({ complaintCount: 31, threshold: 30 });
      expect(await countsAudited(id)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
      expect((await carriedState(workflowId))?.links).toEqual(old.slice(0, postLaunchLinksKept));

      const ended = await eventually(async () => {
        const pl = await postLaunch(id);
        return pl.status === 'ended' ? pl : undefined;
      }, 'the window to end', 120_000);
      expect(ended.linkedComplaints).toBe(37);
      await stack.temporal.workflow.getHandle(workflowId).result();

      const runs = await runsOf(workflowId, firstRunId);
      expect(runs.length).toBe(4);
      for (const runId of runs) await replays(workflowId, runId);
      expect((await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=initiative&entityId=${id}`)).body.ok).toBe(true);
      for (const [i, runId] of runs.entries()) await saveReplayFixture(stack.temporal, workflowId, `initiative-post-launch-links-upgraded-run${i + 1}`, runId);
    } finally {
      await stopBundleWorker(worker);
    }
  }, 300_000);
});
