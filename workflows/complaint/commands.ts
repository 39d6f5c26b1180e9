import { patched } from '@temporalio/workflow';
import { systemActor, type Actor } from '../../domain/actor.js';
import { accessRefusal } from '../../domain/complaints/access.js';
import { clockView } from '../../domain/complaints/clock.js';
import { levelName, maxEscalationLevel } from '../../domain/complaints/escalation.js';
import { reassignRefusal } from '../../domain/complaints/reassign.js';
import { complaintReclassifyRefusal } from '../../domain/feedback/rules.js';
import { rootCauseCorrectionRefusal, rootCauseRecord } from '../../domain/complaints/root-causes.js';
import { needsApproval, needsChairSignOff, nextStatus, refusalReason, resolutionWindowFor, type HandlingStatus, type Transition } from '../../domain/complaints/rules.js';
import { escalateManually, meetSlaClock, pauseAll, pauseRefusal, resumeAll, startSlaClock, stopAllClocks } from '../../domain/complaints/sla.js';
import type { ComplaintCommand, ComplaintStatus, Owner } from '../../domain/complaints/types.js';
import { auditDraft, escalationNotes, iso, note, nothingToRecord, reference, type Batch, type NoteDraft } from '../../domain/complaints/events.js';
import { firstResponder, summary, type ComplaintState } from '../../domain/complaints/process.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import type { CommandSpec, ProcessCommand } from '../process/command.js';
import { patches } from '../process/patches.js';
import { refuse } from '../process/refuse.js';
import { advanceClocks, clockEventDue, deadlineAfter, lookUpChair, nextClockEventAt } from './clock.js';
import type {
  AppealCommand,
  AppealDecisionCommand,
  ApprovalCommand,
  CorrectRootCauseCommand,
  FeedbackCommand,
  ReasonCommand,
  ReassignCommand,
  ReclassifyCommand,
  ResolveCommand,
  RespondCommand,
  SignOffCommand,
  TransferCommand,
} from './messages.js';
import { record, viewOf } from './record.js';
import type { Complaint } from './state.js';

/**
 * The complaint's commands: one table entry each (validate / prepare / apply), run the same way
 * by `complaintCommand` under the complaint's lock. The state table is domain/complaints/rules.ts,
 * who may act is domain/complaints/access.ts; an entry adds only what is particular to it.
 */

/**
 * A handling command of the state table, or an annotation: a command that changes no status and
 * is judged by its own access rule instead (correcting the root cause).
 */
type Entry<C, P = undefined> = CommandSpec<ComplaintState, C, P, Batch> & { command: ComplaintCommand | 'correctRootCause' | 'reassign' | 'reclassify' };

/** Turns a table entry into the checks and the locked run its update handler uses. */
export function complaintCommand<C extends { actor: Actor }, P>(complaint: Complaint, entry: Entry<C, P>): ProcessCommand<C, ComplaintView> {
  const checks = (c: C, strict: boolean) => {
    if (entry.command === 'correctRootCause') checkAnnotation(complaint, c.actor);
    else if (entry.command === 'reassign') checkReassignment(complaint, c);
    else if (entry.command === 'reclassify') checkReclassification(complaint, c.actor);
    else checkStateAndAccess(complaint, entry.command, c.actor, strict);
    entry.validate?.(c, complaint.state);
  };
  return {
    check: (c) => checks(c, false),
    execute: async (c) => {
      const state = complaint.state;
      // The chair is snapshotted when the committee level is reached (a sign-off looks again while unknown).
      if (state.chairUserId === null && (entry.command === 'signoff' || (entry.command === 'escalate' && state.sla.level >= maxEscalationLevel - 1))) {
        await lookUpChair(complaint);
      }
      checks(c, true);
      const prepared = entry.prepare ? await entry.prepare(c, state) : (undefined as P);
      const now = Date.now();
      const due = clockEventDue(complaint, now) ? await advanceClocks(complaint, now) : nothingToRecord;
      checks(c, true); // the clock step may have changed the level; the rules still hold or the command is refused
      const batch = entry.apply(c, state, now, prepared);
      await record(complaint, { audit: [...due.audit, ...batch.audit], notes: [...due.notes, ...batch.notes] });
      complaint.commandsThisRun += 1;
      // Wake the clock loop only when its timer is now wrong (or the run should continue as new):
      // cancelling and restarting the timer costs two history events and server work per command.
      // Histories recorded before the patch woke it after every command.
      if (!patched(patches.complaintClockTimerKept.id) || complaint.closed || complaint.runIsFull || nextClockEventAt(complaint) !== complaint.sleepingUntil) {
        complaint.clocksChanged = true;
      }
      return viewOf(complaint);
    },
  };
}

/** State-table and access checks (refusal → 409 / 403). */
function checkStateAndAccess(complaint: Complaint, command: ComplaintCommand, actor: Actor, strict: boolean): void {
  const { input, state } = complaint;
  const refusal = refusalReason(state.status, command);
  if (refusal) refuse('conflict', refusal);
  const denied = accessRefusal(command, actor, {
    agentId: firstResponder(input, state),
    owner: state.owner,
    escalationLevel: state.sla.level,
    chairUserId: state.chairUserId,
    proposedBy: state.resolutions.at(-1)?.proposedBy,
  });
  // The chair may still be unknown (roster without a chair when the level was reached): the
  // validator lets the sign-off through and the handler, having looked again, decides (strict).
  if (denied && (strict || !(command === 'signoff' && state.chairUserId === null))) refuse('forbidden', denied);
}

/** An annotation of a running complaint: the process must still run (a closed one is corrected in the projection), and the caller must be allowed. */
function checkAnnotation(complaint: Complaint, actor: Actor): void {
  if (complaint.closed) refuse('conflict', 'the complaint is closed');
  const denied = rootCauseCorrectionRefusal(actor);
  if (denied) refuse('forbidden', denied);
}

/** Who may reassign, when, and to whom (domain/complaints/reassign.ts); the API checked the directory. */
function checkReassignment(complaint: Complaint, command: { actor: Actor; toUserId?: unknown; reason?: unknown }): void {
  const { input, state } = complaint;
  const refusal = reassignRefusal(command.actor, { status: state.status, owner: state.owner, agentId: firstResponder(input, state) }, command);
  if (refusal) refuse(refusal.kind, refusal.message);
}

/** Who may reclassify the complaint as feedback, and when (domain/feedback/rules.ts). */
function checkReclassification(complaint: Complaint, actor: Actor): void {
  const { state } = complaint;
  const refusal = complaintReclassifyRefusal(actor, { status: state.status, resolutions: state.resolutions.length });
  if (refusal) refuse(refusal.code, refusal.message);
}

/** The status a command moves the complaint to, or a refusal (409). */
function statusAfter(state: ComplaintState, command: ComplaintCommand, outcome?: unknown): ComplaintStatus {
  const t = (nextStatus as (status: ComplaintStatus, command: ComplaintCommand, outcome?: unknown) => Transition)(state.status, command, outcome);
  if (!t.ok) refuse('conflict', t.reason);
  return t.status;
}

/** The complaint's commands, bound to one complaint. */
export function complaintCommands(complaint: Complaint) {
  const { input } = complaint;
  const ref = () => reference(input);
  /** The first responder, who owns the complaint again once a resolution reaches the customer side. */
  const agent = (): Owner => ({ kind: 'user', id: firstResponder(input, complaint.state) });

  /** A resolution reached the customer side: resolution and investigation met, feedback clock starts, the agent owns again. */
  function resolvedEffects(state: ComplaintState, now: number, feedbackDeadline: number): void {
    state.sla = meetSlaClock(meetSlaClock(state.sla, 'resolution', now), 'investigation', now);
    state.sla = startSlaClock(state.sla, 'customerFeedback', now, feedbackDeadline);
    state.owner = agent();
  }

  function closeEffects(state: ComplaintState, now: number): void {
    state.sla = stopAllClocks(state.sla, now);
    const open = state.pauses.at(-1);
    if (open && open.resumedAt === undefined) Object.assign(open, { resumedAt: iso(now), resumedBy: systemActor.userId });
    state.closedAt = iso(now);
  }

  const respond: Entry<RespondCommand> = {
    command: 'respond',
    apply: (c, state, now) => {
      const before = summary(state);
      const wasResolved = state.status === 'resolved';
      state.status = statusAfter(state, 'respond');
      state.responses.push({ at: iso(now), by: c.actor.userId, message: c.message, channel: c.channel });
      state.sla = meetSlaClock(state.sla, 'firstResponse', now);
      if (wasResolved) state.sla = meetSlaClock(state.sla, 'customerFeedback', now);
      return { audit: [auditDraft('complaint.responded', c.actor, now, before, { ...summary(state), channel: c.channel, message: c.message }, wasResolved ? 'resolution fed back to the customer' : undefined)], notes: [] };
    },
  };

  const transfer: Entry<TransferCommand, number> = {
    command: 'transfer',
    validate: (c, state) => {
      if (state.owner.kind === 'department' && state.owner.id === c.department) refuse('invalid', `the complaint is already with department ${c.department}`);
    },
    prepare: async (_c, state) => {
      const investigation = await deadlineAfter(Date.now(), state.policy.transferInvestigation);
      // Within the resolution window (docs/complaints.md): never later than a running resolution deadline.
      const resolution = state.sla.clocks.resolution;
      const resolutionDeadline = resolution ? Date.parse(clockView(resolution).deadline) : investigation;
      return resolution && resolution.state !== 'met' && resolution.state !== 'breached' ? Math.min(investigation, resolutionDeadline) : investigation;
    },
    apply: (c, state, now, investigationDeadline) => {
      const before = summary(state);
      state.status = statusAfter(state, 'transfer');
      state.transfers.push({ at: iso(now), by: c.actor.userId, from: state.owner, department: c.department, reason: c.reason });
      state.owner = { kind: 'department', id: c.department };
      state.department = c.department;
      state.sla = startSlaClock(state.sla, 'investigation', now, investigationDeadline);
      return {
        audit: [auditDraft('complaint.transferred', c.actor, now, before, { ...summary(state), department: c.department, investigationDeadline: iso(investigationDeadline) }, c.reason)],
        notes: [note({ kind: 'department', id: c.department }, 'complaint.transferred', `${ref()} transferred to your department (the reason is in the complaint's record)`, { investigationDeadline: iso(investigationDeadline) })],
      };
    },
  };

  const resolve: Entry<ResolveCommand, number> = {
    command: 'resolve',
    validate: (c) => {
      const r = c.rootCause as Partial<NonNullable<ResolveCommand['rootCause']>> | undefined;
      if (r !== undefined && (r === null || typeof r.code !== 'string' || typeof r.group !== 'string')) refuse('invalid', 'rootCause must name a code and its group');
    },
    prepare: async (_c, state) => deadlineAfter(Date.now(), state.policy.customerFeedback),
    apply: (c, state, now, feedbackDeadline) => {
      const before = summary(state);
      const approval = needsApproval(c.compensation, state.policy.compensationApprovalLimit);
      const proposedIn = state.status as HandlingStatus;
      const ownerThen = state.owner;
      state.status = statusAfter(state, 'resolve', { needsApproval: approval });
      state.resolutions.push({
        at: iso(now),
        proposedBy: c.actor.userId,
        summary: c.summary,
        remedy: c.remedy,
        ...(c.compensation ? { compensation: c.compensation } : {}),
        state: approval ? 'awaiting_approval' : 'accepted',
        source: 'handler',
        ...(c.rootCause ? { rootCause: c.rootCause } : {}),
      });
      // A resolution that names no root cause keeps the one named before.
      if (c.rootCause) state.rootCause = rootCauseRecord(c.rootCause, c.actor.userId, iso(now), 'resolution');
      const notes: NoteDraft[] = [];
      if (approval) {
        state.proposal = { returnTo: proposedIn, owner: ownerThen };
        notes.push(note({ kind: 'role', id: 'supervisor' }, 'complaint.approval_needed', `${ref()}: compensation of ${c.compensation!.amount} ${c.compensation!.currency} above the limit of ${state.policy.compensationApprovalLimit} needs approval`));
      } else {
        resolvedEffects(state, now, feedbackDeadline);
        if (ownerThen.kind === 'department') notes.push(note(state.owner, 'complaint.resolution_proposed', `${ref()}: the department proposed a resolution; tell the customer`));
      }
      const action = approval ? 'complaint.resolution_proposed' : 'complaint.resolved';
      return { audit: [auditDraft(action, c.actor, now, before, { ...summary(state), summary: c.summary, remedy: c.remedy, compensation: c.compensation ?? null, needsApproval: approval, ...(c.rootCause ? { rootCause: c.rootCause } : {}) })], notes };
    },
  };

  const approve: Entry<ApprovalCommand, number> = {
    command: 'approve',
    prepare: async (_c, state) => deadlineAfter(Date.now(), state.policy.customerFeedback),
    apply: (c, state, now, feedbackDeadline) => {
      const before = summary(state);
      const proposal = state.proposal ?? { returnTo: 'responded' as HandlingStatus, owner: agent() };
      const current = state.resolutions.at(-1)!;
      state.status = statusAfter(state, 'approve', { approved: c.approved, returnTo: proposal.returnTo });
      current.state = c.approved ? 'approved' : 'rejected';
      current.approval = { approved: c.approved, by: c.actor.userId, at: iso(now), comment: c.comment };
      state.proposal = null;
      const notes: NoteDraft[] = [];
      if (c.approved) {
        resolvedEffects(state, now, feedbackDeadline);
        notes.push(note(state.owner, 'complaint.approval_decided', `${ref()}: the compensation was approved; tell the customer`));
      } else {
        state.owner = proposal.owner;
        notes.push(note({ kind: 'user', id: current.proposedBy }, 'complaint.approval_decided', `${ref()}: the compensation was rejected (the supervisor's comment is in the complaint's record)`));
      }
      return { audit: [auditDraft(c.approved ? 'complaint.resolution_approved' : 'complaint.resolution_rejected', c.actor, now, before, summary(state), c.comment)], notes };
    },
  };

  const signOff: Entry<SignOffCommand> = {
    command: 'signoff',
    validate: (_c, state) => {
      if (!needsChairSignOff(state.sla.level)) refuse('conflict', `the chair's sign-off is only needed at the committee level; the complaint is at ${levelName(state.sla.level)}`);
      if (state.signoff) refuse('conflict', `the complaint was already signed off by ${state.signoff.by}`);
    },
    apply: (c, state, now) => {
      const before = summary(state);
      state.status = statusAfter(state, 'signoff', { readyToClose: state.customerConfirmed });
      state.signoff = { by: c.actor.userId, at: iso(now), comment: c.comment };
      if (state.status === 'closed') closeEffects(state, now);
      return { audit: [auditDraft('complaint.signed_off', c.actor, now, before, summary(state), c.comment)], notes: [] };
    },
  };

  const feedback: Entry<FeedbackCommand, number | undefined> = {
    command: 'feedback',
    prepare: async (c, state) => (c.satisfied ? undefined : deadlineAfter(Date.now(), resolutionWindowFor(input.severity, state.policy))),
    apply: (c, state, now, newResolutionDeadline) => {
      const before = summary(state);
      const signOffPending = needsChairSignOff(state.sla.level) && state.signoff === null;
      state.status = statusAfter(state, 'feedback', { satisfied: c.satisfied, signOffPending });
      state.feedback.push({ at: iso(now), by: c.actor.userId, satisfied: c.satisfied, via: c.via, comment: c.comment });
      state.sla = meetSlaClock(meetSlaClock(state.sla, 'firstResponse', now), 'customerFeedback', now);
      const notes: NoteDraft[] = [];
      let action = 'complaint.closed';
      if (!c.satisfied) {
        action = 'complaint.reopened';
        state.reopenCount += 1;
        state.customerConfirmed = false;
        state.sla = startSlaClock(state.sla, 'resolution', now, newResolutionDeadline!);
      } else if (state.status === 'closed') {
        closeEffects(state, now);
      } else {
        action = 'complaint.customer_confirmed';
        state.customerConfirmed = true;
        if (state.chairUserId) notes.push(note({ kind: 'user', id: state.chairUserId }, 'complaint.signoff_needed', `${ref()}: the customer is satisfied; your sign-off closes the complaint`));
      }
      return { audit: [auditDraft(action, c.actor, now, before, { ...summary(state), satisfied: c.satisfied, via: c.via, reopenCount: state.reopenCount }, c.comment)], notes };
    },
  };

  const appeal: Entry<AppealCommand, number> = {
    command: 'appeal',
    prepare: async (_c, state) => deadlineAfter(Date.now(), state.policy.appealDecision),
    apply: (c, state, now, appealDeadline) => {
      const before = summary(state);
      state.status = statusAfter(state, 'appeal');
      state.appeals.push({ at: iso(now), by: c.actor.userId, reason: c.reason });
      state.sla = startSlaClock(state.sla, 'appeal', now, appealDeadline);
      return {
        audit: [auditDraft('complaint.appealed', c.actor, now, before, { ...summary(state), appealDeadline: iso(appealDeadline) }, c.reason)],
        notes: [note({ kind: 'role', id: 'supervisor' }, 'complaint.appeal_lodged', `${ref()}: the customer asks for reconsideration (the reason is in the complaint's record)`, { deadline: iso(appealDeadline) })],
      };
    },
  };

  const appealDecision: Entry<AppealDecisionCommand, number> = {
    command: 'appealDecision',
    prepare: async (_c, state) => deadlineAfter(Date.now(), state.policy.customerFeedback),
    apply: (c, state, now, feedbackDeadline) => {
      const before = summary(state);
      const signOffPending = needsChairSignOff(state.sla.level) && state.signoff === null;
      state.status = statusAfter(state, 'appealDecision', { upheld: c.upheld, signOffPending });
      const current = state.appeals.at(-1)!;
      current.decision = { upheld: c.upheld, decision: c.decision, by: c.actor.userId, at: iso(now) };
      state.sla = meetSlaClock(state.sla, 'appeal', now);
      if (c.upheld) {
        // The supervisor's decision is the new resolution, fed back and confirmed as usual.
        state.resolutions.push({ at: iso(now), proposedBy: c.actor.userId, summary: c.decision, remedy: c.decision, state: 'accepted', source: 'appeal' });
        resolvedEffects(state, now, feedbackDeadline);
      } else {
        state.sla = meetSlaClock(state.sla, 'resolution', now);
        state.customerConfirmed = true;
        if (state.status === 'closed') closeEffects(state, now);
      }
      return {
        audit: [auditDraft('complaint.appeal_decided', c.actor, now, before, { ...summary(state), upheld: c.upheld, decision: c.decision }, c.decision)],
        notes: [note(agent(), 'complaint.appeal_decided', `${ref()}: appeal ${c.upheld ? 'upheld' : 'dismissed'} (the decision is in the complaint's record)`)],
      };
    },
  };

  const pause: Entry<ReasonCommand> = {
    command: 'pause',
    validate: (_c, state) => {
      const refusal = pauseRefusal(state.sla);
      if (refusal) refuse('conflict', `pause refused: ${refusal}`);
    },
    apply: (c, state, now) => {
      const before = summary(state);
      state.sla = pauseAll(state.sla, now);
      state.pauses.push({ at: iso(now), by: c.actor.userId, reason: c.reason });
      const left = state.sla.settings.maxPauseMs - state.sla.pausedTotalMs;
      return { audit: [auditDraft('complaint.paused', c.actor, now, { ...before, paused: false }, { ...summary(state), paused: true, allowanceLeftMs: left }, c.reason)], notes: [] };
    },
  };

  const resume: Entry<ReasonCommand> = {
    command: 'resume',
    validate: (_c, state) => {
      if (state.sla.pausedAt === null) refuse('conflict', 'resume refused: the complaint is not paused');
    },
    apply: (c, state, now) => {
      const before = summary(state);
      state.sla = resumeAll(state.sla, now);
      const open = state.pauses.at(-1);
      if (open && open.resumedAt === undefined) Object.assign(open, { resumedAt: iso(now), resumedBy: c.actor.userId });
      return { audit: [auditDraft('complaint.resumed', c.actor, now, { ...before, paused: true }, { ...summary(state), paused: false, pausedTotalMs: state.sla.pausedTotalMs }, c.reason)], notes: [] };
    },
  };

  const escalate: Entry<ReasonCommand> = {
    command: 'escalate',
    validate: (_c, state) => {
      if (state.sla.level >= maxEscalationLevel) refuse('conflict', 'escalation refused: the complaint is already at the committee chair');
    },
    apply: (c, state, now) => {
      const before = summary(state);
      state.sla = escalateManually(state.sla) ?? state.sla;
      return { audit: [auditDraft('complaint.escalated', c.actor, now, before, summary(state), c.reason)], notes: escalationNotes(state, state.sla.level, `${ref()} escalated to you by ${c.actor.name} (the reason is in the complaint's record)`) };
    },
  };

  const correctRootCause: Entry<CorrectRootCauseCommand> = {
    command: 'correctRootCause',
    validate: (c) => {
      if (typeof c.reason !== 'string' || c.reason.trim() === '') refuse('invalid', 'a root-cause correction must give a reason');
      const r = c.rootCause as Partial<CorrectRootCauseCommand['rootCause']> | undefined;
      if (!r || typeof r.code !== 'string' || typeof r.group !== 'string') refuse('invalid', 'rootCause must name a code and its group');
    },
    apply: (c, state, now) => {
      const before = state.rootCause ?? null;
      state.rootCause = rootCauseRecord(c.rootCause, c.actor.userId, iso(now), 'correction', c.reason);
      return { audit: [auditDraft('complaint.root_cause_corrected', c.actor, now, { rootCause: before }, { rootCause: state.rootCause }, c.reason)], notes: [] };
    },
  };

  const reassign: Entry<ReassignCommand> = {
    command: 'reassign',
    apply: (c, state, now) => {
      const before = { ...summary(state), agentId: firstResponder(input, state) };
      const from = before.agentId;
      state.agentId = c.toUserId;
      state.agentTeam = c.toDepartment ?? null;
      state.owner = { kind: 'user', id: c.toUserId };
      state.reassignments = [...(state.reassignments ?? []), { at: iso(now), by: c.actor.userId, from, to: c.toUserId, reason: c.reason }];
      const toWhom = c.toName ? `${c.toName} (${c.toUserId})` : c.toUserId;
      return {
        audit: [auditDraft('complaint.reassigned', c.actor, now, before, { ...summary(state), agentId: c.toUserId }, c.reason)],
        notes: [
          note({ kind: 'user', id: c.toUserId }, 'complaint.reassigned', `${ref()} was reassigned to you by ${c.actor.name} (the reason is in the complaint's record)`, { from, to: c.toUserId }),
          note({ kind: 'user', id: from }, 'complaint.reassigned_away', `${ref()} was reassigned from you to ${toWhom} by ${c.actor.name}`, { from, to: c.toUserId }),
        ],
      };
    },
  };

  // New with reclassification (docs/feedback.md): a new update, so no earlier history holds one.
  const reclassify: Entry<ReclassifyCommand> = {
    command: 'reclassify',
    validate: (c) => {
      if (c.kind !== 'inquiry' && c.kind !== 'suggestion' && c.kind !== 'praise') refuse('invalid', 'a complaint is reclassified as an inquiry, a suggestion or praise');
      if (typeof c.reason !== 'string' || c.reason.trim() === '' || c.reason.length > 2_000) refuse('invalid', 'a reclassification must give a reason (at most 2000 characters)');
      if (typeof c.feedbackId !== 'string' || !/^[A-Za-z0-9_.:-]{1,200}$/.test(c.feedbackId)) refuse('invalid', 'the feedback item is named by its id');
    },
    apply: (c, state, now) => {
      const before = summary(state);
      state.status = 'closed';
      closeEffects(state, now);
      state.reclassified = { kind: c.kind, feedbackId: c.feedbackId, reason: c.reason, by: c.actor.userId, at: iso(now) };
      const agentId = firstResponder(input, state);
      return {
        audit: [auditDraft('complaint.reclassified', c.actor, now, before, { ...summary(state), reclassifiedAs: c.kind, feedbackId: c.feedbackId }, c.reason)],
        notes: agentId === c.actor.userId ? [] : [note({ kind: 'user', id: agentId }, 'complaint.reclassified', `${ref()} was reclassified as ${c.kind} by ${c.actor.name}; it continues as feedback ${c.feedbackId}`, { feedbackId: c.feedbackId, kind: c.kind })],
      };
    },
  };

  return {
    reclassify: complaintCommand(complaint, reclassify),
    reassign: complaintCommand(complaint, reassign),
    respond: complaintCommand(complaint, respond),
    transfer: complaintCommand(complaint, transfer),
    resolve: complaintCommand(complaint, resolve),
    approve: complaintCommand(complaint, approve),
    signOff: complaintCommand(complaint, signOff),
    feedback: complaintCommand(complaint, feedback),
    appeal: complaintCommand(complaint, appeal),
    appealDecision: complaintCommand(complaint, appealDecision),
    pause: complaintCommand(complaint, pause),
    resume: complaintCommand(complaint, resume),
    escalate: complaintCommand(complaint, escalate),
    correctRootCause: complaintCommand(complaint, correctRootCause),
  };
}
