import { maskPiiText } from '../domain/pii-text.js';

/**
 * How an error is written to the log (pino's `err` serializer, config/logger.ts and the HTTP
 * logger): its type, message, code, stack and causes — without what a failed query may hold of
 * the data. drizzle's DrizzleQueryError carries the query's parameters in `params` and in its
 * message ("Failed query: … params: …"); PostgreSQL's error quotes values in its message
 * (`invalid input syntax for type bigint: "…"`) and its `detail` ("Failing row contains (…)",
 * "Key (…)=(…) already exists"). The log keeps the SQL with its placeholders, the SQLSTATE code
 * and the names of the constraint, table and column; quoted values become "…", `detail`, `where`
 * and the parameters are left out, and any phone or id number left is masked (domain/pii-text.ts).
 */
export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  query?: string;
  constraint?: string;
  table?: string;
  column?: string;
  cause?: LoggedError | string;
}

/** PostgreSQL's own names of the failing objects: safe to keep quoted in its message. */
const namingFields = ['constraint', 'table', 'column', 'schema', 'dataType'] as const;
const maxCauseDepth = 5;

function isQueryError(e: Record<string, unknown>): boolean {
  return typeof e.query === 'string' && 'params' in e;
}

function isPostgresError(e: Record<string, unknown>): boolean {
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && ('severity' in e || 'routine' in e || 'detail' in e);
}

/** A PostgreSQL message with every quoted value but the failing objects' names replaced by "…". */
function withoutQuotedValues(message: string, e: Record<string, unknown>): string {
  const names = new Set(namingFields.map((f) => e[f]).filter((v): v is string => typeof v === 'string'));
  return message.replace(/"((?:[^"]|"")*)"/g, (whole, inner: string) => (names.has(inner) ? whole : '"…"'));
}

function safeMessage(e: Record<string, unknown>, raw: string): string {
  if (isQueryError(e)) return `Failed query: ${String(e.query)}`;
  if (isPostgresError(e)) return maskPiiText(withoutQuotedValues(raw, e));
  return maskPiiText(raw);
}

/** The stack's frames under the safe first line (the first line repeats the message). */
function safeStack(stack: unknown, type: string, message: string): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${type}: ${message}`, ...frames].join('\n');
}

export function serializeError(err: unknown, depth = 0): LoggedError | string {
  if (err === null || typeof err !== 'object') return maskPiiText(String(err));
  const e = err as Record<string, unknown> & { message?: unknown; name?: unknown; constructor?: { name?: string } };
  const type = typeof e.constructor?.name === 'string' && e.constructor.name !== 'Object' ? e.constructor.name : typeof e.name === 'string' ? e.name : 'Error';
  const message = safeMessage(e, typeof e.message === 'string' ? e.message : '');
  const out: LoggedError = { type, message };
  const stack = safeStack(e.stack, type, message);
  if (stack) out.stack = stack;
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (isQueryError(e)) out.query = String(e.query);
  for (const f of ['constraint', 'table', 'column'] as const) if (typeof e[f] === 'string') out[f] = e[f] as string;
  if (e.cause !== undefined && depth < maxCauseDepth) out.cause = serializeError(e.cause, depth + 1);
  return out;
}
