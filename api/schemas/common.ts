import { parseLocalDate } from '../../domain/calendar.js';
import { durationUnits } from '../../domain/duration.js';
import { maskPiiText } from '../../domain/pii-text.js';
import { abnormalEnds } from '../../domain/process-end.js';
import { z } from '../zod.js';

export const DurationSchema = z
  .strictObject({
    amount: z.number().int().min(0).max(100_000),
    unit: z.enum(durationUnits),
  })
  .openapi('Duration');

export const ratio = z.number().gt(0).max(1);
export const score = z.number().min(0).max(100);
/** Text stored as given (names, teams); bounded so one request cannot fill the database. */
export const text = (max = 10_000) => z.string().max(max);
export const requiredText = (max = 10_000) => z.string().trim().min(1, 'must not be empty').max(max);
/**
 * Free text people type about a case (descriptions, messages, reasons, comments): bounded, and
 * with phone, id and card numbers masked here, where the API takes it (domain/pii-text.ts), so
 * that workflows, the audit trail, notifications and logs never hold them in clear.
 */
export const freeText = (max = 10_000) => text(max).overwrite(maskPiiText);
export const requiredFreeText = (max = 10_000) => requiredText(max).overwrite(maskPiiText);
/** A process that ended other than by completing (domain/process-end.ts). */
export const ProcessEndedSchema = z
  .object({
    status: z.enum(abnormalEnds),
    at: z.string(),
    reason: z.string().nullable(),
  })
  .openapi('ProcessEnded', { description: 'The process ended outside cxgov (terminated, timed out, failed or cancelled in Temporal): the entity stays as last recorded and takes no more commands; the audit trail records the end.' });

export const localDate = z.string().refine(isLocalDate, 'expected a real calendar date YYYY-MM-DD');

function isLocalDate(s: string): boolean {
  try {
    parseLocalDate(s);
    return true;
  } catch {
    return false;
  }
}
export const id = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.:@-]+$/, 'ids are letters, digits and _ . : @ -');

/**
 * An ISO-8601 timestamp with offset that PostgreSQL's timestamptz takes as well: zod's format
 * allows year 0000 and offsets up to ±23:59, PostgreSQL neither (found by the hostile-input tests:
 * `?from=2020-02-29T00:00:00-23:59` was a 500).
 */
export const instant = z.iso.datetime({ offset: true }).refine((s) => {
  const m = /^(\d{4})-.*?(?:Z|[+-](\d{2}):\d{2})$/.exec(s);
  return m !== null && m[1] !== '0000' && (m[2] === undefined || Number(m[2]) <= 15);
}, 'expected an ISO-8601 timestamp with offset, year 0001–9999, offset within ±15:59');
