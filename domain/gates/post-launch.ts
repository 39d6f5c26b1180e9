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
