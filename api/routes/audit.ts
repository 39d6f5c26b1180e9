import { buildAuditExport, verifyEntity, verifyTrail } from '../../audit/report.js';
import { auditEventsCsv, listAuditEvents } from '../../audit/events.js';
import { listPiiAccess } from '../../db/pii-access.js';
import { cursorCodec, cursorParts } from '../cursor.js';
import type { AppDeps } from '../deps.js';
import { notFound, Problem } from '../problem.js';
import type { ApiRouter } from '../router.js';
import {
  AuditEventPageSchema,
  AuditEventsQuerySchema,
  AuditExportParamsSchema,
  AuditExportSchema,
  AuditVerificationSchema,
  AuditVerifyQuerySchema,
  PiiAccessPageSchema,
  PiiAccessQuerySchema,
} from '../schemas/audit.js';
import type { Role } from '../auth/roles.js';

/**
 * Audit (docs/http-contract.md "Audit"): the recorded actions, their verification and the export of one
 * entity's full record. Read-only for everyone — there is no way to change the trail over HTTP.
 */
const readers: Role[] = ['compliance_auditor', 'admin'];

/** The event list's keyset: the row id, in recording order. */
const eventCursor = cursorCodec({ id: cursorParts.rowId });

export function auditRoutes(api: ApiRouter, { db, temporal }: AppDeps): void {
  api.add({
    method: 'get',
    path: '/audit/events',
    summary: 'The recorded actions, oldest or most recent first, filtered by record, actor, action and time',
    tags: ['Audit'],
    roles: readers,
    query: AuditEventsQuerySchema,
    responses: { 200: { description: 'One page of audit events (customer PII masked); `Accept: text/csv` gives the page as CSV rows, the next cursor in `X-Next-Cursor`', schema: AuditEventPageSchema }, 406: { description: 'Neither JSON nor CSV is acceptable' } },
    handler: async ({ req, res, query }) => {
      const type = req.accepts(['application/json', 'text/csv']);
      if (type === false) throw new Problem(406, 'Not acceptable', 'this resource is served as application/json or text/csv');
      const { limit, cursor, order, ...filter } = query;
      const page = await listAuditEvents(db, filter, { limit, order, ...(cursor !== undefined ? { after: eventCursor.decode(cursor).id } : {}) });
      const nextCursor = page.next !== undefined ? eventCursor.encode({ id: page.next }) : null;
      if (type === 'text/csv') {
        // A spreadsheet for the auditor's working papers: the page as rows; the next page's cursor in a header.
        res.setHeader('Content-Disposition', 'attachment; filename="cxgov-audit-events.csv"');
        if (nextCursor) res.setHeader('X-Next-Cursor', nextCursor);
        return { status: 200, contentType: 'text/csv; charset=utf-8', body: auditEventsCsv(page.items) };
      }
      return { status: 200, body: { items: page.items, nextCursor } };
    },
  });

  api.add({
    method: 'get',
    path: '/audit/pii-access',
    summary: 'The PII access log: who was handed which customers’ details in clear, which fields, why and when; and the flags raised to compliance',
    tags: ['Audit'],
    roles: readers,
    query: PiiAccessQuerySchema,
    responses: { 200: { description: 'One page of access records, oldest first (no customer details, only their references)', schema: PiiAccessPageSchema } },
    handler: async ({ query }) => {
      const { limit, cursor, ...filter } = query;
      const page = await listPiiAccess(db, filter, { limit, ...(cursor !== undefined ? { after: eventCursor.decode(cursor).id } : {}) });
      return { status: 200, body: { items: page.items, nextCursor: page.next !== undefined ? eventCursor.encode({ id: page.next }) : null } };
    },
  });

  api.add({
    method: 'get',
    path: '/audit/verify',
    summary: 'Verify one entity’s chain (entityType + entityId) or the whole trail with the latest checkpoint',
    tags: ['Audit'],
    roles: readers,
    query: AuditVerifyQuerySchema,
    responses: { 200: { description: 'The verification result; ok = false names the first broken event', schema: AuditVerificationSchema }, 404: { description: 'No such entity in the trail' } },
    handler: async ({ query }) => {
      if (query.entityType !== undefined && query.entityId !== undefined) {
        const { exists, ...result } = await verifyEntity(db, query.entityType, query.entityId);
        if (!exists) throw notFound(`no audit trail for ${query.entityType} ${query.entityId}`);
        return { status: 200, body: result };
      }
      return { status: 200, body: await verifyTrail(db) };
    },
  });

  api.add({
    method: 'get',
    path: '/audit/:entityType/:entityId/export',
    summary: 'One entity’s full record: events, workflow history (archived or live), verification; PII masked',
    tags: ['Audit'],
    roles: readers,
    params: AuditExportParamsSchema,
    responses: { 200: { description: 'The export', schema: AuditExportSchema }, 404: { description: 'No events and no workflow for this entity' } },
    handler: async ({ params, res }) => {
      const doc = await buildAuditExport(db, temporal, params.entityType, params.entityId);
      if (!doc) throw notFound(`nothing recorded for ${params.entityType} ${params.entityId}`);
      res.setHeader('Content-Disposition', `attachment; filename="audit-${params.entityType}-${params.entityId}.json"`);
      return { status: 200, body: doc };
    },
  });
}
