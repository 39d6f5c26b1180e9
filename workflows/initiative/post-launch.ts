import { condition, log, patched, workflowInfo } from '@temporalio/workflow';
import type { PostLaunchItemRecord } from '../../db/initiatives.js';
import { systemActor } from '../../domain/actor.js';
import { countLinkedComplaints, linkToTable, postLaunchReviewDue, type LinkedComplaintEvent } from '../../domain/gates/post-launch.js';
import { patches } from '../process/patches.js';
import { computeDeadlines, msUntil } from './clock.js';
import type { ComplaintLinked, NpsDropped } from './messages.js';
import { settled, startChange, writeLinks } from './record.js';
import { nowIso, type Initiative } from './state.js';

/**
 * After launch the product is watched for a window (a policy duration on the business calendar):
 * every complaint linked to it is counted, and over the threshold a post-launch review item is
 * raised for the committee (docs/gates.md). No command changes an initiative after launch, so
 * this part takes no lock; its writes still go out in order on the initiative's write chain.
 * Under the patch `initiative-post-launch-links-in-table` the links go to `post_launch_links` and
 * the count is the table's (the state keeps the first links only); before it, every link was kept
 * here.
 */

export const defaultSignalsPerRun = 500;

/** Counts links per run: post-launch monitoring continues as new after `signalsPerRun` of them. */
export interface RunBudget {
  signalsThisRun: number;
  readonly signalsPerRun: number;
}

/** The `complaintLinked` signal: a complaint about the product was received. */
export function onComplaintLinked(initiative: Initiative, budget: RunBudget, event: ComplaintLinked): void {
  const s = initiative.state;
  budget.signalsThisRun += 1;
  if (s.status !== 'launched' || s.postLaunch?.status === 'ended') {
    log.info('complaint link ignored: the initiative is not in post-launch monitoring', { initiativeId: s.id, complaintId: event?.complaintId, status: s.status });
    return;
  }
  if (!event || typeof event.complaintId !== 'string' || typeof event.at !== 'string' || Number.isNaN(Date.parse(event.at))) {
    log.warn('complaint link ignored: malformed signal', { initiativeId: s.id });
    return;
  }
  if (patched(patches.postLaunchLinksInTable.id)) {
    linkInTable(initiative, event);
    return;
  }
  if (s.links.some((l) => l.complaintId === event.complaintId && l.at === event.at)) return; // repeated delivery
  s.links.push({ complaintId: event.complaintId, at: event.at });
  countLinks(initiative, event.complaintId).catch(() => undefined); // failures are logged by the write chain
}

/**
 * Under the patch: the link goes to the table (with, on the run's first link, every link the
 * state carried), the state keeps the first links, and the count the write answers is recorded.
 * Before the window is known (right after the launch) the writes wait for it.
 */
function linkInTable(initiative: Initiative, event: ComplaintLinked): void {
  const s = initiative.state;
  const { kept, writes } = linkToTable(s.links, event, !initiative.linksCarried);
  initiative.linksCarried = true;
  s.links = kept;
  if (!s.postLaunch) initiative.linksWaiting.push(...writes);
  else for (const links of writes) writeAndCount(initiative, links);
}

/** One write of links; the count it answers is recorded against its last link. */
function writeAndCount(initiative: Initiative, links: LinkedComplaintEvent[]): void {
  const pl = initiative.state.postLaunch!;
  writeLinks(initiative, links, { start: pl.windowStart, end: pl.windowEnd }, (count) => {
    recordCount(initiative, count, links.at(-1)?.complaintId).catch(() => undefined); // failures are logged by the write chain
  });
}

/** Before the patch: recounts the links in the state after a new one. */
function countLinks(initiative: Initiative, complaintId?: string): Promise<void> {
  const pl = initiative.state.postLaunch;
  if (!pl || pl.status !== 'monitoring') return Promise.resolve();
  return recordCount(initiative, countLinkedComplaints(initiative.state.links, { start: pl.windowStart, end: pl.windowEnd }), complaintId);
}

/**
 * Records a change only when the count rises (links are only added, so it never falls; a state
 * cut under the patch and counted by the old branch while the patch is dark again counts fewer
 * than the table did, and must not record a fall: docs/gates.md, "Rolled back"); over the
 * threshold, raises the item.
 */
function recordCount(initiative: Initiative, count: number, complaintId?: string): Promise<void> {
  const s = initiative.state;
  const pl = s.postLaunch;
  if (!pl || pl.status !== 'monitoring' || count <= pl.linkedComplaints) return Promise.resolve();
  const change = startChange(initiative, Date.now());
  const before = pl.linkedComplaints;
  pl.linkedComplaints = count;
  change.audit(systemActor, 'post_launch.complaint_linked', { before: { linkedComplaints: before }, after: { linkedComplaints: count, ...(complaintId ? { complaintId } : {}) } });
  let item: PostLaunchItemRecord | undefined;
  if (!pl.reviewItem && postLaunchReviewDue(count, pl.threshold)) {
    pl.reviewItem = { id: `${s.id}-plr`, raisedAt: change.at, complaintCount: count, threshold: pl.threshold };
    item = { ...pl.reviewItem, initiativeId: s.id, windowStart: pl.windowStart, windowEnd: pl.windowEnd, chair: pl.chair };
    change.audit(systemActor, 'post_launch.review_raised', {
      after: { itemId: pl.reviewItem.id, complaintCount: count, threshold: pl.threshold },
      reason: `${count} complaints linked to the product since launch exceed the threshold of ${pl.threshold}`,
    });
    change.notify([pl.chair], 'gate.post_launch_review', `"${s.name}": ${count} complaints since launch exceed ${pl.threshold}; a post-launch review is due`, { itemId: pl.reviewItem.id });
  }
  return change.commit(item ? { postLaunchItem: item } : {});
}

/**
 * The `npsDropped` signal: the product's NPS fell between two campaign periods. Raises the
 * post-launch review item if none is open yet (one per initiative, whatever raised it); else the
 * drop is recorded against the open item. Ignored outside the monitoring window.
 */
export function onNpsDropped(initiative: Initiative, event: NpsDropped): Promise<void> {
  const s = initiative.state;
  const pl = s.postLaunch;
  if (s.status !== 'launched' || !pl || pl.status !== 'monitoring') {
    log.info('NPS drop ignored: the initiative is not in post-launch monitoring', { initiativeId: s.id, status: s.status });
    return Promise.resolve();
  }
  const numbers = [event?.previous, event?.current, event?.drop, event?.previousAnswers, event?.currentAnswers];
  if (!event || typeof event.campaignId !== 'string' || typeof event.at !== 'string' || numbers.some((n) => typeof n !== 'number' || !Number.isFinite(n))) {
    log.warn('NPS drop ignored: malformed signal', { initiativeId: s.id });
    return Promise.resolve();
  }
  const nps = { campaignId: event.campaignId, previous: event.previous, current: event.current, drop: event.drop, previousAnswers: event.previousAnswers, currentAnswers: event.currentAnswers };
  const change = startChange(initiative, Date.now());
  const reason = `the product NPS fell from ${nps.previous} to ${nps.current} (${nps.drop} points; ${nps.previousAnswers} and ${nps.currentAnswers} answers)`;
  if (pl.reviewItem) {
    change.audit(systemActor, 'post_launch.nps_dropped', { after: { itemId: pl.reviewItem.id, ...nps }, reason: `${reason}; a post-launch review is already open` });
    return change.commit();
  }
  pl.reviewItem = { id: `${s.id}-plr`, raisedAt: change.at, complaintCount: pl.linkedComplaints, threshold: pl.threshold, cause: 'nps_drop', nps };
  const item: PostLaunchItemRecord = { ...pl.reviewItem, initiativeId: s.id, windowStart: pl.windowStart, windowEnd: pl.windowEnd, chair: pl.chair };
  change.audit(systemActor, 'post_launch.review_raised', { after: { itemId: pl.reviewItem.id, cause: 'nps_drop', ...nps }, reason });
  change.notify([pl.chair], 'gate.post_launch_review', `"${s.name}": ${reason}; a post-launch review is due`, { itemId: pl.reviewItem.id, cause: 'nps_drop', drop: nps.drop });
  return change.commit({ postLaunchItem: item });
}

/**
 * Watches the launched product until its window ends. A run that has taken `signalsPerRun`
 * links (or that Temporal says is long) continues as new once every write has landed.
 */
export async function watchAfterLaunch(initiative: Initiative, budget: RunBudget, continueRun: () => Promise<never>): Promise<void> {
  const s = initiative.state;
  if (!s.postLaunch) {
    const decided = s.reviews.at(-1)!;
    const start = s.launchedAt ?? decided.decidedAt ?? nowIso();
    const [end] = await computeDeadlines([{ from: start, duration: decided.policy.postLaunch.window }]);
    if (end === undefined) throw new Error('computeDeadlines returned no deadline');
    s.postLaunch = {
      windowStart: start,
      windowEnd: end,
      threshold: decided.policy.postLaunch.complaintThreshold,
      linkedComplaints: 0,
      status: 'monitoring',
      reviewItem: null,
      chair: decided.chair,
    };
    const change = startChange(initiative, Date.now());
    change.audit(systemActor, 'post_launch.monitoring_started', { after: { windowStart: start, windowEnd: end, threshold: s.postLaunch.threshold } });
    await change.commit();
    // Links that arrived while the window was being computed.
    if (initiative.linksWaiting.length > 0) for (const links of initiative.linksWaiting.splice(0)) writeAndCount(initiative, links);
    else await countLinks(initiative);
  }
  const pl = s.postLaunch;
  while (Date.now() < Date.parse(pl.windowEnd)) {
    const full = await condition(() => budget.signalsThisRun >= budget.signalsPerRun || workflowInfo().continueAsNewSuggested, msUntil(pl.windowEnd));
    if (full) {
      // Nothing may be in flight: a write started now would be lost with this run.
      await condition(() => settled(initiative));
      await continueRun();
    }
  }
  // Links written before the end are counted before it (only under the patch do counts come after writes).
  if (initiative.linkWrites > 0) await condition(() => initiative.linkWrites === 0);
  const change = startChange(initiative, Date.now());
  pl.status = 'ended';
  change.audit(systemActor, 'post_launch.monitoring_ended', { after: { linkedComplaints: pl.linkedComplaints, reviewRaised: pl.reviewItem !== null } });
  await change.commit();
}
