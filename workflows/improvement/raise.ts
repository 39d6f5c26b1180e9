/**
 * How another workflow raises an improvement action (the committee's meeting deciding one): start
 * the improvement workflow as a child that outlives the caller, under the id its source gives.
 * Idempotent: a decision retried, or a caller replayed, finds the action already started and
 * answers its id; nothing is raised twice.
 *
 * Usage, in workflow code:
 *   import { raiseImprovementAction } from '../improvement/raise.js';
 *   const { id } = await raiseImprovementAction({ source: { kind: 'committee', id: `${meetingId}:${n}` }, raisedBy, raisedAt, title, ... });
 *
 * The input needs everything `ImprovementInput` has but `id` (derived here). A child started by a
 * workflow carries no API proof: the improvement workflow accepts a start without one only from a
 * parent workflow (docs/improvements.md "Raising").
 */
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { improvementIdFor, improvementWorkflowId } from '../../domain/improvements/ids.js';
import type { ImprovementInput } from '../../domain/improvements/types.js';
import { improvementWorkflowType } from './messages.js';

export async function raiseImprovementAction(input: Omit<ImprovementInput, 'id'>): Promise<{ id: string; workflowId: string; started: boolean }> {
  const id = improvementIdFor(input.source);
  const workflowId = improvementWorkflowId(id);
  try {
    await startChild(improvementWorkflowType, {
      workflowId,
      args: [{ ...input, id }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { id, workflowId, started: true };
  } catch (err) {
    // WorkflowExecutionAlreadyStartedError (from @temporalio/common, which workflow code does not import).
    if (err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError') return { id, workflowId, started: false };
    throw err;
  }
}
