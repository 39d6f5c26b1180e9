import type { ZodError, ZodType } from 'zod';
import { badRequest, type FieldError } from './problem.js';

/** zod issues → the problem document's `errors: [{ path, message }]`. */
export function fieldErrors(error: ZodError, prefix: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: `unknown field "${k}" is not allowed` }));
    }
    return [{ path: base || prefix, message: issue.message }];
  });
}

export function parseOrThrow<T>(schema: ZodType<T>, value: unknown, where: 'body' | 'query' | 'params'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error, where);
  throw badRequest(`the request ${where} is not valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
}
