import { proposalsAwaiting } from '../../db/targets.js';
import type { Task, TaskSource } from './types.js';

/**
 * The target part of the work inbox: proposals to change the KPI targets waiting for the caller's
 * decision as the committee chair. Deadline: the proposal's; at risk once the chair was reminded.
 */
export const targetTasks: TaskSource = async (db, principal, { now }) => {
  const mine = await proposalsAwaiting(db, principal.userId);
  return mine.map((p): Task => ({
    kind: 'targets.decide',
    entityType: 'target_proposal',
    entityId: p.id,
    title: `Approve or reject the proposed KPI targets (${p.changes.length} change${p.changes.length === 1 ? '' : 's'})`,
    deadline: p.deadline,
    deadlineState: Date.parse(p.deadline) <= now.getTime() ? 'breached' : Date.parse(p.reminderAt) <= now.getTime() ? 'at_risk' : 'pending',
    link: `/api/v1/targets/proposals/${p.id}`,
  }));
};
