/**
 * Complaint vocabulary (docs/business-rules.md §2, docs/http-contract.md "Complaint"). Each enum is a const array first so
 * the API's zod schemas and these types come from the same list.
 *
 * Workflow-safe: no imports, no I/O.
 */

export const channels = [
  'hotline',
  'online_chat',
  'app',
  'email',
  'social_media',
  'branch',
  'suggestion_box',
  'survey',
  'regulator_referral',
] as const;
export type Channel = (typeof channels)[number];

export const categories = ['service', 'product', 'system_technical', 'policy_process'] as const;
export type Category = (typeof categories)[number];

export const severities = ['general', 'major', 'urgent'] as const;
export type Severity = (typeof severities)[number];

export const complaintStatuses = [
  'open',
  'responded',
  'transferred',
  'awaiting_approval',
  'resolved',
  'awaiting_customer',
  'reopened',
  'in_appeal',
  'closed',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export const clockNames = ['firstResponse', 'resolution', 'customerFeedback', 'investigation', 'appeal'] as const;
export type ClockName = (typeof clockNames)[number];

export const clockStates = ['pending', 'at_risk', 'met', 'breached', 'paused'] as const;
export type ClockState = (typeof clockStates)[number];

/** Commands a complaint workflow accepts; see the state table in rules.ts. */
export const complaintCommands = [
  'respond',
  'transfer',
  'resolve',
  'approve',
  'signoff',
  'feedback',
  'appeal',
  'appealDecision',
  'pause',
  'resume',
  'escalate',
] as const;
export type ComplaintCommand = (typeof complaintCommands)[number];

export const ownerKinds = ['user', 'department', 'level'] as const;
export type OwnerKind = (typeof ownerKinds)[number];

/** Who holds or must act on a complaint (docs/http-contract.md `Complaint.owner`). */
export interface Owner {
  kind: OwnerKind;
  id: string;
}

/**
 * The orders of the complaint list: `urgency` (the default; domain/urgency.ts) or `received`
 * (newest first).
 */
export const complaintSorts = ['urgency', 'received'] as const;
export type ComplaintSort = (typeof complaintSorts)[number];
