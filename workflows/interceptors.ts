/**
 * Workflow interceptors: carry the API request id (header `cxgov-request-id`, set by the client
 * interceptor of temporal/request-context.ts) from the start, update or signal that caused a step
 * to every activity, local activity, child, signal and continue-as-new that step schedules, and
 * into the workflow logger's attributes. Steps driven by the workflow's own timers carry the id of
 * the request that started it. Headers only: no command or history content changes, so replay of
 * existing histories is unaffected.
 *
 * Registered with the bundle (temporal/worker.ts `workflowInterceptorModules`).
 */
import { AsyncLocalStorage, defaultPayloadConverter, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import type { Payload } from '@temporalio/common';

export const requestIdHeader = 'cxgov-request-id';

type WithHeaders = { readonly headers: Record<string, Payload> };

/**
 * One store for every workflow of the worker thread (this module is preloaded once per thread,
 * temporal/worker.ts). Node 20's AsyncLocalStorage visits every live instance on each promise
 * created, so an instance per workflow made every promise cost O(cached workflows): at 2,000
 * cached complaints that doubled the worker's CPU per intake. Values never leak between
 * workflows: a value is only visible inside the `run` that set it and what that run schedules.
 */
const current = new AsyncLocalStorage<Payload>();

export const interceptors: WorkflowInterceptorsFactory = () => {
  const within = <T>(input: WithHeaders, fn: () => T): T => {
    const id = input.headers[requestIdHeader];
    return id ? current.run(id, fn) : fn();
  };
  const stamp = <I extends WithHeaders>(input: I): I => {
    const id = current.getStore();
    return id ? { ...input, headers: { ...input.headers, [requestIdHeader]: id } } : input;
  };
  return {
    inbound: [
      {
        execute: (input, next) => within(input, () => next(input)),
        handleUpdate: (input, next) => within(input, () => next(input)),
        handleSignal: (input, next) => within(input, () => next(input)),
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next(stamp(input)),
        scheduleLocalActivity: (input, next) => next(stamp(input)),
        startChildWorkflowExecution: (input, next) => next(stamp(input)),
        signalWorkflow: (input, next) => next(stamp(input)),
        continueAsNew: (input, next) => next(stamp(input)),
        getLogAttributes: (input, next) => {
          const id = current.getStore();
          return next(id ? { ...input, requestId: defaultPayloadConverter.fromPayload<string>(id) } : input);
        },
      },
    ],
  };
};
