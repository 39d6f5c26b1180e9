import { piiCipher } from '../../config/secrets.js';
import { readComplaint, readCustomer } from '../../db/complaints.js';
import { recordPiiAccess } from '../../db/pii-access.js';
import { mayRevealCustomer, requestedFields, revealReasonRequired } from '../../domain/complaints/customer-reveal.js';
import type { AppDeps } from '../deps.js';
import { presentRevealedCustomer } from '../present/complaints.js';
import { badRequest, conflict, forbidden, notFound } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { ComplaintParams } from '../schemas/complaints.js';
import { CustomerRevealedSchema, CustomerRevealSchema } from '../schemas/customer-reveal.js';

/**
 * Showing a complaint's customer in clear on purpose (docs/complaints.md "The customer: masked
 * until shown"; the rules in domain/complaints/customer-reveal.ts). Every other complaint answer
 * is masked; this one hands the asked fields out in clear after writing the PII access record
 * (purpose `reveal`, with the reason), so a record that cannot be written means nothing is shown.
 */
export function customerRevealRoutes(api: ApiRouter, { db, config }: AppDeps): void {
  const cipher = piiCipher(config);
  const flagRule = { distinctCustomers: config.PII_ACCESS_FLAG_CUSTOMERS, windowMinutes: config.PII_ACCESS_FLAG_WINDOW_MINUTES };

  api.add({
    method: 'post',
    path: '/complaints/:id/customer/reveal',
    summary: 'Show the complaint’s customer in clear (the complaint’s own agent, or a supervisor with a reason); recorded in the PII access log before the answer',
    tags: ['Complaints'],
    roles: ['cs_agent', 'supervisor'],
    params: ComplaintParams,
    body: CustomerRevealSchema,
    responses: {
      200: { description: 'The customer with the asked fields in clear', schema: CustomerRevealedSchema },
      403: { description: 'Neither the complaint’s own agent nor a supervisor' },
      404: { description: 'No such complaint, or no customer record for it' },
      409: { description: 'The customer’s details were erased, or no configured PII key opens them' },
    },
    handler: async ({ req, params, body, principal }) => {
      const view = await readComplaint(db, params.id);
      if (!view) throw notFound(`no complaint ${params.id}`);
      if (!mayRevealCustomer(view, principal)) {
        throw forbidden(`only the complaint’s own agent (${view.agentId}) or a supervisor may show the customer’s details in clear`);
      }
      if (body.reason === undefined && revealReasonRequired(view, principal)) {
        throw badRequest('a reason is required to show the details of a complaint that is not your own', [{ path: 'body.reason', message: 'required: why the details are needed', code: 'required' }]);
      }
      const customer = await readCustomer(db, cipher, params.id);
      if (!customer) throw notFound(`no customer record for complaint ${params.id}`);
      if (customer.erased) throw conflict(`the customer details of complaint ${params.id} were erased; there is nothing to show`);
      if (customer.unreadable) throw conflict(`the stored customer details of complaint ${params.id} do not decrypt with the configured PII keys; an administrator restores the key (PII_KEYS_PREVIOUS)`);

      const shown = presentRevealedCustomer(view.customerRef, customer, requestedFields(body.fields));
      const at = new Date();
      const items = shown.revealed.length > 0 ? [{ complaintId: view.id, customerRef: view.customerRef, fields: shown.revealed }] : [];
      const recorded = await recordPiiAccess(
        db,
        { principal, purpose: 'reveal', requestId: req.id === undefined ? null : String(req.id), items, ...(body.reason !== undefined ? { reason: body.reason } : {}), at },
        flagRule,
      );
      return { status: 200, body: { complaintId: view.id, ...shown, recorded: recorded !== undefined, at: at.toISOString() } };
    },
  });
}
