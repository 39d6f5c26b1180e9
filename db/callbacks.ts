import { randomUUID } from 'node:crypto';
import { desc, eq, and } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import { maskPiiText } from '../domain/pii-text.js';
import { isDetractorAnswer } from '../domain/surveys/scores.js';
import { appendAuditEvent } from './audit.js';
import type { Database } from './client.js';
import { complaints, surveyResponses } from './schema/index.js';

/**
 * Callbacks (回访, docs/followups.md "Callbacks"): an agent's phone call to a customer after the
 * complaint closed, recorded as an answer in survey_responses (source `callback`) with the
 * complaint's reporting dimensions snapshotted, and an audit event on the complaint's chain in the
 * same transaction. The answers of a complaint, by link or callback, for its page.
 *
 * (Kept apart from db/surveys.ts, which the survey work writes in parallel; the two may be folded.)
 */

export type CallbackInput =
  | { reached: true; csat: number; nps: number; verbatim?: string | null }
  | { reached: false; attempts: number };

/** One answer as the complaint's page shows it (no customer identity: the complaint link only). */
export interface ResponseView {
  id: string;
  kind: string;
  source: string;
  reached: boolean;
  attempts: number;
  csat: number | null;
  nps: number | null;
  verbatim: string | null;
  detractor: boolean;
  recordedBy: string | null;
  respondedAt: string;
  followUpId: string | null;
  product: string;
  channel: string;
  department: string;
  agentId: string | null;
}

const present = (r: typeof surveyResponses.$inferSelect): ResponseView => ({
  id: r.id,
  kind: r.kind,
  source: r.source,
  reached: r.reached,
  attempts: r.attempts,
  csat: r.csat,
  nps: r.nps,
  verbatim: r.verbatim,
  detractor: r.detractor,
  recordedBy: r.recordedBy,
  respondedAt: new Date(r.respondedAt).toISOString(),
  followUpId: r.followUpId,
  product: r.product,
  channel: r.channel,
  department: r.department,
  agentId: r.agentId,
});

/**
 * Records a callback on a complaint: the answer (or "unreachable" with its attempts), the
 * complaint's dimensions as they stand (linked initiative or `none`, intake channel, accountable
 * department, handling agent), the verbatim masked of personal numbers, whether it is a
 * detractor's; and `complaint.callback_recorded` on the complaint's audit chain. `id` makes a
 * retry (same Idempotency-Key) answer the first record. Undefined: no such complaint.
 */
export async function recordCallback(db: Database, complaintId: string, input: CallbackInput, actor: Pick<Actor, 'userId' | 'roles'>, o: { id?: string; at?: Date } = {}): Promise<ResponseView | undefined> {
  const id = o.id ?? `CB-${randomUUID()}`;
  const at = (o.at ?? new Date()).toISOString();
  return db.transaction(async (tx) => {
    const [done] = await tx.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    if (done) return present(done);
    const [c] = await tx
      .select({ id: complaints.id, initiativeId: complaints.initiativeId, channel: complaints.channel, department: complaints.department, agentTeam: complaints.agentTeam, agentId: complaints.agentId })
      .from(complaints)
      .where(eq(complaints.id, complaintId));
    if (!c) return undefined;
    const scores = input.reached ? { csat: input.csat, nps: input.nps, verbatim: input.verbatim?.trim() ? maskPiiText(input.verbatim.trim()) : null } : { csat: null, nps: null, verbatim: null };
    const row = {
      id,
      invitationId: null,
      kind: 'complaint',
      source: 'callback',
      contactType: 'complaint',
      contactId: complaintId,
      product: c.initiativeId ?? 'none',
      channel: c.channel,
      department: c.department ?? c.agentTeam ?? 'none',
      agentId: c.agentId,
      reached: input.reached,
      attempts: input.reached ? 1 : input.attempts,
      ...scores,
      detractor: input.reached ? isDetractorAnswer(scores) : false,
      recordedBy: actor.userId,
      respondedAt: at,
      followUpId: null,
    };
    const [written] = await tx.insert(surveyResponses).values(row).returning();
    await appendAuditEvent(tx, {
      entityType: 'complaint',
      entityId: complaintId,
      sourceKey: `callback:${id}`,
      actor: actor.userId,
      roles: actor.roles,
      action: 'complaint.callback_recorded',
      at,
      before: null,
      after: { responseId: id, reached: row.reached, attempts: row.attempts, csat: row.csat, nps: row.nps, verbatim: row.verbatim, detractor: row.detractor },
      reason: null,
    });
    return present(written!);
  });
}

/** The answers about one complaint (link and callback), newest first. */
export async function responsesOfComplaint(db: Database, complaintId: string): Promise<ResponseView[]> {
  const rows = await db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.contactType, 'complaint'), eq(surveyResponses.contactId, complaintId)))
    .orderBy(desc(surveyResponses.respondedAt), desc(surveyResponses.id))
    .limit(200);
  return rows.map(present);
}
