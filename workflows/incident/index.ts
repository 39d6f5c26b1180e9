/**
 * One incident: a spike of complaints the watcher raised, handled to its post-incident review
 * (docs/incidents.md). Workflow id `incident-<id>`, started by the watcher (watch.ts).
 *
 * The process's face: its messages wired to the command table (commands.ts), then the loop —
 * sleep until the next reminder, breach or climb (clock.ts), until a command changed the
 * deadlines, or until the watcher linked more complaints — until the review closes it. Every
 * step runs under the incident's lock and is recorded (record.ts) before anyone is answered.
 */
import { allHandlersFinished, condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { draft } from '../../domain/drafts.js';
import { keepLinksInTable, linkSignalled, newIncidentState, raisedBatch } from '../../domain/incidents/process.js';
import type { IncidentState, IncidentView, LinkedComplaint } from '../../domain/incidents/types.js';
import { systemActor } from '../../domain/actor.js';
import { updateHandlers, type ProcessCommand } from '../process/command.js';
import { patches } from '../process/patches.js';
import { advanceClocks, clockEventDue, nextClockEventAt, stepFrom } from './clock.js';
import { incidentCommands } from './commands.js';
import { assignOwnerUpdate, complaintsLinkedSignal, incidentQuery, submitPlanUpdate, submitReviewUpdate, type IncidentInput } from './messages.js';
import { record, viewOf } from './record.js';
import { Incident } from './state.js';

export async function incidentWorkflow(input: IncidentInput, carried?: IncidentState): Promise<IncidentView> {
  const incident = new Incident(input, workflowInfo().workflowId, carried);
  // Started before the handlers are set, so that every handler can wait for it (a continued run starts registered).
  const registration: Promise<void> = carried ? Promise.resolve() : raise(incident);
  const lockedProcess = { lock: incident.lock, untilReady: () => (incident.registered ? undefined : registration) };

  setHandler(incidentQuery, () => viewOf(incident));
  const commands = incidentCommands(incident);
  setHandler(assignOwnerUpdate, ...wire(commands.assign));
  setHandler(submitPlanUpdate, ...wire(commands.plan));
  setHandler(submitReviewUpdate, ...wire(commands.review));
  setHandler(complaintsLinkedSignal, ({ complaintIds, at }) => {
    if (!Array.isArray(complaintIds) || complaintIds.length === 0) return;
    incident.pendingLinks.push({ ids: complaintIds.filter((id) => typeof id === 'string'), at: typeof at === 'string' ? at : new Date(Date.now()).toISOString() });
    incident.signalsThisRun += 1;
  });

  await registration;
  // Under the patch, links signalled while the last step ran are recorded before the run continues as new (before it, they waited for the watcher's next signal).
  const linksWaiting = () => incident.pendingLinks.length > 0 && patched(patches.incidentLinksInTable.id);
  while (!incident.closed) {
    if (incident.runIsFull && !linksWaiting()) {
      await condition(() => !incident.lock.isHeld && allHandlersFinished());
      if (!incident.closed && !linksWaiting()) {
        // Carried over as one payload (Temporal refuses payloads over 2 MB): bounded, however many complaints are linked.
        if (patched(patches.incidentLinksInTable.id)) keepLinksInTable(incident.state);
        await continueAsNew<typeof incidentWorkflow>(input, incident.state);
      }
    }
    const at = nextClockEventAt(incident);
    incident.clocksChanged = false;
    const woken = () => incident.clocksChanged || incident.closed || incident.pendingLinks.length > 0 || incident.runIsFull;
    if (at === null) await condition(woken);
    else if (at > Date.now()) await condition(woken, at - Date.now());
    if (incident.closed) break;
    await incident.lock.run(async () => {
      if (incident.closed) return;
      const now = Date.now();
      const due = clockEventDue(incident, now) ? await advanceClocks(incident, now) : { audit: [], notes: [] };
      if (patched(patches.incidentLinksInTable.id)) {
        // The links live in incident_complaints; the state keeps their count (the table's) and the first ones.
        keepLinksInTable(incident.state);
        const linked = linkSignalled(incident.state, incident.pendingLinks.splice(0), now);
        const recorded = await record(incident, { audit: [...due.audit, ...linked.audit], notes: due.notes }, linked.links);
        if (recorded) incident.state.complaintCount = recorded.complaintCount;
      } else {
        const linked = linkPending(incident, now);
        await record(incident, { audit: [...due.audit, ...linked.audit], notes: due.notes }, linked.links);
      }
    });
  }
  await condition(allHandlersFinished);
  return viewOf(incident);

  function wire<C, R>(command: ProcessCommand<C, R>) {
    const { handler, validator } = updateHandlers(lockedProcess, command);
    return [handler, { validator }] as const;
  }
}

/** Raises the incident: the owner step's deadlines, then `incident.raised` with the spike's complaints linked. */
async function raise(incident: Incident): Promise<void> {
  await incident.lock.run(async () => {
    const { input } = incident;
    const raisedAt = Date.parse(input.raisedAt);
    incident.state = newIncidentState(input, await stepFrom(incident, 'owner', raisedAt));
    const linksInTable = patched(patches.incidentLinksInTable.id);
    if (linksInTable) keepLinksInTable(incident.state);
    incident.registered = true;
    const now = Date.now();
    const batch = raisedBatch(input, incident.state, now);
    const due = clockEventDue(incident, now) ? await advanceClocks(incident, now) : { audit: [], notes: [] };
    const recorded = await record(incident, { audit: [...batch.audit, ...due.audit], notes: [...batch.notes, ...due.notes] }, input.complaintIds.map((id) => ({ complaintId: id, at: input.raisedAt })));
    if (linksInTable && recorded) incident.state.complaintCount = recorded.complaintCount;
  });
}

/**
 * Before the patch `incident-links-in-table` (the branch of runs that recorded it, and of steps
 * taken while it is dark): every link kept in the state. A count kept by the patched branch of an
 * earlier run is kept in step.
 */
function linkPending(incident: Incident, now: number): { audit: ReturnType<typeof draft>[]; links: { complaintId: string; at: string }[] } {
  const state = incident.state;
  const known = new Set(state.complaints.map((c) => c.id));
  const added: LinkedComplaint[] = [];
  for (const batch of incident.pendingLinks.splice(0)) {
    for (const id of batch.ids) {
      if (known.has(id)) continue;
      known.add(id);
      added.push({ id, at: batch.at, via: 'watch' });
    }
  }
  if (added.length === 0) return { audit: [], links: [] };
  state.complaints.push(...added);
  if (state.complaintCount !== undefined) state.complaintCount += added.length;
  return {
    audit: [draft('incident.complaints_linked', systemActor, now, { complaints: state.complaints.length - added.length }, { added: added.map((c) => c.id), complaints: state.complaints.length })],
    links: added.map((c) => ({ complaintId: c.id, at: c.at })),
  };
}
