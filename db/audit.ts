import { and, eq, sql } from 'drizzle-orm';
import { eventHash } from './canonical.js';
import type { Database } from './client.js';
import { auditChainHeads, auditEvents } from './schema/index.js';

/** The kinds of entity with an audit chain (api.md's five, plus generated reports). */
export const auditEntityTypes = ['initiative', 'complaint', 'policy', 'committee', 'calendar', 'report'] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export interface AuditEventInput {
  entityType: AuditEntityType;
  entityId: string;
  /** Idempotency: the same source key is written once (e.g. `<workflowId>:<event seq>`). */
  sourceKey: string;
  actor: string;
  roles: string[];
  action: string;
  at: string | Date;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** The hash of an event over its canonical serialisation (one implementation: db/canonical.ts). */
export const auditHash = eventHash;

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Appends one event to its entity's chain inside the caller's transaction (so the projection it
 * describes and the event commit together). Idempotent on `sourceKey`: returns the existing
 * event's seq when it was already written. Three statements per event (lock the head, insert,
 * move the head): every projection write pays them.
 */
export async function appendAuditEvent(tx: Tx | Database, input: AuditEventInput): Promise<{ seq: number; hash: string; duplicate: boolean }> {
  const thisChain = and(eq(auditChainHeads.entityType, input.entityType), eq(auditChainHeads.entityId, input.entityId));
  // Lock (or create) the chain head so concurrent appends to one entity line up; other
  // entities' chains are not touched, so there is no global lock. One statement: the no-op
  // update on conflict takes the row lock and returns the head as it stands.
  const [head] = await tx
    .insert(auditChainHeads)
    .values({ entityType: input.entityType, entityId: input.entityId, seq: 0, hash: '' })
    .onConflictDoUpdate({ target: [auditChainHeads.entityType, auditChainHeads.entityId], set: { seq: sql`${auditChainHeads.seq}` } })
    .returning({ seq: auditChainHeads.seq, hash: auditChainHeads.hash });
  const seq = head!.seq + 1;
  const prevHash = head!.seq > 0 ? head!.hash : null;
  const at = new Date(input.at).toISOString();
  const hash = auditHash({ ...input, at, seq, prevHash });
  const [written] = await tx
    .insert(auditEvents)
    .values({
      entityType: input.entityType,
      entityId: input.entityId,
      seq,
      sourceKey: input.sourceKey,
      actor: input.actor,
      roles: input.roles,
      action: input.action,
      at,
      before: input.before ?? null,
      after: input.after ?? null,
      reason: input.reason ?? null,
      hash,
      prevHash,
    })
    .onConflictDoNothing({ target: auditEvents.sourceKey })
    .returning({ seq: auditEvents.seq });
  if (!written) {
    // Written before (a retried activity): the chain stays as it is.
    const [existing] = await tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.sourceKey, input.sourceKey));
    return { ...existing!, duplicate: true };
  }
  await tx.update(auditChainHeads).set({ seq, hash, updatedAt: sql`now()` }).where(thisChain);
  return { seq, hash, duplicate: false };
}
