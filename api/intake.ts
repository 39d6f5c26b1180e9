import { WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { readComplaint, saveCustomer, type CustomerDetails } from '../db/complaints.js';
import { initiativeExists } from '../db/initiatives.js';
import type { Actor } from '../domain/actor.js';
import type { Category, Channel, Severity } from '../domain/complaints/types.js';
import type { ComplaintView } from '../domain/complaints/views.js';
import type { PiiCipher } from '../security/pii.js';
import type { CommandSigner } from '../security/command-signing.js';
import type { complaintWorkflow } from '../workflows/complaint/index.js';
import { complaintWorkflowId, intakeUpdate, type ComplaintInput } from '../workflows/complaint/messages.js';
import { viewOfClosedStart } from './closed-start.js';
import { badRequest } from './problem.js';

/**
 * The intake rules a complaint and a feedback item share (docs/complaints.md "Intake",
 * docs/feedback.md): the receipt may be dated back at most a year and not into the future, a
 * linked product must exist, the customer's details are sealed keyed by the new record's id
 * before its process starts. Also how a complaint is opened, by its own route or from a
 * feedback item reclassified as a complaint.
 */

/** How far back a receipt may be dated, and how far ahead a client clock may run. */
const maxBackdateMs = 366 * 86_400_000;
const maxClockSkewMs = 5 * 60_000;

/** The receipt instant (now when not given), or 400. */
export function receivedInstant(receivedAt: string | undefined, now = Date.now()): number {
  const received = receivedAt ? Date.parse(receivedAt) : now;
  if (received > now + maxClockSkewMs) throw badRequest('receivedAt lies in the future', [{ path: 'body.receivedAt', message: 'must not be in the future' }]);
  if (received < now - maxBackdateMs) throw badRequest('receivedAt is more than a year ago', [{ path: 'body.receivedAt', message: 'must be within the last year' }]);
  return received;
}

/** A link to a product that does not exist would count nowhere and reach the reports as typed: 400. */
export async function checkInitiative(db: Database, initiativeId: string | undefined): Promise<void> {
  if (initiativeId !== undefined && !(await initiativeExists(db, initiativeId))) {
    throw badRequest('initiativeId names no initiative', [{ path: 'body.initiativeId', message: `no initiative ${initiativeId}`, code: 'not_found' }]);
  }
}

export interface ComplaintOpening {
  id: string;
  channel: Channel;
  category: Category;
  severity: Severity;
  description: string;
  receivedAt: string;
  initiativeId?: string;
  customerRef: string;
  customer: CustomerDetails;
  intakeBy: Actor;
}

/**
 * Opens a complaint: the customer sealed under its id (a retry writes nothing new), its workflow
 * started with update-with-start (signed), answered once recorded. A retry with the same id
 * answers the complaint already opened.
 */
export async function openComplaint(
  deps: { db: Database; temporal: Client; taskQueue: string; commandSigner: CommandSigner; cipher: PiiCipher },
  c: ComplaintOpening,
  /** The 409's detail when the process of this id failed before recording the complaint (api/closed-start.ts). */
  nothingRecorded?: string,
): Promise<ComplaintView> {
  const { db, temporal, taskQueue, commandSigner, cipher } = deps;
  await saveCustomer(db, cipher, { complaintId: c.id, customerRef: c.customerRef, details: c.customer, createdBy: c.intakeBy.userId });
  const workflowId = complaintWorkflowId(c.id);
  // Signed for this workflow (domain/command-proof.ts): the start input and the intake update.
  const input: ComplaintInput = commandSigner.sign({ workflowId, name: 'complaintWorkflow', updateId: null }, {
    id: c.id,
    channel: c.channel,
    category: c.category,
    severity: c.severity,
    description: c.description,
    receivedAt: c.receivedAt,
    ...(c.initiativeId ? { initiativeId: c.initiativeId } : {}),
    customerRef: c.customerRef,
    piiRef: c.id,
    intakeBy: c.intakeBy,
  } satisfies ComplaintInput);
  const updateId = randomUUID();
  try {
    return await temporal.workflow.executeUpdateWithStart(intakeUpdate, {
      args: [commandSigner.sign({ workflowId, name: intakeUpdate.name, updateId }, { actor: c.intakeBy })],
      updateId,
      startWorkflowOperation: new WithStartWorkflowOperation<typeof complaintWorkflow>('complaintWorkflow', {
        workflowId,
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A closed complaint is never started again under the same id.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    });
  } catch (err) {
    return viewOfClosedStart(err, () => readComplaint(db, c.id), nothingRecorded);
  }
}
