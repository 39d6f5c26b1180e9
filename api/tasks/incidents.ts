import { openIncidentsFor } from '../../db/incidents.js';
import type { Task, TaskSource } from './types.js';

/**
 * The incident part of the work inbox: for supervisors, incidents waiting for a response owner
 * and incidents escalated; for a response owner, their plan or review; for the committee chair,
 * incidents escalated to them. Deadline: the running step's.
 */
const stepTitle = { owner: 'Name a response owner', plan: 'Submit the response plan', review: 'Complete the post-incident review' } as const;

export const incidentTasks: TaskSource = async (db, principal) => {
  const tasks: Task[] = [];
  for (const v of await openIncidentsFor(db, principal)) {
    const step = v.nextStep ? v.steps[v.nextStep] : undefined;
    const what = `incident: ${v.trigger.count} complaints, ${v.trigger.dimension} ${v.trigger.value}`;
    const base = { entityType: 'incident' as const, entityId: v.id, link: `/api/v1/incidents/${v.id}`, deadline: step?.deadline ?? null, ...(step ? { deadlineState: step.state } : {}) };
    const mine = (kind: string, title: string) => tasks.push({ ...base, kind, title: `${title} (${what})` });
    const owner = v.owner?.userId === principal.userId;
    if (v.nextStep === 'owner' && principal.roles.includes('supervisor')) mine('incident.assign', stepTitle.owner);
    else if (v.nextStep && v.nextStep !== 'owner' && owner) mine(`incident.${v.nextStep}`, stepTitle[v.nextStep]);
    else if (v.escalationLevel >= 1 && (principal.roles.includes('supervisor') || v.chairUserId === principal.userId)) mine('incident.escalated', `Escalated to you${v.nextStep ? `: ${stepTitle[v.nextStep].toLowerCase()} is overdue` : ''}`);
  }
  return tasks;
};

