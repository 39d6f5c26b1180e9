import { openMeetingsFor } from '../../db/meetings.js';
import type { Task, TaskSource } from './types.js';

/**
 * The meeting part of the work inbox (docs/meetings.md): for each member of a meeting not yet
 * signed, recording their attendance; for the chair (or the member deciding in a recused
 * chair's stead), the items waiting for a decision while the quorum is there; for the chair,
 * the minutes to sign (deadline: the escalation).
 */
export const meetingTasks: TaskSource = async (db, principal) => {
  const tasks: Task[] = [];
  for (const v of await openMeetingsFor(db, principal.userId)) {
    const base = { entityType: 'meeting' as const, entityId: v.id, link: `/api/v1/meetings/${v.id}` };
    const present = v.attendance.some((a) => a.userId === principal.userId);
    if (!present && v.status === 'in_session') tasks.push({ ...base, kind: 'meeting.attend', title: `Attend the committee meeting ${v.id}`, deadline: null });
    const chair = v.chairUserId === principal.userId;
    const toDecide = v.items.filter((i) => !i.decision && !i.recused.includes(principal.userId) && (chair ? !i.recused.includes(v.chairUserId ?? '') : v.chairUserId !== null && i.recused.includes(v.chairUserId)));
    if (present && v.status === 'in_session' && toDecide.length > 0) tasks.push({ ...base, kind: 'meeting.decide', title: `Decide ${toDecide.length} agenda item(s) of the committee meeting ${v.id}`, deadline: null });
    if (chair && v.status === 'minutes_ready') tasks.push({ ...base, kind: 'meeting.sign', title: `Sign the minutes of the committee meeting ${v.id}`, deadline: v.minutes.escalateAt, deadlineState: v.minutes.remindedAt ? 'at_risk' : 'pending' });
  }
  return tasks;
};
