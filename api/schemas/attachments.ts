import { z } from '../zod.js';
import { id } from './common.js';

/**
 * Attachments (docs/http-contract.md "Attachments"). The upload's body is the file itself, with
 * its own Content-Type; its name travels in the query.
 */

export const UploadParams = z.strictObject({ id });

/** A file's name as the uploader's computer calls it: no path, no control characters. */
export const fileName = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty', abort: true })
  .max(255)
  .refine((s) => !/[\u0000-\u001f\u007f/\\]/.test(s), 'a file name has no path separators (/ \\) and no control characters')
  .refine((s) => !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')), 'a file name must be valid Unicode')
  .refine((s) => s !== '.' && s !== '..', 'a file name is more than dots');

export const UploadQuery = z.strictObject({
  name: fileName.openapi({ description: 'the file’s name, as shown and offered on download (e.g. research-report.pdf)' }),
});

export const AttachmentParams = z.strictObject({
  key: z
    .string()
    .max(100)
    .regex(/^([0-9a-fA-F]{64}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, 'an attachment id (uuid) or the SHA-256 of its bytes (64 hexadecimal characters)')
    .openapi({ description: 'the attachment’s id, or the SHA-256 of its bytes' }),
});

export const AttachmentSchema = z
  .object({
    id: z.string(),
    sha256: z.string().openapi({ description: 'SHA-256 of the stored bytes, computed by the server (lower-case hexadecimal)' }),
    size: z.number().int().openapi({ description: 'bytes' }),
    mediaType: z.string(),
    name: z.string(),
    uri: z.string().openapi({ description: 'the download URL (GET /api/v1/attachments/{id}); put it with the sha256 into the deliverables’ attachments' }),
    uploadedBy: z.object({ userId: z.string(), name: z.string() }),
    uploadedAt: z.string(),
  })
  .openapi('Attachment');
