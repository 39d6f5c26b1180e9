/**
 * What a step of a process records, before its place in the entity's audit chain is known: audit
 * drafts and notices, placed by `placeBatch` at `<workflowId>:<eventSeq>` (notifications
 * `<workflowId>:<eventSeq>:n<i>`). Shared by the process families built after the complaint
 * (incidents, target proposals); the complaint keeps its own (domain/complaints/events.ts).
 *
 * Workflow-safe: pure.
 */
import type { Actor } from './actor.js';
import type { AuditEntityType, NotificationInput, TransitionRecord } from './trail.js';

export interface AuditDraft {
  action: string;
  actor: Actor;
  at: number;
  before: unknown;
  after: unknown;
  reason?: string;
}
export type NoteDraft = Omit<NotificationInput, 'sourceKey' | 'entityType' | 'entityId'>;
export interface Batch {
  audit: AuditDraft[];
  notes: NoteDraft[];
}

export function draft(action: string, actor: Actor, at: number, before: unknown, after: unknown, reason?: string): AuditDraft {
  return { action, actor, at, before, after, ...(reason !== undefined ? { reason } : {}) };
}

export function notice(to: { kind: 'user' | 'role'; id: string }, topic: string, message: string, data?: unknown): NoteDraft {
  return { recipientKind: to.kind, recipient: to.id, topic, message, ...(data === undefined ? {} : { data }) };
}

/** Gives each draft its place in the entity's chain, advancing `state.eventSeq`. */
export function placeBatch(entityType: AuditEntityType, entityId: string, workflowId: string, state: { eventSeq: number }, batch: Batch): Required<TransitionRecord> {
  const audit = batch.audit.map((e) => ({
    entityType,
    entityId,
    sourceKey: `${workflowId}:${++state.eventSeq}`,
    actor: e.actor.userId,
    roles: e.actor.roles,
    action: e.action,
    at: new Date(e.at).toISOString(),
    before: e.before,
    after: e.after,
    reason: e.reason ?? null,
  }));
  const notifications = batch.notes.map((n, i) => ({ ...n, sourceKey: `${workflowId}:${state.eventSeq}:n${i}`, entityType, entityId }));
  return { audit, notifications };
}
