import { escalationRecipients, type DirectoryPerson } from '../../domain/complaints/escalation-recipients.js';
import type { ReassignmentEntry } from '../../domain/complaints/views.js';
import type { presentComplaint } from './complaints.js';

/**
 * The people around a presented complaint: whom its escalation reaches now, by name, and its
 * reassignments (views recorded before reassignment existed have none). Kept apart from the
 * customer's details and their masking (present/complaints.ts), which it leaves as they are.
 *
 * `directory` loads the staff directory (db/people.ts `staffDirectory`) and is called only for an
 * escalated complaint: most complaints are not, and the directory is up to 2,000 rows read on
 * every complaint answer otherwise. Pass one `directoryOnce` per request so a page of complaints
 * reads it at most once.
 */
export async function withPeople<T extends ReturnType<typeof presentComplaint>>(
  presented: T,
  directory: () => Promise<readonly DirectoryPerson[]>,
): Promise<T & { reassignments: ReassignmentEntry[]; escalationRecipients: { userId: string; name: string }[] }> {
  const recipients = presented.escalatedTo ? escalationRecipients(presented, await directory()) : [];
  return { ...presented, reassignments: presented.reassignments ?? [], escalationRecipients: recipients };
}

/** A loader that reads the directory on its first call and answers every later call from that read. */
export function directoryOnce(read: () => Promise<readonly DirectoryPerson[]>): () => Promise<readonly DirectoryPerson[]> {
  let loaded: Promise<readonly DirectoryPerson[]> | undefined;
  return () => (loaded ??= read());
}
