import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import type { IncidentDimension, IncidentPolicy } from '../domain/incidents/policy.js';
import { boundedIncidentView, type IncidentRecord } from '../domain/incidents/process.js';
import type { Spike, WindowCounts } from '../domain/incidents/spikes.js';
import type { IncidentInput, IncidentView, LinkedComplaint } from '../domain/incidents/types.js';
import type { TransitionRecord } from '../domain/trail.js';
import { queryRows, type Database } from './client.js';
import { incidentComplaints, incidents } from './schema/index.js';
import { writeTransition } from './transition.js';

export type { IncidentRecord } from '../domain/incidents/process.js';

/**
 * The incident tables (every query of them) and the complaint counts the spike watcher compares
 * (docs/incidents.md).
 */

/** The complaints column each dimension counts by. */
const dimensionColumn: Record<IncidentDimension, SQL> = {
  product: sql.raw('product'),
  rootCause: sql.raw('root_cause'),
  channel: sql.raw('channel'),
};

/**
 * Complaints per (dimension, value) in the current window [to - window, to) and in each of the
 * `baselineWindows` windows before it, in one scan.
 */
export async function windowCounts(db: Database, dimensions: readonly IncidentDimension[], to: Date, windowMs: number, baselineWindows: number): Promise<WindowCounts[]> {
  if (dimensions.length === 0) return [];
  const from = new Date(to.getTime() - windowMs * (baselineWindows + 1)).toISOString();
  const end = to.toISOString();
  const parts = dimensions.map(
    (d) => sql`select ${d}::text as dimension, ${dimensionColumn[d]} as value, received_at from complaints
               where received_at >= ${from}::timestamptz and received_at < ${end}::timestamptz and ${dimensionColumn[d]} is not null`,
  );
  const rows = await queryRows<{ dimension: IncidentDimension; value: string; bucket: number; n: number }>(
    db,
    sql`select dimension, value, floor(extract(epoch from (${end}::timestamptz - received_at)) * 1000 / ${windowMs})::int as bucket, count(*)::int as n
        from (${sql.join(parts, sql` union all `)}) x
        group by dimension, value, bucket`,
  );
  const byKey = new Map<string, WindowCounts>();
  for (const r of rows) {
    const key = `${r.dimension}\u0000${r.value}`;
    const c = byKey.get(key) ?? { dimension: r.dimension, value: r.value, current: 0, previous: new Array<number>(baselineWindows).fill(0) };
    if (r.bucket === 0) c.current += r.n;
    else if (r.bucket >= 1 && r.bucket <= baselineWindows) c.previous[r.bucket - 1]! += r.n;
    byKey.set(key, c);
  }
  return [...byKey.values()];
}

/** Complaints of one (dimension, value) received in [from, to), oldest first. */
export async function matchingComplaints(db: Database, dimension: IncidentDimension, value: string, from: Date, to: Date): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from complaints where ${dimensionColumn[dimension]} = ${value}
        and received_at >= ${from.toISOString()}::timestamptz and received_at < ${to.toISOString()}::timestamptz
        order by received_at, id limit 5000`,
  );
  return rows.map((r) => r.id);
}

/**
 * Claims an incident for each spike that no incident covers yet, and answers every incident the
 * watcher must start: those claimed now and those claimed by an earlier run that stopped before
 * starting them (status `raised`). An incident covers its (dimension, value) while it is open and,
 * once closed, until a whole window has passed since it was raised — so a spike that lasts raises
 * one incident, whichever run sees it. Claims of one (dimension, value) are serialised by an
 * advisory lock, so watchers running at once never claim twice.
 */
export async function claimIncidents(
  db: Database,
  spikes: readonly Spike[],
  o: { windowFrom: Date; windowTo: Date; policy: IncidentPolicy; policyVersion: number; complaintsOf: (s: Spike) => Promise<string[]> },
): Promise<IncidentInput[]> {
  for (const spike of spikes) {
    const complaintIds = await o.complaintsOf(spike);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`incident:${spike.dimension}:${spike.value}`}))`);
      const covering = await tx
        .select({ id: incidents.id })
        .from(incidents)
        .where(and(eq(incidents.dimension, spike.dimension), eq(incidents.value, spike.value), or(ne(incidents.status, 'closed'), sql`${incidents.raisedAt} > ${o.windowFrom.toISOString()}::timestamptz`)))
        .limit(1);
      if (covering.length > 0) return;
      const id = randomUUID();
      const input: IncidentInput = {
        id,
        trigger: { dimension: spike.dimension, value: spike.value, windowFrom: o.windowFrom.toISOString(), windowTo: o.windowTo.toISOString(), count: spike.count, baseline: spike.baseline, threshold: spike.threshold },
        complaintIds,
        raisedAt: o.windowTo.toISOString(),
        policy: o.policy,
        policyVersion: o.policyVersion,
      };
      await tx.insert(incidents).values({
        id,
        workflowId: `incident-${id}`,
        status: 'raised',
        dimension: spike.dimension,
        value: spike.value,
        raisedAt: input.raisedAt,
        windowFrom: input.trigger.windowFrom,
        windowTo: input.trigger.windowTo,
        count: spike.count,
        baseline: spike.baseline,
        complaintCount: complaintIds.length,
        input,
        version: 0,
      });
    });
  }
  const raised = await db.select({ input: incidents.input }).from(incidents).where(eq(incidents.status, 'raised')).orderBy(incidents.raisedAt, incidents.id);
  return raised.map((r) => r.input as IncidentInput);
}

/**
 * Complaints that match a running incident (its dimension and value, received since its window
 * opened) and are not linked to it yet: the watcher signals them to the incident.
 */
export async function unlinkedMatches(db: Database): Promise<{ incidentId: string; complaintIds: string[] }[]> {
  const rows = await queryRows<{ incident_id: string; complaint_id: string }>(
    db,
    sql`select i.id as incident_id, c.id as complaint_id
        from incidents i
        join complaints c on c.received_at >= i.window_from
          and ((i.dimension = 'product' and c.product = i.value) or (i.dimension = 'rootCause' and c.root_cause = i.value) or (i.dimension = 'channel' and c.channel = i.value))
        where i.status in ('open', 'assigned', 'responding')
          and not exists (select 1 from incident_complaints l where l.incident_id = i.id and l.complaint_id = c.id)
        order by i.id, c.received_at, c.id
        limit 5000`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.incident_id, [...(out.get(r.incident_id) ?? []), r.complaint_id]);
  return [...out.entries()].map(([incidentId, complaintIds]) => ({ incidentId, complaintIds }));
}

/**
 * One incident step in one transaction: the complaints it links (each once: a link already there
 * is skipped), the projection row (only when its version is newer) and the step's audit events
 * and notifications (idempotent on source keys). Answers how many complaints are linked to the
 * incident, the count the projection is written with:
 *
 * - A step that links complaints: the count as of its own links — the rows written up to the
 *   latest of them (`seq`), a complaint signalled twice counted once — and never less than the
 *   count the incident had before the step (the record's count less the links it carries: a step
 *   whose links were all written by earlier steps, in a race with the watcher, keeps that count).
 *   Not the count of the table now: a write done again (its local activity run again after a
 *   failed workflow task, when later steps' links may be in the table already) answers what it
 *   answered the first time, so the workflow's count agrees with the audit event already written.
 * - A step that links none: the record's own count (the workflow's), unchanged.
 */
export async function writeIncidentRecord(db: Database, input: { incident: IncidentRecord; links?: { complaintId: string; at: string }[] } & TransitionRecord): Promise<{ complaintCount: number }> {
  let { incident } = input;
  return db.transaction(async (tx) => {
    if (input.links?.length) {
      await tx
        .insert(incidentComplaints)
        .values(input.links.map((l) => ({ incidentId: incident.id, complaintId: l.complaintId, linkedAt: l.at })))
        .onConflictDoNothing();
      const own = tx
        .select({ seq: sql`max(${incidentComplaints.seq})` })
        .from(incidentComplaints)
        .where(and(eq(incidentComplaints.incidentId, incident.id), inArray(incidentComplaints.complaintId, input.links.map((l) => l.complaintId))));
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(incidentComplaints)
        .where(and(eq(incidentComplaints.incidentId, incident.id), sql`${incidentComplaints.seq} <= (${own})`));
      const before = incident.complaintCount - input.links.length;
      const complaintCount = Math.max(row?.n ?? incident.complaintCount, before);
      if (complaintCount !== incident.complaintCount) incident = { ...incident, complaintCount, view: { ...incident.view, complaintCount } };
    }
    const { id: _id, ...changes } = incident;
    await tx
      .insert(incidents)
      .values({ ...incident, input: {} })
      .onConflictDoUpdate({ target: incidents.id, set: { ...changes, updatedAt: new Date() }, setWhere: sql`${incidents.version} < ${incident.version}` });
    await writeTransition(tx, { audit: input.audit, notifications: input.notifications ?? [] });
    return { complaintCount: incident.complaintCount };
  });
}

export interface IncidentComplaintCursor {
  at: string;
  id: string;
}

/**
 * The complaints linked to an incident, in the order they were linked (then by id): keyset pages.
 * `via` is `spike` for those linked when it was raised (at its raising instant), else `watch`.
 */
export async function listIncidentComplaints(db: Database, incidentId: string, limit: number, cursor?: IncidentComplaintCursor): Promise<{ items: LinkedComplaint[]; next?: IncidentComplaintCursor }> {
  const rows = await queryRows<{ id: string; at: string; spike: boolean }>(
    db,
    sql`select l.complaint_id as id, to_char(l.linked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, l.linked_at <= i.raised_at as spike
        from incident_complaints l join incidents i on i.id = l.incident_id
        where l.incident_id = ${incidentId}
          ${cursor ? sql`and (l.linked_at, l.complaint_id) > (${cursor.at}::timestamptz, ${cursor.id})` : sql``}
        order by l.linked_at, l.complaint_id
        limit ${limit + 1}`,
  );
  const items = rows.slice(0, limit).map((r): LinkedComplaint => ({ id: r.id, at: r.at, via: r.spike ? 'spike' : 'watch' }));
  const last = items.at(-1);
  return { items, ...(rows.length > limit && last ? { next: { at: last.at, id: last.id } } : {}) };
}

export async function readIncident(db: Database, id: string): Promise<{ view: IncidentView | null; status: string; ownerId: string | null } | undefined> {
  const [row] = await db.select({ view: incidents.view, status: incidents.status, ownerId: incidents.ownerId }).from(incidents).where(eq(incidents.id, id));
  return row ? { view: row.view ? boundedIncidentView(row.view as IncidentView) : null, status: row.status, ownerId: row.ownerId } : undefined;
}

export interface IncidentCursor {
  raisedAt: string;
  id: string;
}

/** Incidents, newest first (those still being raised have no view yet and are left out). */
export async function listIncidents(db: Database, filter: { status?: string; dimension?: string; owner?: string }, limit: number, cursor?: IncidentCursor): Promise<{ items: IncidentView[]; next?: IncidentCursor }> {
  const where: SQL[] = [sql`${incidents.view} is not null`];
  if (filter.status) where.push(eq(incidents.status, filter.status));
  if (filter.dimension) where.push(eq(incidents.dimension, filter.dimension));
  if (filter.owner) where.push(eq(incidents.ownerId, filter.owner));
  if (cursor) where.push(sql`(${incidents.raisedAt}, ${incidents.id}) < (${cursor.raisedAt}::timestamptz, ${cursor.id})`);
  const rows = await db
    .select({ view: incidents.view })
    .from(incidents)
    .where(and(...where))
    .orderBy(desc(incidents.raisedAt), desc(incidents.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => boundedIncidentView(r.view as IncidentView));
  const last = items.at(-1);
  return { items, ...(rows.length > limit && last ? { next: { raisedAt: last.raisedAt, id: last.id } } : {}) };
}

/**
 * Running incidents waiting on `who`: for supervisors, those without a response owner and those
 * escalated; for a response owner, their plan or review; for the committee chair, those escalated
 * to them.
 */
export async function openIncidentsFor(db: Database, who: Pick<Actor, 'userId' | 'roles'>): Promise<IncidentView[]> {
  const mine: SQL[] = [eq(incidents.ownerId, who.userId)];
  if (who.roles.includes('supervisor')) mine.push(eq(incidents.status, 'open'), sql`${incidents.escalationLevel} >= 1`);
  mine.push(sql`${incidents.escalationLevel} = 2 and ${incidents.view}->>'chairUserId' = ${who.userId}`);
  const rows = await db
    .select({ view: incidents.view })
    .from(incidents)
    .where(and(inArray(incidents.status, ['open', 'assigned', 'responding']), or(...mine)))
    .limit(200);
  return rows.map((r) => r.view as IncidentView | null).filter((v): v is IncidentView => v !== null).map(boundedIncidentView);
}
