import { liveReviewsFor } from '../../db/initiatives.js';
import type { Task, TaskSource } from './types.js';

/**
 * The gate part of the work inbox: votes the caller still owes on open or escalated reviews
 * (as an eligible member of the review's roster snapshot), and sign-offs waiting on the caller
 * as chair — once quorum is met, or at once when the review has escalated to the chair.
 *
 * `deadlineState`: pending, at_risk once the reminder went out, breached once escalated.
 */
export const initiativeTasks: TaskSource = async (db, principal) => {
  const me = principal.userId;
  const tasks: Task[] = [];
  for (const r of await liveReviewsFor(db, me)) {
    const what = `"${r.initiativeName}" ${r.stage} v${r.version}`;
    const deadlineState = r.status === 'escalated' ? 'breached' : r.remindedAt ? 'at_risk' : 'pending';
    const base = { entityType: 'initiative' as const, entityId: r.initiativeId, deadline: r.deadline, deadlineState, link: `/api/v1/initiatives/${r.initiativeId}` };
    if (r.eligible.includes(me) && !r.votes.some((v) => v.userId === me)) {
      tasks.push({ ...base, kind: 'gate.vote', title: `Vote on ${what}` });
    }
    if (r.chair === me && r.submittedBy !== me && (r.status === 'escalated' || r.quorum.met)) {
      tasks.push({
        ...base,
        kind: 'gate.signoff',
        title: r.status === 'escalated' ? `Decide ${what} alone (escalated) or extend it once` : `Sign off ${what} (quorum met)`,
      });
    }
  }
  return tasks;
};
