import type { Database } from '../db/client.js';
import { writeInitiativeRecord, writePostLaunchLinks, type InitiativeRecord, type PostLaunchLinksRecord } from '../db/initiatives.js';
import { readPolicy, readRoster } from '../db/settings.js';
import type { CommitteeMember, ReviewPolicy } from '../domain/policies.js';

export type { InitiativeRecord } from '../db/initiatives.js';

/** What a gate review runs under, read once at submission and kept in the workflow. */
export interface ReviewSetup {
  roster: CommitteeMember[];
  policy: ReviewPolicy;
  policyVersion: number;
}

/**
 * Side effects of the initiative workflow. `recordInitiative` runs as a local activity (a short
 * database write): projection rows, audit events and notifications in one transaction,
 * idempotent (audit and notification source keys, version-guarded upserts), so a retry after a
 * crash changes nothing that was already written. `recordPostLaunchLinks` too: links it has
 * written already are skipped.
 */
export function initiativeActivities(db: Database) {
  return {
    async recordInitiative(record: InitiativeRecord): Promise<void> {
      await writeInitiativeRecord(db, record);
    },

    /** Links to a launched product (local, on the initiative's write chain); answers the distinct complaints linked within the window as of these links (db/initiatives.ts writePostLaunchLinks: the same answer when run again). */
    async recordPostLaunchLinks(record: PostLaunchLinksRecord): Promise<{ linkedComplaints: number }> {
      return writePostLaunchLinks(db, record);
    },

    async snapshotReviewSetup(): Promise<ReviewSetup> {
      const [policy, roster] = await Promise.all([readPolicy(db, 'review'), readRoster(db)]);
      return { roster, policy: policy.value, policyVersion: policy.version };
    },
  };
}
