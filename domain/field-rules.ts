/**
 * The rules of the typed fields of the API's forms (texts, ids, phone numbers) and what breaking
 * one is called. One rule, two users: the API builds its request schemas from these
 * (api/schemas/common.ts `textField`), and the web UI checks a form by them before sending, so a
 * field is judged the same on both sides and a problem carries the same machine-readable code.
 *
 * Pure: no zod, nothing to import, so the web bundle and any workflow may use it.
 */

/** Why a field was refused: the `code` of a problem document's field error (docs/http-contract.md "Errors"). */
export const fieldProblemCodes = ['required', 'too_long', 'too_small', 'too_big', 'format', 'choice', 'unknown_field', 'not_found', 'invalid', 'not_an_agent', 'same_owner'] as const;
export type FieldProblemCode = (typeof fieldProblemCodes)[number];

/** One refused field: `path` as in the problem document (`customer.phone`), `limit` for too_long / too_small / too_big. */
export interface FieldProblem {
  path: string;
  code: FieldProblemCode;
  message: string;
  limit?: number;
}

/** A typed text field. `trim`: surrounding spaces do not count (and are removed by the API). */
export interface TextRule {
  required: boolean;
  max?: number;
  trim: boolean;
  /** The shape the (trimmed) text must have, with the `format` it names. */
  pattern?: RegExp;
  format?: TextFormat;
  /** Free text people type about a case: phone, id and card numbers are masked on the way in. */
  free?: boolean;
}

/** The named shapes; the UI says each in words (web/src/i18n "fieldError.format.*"). */
export type TextFormat = 'id' | 'phone' | 'idNumber' | 'email';

export const idPattern = /^[A-Za-z0-9_.:@-]+$/;
export const phonePattern = /^\+?[0-9][0-9 -]{4,24}$/;
export const idNumberPattern = /^[0-9A-Za-z]{6,30}$/;
/** One address, local@domain.tld: no spaces, no second @ (what a mail server is handed as-is). */
export const emailPattern = /^[^\s@<>()\[\],;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export const formatMessages: Record<TextFormat, string> = {
  id: 'ids are letters, digits and _ . : @ -',
  phone: 'expected a phone number: digits, optionally a leading + and spaces or dashes',
  idNumber: 'expected an identity document number: 6–30 letters or digits',
  email: 'expected an email address, such as name@bank.example',
};

/** A required label or title (trimmed, not empty). */
export const requiredText = (max = 10_000): TextRule => ({ required: true, max, trim: true });
/** Free text about a case that must be given (descriptions, reasons, decisions). */
export const requiredFreeText = (max = 10_000): TextRule => ({ required: true, max, trim: true, free: true });
/** Free text that may be empty. */
export const freeText = (max = 10_000): TextRule => ({ required: false, max, trim: false, free: true });
/** An identifier (a customer reference, a department, a product). */
export const idRule: TextRule = { required: true, max: 200, trim: false, pattern: idPattern, format: 'id' };
export const phoneRule: TextRule = { required: true, trim: true, pattern: phonePattern, format: 'phone' };
export const idNumberRule: TextRule = { required: true, trim: true, pattern: idNumberPattern, format: 'idNumber' };
export const emailRule: TextRule = { required: true, max: 254, trim: true, pattern: emailPattern, format: 'email' };

/**
 * The problem with `value` under `rule`, if any. `undefined` stands for a field left out: that is
 * `required` for a required field and fine otherwise; an optional field that is given must still
 * fit its rule (an optional id number must be an id number).
 */
export function checkText(value: string | undefined, rule: TextRule, path: string): FieldProblem | undefined {
  if (value === undefined) return rule.required ? { path, code: 'required', message: 'must not be empty' } : undefined;
  const v = rule.trim ? value.trim() : value;
  if (rule.required && v.length === 0) return { path, code: 'required', message: 'must not be empty' };
  if (rule.max !== undefined && v.length > rule.max) return { path, code: 'too_long', message: `must be at most ${rule.max} characters`, limit: rule.max };
  if (rule.pattern && !rule.pattern.test(v)) return { path, code: 'format', message: formatMessages[rule.format ?? 'id'] };
  return undefined;
}

/** A form: its text fields by path (`customer.ref`). Fields the form leaves out are optional ones. */
export type FormRules = Record<string, TextRule & { optional?: boolean }>;

/**
 * Every problem of a form's texts, in the order of `rules`. `values` by path; an `optional` field
 * left empty is left out (as the UI sends it), so it is not checked.
 */
export function checkForm(rules: FormRules, values: Record<string, string | undefined>): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [path, rule] of Object.entries(rules)) {
    const raw = values[path];
    const value = rule.optional && (raw === undefined || raw.trim() === '') ? undefined : (raw ?? '');
    const problem = checkText(value, rule.optional ? { ...rule, required: false } : rule, path);
    if (problem) out.push(problem);
  }
  return out;
}

/** Whether a form's field must be filled in (the UI marks it). */
export function isRequired(rules: FormRules, path: string): boolean {
  const rule = rules[path];
  return rule !== undefined && rule.required && !rule.optional;
}
