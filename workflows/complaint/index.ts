/**
 * One complaint, from intake to closed (product.md §2). Workflow id `complaint-<id>`.
 *
 * - Commands are updates (complaint-api.ts). Validators refuse what the state table
 *   (domain/complaints/rules.ts) or the access rules (domain/complaints/access.ts) do not allow;
 *   handlers run one at a time under a lock, re-check, apply the change, and await its record
 *   (projection + audit + notifications in one local activity) before answering.
 * - The SLA (domain/complaints/sla.ts) is advanced to "now" before every command and whenever the
 *   next clock event falls due, so at-risk warnings, breaches and escalations happen by themselves
 *   and are stamped with the instant the rule says, whoever woke the workflow.
 * - Deadlines come from the `computeDeadlines` activity (business calendar), the policy from
 *   `prepareIntake` at intake; both are recorded in history, so replay never depends on data.
 * - No customer PII here: `customerRef` and `piiRef` only.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { ComplaintRecord } from '../../db/complaints.js';
import type { NotificationInput } from '../../db/transition.js';
import type { AuditEventInput } from '../../db/audit.js';
import { systemActor, type Actor } from '../../domain/actor.js';
import { accessRefusal } from '../../domain/complaints/access.js';
import { clockView } from '../../domain/complaints/clock.js';
import { commandErrorTypes } from '../../domain/command-errors.js';
import { escalationContact, levelName, maxEscalationLevel, ownerForLevel } from '../../domain/complaints/escalation.js';
import { needsApproval, needsChairSignOff, nextStatus, refusalReason, resolutionWindowFor, type HandlingStatus, type Transition } from '../../domain/complaints/rules.js';
import {
  advanceSla,
  clockViews,
  escalateManually,
  meetSlaClock,
  newSlaState,
  nextDeadline,
  nextSlaEventAt,
  pauseAll,
  pauseRefusal,
  resumeAll,
  startSlaClock,
  stopAllClocks,
  type SlaEvent,
  type SlaState,
} from '../../domain/complaints/sla.js';
import type { ClockName, ComplaintCommand, ComplaintStatus, Owner } from '../../domain/complaints/types.js';
import type { Duration } from '../../domain/duration.js';
import type { SlaPolicy } from '../../domain/policies.js';
import {
  appealDecisionUpdate,
  appealUpdate,
  approveUpdate,
  complaintQuery,
  escalateUpdate,
  feedbackUpdate,
  intakeUpdate,
  pauseUpdate,
  resolveUpdate,
  respondUpdate,
  resumeUpdate,
  signoffUpdate,
  transferUpdate,
  type AppealCommand,
  type AppealDecisionCommand,
  type ApprovalCommand,
  type ComplaintInput,
  type FeedbackCommand,
  type ReasonCommand,
  type ResolveCommand,
  type RespondCommand,
  type SignoffCommand,
  type TransferCommand,
} from './messages.js';
import type { AppealEntry, ComplaintView, FeedbackEntry, PauseEntry, ResolutionEntry, ResponseEntry, TransferEntry } from '../../domain/complaints/views.js';

// Settings, calendar and repeat look-ups: short database reads run as local activities (no
// server round trip of their own); their results are recorded in history all the same.
const { prepareIntake, computeDeadlines, committeeChair } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});
const { recordComplaint } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '100ms', maximumInterval: '5s' },
});

/** Everything the process knows; carried over continueAsNew. */
export interface ComplaintState {
  status: ComplaintStatus;
  owner: Owner;
  department: string | null;
  sla: SlaState;
  policy: SlaPolicy;
  policyVersion: number;
  responses: ResponseEntry[];
  transfers: TransferEntry[];
  resolutions: ResolutionEntry[];
  /** The status a resolution waiting for approval was proposed in, and the owner then. */
  proposal: { returnTo: HandlingStatus; owner: Owner } | null;
  feedback: FeedbackEntry[];
  appeals: AppealEntry[];
  pauses: PauseEntry[];
  signoff: { by: string; at: string; comment: string } | null;
  chairUserId: string | null;
  /** The customer has confirmed (or an appeal was dismissed): only the chair's sign-off may be missing. */
  customerConfirmed: boolean;
  reopenCount: number;
  repeatOf: string[];
  closedAt: string | null;
  /** Audit sequence: source keys are `<workflowId>:<eventSeq>`. */
  eventSeq: number;
}

interface AuditDraft {
  action: string;
  actor: Actor;
  at: number;
  reason?: string;
  before: unknown;
  after: unknown;
}
type NoteDraft = Omit<NotificationInput, 'sourceKey' | 'entityType' | 'entityId'>;
interface Batch {
  audit: AuditDraft[];
  notes: NoteDraft[];
}
/** What a step without due SLA events adds (shared: callers only read it). */
const noEvents: Readonly<Batch> = Object.freeze({ audit: [], notes: [] });


function refuse(type: keyof typeof commandErrorTypes, message: string): never {
  throw ApplicationFailure.create({ type: commandErrorTypes[type], message, nonRetryable: true });
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function complaintWorkflow(input: ComplaintInput, carried?: ComplaintState): Promise<ComplaintView> {
  const workflowId = workflowInfo().workflowId;
  let state: ComplaintState | undefined = carried;
  let locked = false;
  let wake = false;
  /** The intake is recorded (a continued run starts ready). */
  let ready = carried !== undefined;

  // ── serialisation: one command or timer step at a time ───────────────────────────────────────
  async function withLock<T>(fn: () => Promise<T>): Promise<T> {
    while (locked) await condition(() => !locked);
    locked = true;
    try {
      return await fn();
    } finally {
      locked = false;
    }
  }

  const s = (): ComplaintState => {
    if (!state) refuse('conflict', 'the complaint is still being registered; retry shortly');
    return state;
  };

  // ── view, projection, record ──────────────────────────────────────────────────────────────────
  function view(): ComplaintView {
    const st = s();
    const now = Date.now();
    const clocks = clockViews(st.sla, now);
    const firstResponse = clocks.firstResponse ?? clockView(st.sla.clocks.firstResponse!, now);
    const resolution = clocks.resolution ?? clockView(st.sla.clocks.resolution!, now);
    return {
      id: input.id,
      status: st.status,
      channel: input.channel,
      category: input.category,
      severity: input.severity,
      ...(input.initiativeId ? { initiativeId: input.initiativeId } : {}),
      description: input.description,
      receivedAt: input.receivedAt,
      customerRef: input.customerRef,
      owner: st.owner,
      agentId: input.intakeBy.userId,
      department: st.department,
      escalationLevel: st.sla.level,
      escalatedTo: st.sla.level > 0 ? ownerForLevel(st.sla.level, { handlingOwner: st.owner }) : null,
      clocks: { ...clocks, firstResponse, resolution },
      deadlines: { firstResponse: firstResponse.deadline, resolution: resolution.deadline },
      paused: st.sla.pausedAt !== null,
      breaches: st.sla.breaches,
      responses: st.responses,
      transfers: st.transfers,
      resolutions: st.resolutions,
      feedback: st.feedback,
      appeals: st.appeals,
      pauses: st.pauses,
      signoff: st.signoff,
      chairUserId: st.chairUserId,
      reopenCount: st.reopenCount,
      repeatOf: st.repeatOf,
      policyVersion: st.policyVersion,
      closedAt: st.closedAt,
      version: st.eventSeq,
    };
  }

  function summary(st: ComplaintState) {
    return { status: st.status, owner: st.owner, escalationLevel: st.sla.level };
  }

  function projection(v: ComplaintView): ComplaintRecord {
    const st = s();
    const next = st.status === 'closed' ? null : nextDeadline(st.sla);
    return {
      id: input.id,
      workflowId,
      status: v.status,
      channel: v.channel,
      category: v.category,
      severity: v.severity,
      customerRef: input.customerRef,
      initiativeId: input.initiativeId ?? null,
      receivedAt: input.receivedAt,
      ownerKind: v.owner.kind,
      ownerId: v.owner.id,
      agentId: v.agentId,
      department: v.department,
      escalationLevel: v.escalationLevel,
      breached: v.breaches.length > 0,
      chairUserId: v.chairUserId,
      signedOff: v.signoff !== null,
      nextDeadline: next ? iso(next.deadline) : null,
      nextDeadlineState: next ? next.state : null,
      reopenCount: v.reopenCount,
      repeatOf: v.repeatOf,
      policyVersion: v.policyVersion,
      closedAt: v.closedAt,
      view: v,
      version: v.version,
    };
  }

  async function record(batch: Batch): Promise<void> {
    if (batch.audit.length === 0) return;
    const st = s();
    const audit: AuditEventInput[] = batch.audit.map((e) => ({
      entityType: 'complaint',
      entityId: input.id,
      sourceKey: `${workflowId}:${++st.eventSeq}`,
      actor: e.actor.userId,
      roles: e.actor.roles,
      action: e.action,
      at: iso(e.at),
      before: e.before,
      after: e.after,
      reason: e.reason ?? null,
    }));
    const notifications: NotificationInput[] = batch.notes.map((n, i) => ({
      ...n,
      sourceKey: `${workflowId}:${st.eventSeq}:n${i}`,
      entityType: 'complaint',
      entityId: input.id,
    }));
    await recordComplaint({ complaint: projection(view()), audit, notifications });
  }

  // ── notifications ─────────────────────────────────────────────────────────────────────────────
  function note(to: Owner | { kind: 'role'; id: string }, topic: string, message: string, data?: unknown): NoteDraft {
    return { recipientKind: to.kind, recipient: to.id, topic, message, ...(data === undefined ? {} : { data }) };
  }
  const ref = () => `complaint ${input.id} (${input.severity}, ${input.category})`;

  /** The chair is looked up once the complaint reaches the committee level (and again while unknown). */
  async function ensureChair(): Promise<void> {
    const st = s();
    if (st.sla.level >= maxEscalationLevel && st.chairUserId === null) st.chairUserId = await committeeChair();
  }

  function escalationNotes(level: number, message: string): NoteDraft[] {
    const st = s();
    const contact = escalationContact(level, { handlingOwner: st.owner, ...(st.chairUserId ? { chairUserId: st.chairUserId } : {}) });
    return [note(contact, 'complaint.escalated', message, { level, levelName: levelName(level) })];
  }

  // ── the SLA, advanced to now ──────────────────────────────────────────────────────────────────
  /**
   * Whether an SLA event (warning, breach, pause cap) falls due by `now`. Most steps find none, and
   * then skip `advance` altogether: every promise a workflow creates costs the SDK a stack capture
   * (its promise hook), so the hot paths await only what they must.
   */
  function slaEventDue(now: number): boolean {
    const at = nextSlaEventAt(s().sla);
    return at !== null && at <= now;
  }

  /** Applies every SLA event due at `now`; returns what to record (chair looked up if needed). */
  async function advance(now: number): Promise<Batch> {
    const st = s();
    const before = summary(st);
    const { state: sla, events } = advanceSla(st.sla, now);
    if (events.length === 0) return { audit: [], notes: [] };
    st.sla = sla;
    await ensureChair();
    const batch: Batch = { audit: [], notes: [] };
    for (const e of events) batch.audit.push(...slaAudit(e, before)), batch.notes.push(...slaNotes(e));
    closePauseEntryIfCapped(events);
    return batch;
  }

  function slaAudit(e: SlaEvent, before: ReturnType<typeof summary>): AuditDraft[] {
    const st = s();
    switch (e.kind) {
      case 'at_risk':
        return [{ action: 'complaint.clock_at_risk', actor: systemActor, at: e.at, reason: `${e.clock} clock at ${st.sla.settings.atRiskRatio * 100}% of its window`, before: { clock: e.clock, state: 'pending' }, after: { clock: e.clock, state: 'at_risk', deadline: clockView(st.sla.clocks[e.clock]!).deadline } }];
      case 'breach':
        return [{ action: e.window === 0 ? 'complaint.clock_breached' : 'complaint.breach_escalated', actor: systemActor, at: e.at, reason: e.reason, before: { ...before, escalationLevel: e.fromLevel }, after: { ...summary(st), clock: e.clock, window: e.window, escalationLevel: e.toLevel } }];
      case 'pause_cap':
        return [{ action: 'complaint.resumed', actor: systemActor, at: e.at, reason: 'the pause allowance of the SLA policy is used up: the clocks run again', before: { paused: true }, after: { paused: false, pausedTotalMs: st.sla.pausedTotalMs } }];
    }
  }

  function slaNotes(e: SlaEvent): NoteDraft[] {
    const st = s();
    switch (e.kind) {
      case 'at_risk': {
        const notes = [note(st.owner, 'complaint.at_risk', `${ref()}: the ${e.clock} deadline is near`, { clock: e.clock })];
        if (st.sla.level > 0) notes.push(...escalationNotes(st.sla.level, `${ref()}: the ${e.clock} deadline is near`));
        return notes;
      }
      case 'breach': {
        const notes = [note(st.owner, 'complaint.breached', `${ref()}: ${e.reason}`, { clock: e.clock, window: e.window, level: e.toLevel })];
        if (e.escalated) notes.push(...escalationNotes(e.toLevel, `${ref()} escalated to you: ${e.reason}`));
        if (e.notifyCompliance) notes.push(note({ kind: 'role', id: 'compliance_auditor' }, 'complaint.compliance_notice', `${ref()}: ${e.reason}`, { clock: e.clock, level: e.toLevel }));
        return notes;
      }
      case 'pause_cap':
        return [note(st.owner, 'complaint.resumed', `${ref()}: the pause allowance is used up, the clocks run again`)];
    }
  }

  function closePauseEntryIfCapped(events: SlaEvent[]): void {
    const cap = events.find((e) => e.kind === 'pause_cap');
    const open = s().pauses.at(-1);
    if (cap && open && open.resumedAt === undefined) Object.assign(open, { resumedAt: iso(cap.at), resumedBy: systemActor.userId, capped: true });
  }

  // ── commands ──────────────────────────────────────────────────────────────────────────────────
  /** State-table and access checks, shared by validators and handlers (refusal → 409 / 403). */
  function check(command: ComplaintCommand, actor: Actor, strict: boolean): void {
    const st = s();
    const refusal = refusalReason(st.status, command);
    if (refusal) refuse('conflict', refusal);
    const denied = accessRefusal(command, actor, {
      agentId: input.intakeBy.userId,
      owner: st.owner,
      escalationLevel: st.sla.level,
      chairUserId: st.chairUserId,
      proposedBy: st.resolutions.at(-1)?.proposedBy,
    });
    // The chair may still be unknown (roster without a chair when the level was reached): the
    // validator lets the sign-off through and the handler, having looked again, decides (strict).
    if (denied && (strict || !(command === 'signoff' && st.chairUserId === null))) refuse('forbidden', denied);
  }

  interface CommandSpec<C extends { actor: Actor }, P> {
    command: ComplaintCommand;
    /** Extra checks needing the command's content (run in the validator and again in the handler). */
    validate?: (c: C, st: ComplaintState) => void;
    /** Anything asynchronous (deadlines) before the change, without touching state. */
    prepare?: (c: C, st: ComplaintState) => Promise<P>;
    /** The change itself: synchronous, at `now`. */
    apply: (c: C, st: ComplaintState, now: number, prepared: P) => Batch;
  }

  function command<C extends { actor: Actor }, P = undefined>(spec: CommandSpec<C, P>) {
    const check_ = (c: C, strict: boolean) => {
      check(spec.command, c.actor, strict);
      spec.validate?.(c, s());
    };
    const validator = (c: C) => check_(c, false);
    const handler = async (c: C): Promise<ComplaintView> => {
      if (!ready) await intake;
      return withLock(async () => {
        const st = s();
        // The chair is snapshotted when the committee level is reached (a sign-off looks again while unknown).
        if (st.chairUserId === null && (spec.command === 'signoff' || (spec.command === 'escalate' && st.sla.level >= maxEscalationLevel - 1))) {
          st.chairUserId = await committeeChair();
        }
        check_(c, true);
        const prepared = spec.prepare ? await spec.prepare(c, st) : (undefined as P);
        const now = Date.now();
        const due = slaEventDue(now) ? await advance(now) : noEvents;
        check_(c, true); // the SLA step may have changed the level; the rules still hold or the command is refused
        const batch = spec.apply(c, st, now, prepared);
        await record({ audit: [...due.audit, ...batch.audit], notes: [...due.notes, ...batch.notes] });
        wake = true;
        return view();
      });
    };
    return { handler, validator };
  }

  async function deadline(from: number, duration: Duration): Promise<number> {
    const [d] = await computeDeadlines([{ from: iso(from), duration }]);
    return Date.parse(d!);
  }

  function to(st: ComplaintState, c: ComplaintCommand, outcome?: unknown): ComplaintStatus {
    const t = (nextStatus as (status: ComplaintStatus, command: ComplaintCommand, outcome?: unknown) => Transition)(st.status, c, outcome);
    if (!t.ok) refuse('conflict', t.reason);
    return t.status;
  }

  /** A resolution reached the customer side: resolution and investigation met, feedback clock starts, the agent owns again. */
  function resolvedEffects(st: ComplaintState, now: number, feedbackDeadline: number): void {
    st.sla = meetSlaClock(meetSlaClock(st.sla, 'resolution', now), 'investigation', now);
    st.sla = startSlaClock(st.sla, 'customerFeedback', now, feedbackDeadline);
    st.owner = { kind: 'user', id: input.intakeBy.userId };
  }

  function closeEffects(st: ComplaintState, now: number): void {
    st.sla = stopAllClocks(st.sla, now);
    const open = st.pauses.at(-1);
    if (open && open.resumedAt === undefined) Object.assign(open, { resumedAt: iso(now), resumedBy: systemActor.userId });
    st.closedAt = iso(now);
  }

  const audit = (action: string, c: { actor: Actor }, now: number, before: unknown, after: unknown, reason?: string): AuditDraft => ({
    action,
    actor: c.actor,
    at: now,
    before,
    after,
    ...(reason !== undefined ? { reason } : {}),
  });

  const respond = command<RespondCommand>({
    command: 'respond',
    apply: (c, st, now) => {
      const before = summary(st);
      const wasResolved = st.status === 'resolved';
      st.status = to(st, 'respond');
      st.responses.push({ at: iso(now), by: c.actor.userId, message: c.message, channel: c.channel });
      st.sla = meetSlaClock(st.sla, 'firstResponse', now);
      if (wasResolved) st.sla = meetSlaClock(st.sla, 'customerFeedback', now);
      return { audit: [audit('complaint.responded', c, now, before, { ...summary(st), channel: c.channel, message: c.message }, wasResolved ? 'resolution fed back to the customer' : undefined)], notes: [] };
    },
  });

  const transfer = command<TransferCommand, number>({
    command: 'transfer',
    validate: (c, st) => {
      if (st.owner.kind === 'department' && st.owner.id === c.department) refuse('invalid', `the complaint is already with department ${c.department}`);
    },
    prepare: async (c, st) => {
      const from = Date.now();
      const investigation = await deadline(from, st.policy.transferInvestigation);
      // Within the resolution window (product.md §2): never later than the resolution deadline.
      const resolution = st.sla.clocks.resolution;
      const resolutionDeadline = resolution ? Date.parse(clockView(resolution).deadline) : investigation;
      return resolution && resolution.state !== 'met' && resolution.state !== 'breached' ? Math.min(investigation, resolutionDeadline) : investigation;
    },
    apply: (c, st, now, investigationDeadline) => {
      const before = summary(st);
      st.status = to(st, 'transfer');
      st.transfers.push({ at: iso(now), by: c.actor.userId, from: st.owner, department: c.department, reason: c.reason });
      st.owner = { kind: 'department', id: c.department };
      st.department = c.department;
      st.sla = startSlaClock(st.sla, 'investigation', now, investigationDeadline);
      return {
        audit: [audit('complaint.transferred', c, now, before, { ...summary(st), department: c.department, investigationDeadline: iso(investigationDeadline) }, c.reason)],
        notes: [note({ kind: 'department', id: c.department }, 'complaint.transferred', `${ref()} transferred to your department: ${c.reason}`, { investigationDeadline: iso(investigationDeadline) })],
      };
    },
  });

  const resolve = command<ResolveCommand, number>({
    command: 'resolve',
    prepare: async (_c, st) => deadline(Date.now(), st.policy.customerFeedback),
    apply: (c, st, now, feedbackDeadline) => {
      const before = summary(st);
      const approval = needsApproval(c.compensation, st.policy.compensationApprovalLimit);
      const proposedIn = st.status as HandlingStatus;
      const ownerThen = st.owner;
      st.status = to(st, 'resolve', { needsApproval: approval });
      st.resolutions.push({
        at: iso(now),
        proposedBy: c.actor.userId,
        summary: c.summary,
        remedy: c.remedy,
        ...(c.compensation ? { compensation: c.compensation } : {}),
        state: approval ? 'awaiting_approval' : 'accepted',
        source: 'handler',
      });
      const notes: NoteDraft[] = [];
      if (approval) {
        st.proposal = { returnTo: proposedIn, owner: ownerThen };
        notes.push(note({ kind: 'role', id: 'supervisor' }, 'complaint.approval_needed', `${ref()}: compensation of ${c.compensation!.amount} ${c.compensation!.currency} above the limit of ${st.policy.compensationApprovalLimit} needs approval`));
      } else {
        resolvedEffects(st, now, feedbackDeadline);
        if (ownerThen.kind === 'department') notes.push(note(st.owner, 'complaint.resolution_proposed', `${ref()}: the department proposed a resolution; tell the customer`));
      }
      const action = approval ? 'complaint.resolution_proposed' : 'complaint.resolved';
      return { audit: [audit(action, c, now, before, { ...summary(st), summary: c.summary, remedy: c.remedy, compensation: c.compensation ?? null, needsApproval: approval })], notes };
    },
  });

  const approve = command<ApprovalCommand, number>({
    command: 'approve',
    prepare: async (_c, st) => deadline(Date.now(), st.policy.customerFeedback),
    apply: (c, st, now, feedbackDeadline) => {
      const before = summary(st);
      const proposal = st.proposal ?? { returnTo: 'responded' as HandlingStatus, owner: { kind: 'user', id: input.intakeBy.userId } as Owner };
      const current = st.resolutions.at(-1)!;
      st.status = to(st, 'approve', { approved: c.approved, returnTo: proposal.returnTo });
      current.state = c.approved ? 'approved' : 'rejected';
      current.approval = { approved: c.approved, by: c.actor.userId, at: iso(now), comment: c.comment };
      st.proposal = null;
      const notes: NoteDraft[] = [];
      if (c.approved) {
        resolvedEffects(st, now, feedbackDeadline);
        notes.push(note(st.owner, 'complaint.approval_decided', `${ref()}: the compensation was approved; tell the customer`));
      } else {
        st.owner = proposal.owner;
        notes.push(note({ kind: 'user', id: current.proposedBy }, 'complaint.approval_decided', `${ref()}: the compensation was rejected: ${c.comment}`));
      }
      return { audit: [audit(c.approved ? 'complaint.resolution_approved' : 'complaint.resolution_rejected', c, now, before, summary(st), c.comment)], notes };
    },
  });

  const signoff = command<SignoffCommand>({
    command: 'signoff',
    validate: (_c, st) => {
      if (!needsChairSignOff(st.sla.level)) refuse('conflict', `the chair's sign-off is only needed at the committee level; the complaint is at ${levelName(st.sla.level)}`);
      if (st.signoff) refuse('conflict', `the complaint was already signed off by ${st.signoff.by}`);
    },
    apply: (c, st, now) => {
      const before = summary(st);
      st.status = to(st, 'signoff', { readyToClose: st.customerConfirmed });
      st.signoff = { by: c.actor.userId, at: iso(now), comment: c.comment };
      if (st.status === 'closed') closeEffects(st, now);
      return { audit: [audit('complaint.signed_off', c, now, before, summary(st), c.comment)], notes: [] };
    },
  });

  const feedback = command<FeedbackCommand, number | undefined>({
    command: 'feedback',
    prepare: async (c, st) => (c.satisfied ? undefined : deadline(Date.now(), resolutionWindowFor(input.severity, st.policy))),
    apply: (c, st, now, newResolutionDeadline) => {
      const before = summary(st);
      const signOffPending = needsChairSignOff(st.sla.level) && st.signoff === null;
      st.status = to(st, 'feedback', { satisfied: c.satisfied, signOffPending });
      st.feedback.push({ at: iso(now), by: c.actor.userId, satisfied: c.satisfied, via: c.via, comment: c.comment });
      st.sla = meetSlaClock(meetSlaClock(st.sla, 'firstResponse', now), 'customerFeedback', now);
      const notes: NoteDraft[] = [];
      let action = 'complaint.closed';
      if (!c.satisfied) {
        action = 'complaint.reopened';
        st.reopenCount += 1;
        st.customerConfirmed = false;
        st.sla = startSlaClock(st.sla, 'resolution', now, newResolutionDeadline!);
      } else if (st.status === 'closed') {
        closeEffects(st, now);
      } else {
        action = 'complaint.customer_confirmed';
        st.customerConfirmed = true;
        if (st.chairUserId) notes.push(note({ kind: 'user', id: st.chairUserId }, 'complaint.signoff_needed', `${ref()}: the customer is satisfied; your sign-off closes the complaint`));
      }
      return { audit: [audit(action, c, now, before, { ...summary(st), satisfied: c.satisfied, via: c.via, reopenCount: st.reopenCount }, c.comment)], notes };
    },
  });

  const appeal = command<AppealCommand, number>({
    command: 'appeal',
    prepare: async (_c, st) => deadline(Date.now(), st.policy.appealDecision),
    apply: (c, st, now, appealDeadline) => {
      const before = summary(st);
      st.status = to(st, 'appeal');
      st.appeals.push({ at: iso(now), by: c.actor.userId, reason: c.reason });
      st.sla = startSlaClock(st.sla, 'appeal', now, appealDeadline);
      return {
        audit: [audit('complaint.appealed', c, now, before, { ...summary(st), appealDeadline: iso(appealDeadline) }, c.reason)],
        notes: [note({ kind: 'role', id: 'supervisor' }, 'complaint.appeal_lodged', `${ref()}: the customer asks for reconsideration: ${c.reason}`, { deadline: iso(appealDeadline) })],
      };
    },
  });

  const appealDecision = command<AppealDecisionCommand, number>({
    command: 'appealDecision',
    prepare: async (_c, st) => deadline(Date.now(), st.policy.customerFeedback),
    apply: (c, st, now, feedbackDeadline) => {
      const before = summary(st);
      const signOffPending = needsChairSignOff(st.sla.level) && st.signoff === null;
      st.status = to(st, 'appealDecision', { upheld: c.upheld, signOffPending });
      const current = st.appeals.at(-1)!;
      current.decision = { upheld: c.upheld, decision: c.decision, by: c.actor.userId, at: iso(now) };
      st.sla = meetSlaClock(st.sla, 'appeal', now);
      if (c.upheld) {
        // The supervisor's decision is the new resolution, fed back and confirmed as usual.
        st.resolutions.push({ at: iso(now), proposedBy: c.actor.userId, summary: c.decision, remedy: c.decision, state: 'accepted', source: 'appeal' });
        resolvedEffects(st, now, feedbackDeadline);
      } else {
        st.sla = meetSlaClock(st.sla, 'resolution', now);
        st.customerConfirmed = true;
        if (st.status === 'closed') closeEffects(st, now);
      }
      return {
        audit: [audit('complaint.appeal_decided', c, now, before, { ...summary(st), upheld: c.upheld, decision: c.decision }, c.decision)],
        notes: [note({ kind: 'user', id: input.intakeBy.userId }, 'complaint.appeal_decided', `${ref()}: appeal ${c.upheld ? 'upheld' : 'dismissed'}: ${c.decision}`)],
      };
    },
  });

  const pause = command<ReasonCommand>({
    command: 'pause',
    validate: (_c, st) => {
      const refusal = pauseRefusal(st.sla);
      if (refusal) refuse('conflict', `pause refused: ${refusal}`);
    },
    apply: (c, st, now) => {
      const before = summary(st);
      st.sla = pauseAll(st.sla, now);
      st.pauses.push({ at: iso(now), by: c.actor.userId, reason: c.reason });
      const left = st.sla.settings.maxPauseMs - st.sla.pausedTotalMs;
      return { audit: [audit('complaint.paused', c, now, { ...before, paused: false }, { ...summary(st), paused: true, allowanceLeftMs: left }, c.reason)], notes: [] };
    },
  });

  const resume = command<ReasonCommand>({
    command: 'resume',
    validate: (_c, st) => {
      if (st.sla.pausedAt === null) refuse('conflict', 'resume refused: the complaint is not paused');
    },
    apply: (c, st, now) => {
      const before = summary(st);
      st.sla = resumeAll(st.sla, now);
      const open = st.pauses.at(-1);
      if (open && open.resumedAt === undefined) Object.assign(open, { resumedAt: iso(now), resumedBy: c.actor.userId });
      return { audit: [audit('complaint.resumed', c, now, { ...before, paused: true }, { ...summary(st), paused: false, pausedTotalMs: st.sla.pausedTotalMs }, c.reason)], notes: [] };
    },
  });

  const escalate = command<ReasonCommand>({
    command: 'escalate',
    validate: (_c, st) => {
      if (st.sla.level >= maxEscalationLevel) refuse('conflict', 'escalation refused: the complaint is already at the committee chair');
    },
    apply: (c, st, now) => {
      const before = summary(st);
      st.sla = escalateManually(st.sla) ?? st.sla;
      return { audit: [audit('complaint.escalated', c, now, before, summary(st), c.reason)], notes: escalationNotes(st.sla.level, `${ref()} escalated to you by ${c.actor.name}: ${c.reason}`) };
    },
  });

  // ── handlers ──────────────────────────────────────────────────────────────────────────────────
  // Started before the handlers are set, so that every handler can wait on it (a continued run
  // starts registered).
  const intake: Promise<void> = state ? Promise.resolve() : registerComplaint();
  setHandler(complaintQuery, () => view());
  // The intake update (update-with-start) answers once the complaint is recorded.
  setHandler(intakeUpdate, async () => {
    if (!ready) await intake;
    return view();
  });
  setHandler(respondUpdate, respond.handler, { validator: respond.validator });
  setHandler(transferUpdate, transfer.handler, { validator: transfer.validator });
  setHandler(resolveUpdate, resolve.handler, { validator: resolve.validator });
  setHandler(approveUpdate, approve.handler, { validator: approve.validator });
  setHandler(signoffUpdate, signoff.handler, { validator: signoff.validator });
  setHandler(feedbackUpdate, feedback.handler, { validator: feedback.validator });
  setHandler(appealUpdate, appeal.handler, { validator: appeal.validator });
  setHandler(appealDecisionUpdate, appealDecision.handler, { validator: appealDecision.validator });
  setHandler(pauseUpdate, pause.handler, { validator: pause.validator });
  setHandler(resumeUpdate, resume.handler, { validator: resume.validator });
  setHandler(escalateUpdate, escalate.handler, { validator: escalate.validator });

  // ── intake ────────────────────────────────────────────────────────────────────────────────────
  await intake;
  if (input.initiativeId && !carried) void linkInitiative(input.initiativeId, input.id);

  // ── the timer loop ────────────────────────────────────────────────────────────────────────────
  while (s().status !== 'closed') {
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => !locked && allHandlersFinished());
      if (s().status !== 'closed') await continueAsNew<typeof complaintWorkflow>(input, s());
    }
    const at = nextSlaEventAt(s().sla);
    wake = false;
    if (at === null) await condition(() => wake || s().status === 'closed');
    else if (at > Date.now()) await condition(() => wake || s().status === 'closed', at - Date.now());
    if (s().status === 'closed') break;
    if (!slaEventDue(Date.now())) continue;
    await withLock(async () => {
      if (s().status === 'closed') return;
      await record(await advance(Date.now()));
    });
  }
  await condition(allHandlersFinished);
  return view();

  /** Registers the complaint: policy, deadlines and repeats read, SLA clocks started, recorded. */
  function registerComplaint(): Promise<void> {
    return withLock(async () => {
      const received = Date.parse(input.receivedAt);
      const { policy, version, deadlines, repeats } = await prepareIntake({
        id: input.id,
        customerRef: input.customerRef,
        category: input.category,
        ...(input.initiativeId ? { initiativeId: input.initiativeId } : {}),
        receivedAt: iso(received),
        severity: input.severity,
      });
      const [firstResponse, resolution, maxPauseEnd, breachWindowEnd] = [deadlines.firstResponse, deadlines.resolution, deadlines.maxPauseEnd, deadlines.breachWindowEnd].map((d) => Date.parse(d)) as [number, number, number, number];
      let sla = newSlaState(input.severity, { atRiskRatio: policy.atRiskRatio, maxPauseMs: Math.max(0, maxPauseEnd - received), breachWindowMs: Math.max(0, breachWindowEnd - received) });
      sla = startSlaClock(sla, 'firstResponse', received, firstResponse);
      sla = startSlaClock(sla, 'resolution', received, resolution);
      state = {
        status: 'open',
        owner: { kind: 'user', id: input.intakeBy.userId },
        department: null,
        sla,
        policy,
        policyVersion: version,
        responses: [],
        transfers: [],
        resolutions: [],
        proposal: null,
        feedback: [],
        appeals: [],
        pauses: [],
        signoff: null,
        chairUserId: null,
        customerConfirmed: false,
        reopenCount: 0,
        repeatOf: repeats,
        closedAt: null,
        eventSeq: 0,
      };
      const now = Date.now();
      const received_: AuditDraft = {
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
      const notes: NoteDraft[] = repeats.length ? [note(state.owner, 'complaint.repeat', `${ref()} repeats earlier complaints of the customer: ${repeats.join(', ')}`, { repeatOf: repeats })] : [];
      // A complaint received a while ago may be late already.
      const due = slaEventDue(now) ? await advance(now) : noEvents;
      await record({ audit: [received_, ...due.audit], notes: [...notes, ...due.notes] });
      ready = true;
    });
  }
}

/** Post-launch monitoring counts complaints linked to the product (gates engineer: `complaintLinked`). */
async function linkInitiative(initiativeId: string, complaintId: string): Promise<void> {
  try {
    await getExternalWorkflowHandle(`initiative-${initiativeId}`).signal('complaintLinked', { complaintId, at: new Date(Date.now()).toISOString() });
  } catch (err) {
    log.info('could not signal the linked initiative; the complaint goes on', { initiativeId, complaintId, error: String(err) });
  }
}
