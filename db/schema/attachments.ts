import { customType, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Node Buffer (drizzle has no built-in column for it). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Files uploaded for a gate's deliverables (docs/gates.md "Attachments"), written only by
 * db/attachments.ts. Content-addressed per context: the same bytes uploaded again for the same
 * initiative are the same row (the unique index), so a retried upload never stores twice.
 * `sha256` and `size` are computed by the server from the bytes it stored; `name` and
 * `mediaType` are what the uploader declared (the media type from an allow-list).
 */
export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    /** What the file was uploaded for: `initiative`. */
    contextType: text('context_type').notNull(),
    contextId: text('context_id').notNull(),
    /** Lower-case hexadecimal SHA-256 of `content`. */
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    /** The file's name as the uploader's computer called it (shown, and offered on download). */
    name: text('name').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('attachments_context_sha256').on(t.contextType, t.contextId, t.sha256), index('attachments_sha256').on(t.sha256)],
);
