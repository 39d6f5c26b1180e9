import { openFollowUpsFor } from '../../db/followups.js';
import type { Task, TaskSource } from './types.js';

/**
 * The follow-up part of the work inbox (docs/followups.md): open detractor follow-ups for the
 * supervisors they are addressed to (every supervisor when none is named), and the overdue ones
 * for the department head they reached. Deadline: the follow-up's.
 */
export const followUpTasks: TaskSource = async (db, principal) => {
  const tasks: Task[] = [];
  for (const v of await openFollowUpsFor(db, principal)) {
    const scores = [v.nps != null ? `NPS ${v.nps}` : null, v.csat != null ? `CSAT ${v.csat}` : null].filter(Boolean).join(', ');
    const supervisor = principal.roles.includes('supervisor') && (v.supervisorIds.length === 0 || v.supervisorIds.includes(principal.userId));
    tasks.push({
      entityType: 'follow_up',
      entityId: v.id,
      link: `/api/v1/follow-ups/${encodeURIComponent(v.id)}`,
      kind: supervisor ? 'follow_up.call' : 'follow_up.escalated',
      title: supervisor ? `Call back the detractor of complaint ${v.complaintId} (${scores}) and record the outcome` : `Overdue detractor follow-up escalated to you: complaint ${v.complaintId} (${scores})`,
      deadline: v.due,
      deadlineState: v.dueState === 'overdue' ? 'breached' : v.dueState,
      ...(v.verbatim ? { summary: v.verbatim.slice(0, 200) } : {}),
      facts: { complaintId: v.complaintId, ...(v.nps != null ? { nps: String(v.nps) } : {}), ...(v.csat != null ? { csat: String(v.csat) } : {}), department: v.department },
    });
  }
  return tasks;
};
