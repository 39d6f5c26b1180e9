/**
 * The vocabulary of a personal-data erasure (docs/security.md "Customer data keys and erasure").
 *
 * Workflow-safe: types and constants only.
 */
import type { Actor } from '../actor.js';
import type { Duration } from '../duration.js';

export const erasureStatuses = ['requested', 'held', 'awaiting_approval', 'approved', 'completed', 'refused'] as const;
export type ErasureStatus = (typeof erasureStatuses)[number];

/** Who raised it: a person (compliance auditor or admin), or the retention sweep. */
export const erasureOrigins = ['manual', 'retention'] as const;
export type ErasureOrigin = (typeof erasureOrigins)[number];

export interface ErasurePolicy {
  /** Personal data is kept this long after the customer's last complaint closed; then the sweep raises an erasure. */
  retention: Duration;
  /** A held request looks at its holds again this often (besides the signals when a hold lifts). */
  recheckEvery: Duration;
  /** How often the retention sweep runs (its Temporal schedule, set at worker start). */
  sweepEvery: Duration;
}

export const defaultErasurePolicy: ErasurePolicy = {
  retention: { amount: 1095, unit: 'day' },
  recheckEvery: { amount: 1, unit: 'day' },
  sweepEvery: { amount: 1, unit: 'day' },
};

export interface ErasureInput {
  id: string;
  customerRef: string;
  reason: string;
  origin: ErasureOrigin;
  requestedBy: Actor;
  requestedAt: string;
  policy: ErasurePolicy;
  policyVersion: number;
}

/** One of the customer's complaints, as the approver sees it. */
export interface CustomerComplaint {
  id: string;
  status: string;
  receivedAt: string;
  closedAt: string | null;
}

export interface LegalHold {
  id: string;
  reason: string;
  setBy: string;
  setAt: string;
}

/** What stands against an erasure now: the customer's complaints and their legal holds (read by an activity). */
export interface ErasureFacts {
  complaints: CustomerComplaint[];
  legalHolds: LegalHold[];
}

export type Hold =
  | { kind: 'open_complaint'; complaintId: string; status: string }
  | { kind: 'open_appeal'; complaintId: string }
  | { kind: 'legal_hold'; holdId: string; reason: string; setBy: string };

export interface ErasureDecision {
  approved: boolean;
  by: string;
  at: string;
  comment: string;
}

/** What the execution did and what the verification found, recorded on the process and in the audit trail. */
export interface ErasureProof {
  /** Data keys destroyed by this erasure. */
  dataKeysDestroyed: string[];
  /** Customer rows sealed before data keys, overwritten (nothing to destroy but the ciphertext). */
  rowsOverwritten: number;
  /** The customer's stored rows examined after the erasure, and how many still opened (must be 0). */
  rowsChecked: number;
  rowsStillReadable: number;
  /** The audit chains verified (the erasure's and each of the customer's complaints'). */
  chains: { checked: number; ok: boolean; firstBroken?: string };
  /** Appended to the erasure ledger outside the database (restores re-apply it). */
  ledger: 'appended' | 'already_there' | 'not_configured';
  executedAt: string;
  verifiedAt: string;
  ok: boolean;
}

export interface ErasureState {
  status: ErasureStatus;
  holds: Hold[];
  facts: ErasureFacts | null;
  checkedAt: string | null;
  decision: ErasureDecision | null;
  proof: ErasureProof | null;
  closedAt: string | null;
  eventSeq: number;
}

export interface ErasureView {
  id: string;
  customerRef: string;
  status: ErasureStatus;
  origin: ErasureOrigin;
  reason: string;
  requestedBy: { userId: string; name: string };
  requestedAt: string;
  holds: Hold[];
  complaints: CustomerComplaint[];
  checkedAt: string | null;
  decision: ErasureDecision | null;
  proof: ErasureProof | null;
  closedAt: string | null;
  policyVersion: number;
  version: number;
}

export interface DecideErasureCommand {
  actor: Actor;
  approved: boolean;
  comment?: string;
}
