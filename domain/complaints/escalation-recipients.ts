/**
 * Who an escalated complaint's level reaches, by person: the same rule the notification router
 * applies to the escalation notices (domain/notifications/routing.ts `addressees` over
 * `complaintRouting`), so the complaint names the people the notices actually went to — the
 * supervisors at level 1, the head of the complaint's department (else the supervisors) at
 * level 2, the committee chair at level 3. Resolved when the complaint is read: heads and the
 * roster change while a complaint is open, and the level, not a person, is what the process records.
 *
 * Pure.
 */
import { addressees, complaintRouting, type Person } from '../notifications/routing.js';
import type { Owner } from './types.js';

/** A person of the staff directory as the names need them (the directory lists active people only). */
export interface DirectoryPerson {
  userId: string;
  name: string;
  department: string | null;
  roles: readonly string[];
  departmentHead: boolean;
}

export interface EscalationRecipient {
  userId: string;
  name: string;
}

/** Empty at level 0; a person missing from the directory shows by their id. */
export function escalationRecipients(
  complaint: { escalatedTo: Owner | null; owner: Owner; agentId: string; department: string | null; chairUserId: string | null },
  directory: readonly DirectoryPerson[],
): EscalationRecipient[] {
  if (!complaint.escalatedTo) return [];
  const people: Person[] = directory.map((p) => ({ ...p, roles: [...p.roles], email: null, language: 'zh', channel: 'inapp', active: true }));
  const ctx = { people, chair: complaint.chairUserId, committee: [], imGroups: new Map<string, string>(), ...complaintRouting(complaint, people) };
  const names = new Map(directory.map((p) => [p.userId, p.name]));
  return addressees({ recipientKind: complaint.escalatedTo.kind, recipient: complaint.escalatedTo.id }, ctx).map((userId) => ({ userId, name: names.get(userId) ?? userId }));
}
