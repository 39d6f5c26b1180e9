import type { ZodError, ZodType } from 'zod';
import { badRequest, type FieldError } from './problem.js';

/**
 * zod issues → the problem document's `errors: [{ path, message, code, limit? }]`; `input` (the
 * value validated) tells a field left out (`required`) from one of the wrong type.
 */
export function fieldErrors(error: ZodError, prefix: string, input?: unknown): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: `unknown field "${k}" is not allowed`, code: 'unknown_field' }));
    }
    return [{ path: base || prefix, message: issue.message, ...codeOf(issue, valueAt(input, issue.path)) }];
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function codeOf(issue: ZodError['issues'][number], value: unknown): Pick<FieldError, 'code' | 'limit'> {
  switch (issue.code) {
    case 'invalid_type':
      return { code: value === undefined || value === null ? 'required' : 'invalid' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { code: 'required' };
      return { code: 'too_small', limit: Number(issue.minimum) };
    case 'too_big':
      return issue.origin === 'string' ? { code: 'too_long', limit: Number(issue.maximum) } : { code: 'too_big', limit: Number(issue.maximum) };
    case 'invalid_format':
      return { code: 'format' };
    case 'invalid_value':
      return { code: 'choice' };
    default:
      return { code: 'invalid' };
  }
}

export function parseOrThrow<T>(schema: ZodType<T>, value: unknown, where: 'body' | 'query' | 'params'): T {
  const unfit = unstorable(value, where);
  if (unfit.length > 0) throw badRequest(`the request ${where} is not valid: ${unfit.map((e) => `${e.path}: ${e.message}`).join('; ')}`, unfit);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error, where, value);
  throw badRequest(`the request ${where} is not valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
}

/** Deeper than any request of this API needs (deliverables nest 4 levels). */
export const maxDepth = 32;
// An unpaired UTF-16 surrogate: JSON can carry one ("\ud800"), Unicode text cannot.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text no field can hold, found before any schema sees the input (the hostile-input tests in test/integration/fuzz-input.test.ts):
 * - U+0000: PostgreSQL stores no NUL in text or jsonb; it failed the write (a 500, or a workflow
 *   retrying its projection write forever, which wedged the complaint or initiative);
 * - unpaired surrogates: not Unicode; silently turned into U+FFFD on the way to the workflow, or
 *   refused by jsonb, depending on the path;
 * - nesting deeper than `maxDepth` (no schema takes it; deep values strain every recursive walk).
 * Keys are checked as well as values. Iterative, so the walk itself cannot overflow the stack.
 */
export function unstorable(value: unknown, where: string): FieldError[] {
  const errors: FieldError[] = [];
  const stack: [unknown, string, number][] = [[value, where, 0]];
  const checkText = (s: string, path: string) => {
    if (s.includes('\u0000')) errors.push({ path, message: 'text must not contain the NUL character (U+0000)', code: 'invalid' });
    else if (loneSurrogate.test(s)) errors.push({ path, message: 'text must be valid Unicode (an unpaired surrogate was found)', code: 'invalid' });
  };
  while (stack.length > 0 && errors.length < 20) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      checkText(v, path);
    } else if (v !== null && typeof v === 'object') {
      if (depth >= maxDepth) {
        errors.push({ path, message: `nested more than ${maxDepth} levels deep`, code: 'invalid' });
        continue;
      }
      for (const [k, child] of Object.entries(v)) {
        const at = `${path}.${k}`;
        checkText(k, at);
        stack.push([child, at, depth + 1]);
      }
    }
  }
  return errors;
}
