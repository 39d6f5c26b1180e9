/**
 * One improvement action as a process: its first state, its view and projection row, what its
 * clock events do and record, and how its audit events take their place in the action's chain.
 *
 * Workflow-safe: pure (`now` is passed in).
 */
import { systemActor } from '../actor.js';
import { draft, notice, placeBatch, type Batch } from '../drafts.js';
import type { TransitionRecord } from '../trail.js';
import { applyDueEvent, dueState, levelAfterDue, nextDueEvent, type DueEvent } from './clock.js';
import type { DueClock, EffectivenessResult, ImprovementInput, ImprovementPolicy, ImprovementState, ImprovementView } from './types.js';

export const improvementEntity = 'improvement' as const;

const iso = (ms: number) => new Date(ms).toISOString();

export function newImprovementState(input: ImprovementInput, o: { policy: ImprovementPolicy; policyVersion: number; clock: DueClock; verifierId: string | null; chairUserId: string | null; departmentHeadId: string | null }): ImprovementState {
  return {
    status: 'in_progress',
    owner: { userId: input.owner.userId, name: input.owner.name },
    policy: o.policy,
    policyVersion: o.policyVersion,
    verifierId: o.verifierId,
    clock: o.clock,
    level: 0,
    departmentHeadId: o.departmentHeadId,
    chairUserId: o.chairUserId,
    progress: [],
    completions: [],
    verifications: [],
    closedAt: null,
    effectivenessAt: null,
    effectiveness: null,
    eventSeq: 0,
  };
}

/** The owner still works on it: the due clock runs. */
export const dueRunning = (state: ImprovementState) => state.status === 'in_progress';

export function improvementView(input: ImprovementInput, state: ImprovementState): ImprovementView {
  return {
    id: input.id,
    status: state.status,
    source: input.source,
    raisedBy: { userId: input.raisedBy.userId, name: input.raisedBy.name },
    raisedAt: input.raisedAt,
    title: input.title,
    problem: input.problem,
    plan: input.plan,
    ownerDepartment: input.ownerDepartment,
    owner: state.owner,
    verifierId: state.verifierId,
    due: iso(state.clock.due),
    reminderAt: iso(state.clock.reminderAt),
    dueState: dueState(state.clock, dueRunning(state)),
    escalationLevel: state.level,
    links: input.links,
    measure: input.measure,
    progress: state.progress,
    completions: state.completions,
    verifications: state.verifications,
    closedAt: state.closedAt,
    effectivenessAt: state.effectivenessAt,
    effectiveness: state.effectiveness,
    policyVersion: state.policyVersion,
    version: state.eventSeq,
  };
}

/** The projection row (db/improvements.ts). */
export interface ImprovementRecord {
  id: string;
  workflowId: string;
  status: string;
  sourceKind: string;
  sourceId: string;
  ownerDepartment: string;
  ownerId: string;
  verifierId: string | null;
  raisedBy: string;
  raisedAt: string;
  due: string;
  dueState: string;
  escalationLevel: number;
  departmentHeadId: string | null;
  chairUserId: string | null;
  closedAt: string | null;
  effectiveness: string | null;
  view: ImprovementView;
  version: number;
}

export function improvementRecord(input: ImprovementInput, workflowId: string, state: ImprovementState): ImprovementRecord {
  const view = improvementView(input, state);
  return {
    id: input.id,
    workflowId,
    status: view.status,
    sourceKind: input.source.kind,
    sourceId: input.source.id,
    ownerDepartment: input.ownerDepartment,
    ownerId: state.owner.userId,
    verifierId: state.verifierId,
    raisedBy: input.raisedBy.userId,
    raisedAt: input.raisedAt,
    due: view.due,
    dueState: view.dueState,
    escalationLevel: state.level,
    departmentHeadId: state.departmentHeadId,
    chairUserId: state.chairUserId,
    closedAt: state.closedAt,
    effectiveness: state.effectiveness?.verdict ?? null,
    view,
    version: view.version,
  };
}

/** The facts every audit event of an action shows before and after. */
export function improvementSummary(state: ImprovementState) {
  return { status: state.status, owner: state.owner.userId, due: iso(state.clock.due), escalationLevel: state.level };
}

export const improvementReference = (input: ImprovementInput) => `improvement action "${input.title}" (${input.ownerDepartment})`;

export function placeImprovementBatch(input: ImprovementInput, workflowId: string, state: ImprovementState, batch: Batch): Required<TransitionRecord> {
  return placeBatch(improvementEntity, input.id, workflowId, state, batch);
}

/** Who verifies, as a notice addressee. */
export const verifierAddressee = (state: ImprovementState) => (state.verifierId ? { kind: 'user' as const, id: state.verifierId } : { kind: 'role' as const, id: 'supervisor' });

/** `improvement.raised`: the owner learns of the action and its due date. */
export function raisedBatch(input: ImprovementInput, state: ImprovementState, now: number): Batch {
  const ref = improvementReference(input);
  return {
    audit: [
      draft('improvement.raised', input.raisedBy, now, null, {
        ...improvementSummary(state),
        source: input.source,
        ownerDepartment: input.ownerDepartment,
        verifier: state.verifierId,
        links: input.links,
        measure: input.measure,
        policyVersion: state.policyVersion,
        policy: state.policy,
      }),
    ],
    notes: [notice({ kind: 'user', id: state.owner.userId }, 'improvement.assigned', `${ref}: you own this action; it is due by ${iso(state.clock.due)}`, { improvementId: input.id, due: iso(state.clock.due) })],
  };
}

export type AppliedDueEvent = DueEvent & { fromLevel: number; toLevel: number };

/** The due events falling at or before `now`, applied in time order (only while the owner works on it). */
export function advanceDue(state: ImprovementState, now: number): AppliedDueEvent[] {
  const out: AppliedDueEvent[] = [];
  if (!dueRunning(state)) return out;
  for (let e = nextDueEvent(state.clock), guard = 0; e && e.at <= now && guard < 10; guard++) {
    state.clock = applyDueEvent(state.clock, e);
    const level = levelAfterDue(state.level, e);
    out.push({ ...e, fromLevel: state.level, toLevel: level });
    state.level = level;
    e = nextDueEvent(state.clock);
  }
  return out;
}

/** The audit events and notices of applied due events: owner → department head → committee chair. */
export function dueBatch(input: ImprovementInput, state: ImprovementState, events: AppliedDueEvent[]): Batch {
  const ref = improvementReference(input);
  const due = iso(state.clock.due);
  const owner = { kind: 'user' as const, id: state.owner.userId };
  const head = state.departmentHeadId ? { kind: 'user' as const, id: state.departmentHeadId } : { kind: 'role' as const, id: 'supervisor' };
  const chair = state.chairUserId ? { kind: 'user' as const, id: state.chairUserId } : { kind: 'role' as const, id: 'supervisor' };
  const batch: Batch = { audit: [], notes: [] };
  for (const e of events) {
    if (e.kind === 'reminder') {
      batch.audit.push(draft('improvement.reminder_sent', systemActor, e.at, null, { due }));
      batch.notes.push(notice(owner, 'improvement.reminder', `${ref}: due by ${due}`, { improvementId: input.id, due }));
    } else if (e.kind === 'overdue') {
      batch.audit.push(draft('improvement.escalated', systemActor, e.at, { escalationLevel: e.fromLevel }, { escalationLevel: e.toLevel, departmentHead: state.departmentHeadId, due }, `not done by ${due}: escalated to the head of ${input.ownerDepartment}`));
      batch.notes.push(notice(owner, 'improvement.overdue', `${ref}: it was due by ${due}`, { improvementId: input.id, due }));
      batch.notes.push(notice(head, 'improvement.escalated', `${ref}: ${state.owner.name} did not complete it by ${due}`, { improvementId: input.id, level: 1 }));
    } else {
      batch.audit.push(draft('improvement.escalated', systemActor, e.at, { escalationLevel: e.fromLevel }, { escalationLevel: e.toLevel, chair: state.chairUserId, due }, `still not done one escalation window after ${due}: escalated to the committee chair`));
      batch.notes.push(notice(chair, 'improvement.escalated', `${ref}: still not done (due ${due})`, { improvementId: input.id, level: 2 }));
    }
  }
  return batch;
}

/** The effectiveness result recorded: the verifier hears of a result that is not effective. */
export function effectivenessBatch(input: ImprovementInput, state: ImprovementState, result: EffectivenessResult, now: number): Batch {
  const ref = improvementReference(input);
  const batch: Batch = { audit: [draft('improvement.effectiveness_checked', systemActor, now, { effectiveness: null }, { effectiveness: result.verdict, measure: result.measure, before: result.before, after: result.after })], notes: [] };
  if (result.verdict === 'not_effective') {
    batch.notes.push(notice(verifierAddressee(state), 'improvement.not_effective', `${ref}: complaints of ${result.measure?.dimension} "${result.measure?.value}" did not fall (${result.before?.count ?? 0} before, ${result.after?.count ?? 0} after)`, { improvementId: input.id }));
  }
  return batch;
}
