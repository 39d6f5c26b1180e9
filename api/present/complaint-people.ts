import { escalationRecipients, type DirectoryPerson } from '../../domain/complaints/escalation-recipients.js';
import type { ReassignmentEntry } from '../../domain/complaints/views.js';
import type { presentComplaint } from './complaints.js';

/**
 * The people around a presented complaint: whom its escalation reaches now, by name
 * (`directory`: the staff directory, db/people.ts `staffDirectory`), and its reassignments (views
 * recorded before reassignment existed have none). Kept apart from the customer's details and
 * their masking (present/complaints.ts), which it leaves as they are.
 */
export function withPeople<T extends ReturnType<typeof presentComplaint>>(presented: T, directory: readonly DirectoryPerson[]): T & { reassignments: ReassignmentEntry[]; escalationRecipients: { userId: string; name: string }[] } {
  return { ...presented, reassignments: presented.reassignments ?? [], escalationRecipients: escalationRecipients(presented, directory) };
}
