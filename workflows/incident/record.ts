import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Batch } from '../../domain/drafts.js';
import { incidentRecord, incidentView, placeIncidentBatch } from '../../domain/incidents/process.js';
import type { IncidentView } from '../../domain/incidents/types.js';
import type { Incident } from './state.js';

/**
 * How an incident's steps reach the database: the view, the projection row, the complaints it
 * links and the step's audit events and notifications, in one local activity and one transaction
 * (idempotent on source keys, version-guarded).
 */
const { recordIncident } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '100ms', maximumInterval: '5s' },
});

export function viewOf(incident: Incident): IncidentView {
  return incidentView(incident.input, incident.state);
}

/**
 * Places the batch in the incident's chain and writes it with the projection; a batch without
 * audit events records nothing (undefined). Answers how many complaints are linked to the
 * incident, counted as of this write's own links (db/incidents.ts writeIncidentRecord: the same
 * answer when the write is run again); read only by the branch of the patch
 * `incident-links-in-table` (histories recorded before it hold no answer).
 */
export async function record(incident: Incident, batch: Batch, links?: { complaintId: string; at: string }[]): Promise<{ complaintCount: number } | undefined> {
  if (batch.audit.length === 0) return undefined;
  const placed = placeIncidentBatch(incident.input, incident.workflowId, incident.state, batch);
  // Undefined where an earlier release's activity answered nothing.
  return recordIncident({ incident: incidentRecord(incident.input, incident.workflowId, viewOf(incident)), ...(links?.length ? { links } : {}), ...placed });
}
