import { summaryLine } from '../../domain/complaints/summary-line.js';
import { openComplaintsFor, readCustomers } from '../../db/complaints.js';
import { maskName } from '../../security/pii.js';
import type { Task, TaskSource } from './types.js';

/**
 * The complaint part of the work inbox: complaints the caller owns (as first responder, or their
 * department after a transfer), approvals and appeals for supervisors, escalations at the
 * supervisor / department-head levels, and chair sign-offs. Deadline: the soonest clock still
 * running against the bank (the appeal's own deadline for an appeal).
 */
const ownerKinds: Record<string, string> = {
  open: 'complaint.respond',
  responded: 'complaint.resolve',
  transferred: 'complaint.resolve',
  reopened: 'complaint.resolve',
  resolved: 'complaint.feedback',
  awaiting_customer: 'complaint.feedback',
  // awaiting_approval and in_appeal wait on a supervisor, not on the owner
};

export const complaintTasks: TaskSource = async (db, p, { cipher }) => {
  const supervisor = p.roles.includes('supervisor');
  const tasks: Task[] = [];
  const rows = await openComplaintsFor(db, p);
  // Masked for every role: the inbox is a list, the clear details are on the complaint's page
  // (where reading them is logged, docs/security.md "PII access log").
  const customers = await readCustomers(db, cipher, rows.map((r) => r.id));
  for (const r of rows) {
    const customer = customers.get(r.id);
    const about = {
      summary: summaryLine(r.view.description),
      ...(customer && !customer.unreadable ? { customer: maskName(customer.name) } : {}),
      facts: { severity: r.severity, category: r.category, channel: r.channel },
    };
    const base = { entityType: 'complaint' as const, entityId: r.id, link: `/api/v1/complaints/${r.id}`, deadline: r.nextDeadline ? new Date(r.nextDeadline).toISOString() : null, ...(r.nextDeadlineState ? { deadlineState: r.nextDeadlineState } : {}), ...about };
    const title = (what: string) => `${what}: ${r.severity} ${r.category} complaint via ${r.channel}`;
    const owned = (r.ownerKind === 'user' && r.ownerId === p.userId) || (r.ownerKind === 'department' && r.ownerId === p.department && p.roles.includes('business_handler'));
    const ownerKind = ownerKinds[r.status];
    if (owned && ownerKind) tasks.push({ ...base, kind: ownerKind, title: title('Handle') });
    if (supervisor && r.status === 'awaiting_approval') tasks.push({ ...base, kind: 'complaint.approve', title: title('Approve the compensation') });
    if (supervisor && r.status === 'in_appeal') {
      const appeal = r.view.clocks.appeal;
      tasks.push({ ...base, kind: 'complaint.appeal', title: title('Decide the appeal'), deadline: appeal?.deadline ?? base.deadline, ...(appeal ? { deadlineState: appeal.state } : {}) });
    }
    if (supervisor && r.escalationLevel >= 1 && r.escalationLevel <= 2) tasks.push({ ...base, kind: 'complaint.escalated', title: title(`Escalated to level ${r.escalationLevel}`) });
    if (r.chairUserId === p.userId && r.escalationLevel === 3 && !r.signedOff) tasks.push({ ...base, kind: 'complaint.signoff', title: title('Sign off (committee level)') });
  }
  return tasks;
};
