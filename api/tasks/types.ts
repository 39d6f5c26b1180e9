import type { Principal } from '../auth/roles.js';
import type { Database } from '../../db/client.js';

/** One item of the work inbox (GET /api/v1/tasks): something waiting on the caller. */
export interface Task {
  kind: string; // e.g. 'gate.vote', 'gate.signoff', 'complaint.respond', 'complaint.appeal'
  entityType: 'initiative' | 'complaint' | 'calendar' | 'incident' | 'target_proposal' | 'improvement' | 'meeting';
  entityId: string;
  title: string;
  deadline: string | null;
  /** The deadline's state when it is an SLA clock: pending, at_risk, breached. */
  deadlineState?: string;
  link: string;
}

/** What a source may need beyond the caller: the instant the inbox is read at. */
export interface TaskContext {
  now: Date;
}

/** Each process family contributes its own tasks; api/routes/tasks.ts merges them. */
export type TaskSource = (db: Database, principal: Principal, context: TaskContext) => Promise<Task[]>;
