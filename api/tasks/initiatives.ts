import { initiativesAwaitingOwner, liveReviewsFor } from '../../db/initiatives.js';
import type { Task, TaskSource } from './types.js';

/**
 * The gate part of the work inbox: votes the caller still owes on open or escalated reviews
 * (as an eligible member of the review's roster snapshot), and sign-offs waiting on the caller
 * as chair — once quorum is met, or at once when the review has escalated to the chair.
 *
 * `deadlineState`: pending, at_risk once the reminder went out, breached once escalated.
 *
 * And the product owner's own work: the deliverables of the current stage while the initiative
 * is in progress, the rework while the committee's requested changes wait (no deadline runs on
 * the owner; the gate's clock starts at submission).
 */
export const initiativeTasks: TaskSource = async (db, principal) => {
  const me = principal.userId;
  const tasks: Task[] = [];
  for (const r of await liveReviewsFor(db, me)) {
    const what = `"${r.initiativeName}" ${r.stage} v${r.version}`;
    const deadlineState = r.status === 'escalated' ? 'breached' : r.remindedAt ? 'at_risk' : 'pending';
    const facts = { name: r.initiativeName, stage: r.stage, version: String(r.version) };
    const base = { entityType: 'initiative' as const, entityId: r.initiativeId, deadline: r.deadline, deadlineState, link: `/api/v1/initiatives/${r.initiativeId}`, facts };
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
  for (const i of await initiativesAwaitingOwner(db, me)) {
    const base = { entityType: 'initiative' as const, entityId: i.id, deadline: null, link: `/api/v1/initiatives/${i.id}`, facts: { name: i.name, stage: i.stage } };
    if (i.status === 'changes_requested') {
      tasks.push({ ...base, kind: 'gate.rework', title: `Rework "${i.name}" ${i.stage}: the committee requested changes`, summary: (i.requestedChanges ?? []).join(' · ') || i.description });
    } else {
      tasks.push({ ...base, kind: 'gate.submit', title: `Submit the ${i.stage} deliverables of "${i.name}"`, summary: i.description });
    }
  }
  return tasks;
};
