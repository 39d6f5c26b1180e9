/**
 * What a complaint's steps record: audit events (drafted, then placed in the complaint's chain)
 * and the notifications they cause. The workflow drafts them for every command and clock event;
 * the intake activity drafts the first ones with the same functions.
 *
 * Workflow-safe: pure.
 */
import { systemActor, type Actor } from '../actor.js';
import type { NotificationInput, TransitionRecord } from '../trail.js';
import { clockView } from './clock.js';
import { escalationContact, levelName } from './escalation.js';
import { summary, type ComplaintInput, type ComplaintState, type Summary } from './process.js';
import { advanceSla, type SlaEvent } from './sla.js';
import type { Owner } from './types.js';

/** An audit event before it has its place in the complaint's chain. */
export interface AuditDraft {
  action: string;
  actor: Actor;
  at: number;
  reason?: string;
  before: unknown;
  after: unknown;
}
export type NoteDraft = Omit<NotificationInput, 'sourceKey' | 'entityType' | 'entityId'>;

/** What one step (a command, a clock event) records. */
export interface Batch {
  audit: AuditDraft[];
  notes: NoteDraft[];
}
/** What a step without due clock events adds (shared: callers only read it). */
export const nothingToRecord: Readonly<Batch> = Object.freeze({ audit: [], notes: [] });

export const iso = (ms: number) => new Date(ms).toISOString();

export function auditDraft(action: string, actor: Actor, at: number, before: unknown, after: unknown, reason?: string): AuditDraft {
  return { action, actor, at, before, after, ...(reason !== undefined ? { reason } : {}) };
}

export function note(to: Owner | { kind: 'role'; id: string }, topic: string, message: string, data?: unknown): NoteDraft {
  return { recipientKind: to.kind, recipient: to.id, topic, message, ...(data === undefined ? {} : { data }) };
}

/** How notices name the complaint. */
export const reference = (input: ComplaintInput) => `complaint ${input.id} (${input.severity}, ${input.category})`;

/** Who hears of an escalation to `level`: the supervisor, the department head or the chair. */
export function escalationNotes(state: ComplaintState, level: number, message: string): NoteDraft[] {
  const contact = escalationContact(level, { handlingOwner: state.owner, ...(state.chairUserId ? { chairUserId: state.chairUserId } : {}) });
  return [note(contact, 'complaint.escalated', message, { level, levelName: levelName(level) })];
}

// ── intake ──────────────────────────────────────────────────────────────────────────────────────

/** `complaint.received` with the policy and deadlines the complaint runs under, and a repeat notice. */
export function receivedBatch(input: ComplaintInput, state: ComplaintState, now: number): Batch {
  const firstResponse = clockView(state.sla.clocks.firstResponse!).deadline;
  const resolution = clockView(state.sla.clocks.resolution!).deadline;
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
      slaPolicyVersion: state.policyVersion,
      slaPolicy: state.policy,
      deadlines: { firstResponse, resolution },
      repeatOf: state.repeatOf,
    },
  };
  const repeats = state.repeatOf;
  const notes = repeats.length ? [note(state.owner, 'complaint.repeat', `${reference(input)} repeats earlier complaints of the customer: ${repeats.join(', ')}`, { repeatOf: repeats })] : [];
  return { audit: [received], notes };
}

// ── clock events ────────────────────────────────────────────────────────────────────────────────

/** Applies the clock events due at `now` to the state; the caller looks the chair up, then drafts them. */
export function advanceClockState(state: ComplaintState, now: number): { events: SlaEvent[]; before: Summary } {
  const before = summary(state);
  const { state: sla, events } = advanceSla(state.sla, now);
  if (events.length > 0) state.sla = sla;
  return { events, before };
}

/** The audit events and notices of applied clock events (the chair already looked up). */
export function clockEventsBatch(input: ComplaintInput, state: ComplaintState, events: SlaEvent[], before: Summary): Batch {
  const batch: Batch = { audit: [], notes: [] };
  for (const e of events) batch.audit.push(...clockEventAudit(state, e, before)), batch.notes.push(...clockEventNotes(input, state, e));
  const cap = events.find((e) => e.kind === 'pause_cap');
  const open = state.pauses.at(-1);
  if (cap && open && open.resumedAt === undefined) Object.assign(open, { resumedAt: iso(cap.at), resumedBy: systemActor.userId, capped: true });
  return batch;
}

function clockEventAudit(state: ComplaintState, e: SlaEvent, before: Summary): AuditDraft[] {
  switch (e.kind) {
    case 'at_risk':
      return [{ action: 'complaint.clock_at_risk', actor: systemActor, at: e.at, reason: `${e.clock} clock at ${state.sla.settings.atRiskRatio * 100}% of its window`, before: { clock: e.clock, state: 'pending' }, after: { clock: e.clock, state: 'at_risk', deadline: clockView(state.sla.clocks[e.clock]!).deadline } }];
    case 'breach':
      return [{ action: e.window === 0 ? 'complaint.clock_breached' : 'complaint.breach_escalated', actor: systemActor, at: e.at, reason: e.reason, before: { ...before, escalationLevel: e.fromLevel }, after: { ...summary(state), clock: e.clock, window: e.window, escalationLevel: e.toLevel } }];
    case 'pause_cap':
      return [{ action: 'complaint.resumed', actor: systemActor, at: e.at, reason: 'the pause allowance of the SLA policy is used up: the clocks run again', before: { paused: true }, after: { paused: false, pausedTotalMs: state.sla.pausedTotalMs } }];
  }
}

function clockEventNotes(input: ComplaintInput, state: ComplaintState, e: SlaEvent): NoteDraft[] {
  const ref = reference(input);
  switch (e.kind) {
    case 'at_risk': {
      const notes = [note(state.owner, 'complaint.at_risk', `${ref}: the ${e.clock} deadline is near`, { clock: e.clock })];
      if (state.sla.level > 0) notes.push(...escalationNotes(state, state.sla.level, `${ref}: the ${e.clock} deadline is near`));
      return notes;
    }
    case 'breach': {
      const notes = [note(state.owner, 'complaint.breached', `${ref}: ${e.reason}`, { clock: e.clock, window: e.window, level: e.toLevel })];
      if (e.escalated) notes.push(...escalationNotes(state, e.toLevel, `${ref} escalated to you: ${e.reason}`));
      if (e.notifyCompliance) notes.push(note({ kind: 'role', id: 'compliance_auditor' }, 'complaint.compliance_notice', `${ref}: ${e.reason}`, { clock: e.clock, level: e.toLevel }));
      return notes;
    }
    case 'pause_cap':
      return [note(state.owner, 'complaint.resumed', `${ref}: the pause allowance is used up, the clocks run again`)];
  }
}

// ── recording ───────────────────────────────────────────────────────────────────────────────────

/**
 * Gives each drafted event its place in the complaint's chain (`<workflowId>:<eventSeq>`;
 * notifications `<workflowId>:<eventSeq>:n<i>`), advancing the state's `eventSeq`.
 */
export function placeInChain(input: ComplaintInput, workflowId: string, state: ComplaintState, batch: Batch): Required<TransitionRecord> {
  const audit = batch.audit.map((e) => ({
    entityType: 'complaint' as const,
    entityId: input.id,
    sourceKey: `${workflowId}:${++state.eventSeq}`,
    actor: e.actor.userId,
    roles: e.actor.roles,
    action: e.action,
    at: iso(e.at),
    before: e.before,
    after: e.after,
    reason: e.reason ?? null,
  }));
  const notifications = batch.notes.map((n, i) => ({ ...n, sourceKey: `${workflowId}:${state.eventSeq}:n${i}`, entityType: 'complaint', entityId: input.id }));
  return { audit, notifications };
}
