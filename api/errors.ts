import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { commandErrorTypes } from '../domain/command-errors.js';
import { Problem, unavailable } from './problem.js';

/**
 * Turns anything thrown by a route into an RFC 9457 problem document. Nothing leaks a stack
 * trace; unknown failures are logged with the request id and answered with a plain 500.
 */
export function toProblem(err: unknown): Problem | undefined {
  if (err instanceof Problem) return err;
  const e = err as { type?: string; status?: number; code?: string | number; name?: string; message?: string; cause?: unknown };

  // body-parser
  if (e.type === 'entity.too.large') return new Problem(413, 'Payload too large', 'the request body exceeds the size limit');
  if (e.type === 'entity.parse.failed') return new Problem(400, 'Malformed JSON', 'the request body is not valid JSON');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new Problem(415, 'Unsupported media type', e.message);
  // router: a path parameter that is not percent-encoded UTF-8 (e.g. /complaints/%C0%AF)
  if (err instanceof URIError) return new Problem(400, 'Malformed URL', 'a path segment is not valid percent-encoded UTF-8');

  const fromTemporal = temporalProblem(err);
  if (fromTemporal) return fromTemporal;
  if (isDatabaseDown(err)) return unavailable('the database is unavailable; the command was not accepted, retry later');
  return undefined;
}

function temporalProblem(err: unknown): Problem | undefined {
  const e = err as { name?: string; cause?: { type?: string; message?: string; name?: string }; code?: number; message?: string };
  if (e.name === 'WorkflowUpdateFailedError' || e.name === 'WorkflowFailedError') {
    const cause = e.cause;
    const message = cause?.message ?? e.message ?? 'command refused';
    switch (cause?.type) {
      case commandErrorTypes.forbidden:
        return new Problem(403, 'Forbidden', message);
      case commandErrorTypes.conflict:
        return new Problem(409, 'Conflict', message);
      case commandErrorTypes.invalid:
        return new Problem(400, 'Invalid request', message);
    }
  }
  if (e.name === 'WorkflowNotFoundError') return new Problem(404, 'Not found', 'no such process');
  // The command's deadline (api/command-guard.ts) passed: it may have been accepted, and then the
  // workflow completes it; the same update id (from the Idempotency-Key) never applies it twice.
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return unavailable(
      'the command got no answer in time (a worker or the database may be down); it may still take effect: retry with the same Idempotency-Key to learn its outcome',
    );
  }
  // gRPC UNAVAILABLE (14) / DEADLINE_EXCEEDED (4) from the Temporal frontend
  if (e.name === 'ServiceError' || e.name === 'ConnectionError' || e.code === 14) {
    return unavailable('the workflow engine (Temporal) is unavailable; the command was not accepted, retry later');
  }
  return undefined;
}

// Connection refused or lost, the server shutting down or starting (57P0x), connection
// exceptions (08xxx), and the server or a role holding as many connections as it takes (53300):
// each passes, so the answer is 503, retry later.
const dbDownCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);

export function isDatabaseDown(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && dbDownCodes.has(e.code)) return true;
    if (typeof e.message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(e.message)) return true;
  }
  return false;
}

export function problemHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    let problem = toProblem(err);
    if (!problem) {
      logger.error({ err, reqId: req.id }, 'unhandled error');
      problem = new Problem(500, 'Internal error', `an unexpected error occurred; quote request id ${String(req.id)}`);
    } else if (problem.status >= 500) {
      logger.warn({ err, reqId: req.id }, problem.detail);
    }
    if (res.headersSent) return;
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.toJSON(req.originalUrl)));
  };
}
