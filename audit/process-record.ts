import type { Transaction } from '../db/client.js';
import { markComplaintProcessEnded } from '../db/complaints.js';
import { markInitiativeProcessEnded } from '../db/initiatives.js';
import { writeTransition } from '../db/transition.js';
import type { AuditEntityType, NotificationInput } from '../domain/trail.js';
import { maskPiiText } from '../domain/pii-text.js';
import { abnormalEndOf, type ProcessEnded } from '../domain/process-end.js';

/**
 * What archiving a closed run puts into the audit trail, in the archive's own transaction
 * (audit/archive.ts), so that it is written exactly once with the archive row:
 *
 * - `<entity>.history_archived` in the entity's chain: the archive's sha256 and event count. The
 *   archived bytes are then vouched for by the hash chain and the checkpoints over it — an
 *   archive edited and re-hashed no longer matches what the trail recorded (audit/archive-verify.ts).
 * - For a run that ended other than by completing or continuing as new (terminated, timed out,
 *   failed, cancelled — never something cxgov does itself): `<entity>.terminated` /
 *   `.timed_out` / `.failed` / `.cancelled` by `system` with the reason Temporal recorded
 *   (phone and id numbers masked), a notice to compliance (without the reason: bodies carry no
 *   free text), and the entity's `processEnded` flag.
 *
 * The chain of a run: its complaint or initiative; any other workflow (a report's) has a chain of
 * its own, `('workflow', <workflow id>)`.
 */
export interface ArchivedRunFacts {
  workflowId: string;
  runId: string;
  workflowType: string;
  /** Temporal's status name: COMPLETED, TERMINATED, CONTINUED_AS_NEW, … */
  status: string;
  closedAt: Date;
  eventCount: number;
  sha256: string;
  /** What Temporal recorded about the end (terminate reason, failure message); null when nothing. */
  endReason: string | null;
  /** Who ended it, as Temporal recorded (the terminating client's identity). */
  endedBy: string | null;
}

export function chainOfWorkflow(workflowId: string): { entityType: AuditEntityType; entityId: string } {
  const m = /^(initiative|complaint)-(.+)$/s.exec(workflowId);
  return m ? { entityType: m[1] as 'initiative' | 'complaint', entityId: m[2]! } : { entityType: 'workflow', entityId: workflowId };
}

export const archiveSourceKey = (workflowId: string, runId: string) => `archive:${workflowId}:${runId}`;
const endSourceKey = (workflowId: string, runId: string) => `process-end:${workflowId}:${runId}`;
const system = { actor: 'system', roles: ['system'] };

export async function recordArchivedRun(tx: Transaction, run: ArchivedRunFacts, archivedAt: Date = new Date()): Promise<void> {
  const { entityType, entityId } = chainOfWorkflow(run.workflowId);
  const ref = { workflowId: run.workflowId, runId: run.runId, workflowType: run.workflowType, status: run.status };
  const end = abnormalEndOf(run.status);
  const audit = [];
  const notifications: NotificationInput[] = [];
  if (end) {
    const ended: ProcessEnded = { status: end, at: run.closedAt.toISOString(), reason: run.endReason === null ? null : maskPiiText(run.endReason) };
    audit.push({
      ...system,
      entityType,
      entityId,
      sourceKey: endSourceKey(run.workflowId, run.runId),
      action: `${entityType}.${end}`,
      at: run.closedAt,
      after: { ...ref, processEnded: ended, endedBy: run.endedBy },
      reason: ended.reason ?? `the process ${end.replace('_', ' ')} outside cxgov`,
    });
    notifications.push({
      sourceKey: endSourceKey(run.workflowId, run.runId),
      recipientKind: 'role',
      recipient: 'compliance_auditor',
      topic: `${entityType}.process_ended`,
      entityType,
      entityId,
      message: `${entityType} ${entityId}: its process ${end.replace('_', ' ')} outside cxgov at ${ended.at} and takes no more commands; the audit trail records how`,
      data: ref,
    });
    if (entityType === 'complaint') await markComplaintProcessEnded(tx, entityId, ended);
    if (entityType === 'initiative') await markInitiativeProcessEnded(tx, entityId, ended);
  }
  audit.push({
    ...system,
    entityType,
    entityId,
    sourceKey: archiveSourceKey(run.workflowId, run.runId),
    action: `${entityType}.history_archived`,
    at: archivedAt,
    after: { ...ref, closedAt: run.closedAt.toISOString(), eventCount: run.eventCount, sha256: run.sha256 },
  });
  await writeTransition(tx, { audit, notifications });
}
