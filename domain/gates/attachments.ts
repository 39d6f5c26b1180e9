/**
 * Files uploaded to cxgov for a gate's deliverables (docs/gates.md "Attachments"): which media
 * types a bank document may have, and how a deliverable's attachment `uri` is recognised as one
 * of ours (`…/api/v1/attachments/<id or sha256>`), so the API can check that it exists with the
 * SHA-256 the deliverables state.
 *
 * Pure: the API and the web UI share it.
 */

/**
 * The media types accepted: the documents a bank's product teams exchange (PDF, Word, Excel,
 * PowerPoint, OpenDocument), images (screenshots, scans) and plain text / CSV. Anything
 * executable or active (HTML, SVG, scripts, archives) is refused: a download must never run in
 * the reader's browser.
 */
export const attachmentMediaTypes = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/csv',
  'text/plain',
] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

/** The file extensions of the accepted types, for the file picker's `accept` (a hint; the server decides). */
export const attachmentExtensions = ['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.ods', '.odp', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.csv', '.txt'] as const;

/** The media type of a Content-Type header without parameters, lower-cased (`Text/CSV; charset=utf-8` → `text/csv`). */
export function essenceOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isAttachmentMediaType(mediaType: string): mediaType is AttachmentMediaType {
  return (attachmentMediaTypes as readonly string[]).includes(mediaType);
}

/** The path an attachment is downloaded from, under the API's base path. */
export const attachmentsPath = '/api/v1/attachments/';

export const sha256Pattern = /^[0-9a-f]{64}$/i;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How a download path names an attachment: its id, or the SHA-256 of its bytes. */
export type AttachmentKey = { id: string } | { sha256: string };

/** The attachment a path segment names, or undefined when it names none (neither a uuid nor a SHA-256). */
export function attachmentKeyOf(segment: string): AttachmentKey | undefined {
  if (uuidPattern.test(segment)) return { id: segment.toLowerCase() };
  if (sha256Pattern.test(segment)) return { sha256: segment.toLowerCase() };
  return undefined;
}

/**
 * Whether `uri` points at our own download path: an http(s) URL whose host name is one this
 * service answers to (`ownHosts`, lower-case, without port) and whose path is under
 * /api/v1/attachments/. Answers the rest of the path (possibly naming no attachment) or
 * undefined for a URI that is someone else's.
 */
export function ownAttachmentSegment(uri: string, ownHosts: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!ownHosts.includes(url.hostname.toLowerCase())) return undefined;
  if (!url.pathname.startsWith(attachmentsPath)) return undefined;
  const rest = url.pathname.slice(attachmentsPath.length);
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

/** "3f2a…9c1b": a SHA-256 short enough to read, long enough to compare by eye. */
export function shortHash(sha256: string): string {
  return sha256.length > 12 ? `${sha256.slice(0, 8)}…${sha256.slice(-4)}` : sha256;
}
