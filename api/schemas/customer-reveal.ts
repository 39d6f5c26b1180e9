import { customerRevealRules } from '../../domain/complaints/customer-reveal.js';
import { piiFields } from '../../domain/pii-access.js';
import { z } from '../zod.js';
import { textField } from './common.js';

/** Request and answer of showing a complaint's customer in clear (docs/complaints.md "The customer: masked until shown"). */

export const CustomerRevealSchema = z
  .strictObject({
    fields: z
      .array(z.enum(piiFields))
      .min(1)
      .max(piiFields.length)
      .optional()
      .openapi({ description: 'The fields to show in clear (default: all); the others stay masked' }),
    reason: textField(customerRevealRules.reason)
      .optional()
      .openapi({ description: 'Why the details are needed; required of everyone but the complaint’s own agent. Kept in the PII access record (numbers in it masked)' }),
  })
  .openapi('ComplaintCustomerReveal');

export const CustomerRevealedSchema = z
  .object({
    complaintId: z.string(),
    customer: z.object({
      ref: z.string(),
      name: z.string(),
      phone: z.string(),
      idNumber: z.string().optional(),
      email: z.string().optional(),
    }),
    revealed: z.array(z.enum(piiFields)).openapi({ description: 'The fields given in clear (the asked ones the customer has); the others are masked' }),
    recorded: z.boolean().openapi({ description: 'A PII access record (purpose `reveal`) was written before this answer; false only when nothing was given in clear' }),
    at: z.string().openapi({ description: 'When the details were shown (the access record’s time)' }),
  })
  .openapi('ComplaintCustomerRevealed', { description: 'The customer of a complaint with the asked fields in clear; the request is in the PII access log' });
