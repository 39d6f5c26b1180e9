import { describe, it } from 'vitest';
import type { Activities } from '../../activities/index.js';
import type { DeadlineRequest } from '../../activities/deadlines.js';
import { postLaunchLinksKept, type LinkedComplaintEvent } from '../../domain/gates/post-launch.js';
import { currentBundle, startBundleWorker, stopBundleWorker } from '../support/bundle-worker.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { people } from '../support/people.js';
import { freshLinks, postLaunchLinksStack, withoutLinksInTable } from '../support/post-launch-links.js';
import { eventually, type Stack } from '../support/stack.js';

/**
 * Two paths of the patch `initiative-post-launch-links-in-table` (docs/gates.md, "Post-launch
 * links") that post-launch-links.test.ts does not take:
 *
 * - Links signalled while the monitoring window is being computed: right after the launch the
 *   workflow awaits `computeDeadlines` (a local activity) before its post-launch state exists; the
 *   links taken then wait in the run and are written, and counted, once the window is known. The
 *   test's worker holds that one `computeDeadlines` call back until the workflow has taken the
 *   signals (a workflow task completed after them in history), so they land in the gap every time.
 * - The patch dark again after it was active (WORKFLOW_PATCHES rolled back, docs/operations.md
 *   "Rolling out, and rolling back"): the histories replay, no new run records the marker, the count
 *   taken from the table never falls when the old branch counts the cut state, and the watch ends.
 *
 * The complaint side's signals are sent by the test, with complaint ids of its own.
 */
type Own = Awaited<ReturnType<typeof postLaunchLinksStack>>;

async function windowEnded({ stack, d }: Own, id: string, workflowId: string) {
  const ended = await eventually(async () => {
    const pl = await d.postLaunch(id);
    return pl.status === 'ended' ? pl : undefined;
  }, 'the window to end', 120_000);
  await stack.temporal.workflow.getHandle(workflowId).result();
  return ended;
}

/**
 * Holds back the worker's `computeDeadlines` for the post-launch window (one request of
 * `windowSeconds` seconds, a length no review deadline of these tests has) until `open()`.
 */
function windowComputationHeld(windowSeconds: number) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let enter!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const isWindow = (requests: DeadlineRequest[]) => requests.length === 1 && requests[0]!.duration.unit === 'second' && requests[0]!.duration.amount === windowSeconds;
  return {
    entered,
    open: () => open(),
    wrap: (a: Activities): Activities => ({
      ...a,
      async computeDeadlines(requests: DeadlineRequest[]) {
        if (isWindow(requests)) {
          enter();
          await opened;
        }
        return a.computeDeadlines(requests);
      },
    }),
  };
}

/** The workflow has taken every signal in its history: a workflow task completed after the last one. */
async function signalsTaken(stack: Stack, workflowId: string): Promise<true | undefined> {
  const events = (await stack.temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const lastSignal = events.findLastIndex((e) => e.workflowExecutionSignaledEventAttributes != null);
  return lastSignal >= 0 && events.slice(lastSignal + 1).some((e) => e.workflowTaskCompletedEventAttributes != null) ? true : undefined;
}

/** The positions in a run's history of its signals, its patch markers and its `computeDeadlines` results. */
async function historyPositions(stack: Stack, workflowId: string, runId: string) {
  const events = (await stack.temporal.workflow.getHandle(workflowId, runId).fetchHistory()).events ?? [];
  const at = (pick: (e: (typeof events)[number]) => boolean) => events.flatMap((e, i) => (pick(e) ? [i] : []));
  const localActivity = (e: (typeof events)[number]) => {
    const data = e.markerRecordedEventAttributes?.details?.['data']?.payloads?.[0]?.data;
    return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: string }).activity_type : undefined;
  };
  return {
    signals: at((e) => e.workflowExecutionSignaledEventAttributes != null),
    patchMarkers: at((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch'),
    computeDeadlines: at((e) => localActivity(e) === 'computeDeadlines'),
  };
}

// Each test on a stack of its own, both at the same time (postLaunchLinksStack says why).
describe.concurrent('complaint links signalled while the monitoring window is being computed', () => {
  it('are written once the window is known, and each is counted and audited once; the item is raised once', async ({ expect, onTestFinished }) => {
    const own = await postLaunchLinksStack(onTestFinished);
    const { stack, g, d } = own;
    const windowSeconds = 45;
    const held = windowComputationHeld(windowSeconds);
    const worker = await startBundleWorker(stack, currentBundle(), 'all', held.wrap);
    try {
      // A short workflow task timeout: while the local activity is held, the worker heartbeats the
      // task at 80% of it, which is when the launch's answer and the signals get through.
      const { id, workflowId } = await d.launch({ signalsPerRun: 500, threshold: 3, windowSeconds, workflowTaskTimeout: '5s' });
      await held.entered; // launched; the window is being computed
      expect((await g.get(id)).body).toMatchObject({ status: 'launched', postLaunch: null });

      const links = freshLinks('gap', 5);
      const sameAgain = { complaintId: links[1]!.complaintId, at: new Date(Date.parse(links[1]!.at) + 1_000).toISOString() };
      const beforeLaunch = { complaintId: 'before-launch', at: '2020-01-01T00:00:00.000Z' };
      // Five complaints, a repeated delivery, one complaint at a second instant, a link from before the window.
      for (const l of [...links.slice(0, 3), links[0]!, sameAgain, beforeLaunch, ...links.slice(3)]) await d.link(workflowId, l);
      await eventually(() => signalsTaken(stack, workflowId), 'the workflow to take the links while the window is computed', 60_000);
      expect((await g.get(id)).body.postLaunch).toBeNull(); // still in the gap: nothing counted, nothing written
      expect(await d.linkRows(id)).toBe(0);
      held.open();

      await eventually(async () => ((await d.postLaunch(id))?.linkedComplaints === 5 ? true : undefined), 'the waiting links counted', 60_000);
      expect(await d.linkRows(id)).toBe(7); // five complaints, gap-001 at a second instant, before-launch
      const audit = await g.audit(id);
      const started = audit.findIndex((e) => e.action === 'post_launch.monitoring_started');
      const firstCount = audit.findIndex((e) => e.action === 'post_launch.complaint_linked');
      expect(started).toBeGreaterThanOrEqual(0);
      expect(firstCount).toBeGreaterThan(started);
      expect(await d.countsAudited(id)).toEqual([1, 2, 3, 4, 5]);
      expect(audit.filter((e) => e.action === 'post_launch.review_raised')).toHaveLength(1);
      const item = (await d.postLaunch(id)).reviewItem;
      expect(item).toMatchObject({ complaintCount: 4, threshold: 3 });
      expect(await stack.query('select complaint_count, threshold, status from post_launch_reviews where initiative_id = $1', [id])).toEqual([{ complaint_count: 4, threshold: 3, status: 'open' }]);
      expect((await g.notifications(id, 'gate.post_launch_review')).map((n) => n.recipient)).toEqual(['gm']);

      const ended = await windowEnded(own, id, workflowId);
      expect(ended).toMatchObject({ linkedComplaints: 5, reviewItem: item });
      expect((await g.audit(id)).at(-1)).toMatchObject({ action: 'post_launch.monitoring_ended', after: { linkedComplaints: 5, reviewRaised: true } });
      expect(await d.countsAudited(id)).toEqual([1, 2, 3, 4, 5]);

      const runId = await d.runIdOf(workflowId);
      expect(await d.hasPatchMarker(workflowId, runId)).toBe(true);
      // In history, the links and the marker their first step recorded come before the window's end.
      const pos = await historyPositions(stack, workflowId, runId);
      const windowComputed = pos.computeDeadlines.at(-1)!;
      expect(pos.signals).toHaveLength(8);
      expect(Math.max(...pos.signals, pos.patchMarkers.at(-1)!)).toBeLessThan(windowComputed);
      await d.replays(workflowId, runId);
      expect((await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=initiative&entityId=${id}`)).body.ok).toBe(true);
      await saveReplayFixture(stack.temporal, workflowId, 'initiative-post-launch-links-while-window-computed', runId);
    } finally {
      held.open(); // if an assertion failed before it was opened: the held computation must end for the worker to stop
      await stopBundleWorker(worker);
    }
  }, 300_000);
});

describe.concurrent('initiative-post-launch-links-in-table dark again after it was active (a rollback)', () => {
  it('replays, records no marker in new runs, never counts down from the cut state, and ends the watch', async ({ expect, onTestFinished }) => {
    const own = await postLaunchLinksStack(onTestFinished);
    const { stack, g, d } = own;
    let worker = await startBundleWorker(stack, currentBundle(), 'all');
    let id: string;
    let workflowId: string;
    let firstRunId: string;
    let first: LinkedComplaintEvent[];
    try {
      // Under the patch: 30 complaints, 8 signals a run; the fourth run has taken 6 (and the marker).
      ({ id, workflowId } = await d.launch({ signalsPerRun: 8, threshold: 25, windowSeconds: 75 }));
      await eventually(async () => ((await d.postLaunch(id))?.status === 'monitoring' ? true : undefined), 'monitoring to start', 30_000);
      firstRunId = await d.runIdOf(workflowId);
      first = freshLinks('c', 30);
      await d.linkRunByRun(workflowId, first, 8);
      await eventually(async () => ((await d.postLaunch(id)).linkedComplaints === 30 ? true : undefined), 'counted under the patch', 60_000);
      expect(await d.linkRows(id)).toBe(30);
      expect((await d.carriedState(workflowId))?.links).toEqual(first.slice(0, postLaunchLinksKept));
      expect(await d.hasPatchMarker(workflowId, await d.runIdOf(workflowId))).toBe(true);
    } finally {
      await stopBundleWorker(worker);
    }

    // The rollback: the patch dark for new steps.
    worker = await startBundleWorker(stack, currentBundle(), withoutLinksInTable);
    try {
      // The run that recorded the marker keeps to it (Temporal decides a patch once per run):
      // its last two links still go to the table and are counted from it.
      const marked = await d.runIdOf(workflowId);
      for (const l of freshLinks('mid', 2)) await d.link(workflowId, l);
      await d.newRun(workflowId, marked);
      const darkRun = await d.runIdOf(workflowId);
      expect(await d.postLaunch(id)).toMatchObject({ linkedComplaints: 32, status: 'monitoring' });
      expect(await d.linkRows(id)).toBe(32);
      expect(await d.carriedState(workflowId, darkRun)).toMatchObject({ links: first.slice(0, postLaunchLinksKept), postLaunch: { linkedComplaints: 32 } });

      // A new run takes the old branch: links go to the state, which counts fewer than the table
      // did (20 kept + 7 < 32); nothing is recorded, the count stays 32.
      const dark = freshLinks('dark', 6);
      for (const l of [first[3]!, first[25]!, ...dark]) await d.link(workflowId, l);
      await d.newRun(workflowId, darkRun);
      expect(await d.hasPatchMarker(workflowId, darkRun)).toBe(false);
      const carried = await d.carriedState(workflowId);
      expect(carried?.links).toEqual([...first.slice(0, postLaunchLinksKept), first[25]!, ...dark]);
      expect(carried?.postLaunch?.linkedComplaints).toBe(32);
      expect(await d.linkRows(id)).toBe(32); // the old branch writes nothing to the table
      expect(await d.postLaunch(id)).toMatchObject({ linkedComplaints: 32, status: 'monitoring', reviewItem: { complaintCount: 26, threshold: 25 } });
      expect(await d.countsAudited(id)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));

      const ended = await windowEnded(own, id, workflowId);
      expect(ended.linkedComplaints).toBe(32);
      expect((await g.audit(id)).at(-1)).toMatchObject({ action: 'post_launch.monitoring_ended', after: { linkedComplaints: 32, reviewRaised: true } });
      expect(await d.countsAudited(id)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
      expect(await stack.query('select complaint_count from post_launch_reviews where initiative_id = $1', [id])).toEqual([{ complaint_count: 26 }]);

      const runs = await d.runsOf(workflowId, firstRunId);
      expect(runs.length).toBe(6);
      expect(runs.indexOf(darkRun)).toBe(4);
      for (const runId of runs.slice(4)) expect(await d.hasPatchMarker(workflowId, runId)).toBe(false); // no new run records it
      for (const runId of runs) await d.replays(workflowId, runId);
      expect((await stack.as(people.auditor).get(`/api/v1/audit/verify?entityType=initiative&entityId=${id}`)).body.ok).toBe(true);
      // The marked run finished by the dark worker, the first run under the old branch, the one the window ended in.
      for (const i of [3, 4, 5]) await saveReplayFixture(stack.temporal, workflowId, `initiative-post-launch-links-rolled-back-run${i + 1}`, runs[i]);
    } finally {
      await stopBundleWorker(worker);
    }
  }, 300_000);
});
