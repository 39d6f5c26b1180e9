import { getExternalWorkflowHandle, log, patched, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { nothingToRecord, receivedBatch } from '../../domain/complaints/events.js';
import { newComplaintState } from '../../domain/complaints/process.js';
import { patches } from '../process/patches.js';
import { complaintLinked, initiativeWorkflowId } from '../initiative/messages.js';
import { advanceClocks, clockEventDue } from './clock.js';
import { record } from './record.js';
import type { Complaint } from './state.js';

// Intake in one local activity: read the policy, deadlines and repeats, and record the complaint.
const { takeComplaint, prepareIntake } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

/**
 * Registers a new complaint: the SLA policy in force, its deadlines on the business calendar and
 * the customer's earlier complaints are read, the first-response and resolution clocks start from
 * receipt, and `complaint.received` is recorded (with any clock event already due: a complaint
 * received a while ago may be late already). Runs under the lock, before any command.
 */
export function registerComplaint(complaint: Complaint): Promise<void> {
  return complaint.lock.run(async () => {
    if (patched(patches.complaintIntakeInOneActivity.id)) {
      // One activity builds the state with the same pure functions and records it.
      complaint.state = await takeComplaint({ complaint: complaint.input, workflowId: complaint.workflowId, now: Date.now() });
    } else {
      await readThenRecord(complaint);
    }
    complaint.registered = true;
  });
}

/** Intake as histories before `complaint-intake-in-one-activity` recorded it: a read, then a write. */
async function readThenRecord(complaint: Complaint): Promise<void> {
  const { input } = complaint;
  const receivedAt = Date.parse(input.receivedAt);
  const { policy, version, deadlines, repeats } = await prepareIntake({
    id: input.id,
    customerRef: input.customerRef,
    category: input.category,
    ...(input.initiativeId ? { initiativeId: input.initiativeId } : {}),
    receivedAt: new Date(receivedAt).toISOString(),
    severity: input.severity,
  });
  const [firstResponse, resolution, maxPauseEnd, breachWindowEnd] = [deadlines.firstResponse, deadlines.resolution, deadlines.maxPauseEnd, deadlines.breachWindowEnd].map((d) => Date.parse(d)) as [number, number, number, number];
  complaint.state = newComplaintState(input, { policy, policyVersion: version, receivedAt, deadlines: { firstResponse, resolution, maxPauseEnd, breachWindowEnd }, repeatOf: repeats });
  const now = Date.now();
  const received = receivedBatch(input, complaint.state, now);
  const due = clockEventDue(complaint, now) ? await advanceClocks(complaint, now) : nothingToRecord;
  await record(complaint, { audit: [...received.audit, ...due.audit], notes: [...received.notes, ...due.notes] });
}

/** Post-launch monitoring of the linked product counts the complaint (signal `complaintLinked`). */
export async function linkInitiative(initiativeId: string, complaintId: string): Promise<void> {
  try {
    await getExternalWorkflowHandle(initiativeWorkflowId(initiativeId)).signal(complaintLinked, { complaintId, at: new Date(Date.now()).toISOString() });
  } catch (err) {
    log.info('could not signal the linked initiative; the complaint goes on', { initiativeId, complaintId, error: String(err) });
  }
}
