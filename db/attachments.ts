import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { AttachmentKey } from '../domain/gates/attachments.js';
import type { Database } from './client.js';
import { attachments } from './schema/index.js';

/**
 * The uploaded files (docs/gates.md "Attachments"): every query and insert of the attachments
 * table. The SHA-256 and the size are computed here from the bytes stored, never taken from a
 * caller.
 */

/** What the files are uploaded for; only initiatives (their gates' deliverables) so far. */
export type AttachmentContextType = 'initiative';

export interface AttachmentContext {
  type: AttachmentContextType;
  id: string;
}

/** An attachment without its bytes. */
export interface AttachmentRecord {
  id: string;
  context: AttachmentContext;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  uploadedBy: { userId: string; name: string };
  uploadedAt: string;
}

const described = {
  id: attachments.id,
  contextType: attachments.contextType,
  contextId: attachments.contextId,
  sha256: attachments.sha256,
  size: attachments.size,
  mediaType: attachments.mediaType,
  name: attachments.name,
  uploadedBy: attachments.uploadedBy,
  uploadedByName: attachments.uploadedByName,
  uploadedAt: attachments.uploadedAt,
};
type DescribedRow = { [K in keyof typeof described]: (typeof attachments.$inferSelect)[K] };

function recordOf(row: DescribedRow): AttachmentRecord {
  return {
    id: row.id,
    context: { type: row.contextType as AttachmentContextType, id: row.contextId },
    sha256: row.sha256,
    size: row.size,
    mediaType: row.mediaType,
    name: row.name,
    uploadedBy: { userId: row.uploadedBy, name: row.uploadedByName },
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

export const sha256Of = (content: Uint8Array): string => createHash('sha256').update(content).digest('hex');

/**
 * Stores the bytes for the context, or answers the attachment already stored with the same
 * bytes for it (`created: false`): the first upload's name, media type and uploader stay.
 */
export async function storeAttachment(
  db: Database,
  upload: { context: AttachmentContext; content: Buffer; mediaType: string; name: string; uploadedBy: { userId: string; name: string }; at: Date },
): Promise<{ attachment: AttachmentRecord; created: boolean }> {
  const sha256 = sha256Of(upload.content);
  const inserted = await db
    .insert(attachments)
    .values({
      id: randomUUID(),
      contextType: upload.context.type,
      contextId: upload.context.id,
      sha256,
      size: upload.content.length,
      mediaType: upload.mediaType,
      name: upload.name,
      content: upload.content,
      uploadedBy: upload.uploadedBy.userId,
      uploadedByName: upload.uploadedBy.name,
      uploadedAt: upload.at,
    })
    .onConflictDoNothing({ target: [attachments.contextType, attachments.contextId, attachments.sha256] })
    .returning(described);
  if (inserted[0]) return { attachment: recordOf(inserted[0]), created: true };
  const [existing] = await db
    .select(described)
    .from(attachments)
    .where(and(eq(attachments.contextType, upload.context.type), eq(attachments.contextId, upload.context.id), eq(attachments.sha256, sha256)));
  if (!existing) throw new Error(`attachment ${sha256} for ${upload.context.type} ${upload.context.id} neither inserted nor found`);
  return { attachment: recordOf(existing), created: false };
}

const keyCondition = (key: AttachmentKey) => ('id' in key ? eq(attachments.id, key.id) : eq(attachments.sha256, key.sha256));

/**
 * The attachments a download path names, oldest first: one for an id; for a SHA-256, one per
 * context the same bytes were uploaded for (the caller picks one it may read).
 */
export async function findAttachments(db: Database, key: AttachmentKey): Promise<AttachmentRecord[]> {
  const rows = await db.select(described).from(attachments).where(keyCondition(key)).orderBy(asc(attachments.uploadedAt), asc(attachments.id)).limit(100);
  return rows.map(recordOf);
}

/** The bytes of one attachment. */
export async function attachmentContent(db: Database, id: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, id));
  return row?.content;
}

/** Of the given keys, the attachments uploaded for the context (what deliverables may reference). */
export async function attachmentsOfContext(db: Database, context: AttachmentContext, keys: readonly AttachmentKey[]): Promise<AttachmentRecord[]> {
  if (keys.length === 0) return [];
  const ids = keys.flatMap((k) => ('id' in k ? [k.id] : []));
  const hashes = keys.flatMap((k) => ('sha256' in k ? [k.sha256] : []));
  const rows = await db
    .select(described)
    .from(attachments)
    .where(
      and(
        eq(attachments.contextType, context.type),
        eq(attachments.contextId, context.id),
        or(...(ids.length ? [inArray(attachments.id, ids)] : []), ...(hashes.length ? [inArray(attachments.sha256, hashes)] : [])),
      ),
    );
  return rows.map(recordOf);
}
