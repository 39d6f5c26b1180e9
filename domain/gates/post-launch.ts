/**
 * Post-launch monitoring (docs/business-rules.md §1, last rule): complaints linked to a launched product are
 * counted over the monitoring window (90 days by default); more than the policy threshold
 * (default 10) raises a post-launch review item for the committee.
 *
 * Workflow-safe: timestamps are parsed from the ISO-8601 strings given (Date.parse is
 * deterministic); nothing reads the clock.
 */

export interface LinkedComplaintEvent {
  complaintId: string;
  /** ISO-8601 with offset. */
  at: string;
}

/** Half-open window [start, end): an event exactly at `end` belongs to the next window. */
export interface MonitoringWindow {
  start: string;
  end: string;
}

function parseTime(iso: string, what: string): number {
  const ms = Date.parse(iso);
  // A bad timestamp is a programming or data error; counting around it would under-report.
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not an ISO-8601 time: ${JSON.stringify(iso)}`);
  return ms;
}

/**
 * Distinct complaints with at least one linking event inside the window. A complaint linked
 * several times (re-linked, reopened, repeated event delivery) counts once.
 */
export function countLinkedComplaints(events: readonly LinkedComplaintEvent[], window: MonitoringWindow): number {
  const start = parseTime(window.start, 'window start');
  const end = parseTime(window.end, 'window end');
  const inside = new Set<string>();
  for (const event of events) {
    const at = parseTime(event.at, `event time of complaint ${event.complaintId}`);
    if (at >= start && at < end) inside.add(event.complaintId);
  }
  return inside.size;
}

/** "More than the threshold": reaching it exactly is not yet a review. */
export function postLaunchReviewDue(count: number, threshold: number): boolean {
  return count > threshold;
}

// ── links in the table (patch `initiative-post-launch-links-in-table`) ──────────────────────────

/**
 * A launched product's links live in `post_launch_links` (docs/gates.md, "Post-launch links"):
 * a product can be linked tens of thousands of complaints in its window, and the state is carried
 * over continue-as-new as one payload (Temporal refuses payloads over 2 MB). The state keeps the
 * first links (repeated deliveries of those are dropped without a write) and the count in the
 * window (`linkedComplaints`, the table's).
 */
export const postLaunchLinksKept = 20;
/** At most this many links in one write (a state carried from before the patch brings all of its own). */
export const postLaunchLinksPerWrite = 1000;

/**
 * One link signalled under the patch: the links the state keeps after it, and the writes that put
 * it (and, with `carry`, every link the state held) into the table, in order, at most
 * `postLaunchLinksPerWrite` each. `carry` is for the first link of a run: a state carried from
 * before the patch kept every link and the table holds none of them; then the state keeps the
 * first ones. A link the state keeps already is a repeated delivery: nothing to write for it.
 */
export function linkToTable(
  kept: readonly LinkedComplaintEvent[],
  event: LinkedComplaintEvent,
  carry: boolean,
): { kept: LinkedComplaintEvent[]; writes: LinkedComplaintEvent[][] } {
  const first = kept.slice(0, postLaunchLinksKept);
  const toWrite = carry ? [...kept] : [];
  if (!first.some((l) => l.complaintId === event.complaintId && l.at === event.at)) {
    if (first.length < postLaunchLinksKept) first.push({ complaintId: event.complaintId, at: event.at });
    toWrite.push({ complaintId: event.complaintId, at: event.at });
  }
  const writes: LinkedComplaintEvent[][] = [];
  for (let i = 0; i < toWrite.length; i += postLaunchLinksPerWrite) writes.push(toWrite.slice(i, i + postLaunchLinksPerWrite));
  return { kept: first, writes };
}
