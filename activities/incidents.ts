import { Context } from '@temporalio/activity';
import { readBusinessCalendar } from '../db/calendar.js';
import type { Database } from '../db/client.js';
import { claimIncidents, matchingComplaints, unlinkedMatches, windowCounts, writeIncidentRecord, type IncidentRecord } from '../db/incidents.js';
import { readPolicy } from '../db/settings.js';
import { elapsedMs, type Duration } from '../domain/duration.js';
import { detectSpikes } from '../domain/incidents/spikes.js';
import type { IncidentInput } from '../domain/incidents/types.js';
import type { TransitionRecord } from '../domain/trail.js';

/** What one watcher run found: incidents to start, and later complaints to link to running ones. */
export interface WatchFindings {
  raise: IncidentInput[];
  link: { incidentId: string; complaintIds: string[] }[];
}

/**
 * Side effects of the incident family: the watcher's look at the complaints (counts, spikes,
 * claims, later matches), each step's deadlines on the business calendar, and the record of
 * each step (projection, links, audit, notifications) in one transaction.
 */
export function incidentActivities(db: Database) {
  return {
    /**
     * The watcher's run at `asOf`: the incident policy in force, the complaints of the current
     * window against the baseline windows per product, root cause and channel (domain spike
     * rule), an incident claimed for every spike no incident covers yet, and the complaints
     * matching running incidents that are not linked yet.
     */
    async watchForSpikes({ asOf }: { asOf: string }): Promise<WatchFindings> {
      const { value: policy, version } = await readPolicy(db, 'incidents');
      const to = new Date(asOf);
      const windowMs = elapsedMs(policy.window);
      const from = new Date(to.getTime() - windowMs);
      const counts = await windowCounts(db, policy.dimensions, to, windowMs, policy.baselineWindows);
      const spikes = detectSpikes(counts, policy);
      const raise = await claimIncidents(db, spikes, { windowFrom: from, windowTo: to, policy, policyVersion: version, complaintsOf: (s) => matchingComplaints(db, s.dimension, s.value, from, to) });
      const link = await unlinkedMatches(db);
      if (spikes.length || raise.length) Context.current().log.info('incident watch', { asOf, spikes: spikes.length, raise: raise.map((i) => i.id), link: link.length });
      return { raise, link };
    },

    /** A step's deadline `duration` after `from`, and one escalation window after that deadline (business calendar). */
    async incidentStepDeadlines({ from, duration, escalationWindow }: { from: string; duration: Duration; escalationWindow: Duration }): Promise<{ deadline: string; climbAt: string }> {
      const { calendar } = await readBusinessCalendar(db);
      const deadline = calendar.deadlineFor(new Date(from), duration);
      return { deadline: deadline.toISOString(), climbAt: calendar.deadlineFor(deadline, escalationWindow).toISOString() };
    },

    /** One step's record; answers how many complaints the incident links after it (the table's count as of the step's own links: the same when run again). */
    async recordIncident(input: { incident: IncidentRecord; links?: { complaintId: string; at: string }[] } & TransitionRecord): Promise<{ complaintCount: number }> {
      return writeIncidentRecord(db, input);
    },
  };
}
