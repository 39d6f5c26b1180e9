import { getExternalWorkflowHandle, log, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { complaintLinked, initiativeWorkflowId } from '../initiative/messages.js';
import { advanceClocks, clockEventDue } from './clock.js';
import { iso, note, nothingToRecord, record, reference, type AuditDraft, type NoteDraft } from './record.js';
import { newComplaintState, summary, type Complaint } from './state.js';

// What intake reads (policy, calendar deadlines, repeats) in ONE local activity: one activation.
const { prepareIntake } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

/**
 * Registers a new complaint: reads the policy in force, its deadlines on the business calendar
 * and the customer's earlier complaints, starts the first-response and resolution clocks from
 * receipt, and records `complaint.received` (with any clock event already due: a complaint
 * received a while ago may be late already). Runs under the lock, before any command.
 */
export function registerComplaint(complaint: Complaint): Promise<void> {
  const { input } = complaint;
  return complaint.lock.run(async () => {
    const receivedAt = Date.parse(input.receivedAt);
    const { policy, version, deadlines, repeats } = await prepareIntake({
      id: input.id,
      customerRef: input.customerRef,
      category: input.category,
      ...(input.initiativeId ? { initiativeId: input.initiativeId } : {}),
      receivedAt: iso(receivedAt),
      severity: input.severity,
    });
    const [firstResponse, resolution, maxPauseEnd, breachWindowEnd] = [deadlines.firstResponse, deadlines.resolution, deadlines.maxPauseEnd, deadlines.breachWindowEnd].map((d) => Date.parse(d)) as [number, number, number, number];
    const state = newComplaintState(input, { policy, policyVersion: version, receivedAt, deadlines: { firstResponse, resolution, maxPauseEnd, breachWindowEnd }, repeatOf: repeats });
    complaint.state = state;
    const now = Date.now();
    const received: AuditDraft = {
      action: 'complaint.received',
      actor: input.intakeBy,
      at: now,
      before: null,
      after: {
        ...summary(state),
        channel: input.channel,
        category: input.category,
        severity: input.severity,
        receivedAt: input.receivedAt,
        initiativeId: input.initiativeId ?? null,
        slaPolicyVersion: version,
        slaPolicy: policy,
        deadlines: { firstResponse: iso(firstResponse), resolution: iso(resolution) },
        repeatOf: repeats,
      },
    };
    const notes: NoteDraft[] = repeats.length ? [note(state.owner, 'complaint.repeat', `${reference(complaint)} repeats earlier complaints of the customer: ${repeats.join(', ')}`, { repeatOf: repeats })] : [];
    const due = clockEventDue(complaint, now) ? await advanceClocks(complaint, now) : nothingToRecord;
    await record(complaint, { audit: [received, ...due.audit], notes: [...notes, ...due.notes] });
    complaint.registered = true;
  });
}

/** Post-launch monitoring of the linked product counts the complaint (signal `complaintLinked`). */
export async function linkInitiative(initiativeId: string, complaintId: string): Promise<void> {
  try {
    await getExternalWorkflowHandle(initiativeWorkflowId(initiativeId)).signal(complaintLinked, { complaintId, at: new Date(Date.now()).toISOString() });
  } catch (err) {
    log.info('could not signal the linked initiative; the complaint goes on', { initiativeId, complaintId, error: String(err) });
  }
}
