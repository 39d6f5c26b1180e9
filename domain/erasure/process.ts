/**
 * One erasure request as a process: its first state, its view and projection row, and what each
 * step records (audit events, notices to compliance). The workflow calls these after every step.
 *
 * Workflow-safe: pure (`now` is passed in).
 */
import { systemActor, type Actor } from '../actor.js';
import { draft, notice, placeBatch, type Batch } from '../drafts.js';
import type { TransitionRecord } from '../trail.js';
import { describeHolds } from './rules.js';
import type { ErasureFacts, ErasureInput, ErasureProof, ErasureState, ErasureView, Hold } from './types.js';

export const erasureEntity = 'erasure' as const;

export function newErasureState(): ErasureState {
  return { status: 'requested', holds: [], facts: null, checkedAt: null, decision: null, proof: null, closedAt: null, eventSeq: 0 };
}

export function erasureView(input: ErasureInput, state: ErasureState): ErasureView {
  return {
    id: input.id,
    customerRef: input.customerRef,
    status: state.status,
    origin: input.origin,
    reason: input.reason,
    requestedBy: { userId: input.requestedBy.userId, name: input.requestedBy.name },
    requestedAt: input.requestedAt,
    holds: state.holds,
    complaints: state.facts?.complaints ?? [],
    checkedAt: state.checkedAt,
    decision: state.decision,
    proof: state.proof,
    closedAt: state.closedAt,
    policyVersion: input.policyVersion,
    version: state.eventSeq,
  };
}

/** The projection row (db/erasures.ts). */
export interface ErasureRecord {
  id: string;
  workflowId: string;
  customerRef: string;
  status: string;
  origin: string;
  requestedBy: string;
  requestedAt: string;
  closedAt: string | null;
  view: ErasureView;
  version: number;
}

export function erasureRecord(workflowId: string, view: ErasureView): ErasureRecord {
  return {
    id: view.id,
    workflowId,
    customerRef: view.customerRef,
    status: view.status,
    origin: view.origin,
    requestedBy: view.requestedBy.userId,
    requestedAt: view.requestedAt,
    closedAt: view.closedAt,
    view,
    version: view.version,
  };
}

/** `<workflowId>:<eventSeq>` per event in the erasure's chain. */
export function placeErasureBatch(input: ErasureInput, workflowId: string, state: ErasureState, batch: Batch): Required<TransitionRecord> {
  return placeBatch(erasureEntity, input.id, workflowId, state, batch);
}

const ref = (input: ErasureInput) => `erasure ${input.id} (customer ${input.customerRef})`;
const compliance = { kind: 'role' as const, id: 'compliance_auditor' };

export function requestedBatch(input: ErasureInput, now: number): Batch {
  return {
    audit: [draft('erasure.requested', input.origin === 'retention' ? systemActor : input.requestedBy, now, null, { status: 'requested', customerRef: input.customerRef, origin: input.origin, policyVersion: input.policyVersion }, input.reason)],
    notes: [],
  };
}

/** The holds were looked at: the request is held (or held by other holds), or it waits for approval. */
export function checkedBatch(input: ErasureInput, state: ErasureState, facts: ErasureFacts, holds: Hold[], now: number): Batch {
  const before = { status: state.status, holds: state.holds };
  state.facts = facts;
  state.checkedAt = new Date(now).toISOString();
  state.holds = holds;
  if (holds.length > 0) {
    state.status = 'held';
    return {
      audit: [draft('erasure.held', systemActor, now, before, { status: 'held', holds, complaints: facts.complaints.length }, describeHolds(holds))],
      notes: [],
    };
  }
  state.status = 'awaiting_approval';
  return {
    audit: [draft('erasure.awaiting_approval', systemActor, now, before, { status: 'awaiting_approval', holds: [], complaints: facts.complaints.length })],
    notes: [notice(compliance, 'erasure.approval_needed', `${ref(input)}: no hold stands; a compliance auditor other than ${input.requestedBy.userId} approves or refuses it`, { erasureId: input.id })],
  };
}

export function decidedBatch(input: ErasureInput, state: ErasureState, actor: Actor, approved: boolean, comment: string, now: number): Batch {
  const before = { status: state.status };
  state.status = approved ? 'approved' : 'refused';
  state.decision = { approved, by: actor.userId, at: new Date(now).toISOString(), comment };
  if (!approved) state.closedAt = state.decision.at;
  const what = approved ? 'approved' : 'refused';
  return {
    audit: [draft(`erasure.${what}`, actor, now, before, { status: state.status, customerRef: input.customerRef }, comment || undefined)],
    notes: input.origin === 'manual' ? [notice({ kind: 'user', id: input.requestedBy.userId }, `erasure.${what}`, `${ref(input)} was ${what} by ${actor.name}${comment ? `: ${comment}` : ''}`, { erasureId: input.id })] : [],
  };
}

export function provenBatch(input: ErasureInput, state: ErasureState, proof: ErasureProof, now: number): Batch {
  const before = { status: state.status };
  state.status = 'completed';
  state.proof = proof;
  state.closedAt = new Date(now).toISOString();
  const executed = { dataKeysDestroyed: proof.dataKeysDestroyed.length, rowsOverwritten: proof.rowsOverwritten, ledger: proof.ledger, executedAt: proof.executedAt };
  return {
    audit: [
      draft('erasure.executed', systemActor, Date.parse(proof.executedAt), before, { status: 'approved', ...executed }),
      draft('erasure.proven', systemActor, now, { status: 'approved' }, { status: 'completed', proof }, proof.ok ? undefined : 'the verification found the erasure incomplete: see the proof'),
    ],
    notes: [notice(compliance, proof.ok ? 'erasure.completed' : 'erasure.incomplete', `${ref(input)}: ${proof.ok ? 'personal data erased and verified' : 'the verification failed'} (${proof.dataKeysDestroyed.length} data keys destroyed, ${proof.rowsChecked} rows checked, ${proof.rowsStillReadable} still readable, audit chains ${proof.chains.ok ? 'verify' : 'BROKEN'})`, { erasureId: input.id })],
  };
}

/** A retention request for a customer who is not (or no longer) past retention: closed without erasing. */
export function notDueBatch(input: ErasureInput, state: ErasureState, now: number): Batch {
  const before = { status: state.status };
  state.status = 'refused';
  state.decision = { approved: false, by: systemActor.userId, at: new Date(now).toISOString(), comment: 'the customer is not past retention' };
  state.closedAt = state.decision.at;
  return { audit: [draft('erasure.refused', systemActor, now, before, { status: 'refused' }, 'the customer is not past retention')], notes: [] };
}
