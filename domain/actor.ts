/**
 * Who did something. Every command a workflow receives carries the acting person, taken by the API
 * from the verified token; steps a process takes by itself (a timer firing) are done by
 * `systemActor`. Audit events record the actor's id and roles.
 *
 * Workflow-safe: pure.
 */
export interface Actor {
  userId: string;
  name: string;
  roles: string[];
  department?: string;
}

/** cxgov itself: reminders, escalations and other steps no person took. */
export const systemActor: Actor = Object.freeze({ userId: 'system', name: 'cxgov', roles: ['system'] });
