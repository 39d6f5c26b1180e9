import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { auditChainHeads, auditEvents } from './schema/index.js';

export type AuditEntityType = 'initiative' | 'complaint' | 'policy' | 'committee' | 'calendar' | 'report';

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

/** The fields an event's hash covers, in their canonical (RFC 8785) serialisation. */
export function auditHash(e: {
  entityType: string;
  entityId: string;
  seq: number;
  actor: string;
  roles: string[];
  action: string;
  at: string | Date;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  prevHash: string | null;
}): string {
  const canonical = canonicalize({
    entityType: e.entityType,
    entityId: e.entityId,
    seq: e.seq,
    actor: e.actor,
    roles: e.roles,
    action: e.action,
    at: new Date(e.at).toISOString(),
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(canonical ?? '').digest('hex');
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Appends one event to its entity's chain inside the caller's transaction (so the projection it
 * describes and the event commit together). Idempotent on `sourceKey`: returns the existing
 * event's seq when it was already written.
 */
export async function appendAuditEvent(tx: Tx | Database, input: AuditEventInput): Promise<{ seq: number; hash: string; duplicate: boolean }> {
  const existing = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.sourceKey, input.sourceKey));
  if (existing[0]) return { ...existing[0], duplicate: true };

  // Lock (or create) the chain head so concurrent appends to one entity line up; other
  // entities' chains are not touched, so there is no global lock.
  await tx
    .insert(auditChainHeads)
    .values({ entityType: input.entityType, entityId: input.entityId, seq: 0, hash: '' })
    .onConflictDoNothing();
  const [head] = await tx
    .select()
    .from(auditChainHeads)
    .where(and(eq(auditChainHeads.entityType, input.entityType), eq(auditChainHeads.entityId, input.entityId)))
    .for('update');
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head && head.seq > 0 ? head.hash : null;
  const at = new Date(input.at).toISOString();
  const hash = auditHash({ ...input, at, seq, prevHash });
  await tx.insert(auditEvents).values({
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
  });
  await tx
    .update(auditChainHeads)
    .set({ seq, hash, updatedAt: sql`now()` })
    .where(and(eq(auditChainHeads.entityType, input.entityType), eq(auditChainHeads.entityId, input.entityId)));
  return { seq, hash, duplicate: false };
}
