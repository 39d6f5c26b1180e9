import { openImprovementsFor } from '../../db/improvements.js';
import type { Task, TaskSource } from './types.js';

/**
 * The improvement part of the work inbox (docs/improvements.md): the owner's actions in progress,
 * the verifier's actions awaiting verification, and overdue actions escalated to the department
 * head or the committee chair. Deadline: the action's due date while it is worked on.
 */
export const improvementTasks: TaskSource = async (db, principal) => {
  const tasks: Task[] = [];
  for (const v of await openImprovementsFor(db, principal)) {
    const base = { entityType: 'improvement' as const, entityId: v.id, link: `/api/v1/improvements/${encodeURIComponent(v.id)}` };
    const running = v.status === 'in_progress';
    const deadline = running ? { deadline: v.due, deadlineState: v.dueState === 'overdue' ? 'breached' : v.dueState } : { deadline: null };
    if (running && v.owner.userId === principal.userId) tasks.push({ ...base, ...deadline, kind: 'improvement.work', title: `Carry out the improvement action "${v.title}"` });
    else if (!running) tasks.push({ ...base, ...deadline, kind: 'improvement.verify', title: `Verify the improvement action "${v.title}" (${v.owner.name})` });
    else tasks.push({ ...base, ...deadline, kind: 'improvement.escalated', title: `Overdue improvement action escalated to you: "${v.title}" (${v.owner.name}, ${v.ownerDepartment})` });
  }
  return tasks;
};
