import type { FieldProblemCode } from '../domain/field-rules.js';

/**
 * RFC 9457 problem details. Routes and services throw `Problem`s; the error middleware turns
 * them (and body-parser, validation, Temporal and database failures) into problem+json answers.
 */
/**
 * One refused field: where, in English words, and (from request validation) why as a code of
 * domain/field-rules.ts with its limit, which clients translate (the web UI does).
 */
export interface FieldError {
  path: string;
  message: string;
  code?: FieldProblemCode;
  limit?: number;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly type: string = `https://cxgov.dev/problems/${slug(title)}`,
  ) {
    super(detail ?? title);
  }

  toJSON(instance?: string) {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(instance ? { instance } : {}),
    };
  }
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
}

export const badRequest = (detail: string, errors?: FieldError[]) => new Problem(400, 'Invalid request', detail, errors);
export const unauthorized = (detail: string) => new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);
export const notFound = (detail: string) => new Problem(404, 'Not found', detail);
export const conflict = (detail: string) => new Problem(409, 'Conflict', detail);
export const unavailable = (detail: string) => new Problem(503, 'Service unavailable', detail);
export const tooManyRequests = () => new Problem(429, 'Too many requests', 'the request rate limit was exceeded; retry after the time given in the RateLimit header');
