import { AsyncLocalStorage } from 'node:async_hooks';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { Logger } from '../config/logger.js';
import { requestIdHeader } from '../workflows/interceptors.js';

/**
 * The HTTP request being served (api/app.ts runs every request inside it): its id, as pino-http
 * set it from `X-Request-Id` or generated it, and its logger.
 */
export interface RequestContext {
  requestId: string;
  log?: Logger;
}
export const requestContext = new AsyncLocalStorage<RequestContext>();

export { requestIdHeader };

function withRequestId<I extends { readonly headers: Record<string, Payload> }>(input: I): I {
  const ctx = requestContext.getStore();
  return ctx ? { ...input, headers: { ...input.headers, [requestIdHeader]: defaultPayloadConverter.toPayload(ctx.requestId) } } : input;
}

function trace(operation: string, workflowId: string, extra: Record<string, unknown> = {}): void {
  const ctx = requestContext.getStore();
  ctx?.log?.debug({ requestId: ctx.requestId, workflowId, operation, ...extra }, `temporal ${operation}`);
}

/**
 * Client interceptor: every workflow start, update and signal made while serving a request
 * carries the request id as a Temporal header (workflows/interceptors.ts passes it on to the
 * activities, which log it), and the API logs which workflow the request touched.
 */
export function requestIdClientInterceptor(): WorkflowClientInterceptor {
  return {
    start: (input, next) => (trace('start', input.options.workflowId, { workflowType: input.workflowType }), next(withRequestId(input))),
    startWithDetails: (input, next) => (trace('start', input.options.workflowId, { workflowType: input.workflowType }), next(withRequestId(input))),
    startUpdate: (input, next) => (trace('update', input.workflowExecution.workflowId, { update: input.updateName }), next(withRequestId(input))),
    startUpdateWithStart: (input, next) => {
      trace('update-with-start', input.workflowStartOptions.workflowId, { update: input.updateName, workflowType: input.workflowType });
      const ctx = requestContext.getStore();
      if (!ctx) return next(input);
      const id = defaultPayloadConverter.toPayload(ctx.requestId);
      return next({ ...input, workflowStartHeaders: { ...input.workflowStartHeaders, [requestIdHeader]: id }, updateHeaders: { ...input.updateHeaders, [requestIdHeader]: id } });
    },
    signal: (input, next) => (trace('signal', input.workflowExecution.workflowId, { signal: input.signalName }), next(withRequestId(input))),
    signalWithStart: (input, next) => (trace('signal-with-start', input.options.workflowId, { signal: input.signalName }), next(withRequestId(input))),
  };
}

/** The request id of an activity's (or workflow's) headers, if any. */
export function requestIdOf(headers: Record<string, Payload>): string | undefined {
  const p = headers[requestIdHeader];
  return p ? defaultPayloadConverter.fromPayload<string>(p) : undefined;
}
