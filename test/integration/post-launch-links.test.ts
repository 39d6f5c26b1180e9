import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
import { writePostLaunchLinks } from '../../db/initiatives.js';
import { postLaunchLinksKept, type LinkedComplaintEvent } from '../../domain/gates/post-launch.js';
import { currentBundle, startBundleWorker, stopBundleWorker } from '../support/bundle-worker.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { people } from '../support/people.js';
import { gates } from '../support/gates.js';
import { freshLinks, postLaunchLinksDriver, postLaunchLinksStack, withoutLinksInTable } from '../support/post-launch-links.js';
import { eventually, startStack } from '../support/stack.js';

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
type Own = Awaited<ReturnType<typeof postLaunchLinksStack>>;
const startWorker = ({ stack }: Own, patchSetting: string) => startBundleWorker(stack, currentBundle(), patchSetting);

/** Launched (docs/gates.md) with a small signals-per-run limit, once its monitoring has started. */
async function launched({ g, d }: Own, signalsPerRun: number, threshold: number, windowSeconds: number): Promise<{ id: string; workflowId: string }> {
  const product = await d.launch({ signalsPerRun, threshold, windowSeconds });
  await eventually(async () => ((await g.get(product.id)).body.postLaunch?.status === 'monitoring' ? true : undefined), 'monitoring to start', 30_000);
  return product;
}

// Each test on a stack of its own, all at the same time (postLaunchLinksStack says why).
describe.concurrent('recordPostLaunchLinks', () => {
  it('counts the distinct complaints in the window as of its own links: a write done again answers the same', async ({ expect, onTestFinished }) => {
    const stack = await startStack({ withoutWorker: true }); // the table alone: no worker, no roster
    onTestFinished(() => stack.stop());
    const d = postLaunchLinksDriver(stack, gates(stack));
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
    expect(await d.linkRows(initiativeId)).toBe(6);
  });
});

describe.concurrent('a launched product with more complaint links than its state keeps', () => {
  it('keeps a bounded state across continue-as-new, counts each complaint once and raises the review item past the threshold', async ({ expect, onTestFinished }) => {
    const own = await postLaunchLinksStack(onTestFinished);
    const { stack, g, d } = own;
    const worker = await startWorker(own, 'all');
    try {
      const { id, workflowId } = await launched(own, 8, 40, 75);
      const firstRunId = await d.runIdOf(workflowId);
      const first = freshLinks('c', 30);
      const more = freshLinks('d', 30);
      // Repeated deliveries (of links the state keeps, and of links only the table holds), the same
      // complaint at another instant, and a link from before the window: none counts again.
      const repeats = [first[2]!, first[25]!, first[29]!, { complaintId: first[27]!.complaintId, at: new Date(Date.parse(first[27]!.at) + 1_000).toISOString() }, { complaintId: 'before-launch', at: '2020-01-01T00:00:00.000Z' }];
      await d.linkRunByRun(workflowId, [...first, ...repeats, ...more.slice(0, 15), more[3]!, first[10]!, ...more.slice(15)], 8);
      await eventually(async () => ((await d.postLaunch(id)).linkedComplaints === 60 ? true : undefined), 'every complaint counted', 60_000);

      // Counted once each, one audited rise at a time; the item raised when the count passed 40.
      expect(await d.linkRows(id)).toBe(62); // 60 complaints, c-027 at a second instant, before-launch
      expect(await d.countsAudited(id)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      const item = (await d.postLaunch(id)).reviewItem;
      expect(item).toMatchObject({ complaintCount: 41, threshold: 40 });
      expect(await stack.query('select complaint_count, threshold, status from post_launch_reviews where initiative_id = $1', [id])).toEqual([{ complaint_count: 41, threshold: 40, status: 'open' }]);
      expect((await g.notifications(id, 'gate.post_launch_review')).map((n) => n.recipient)).toEqual(['gm']);

      // Continued as new several times; every state carried over kept only the first links.
      const runs = await d.runsOf(workflowId, firstRunId);
      expect(runs.length).toBeGreaterThanOrEqual(6);
      for (const runId of runs.slice(1)) {
        const state = await d.carriedState(workflowId, runId);
        expect(state?.links.length).toBeLessThanOrEqual(postLaunchLinksKept);
        expect(JSON.stringify(state?.links).length).toBeLessThan(2_000);
      }
      expect((await d.carriedState(workflowId))?.links).toEqual(first.slice(0, postLaunchLinksKept));

      // The window ends with every link counted; the watch completes.
      const ended = await eventually(async () => {
        const pl = await d.postLaunch(id);
        return pl.status === 'ended' ? pl : undefined;
      }, 'the window to end', 120_000);
      expect(ended).toMatchObject({ linkedComplaints: 60, reviewItem: item });
      await stack.temporal.workflow.getHandle(workflowId).result();
      expect((await g.audit(id)).at(-1)).toMatchObject({ action: 'post_launch.monitoring_ended', after: { linkedComplaints: 60, reviewRaised: true } });

      const all = await d.runsOf(workflowId, firstRunId);
      for (const runId of all) await d.replays(workflowId, runId);
      expect((await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=initiative&entityId=${id}`)).body.ok).toBe(true);
      // The first run, the first continued one, and the one the window ended in.
      for (const i of [0, 1, all.length - 1]) await saveReplayFixture(stack.temporal, workflowId, `initiative-post-launch-links-in-table-run${i + 1}`, all[i]);
    } finally {
      await stopBundleWorker(worker);
    }
  }, 300_000);
});

describe.concurrent('a product watched before initiative-post-launch-links-in-table', () => {
  it('kept every link in its state, also across continue-as-new; under the patch they go to the table, the state keeps the first, and the watch ends', async ({ expect, onTestFinished }) => {
    const own = await postLaunchLinksStack(onTestFinished);
    const { stack, g, d } = own;
    let worker = await startWorker(own, withoutLinksInTable);
    let id: string;
    let workflowId: string;
    let firstRunId: string;
    let old: LinkedComplaintEvent[];
    try {
      ({ id, workflowId } = await launched(own, 13, 30, 75));
      firstRunId = await d.runIdOf(workflowId);
      old = freshLinks('old', 26);
      await d.linkRunByRun(workflowId, old, 13);
      await eventually(async () => ((await d.postLaunch(id)).linkedComplaints === 26 ? true : undefined), 'counted under the old branch', 60_000);
      expect((await d.runsOf(workflowId, firstRunId)).length).toBe(3);
      // The old branch carried every link over, and wrote none to the table.
      expect((await d.carriedState(workflowId))?.links).toEqual(old);
      expect(await d.linkRows(id)).toBe(0);
      expect(await d.hasPatchMarker(workflowId, firstRunId)).toBe(false);
    } finally {
      await stopBundleWorker(worker);
    }

    // The deploy: the patch active from the next step on.
    worker = await startWorker(own, 'all');
    try {
      const third = await d.runIdOf(workflowId);
      // Repeats of links the old state held (beyond its first 20 and within), then new complaints.
      await d.linkRunByRun(workflowId, [old[24]!, old[3]!, ...freshLinks('new', 11)], 13);
      await eventually(async () => ((await d.postLaunch(id)).linkedComplaints === 37 ? true : undefined), 'the new links counted', 60_000);
      expect(await d.hasPatchMarker(workflowId, third)).toBe(true);
      expect(await d.linkRows(id)).toBe(37); // the carried links written with the first link under the patch
      expect((await d.postLaunch(id)).reviewItem).toMatchObject({ complaintCount: 31, threshold: 30 });
      expect(await d.countsAudited(id)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
      expect((await d.carriedState(workflowId))?.links).toEqual(old.slice(0, postLaunchLinksKept));

      const ended = await eventually(async () => {
        const pl = await d.postLaunch(id);
        return pl.status === 'ended' ? pl : undefined;
      }, 'the window to end', 120_000);
      expect(ended.linkedComplaints).toBe(37);
      await stack.temporal.workflow.getHandle(workflowId).result();

      const runs = await d.runsOf(workflowId, firstRunId);
      expect(runs.length).toBe(4);
      for (const runId of runs) await d.replays(workflowId, runId);
      expect((await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=initiative&entityId=${id}`)).body.ok).toBe(true);
      for (const [i, runId] of runs.entries()) await saveReplayFixture(stack.temporal, workflowId, `initiative-post-launch-links-upgraded-run${i + 1}`, runId);
    } finally {
      await stopBundleWorker(worker);
    }
  }, 300_000);
});
