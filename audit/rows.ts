import { sql } from 'drizzle-orm';

/**
 * An audit event as read back from the database, and the select list that reads it: one
 * definition for the event search and the verifier. `at` comes back in the exact ISO form the
 * hash was computed over (milliseconds, UTC).
 */
export interface StoredEventRow {
  id: string;
  entity_type: string;
  entity_id: string;
  seq: number;
  actor: string;
  roles: string[];
  action: string;
  at: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  hash: string;
  prev_hash: string | null;
}

export const storedEventColumns = sql.raw(
  `id::text as id, entity_type, entity_id, seq, actor, roles, action, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, before, after, reason, hash, prev_hash`,
);
