import type { Request } from 'express';
import type { Config } from '../config/config.js';
import { attachmentsOfContext } from '../db/attachments.js';
import type { Database } from '../db/client.js';
import { attachmentKeyOf, attachmentsPath, ownAttachmentSegment, type AttachmentKey } from '../domain/gates/attachments.js';
import type { FieldProblem } from '../domain/field-rules.js';
import { hostName } from './exposure.js';

/**
 * The attachments' addresses: an uploaded file's `uri` is its download URL, and the deliverables
 * that reference one of our own download URLs are checked against what was uploaded.
 */

const loopbackNames = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** The origin download URLs are built on: PUBLIC_URL, or the one the request came to. */
export function publicOrigin(config: Config, req: Request): string {
  if (config.PUBLIC_URL) return new URL(config.PUBLIC_URL).origin;
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}

export function downloadUri(config: Config, req: Request, id: string): string {
  return `${publicOrigin(config, req)}${attachmentsPath}${id}`;
}

/** The host names this service answers to: those of its download URLs. */
export function ownHosts(config: Config, req: Request): string[] {
  const names = [...loopbackNames, ...config.ALLOWED_HOSTS];
  if (config.PUBLIC_URL) names.push(new URL(config.PUBLIC_URL).hostname.toLowerCase());
  const here = hostName(req.get('host'));
  if (here) names.push(here);
  return names;
}

/**
 * Problems with the deliverables' attachments that point at our own download path: the file must
 * have been uploaded for this initiative and have the SHA-256 stated. Other URIs (a document
 * store's https:// or s3:// link) are the submitter's word, as before.
 */
export async function ownAttachmentProblems(db: Database, config: Config, req: Request, initiativeId: string, deliverables: unknown, basePath: string): Promise<FieldProblem[]> {
  const list = (deliverables as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(list)) return [];
  const hosts = ownHosts(config, req);
  const refs: { index: number; key: AttachmentKey | undefined; sha256: string }[] = [];
  list.forEach((entry: { uri: string; sha256: string }, index) => {
    const segment = ownAttachmentSegment(entry.uri, hosts);
    if (segment !== undefined) refs.push({ index, key: attachmentKeyOf(segment), sha256: entry.sha256.toLowerCase() });
  });
  if (refs.length === 0) return [];
  const found = await attachmentsOfContext(db, { type: 'initiative', id: initiativeId }, refs.flatMap((r) => (r.key ? [r.key] : [])));
  const problems: FieldProblem[] = [];
  for (const ref of refs) {
    const path = `${basePath}.attachments[${ref.index}]`;
    const match = ref.key && found.find((a) => ('id' in ref.key! ? a.id === ref.key.id : a.sha256 === ref.key!.sha256));
    if (!match) {
      problems.push({ path: `${path}.uri`, message: 'no file was uploaded for this initiative at this address; upload the file again and use the uri the upload answered', code: 'not_found' });
    } else if (match.sha256 !== ref.sha256) {
      problems.push({ path: `${path}.sha256`, message: `the SHA-256 differs from the uploaded file's (${match.sha256}); use the sha256 the upload answered`, code: 'invalid' });
    }
  }
  return problems;
}
