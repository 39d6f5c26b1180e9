import { parseLocalDate } from '../../domain/calendar.js';
import { durationUnits } from '../../domain/duration.js';
import * as rules from '../../domain/field-rules.js';
import { formatMessages, type TextRule } from '../../domain/field-rules.js';
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
/**
 * A typed field of a request as domain/field-rules.ts states it (the rule the web UI checks its
 * forms by before sending): trimmed, not empty, bounded and shaped as the rule says. Free text
 * people type about a case (descriptions, messages, reasons, comments) has phone, id and card
 * numbers masked here, where the API takes it (domain/pii-text.ts), so that workflows, the audit
 * trail, notifications and logs never hold them in clear.
 */
export function textField(rule: TextRule) {
  let s = z.string();
  if (rule.trim) s = s.trim();
  if (rule.required) s = s.min(1, { message: 'must not be empty', abort: true });
  if (rule.max !== undefined) s = s.max(rule.max);
  if (rule.pattern) s = s.regex(rule.pattern, formatMessages[rule.format ?? 'id']);
  return rule.free ? s.overwrite(maskPiiText) : s;
}

/** Text stored as given (names, teams); bounded so one request cannot fill the database. */
export const text = (max = 10_000) => z.string().max(max);
export const requiredText = (max = 10_000) => textField(rules.requiredText(max));
export const freeText = (max = 10_000) => textField(rules.freeText(max));
export const requiredFreeText = (max = 10_000) => textField(rules.requiredFreeText(max));
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
export const id = textField(rules.idRule);

/**
 * An ISO-8601 timestamp with offset that PostgreSQL's timestamptz takes as well: zod's format
 * allows year 0000 and offsets up to ±23:59, PostgreSQL neither (found by the hostile-input tests:
 * `?from=2020-02-29T00:00:00-23:59` was a 500).
 */
export const instant = z.iso.datetime({ offset: true }).refine((s) => {
  const m = /^(\d{4})-.*?(?:Z|[+-](\d{2}):\d{2})$/.exec(s);
  return m !== null && m[1] !== '0000' && (m[2] === undefined || Number(m[2]) <= 15);
}, 'expected an ISO-8601 timestamp with offset, year 0001–9999, offset within ±15:59');
