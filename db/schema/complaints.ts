import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Complaint projection: one row per complaint, written by the complaint workflow's
 * `recordComplaint` activity (only when its `version` is newer than the stored one). The columns
 * are what the list filters, the work inbox and the reports need; `view` is the whole
 * ComplaintView (clocks, breaches, transfers, responses, ...) as the workflow last recorded it.
 * No customer PII here: see complaint_customers.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    severity: text('severity').notNull(),
    customerRef: text('customer_ref').notNull(),
    initiativeId: text('initiative_id'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
    ownerKind: text('owner_kind').notNull(),
    ownerId: text('owner_id').notNull(),
    agentId: text('agent_id').notNull(),
    department: text('department'),
    escalationLevel: integer('escalation_level').notNull(),
    breached: boolean('breached').notNull(),
    chairUserId: text('chair_user_id'),
    signedOff: boolean('signed_off').notNull(),
    /** The soonest deadline still running against the bank (work inbox order). */
    nextDeadline: timestamp('next_deadline', { withTimezone: true, mode: 'string' }),
    nextDeadlineState: text('next_deadline_state'),
    reopenCount: integer('reopen_count').notNull(),
    repeatOf: jsonb('repeat_of').$type<string[]>().notNull(),
    policyVersion: integer('policy_version').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    // ── KPI facts (domain/reports/facts.ts), derived from `view` by the record activity ──
    firstResponseState: text('first_response_state'),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true, mode: 'string' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'string' }),
    resolutionBreached: boolean('resolution_breached').notNull().default(false),
    feedbackCount: integer('feedback_count').notNull().default(0),
    satisfiedCount: integer('satisfied_count').notNull().default(0),
    isRepeat: boolean('is_repeat').notNull().default(false),
    breachLevels: integer('breach_levels').array().notNull().default(sql`'{}'::integer[]`),
    openClocks: jsonb('open_clocks').$type<Record<string, string>>().notNull().default({}),
    handlingWorkingMs: bigint('handling_working_ms', { mode: 'number' }),
    /** The root cause (a taxonomy leaf) and its group, once named; the product it counts against; the first responder's team. */
    rootCause: text('root_cause'),
    rootCauseGroup: text('root_cause_group'),
    product: text('product'),
    agentTeam: text('agent_team'),
    /** 0 = facts not derived yet (rows written before the facts existed); see complaintFactsVersion. */
    factsVersion: integer('facts_version').notNull().default(0),
    view: jsonb('view').notNull(),
    /** Set when the process ended other than by completing (domain/process-end.ts); null otherwise. */
    processEnded: jsonb('process_ended'),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('complaints_list').on(t.receivedAt, t.id),
    index('complaints_status').on(t.status),
    index('complaints_severity').on(t.severity),
    index('complaints_category').on(t.category),
    index('complaints_owner').on(t.ownerKind, t.ownerId),
    index('complaints_agent').on(t.agentId),
    index('complaints_department').on(t.department),
    index('complaints_breached').on(t.breached),
    index('complaints_initiative').on(t.initiativeId),
    index('complaints_escalation').on(t.escalationLevel),
    index('complaints_customer').on(t.customerRef, t.receivedAt),
    // The KPI query (db/kpis.ts) reads one range of received_at and only these columns: with
    // all of them in the index it is an index-only scan, never touching the wide rows (view).
    index('complaints_kpi').on(
      t.receivedAt,
      t.category,
      t.channel,
      t.severity,
      t.initiativeId,
      t.status,
      t.firstResponseState,
      t.resolvedAt,
      t.resolutionBreached,
      t.feedbackCount,
      t.satisfiedCount,
      t.reopenCount,
      t.isRepeat,
      t.closedAt,
      t.handlingWorkingMs,
      t.breached,
      t.breachLevels,
    ),
    // Hot issues, the spike watcher and the accountable KPIs read one range of received_at by these.
    index('complaints_analysis').on(t.receivedAt, t.rootCauseGroup, t.rootCause, t.product, t.channel),
    index('complaints_root_cause').on(t.rootCause),
    index('complaints_product').on(t.product),
    // Rows whose facts are older than the current rules (backfill at worker start).
    index('complaints_facts_stale').on(t.factsVersion),
    // Open-clock gauges (/metrics) read only complaints that are not closed.
    index('complaints_open').on(t.id).where(sql`status <> 'closed'`),
  ],
);

/**
 * The customer of one complaint (`piiRef` = the complaint id). Name, phone and id number are
 * AES-256-GCM encrypted (security/pii.ts: `v2.<keyId>.<iv>.<tag>.<ciphertext>`, bound to the row and field
 * by the associated data); only the API decrypts them, and masks them for roles without need.
 */
export const complaintCustomers = pgTable('complaint_customers', {
  complaintId: text('complaint_id').primaryKey(),
  customerRef: text('customer_ref').notNull(),
  nameEnc: text('name_enc').notNull(),
  phoneEnc: text('phone_enc').notNull(),
  idNumberEnc: text('id_number_enc'),
  /** The customer's email address, when given at intake (sealed like the others; only ever under the customer's data key). */
  emailEnc: text('email_enc'),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
