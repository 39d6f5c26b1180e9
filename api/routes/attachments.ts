import { attachmentContent, findAttachments, storeAttachment, type AttachmentRecord } from '../../db/attachments.js';
import { readInitiative } from '../../db/initiatives.js';
import { attachmentKeyOf, attachmentMediaTypes, essenceOf } from '../../domain/gates/attachments.js';
import { isTeamProductOwner } from '../../domain/gates/commands.js';
import { isTerminalStatus } from '../../domain/gates/stages.js';
import { downloadUri } from '../attachment-refs.js';
import { initiativeReaderRoles, mayReadInitiatives } from '../auth/initiative-readers.js';
import type { AppDeps } from '../deps.js';
import { badRequest, conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { AttachmentParams, AttachmentSchema, UploadParams, UploadQuery } from '../schemas/attachments.js';

/**
 * Attachments of an initiative's deliverables (docs/gates.md "Attachments"): upload the file,
 * put the answered `uri` and `sha256` into the deliverables, download it again. Who may upload:
 * who may submit the deliverables (a product owner of the initiative's team); who may download:
 * who may read the initiative.
 */
const tags = ['Initiatives and gates'];
const problem = (description: string) => ({ description });

export function attachmentRoutes(api: ApiRouter, { db, config, now }: AppDeps): void {
  const presented = (req: Parameters<typeof downloadUri>[1], a: AttachmentRecord) => ({
    id: a.id,
    sha256: a.sha256,
    size: a.size,
    mediaType: a.mediaType,
    name: a.name,
    uri: downloadUri(config, req, a.id),
    uploadedBy: a.uploadedBy,
    uploadedAt: a.uploadedAt,
  });

  api.add({
    method: 'post',
    path: '/initiatives/:id/attachments',
    summary: 'Upload a file for the deliverables (the body is the file, with its Content-Type; the name in ?name=). The same bytes again answer the same attachment. A product owner of the initiative’s team',
    tags,
    roles: ['product_owner'],
    params: UploadParams,
    query: UploadQuery,
    rawBody: {
      mediaTypes: attachmentMediaTypes,
      limit: config.ATTACHMENT_MAX_BYTES,
      tooLarge: `the file is larger than the ${config.ATTACHMENT_MAX_BYTES} bytes an attachment may have (ATTACHMENT_MAX_BYTES)`,
      description: 'The file’s bytes; Content-Type is its media type (PDF, Office and OpenDocument documents, PNG/JPEG/GIF/WebP images, CSV or plain text)',
    },
    responses: {
      200: { description: 'The same bytes were uploaded for this initiative before: that attachment', schema: AttachmentSchema },
      201: { description: 'The stored attachment', schema: AttachmentSchema },
      403: problem('Not a product owner of the initiative’s team'),
      404: problem('No such initiative'),
      409: problem('The initiative has ended'),
      413: problem('The file is larger than ATTACHMENT_MAX_BYTES'),
      415: problem('A media type outside the accepted list'),
    },
    handler: async ({ req, res, principal, params, query }) => {
      const initiative = await readInitiative(db, params.id);
      if (!initiative) throw notFound(`no initiative ${params.id}`);
      if (!isTeamProductOwner(principal, initiative.team)) throw forbidden(`upload refused: only a product owner of team "${initiative.team}" may add files to its deliverables`);
      if (isTerminalStatus(initiative.status)) throw conflict(`upload refused: the initiative is ${initiative.status}`);
      const content = req.body;
      if (!Buffer.isBuffer(content) || content.length === 0) throw badRequest('the file is empty: send its bytes as the request body', [{ path: 'body', message: 'the file is empty', code: 'required' }]);
      const { attachment, created } = await storeAttachment(db, {
        context: { type: 'initiative', id: initiative.id },
        content,
        mediaType: essenceOf(req.get('content-type')),
        name: query.name,
        uploadedBy: { userId: principal.userId, name: principal.name },
        at: now?.() ?? new Date(),
      });
      res.setHeader('Location', `/api/v1/attachments/${attachment.id}`);
      return { status: created ? 201 : 200, body: presented(req, attachment) };
    },
  });

  api.add({
    method: 'get',
    path: '/attachments/:key',
    summary: 'Download an attachment by its id or the SHA-256 of its bytes (who may read the initiative it was uploaded for)',
    tags,
    params: AttachmentParams,
    responses: {
      200: { description: 'The file’s bytes, with its media type and its name in Content-Disposition', files: attachmentMediaTypes },
      403: problem('May not read the initiative the file was uploaded for'),
      404: problem('No such attachment'),
    },
    handler: async ({ res, principal, params }) => {
      const key = attachmentKeyOf(params.key)!;
      const candidates = await findAttachments(db, key);
      if (candidates.length === 0) throw notFound(`no attachment ${params.key}`);
      let readable: AttachmentRecord | undefined;
      for (const a of candidates) {
        if (await mayReadInitiatives(db, principal, a.context.id)) {
          readable = a;
          break;
        }
      }
      if (!readable) throw forbidden(`reading this attachment requires reading its initiative: one of the roles ${initiativeReaderRoles.join(', ')} or committee membership`);
      const content = await attachmentContent(db, readable.id);
      if (!content) throw notFound(`no attachment ${params.key}`);
      // Always a download, never rendered in the reader's page, and never sniffed into another type.
      res.attachment(readable.name);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('ETag', `"${readable.sha256}"`);
      res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(readable.sha256, 'hex').toString('base64')}:`);
      return { status: 200, body: content, contentType: readable.mediaType };
    },
  });
}
