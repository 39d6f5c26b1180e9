import type { Principal } from '../auth/roles.js';
import type { Database } from '../../db/client.js';
import type { PiiCipher } from '../../security/pii.js';

/** One item of the work inbox (GET /api/v1/tasks): something waiting on the caller. */
export interface Task {
  kind: string; // e.g. 'gate.vote', 'gate.signoff', 'complaint.respond', 'complaint.appeal'
  entityType: 'initiative' | 'complaint' | 'calendar' | 'incident' | 'target_proposal' | 'improvement' | 'meeting' | 'erasure' | 'follow_up' | 'feedback';
  entityId: string;
  title: string;
  deadline: string | null;
  /** The deadline's state when it is an SLA clock: pending, at_risk, breached. */
  deadlineState?: string;
  link: string;
  /** What the item is about, in the words of the people who raised it (a complaint's summary). */
  summary?: string;
  /** Whom it concerns, masked (a complaint's customer: `张**`); the clear name is on the detail page. */
  customer?: string;
  /** The item's own vocabulary, for a UI that words the title in the reader's language (severity, category, channel, stage…). */
  facts?: Record<string, string>;
}

/** What a source may need beyond the caller: the instant the inbox is read at. */
export interface TaskContext {
  now: Date;
  /** Opens the customer's sealed details, which the inbox shows masked only. */
  cipher: PiiCipher;
}

/** Each process family contributes its own tasks; api/routes/tasks.ts merges them. */
export type TaskSource = (db: Database, principal: Principal, context: TaskContext) => Promise<Task[]>;
