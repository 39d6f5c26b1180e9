import { bigint, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Incidents (docs/incidents.md): one row per incident, raised by the spike watcher and then
 * written by the incident workflow's `recordIncident` activity (only when its `version` is newer
 * than the stored one). `view` is the whole IncidentView; the columns are what lists, the inbox
 * and the watcher filter on. The watcher inserts the row (version 0) before it starts the
 * workflow, so a spike that lasts raises one incident, whichever watcher run sees it.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    /** raised (row written, process starting) | open | assigned | responding | closed */
    status: text('status').notNull(),
    /** product | rootCause | channel */
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'string' }).notNull(),
    windowFrom: timestamp('window_from', { withTimezone: true, mode: 'string' }).notNull(),
    windowTo: timestamp('window_to', { withTimezone: true, mode: 'string' }).notNull(),
    count: integer('count').notNull(),
    baseline: real('baseline').notNull(),
    ownerId: text('owner_id'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    /** The step whose deadline runs (owner, plan, review) and that deadline. */
    nextStep: text('next_step'),
    nextDeadline: timestamp('next_deadline', { withTimezone: true, mode: 'string' }),
    nextDeadlineState: text('next_deadline_state'),
    complaintCount: integer('complaint_count').notNull().default(0),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    /** What the workflow is started with (a watcher run that stopped before starting it starts it from here). */
    input: jsonb('input').notNull(),
    view: jsonb('view'),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incidents_key').on(t.dimension, t.value, t.status), index('incidents_status').on(t.status), index('incidents_raised').on(t.raisedAt, t.id)],
);

/**
 * The complaints linked to each incident: those of the spike, then matching ones as they arrive.
 * `seq` is the order the rows were written in (rows from before migration 0024 got theirs when it
 * ran): `writeIncidentRecord` counts as of its own links, so a write done again (a local activity
 * run again after a failed workflow task) answers the same.
 */
export const incidentComplaints = pgTable(
  'incident_complaints',
  {
    incidentId: text('incident_id').notNull(),
    complaintId: text('complaint_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true, mode: 'string' }).notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  },
  // incident_complaints_linked: GET /incidents/{id}/complaints pages in link order (a mass incident links tens of thousands).
  (t) => [primaryKey({ columns: [t.incidentId, t.complaintId] }), index('incident_complaints_complaint').on(t.complaintId), index('incident_complaints_linked').on(t.incidentId, t.linkedAt, t.complaintId)],
);
