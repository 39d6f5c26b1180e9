/**
 * The improvement action a meeting's decision raises (docs/meetings.md, "Decisions";
 * docs/improvements.md, "Raising"): its source — the post-launch review item for a `fix` of a
 * launched product, else the committee's decision `<meetingId>:<item number>` — the records it
 * is about, and what its effectiveness check counts (the root cause of a hot issue).
 *
 * Workflow-safe: pure.
 */
import type { Actor } from '../actor.js';
import type { ImprovementInput } from '../improvements/types.js';
import type { ActionRequest, AgendaItem } from './types.js';

export function improvementRequest(o: { meetingId: string; itemNumber: number; item: AgendaItem; action: ActionRequest; comment: string; decidedBy: Actor; at: string }): Omit<ImprovementInput, 'id'> {
  const { item } = o;
  const postLaunch = item.kind === 'post_launch' && item.subjectId !== null;
  const initiativeId = typeof item.facts.initiativeId === 'string' ? item.facts.initiativeId : null;
  return {
    source: postLaunch ? { kind: 'post_launch_review', id: item.subjectId!, label: `${item.title} (meeting ${o.meetingId})` } : { kind: 'committee', id: `${o.meetingId}:${o.itemNumber}`, label: `Committee meeting ${o.meetingId}: ${item.title}` },
    raisedBy: o.decidedBy,
    raisedAt: o.at,
    title: o.action.title,
    problem: `${item.title} — ${o.comment}`,
    plan: o.action.plan,
    ownerDepartment: o.action.ownerDepartment,
    owner: o.action.owner,
    dueInDays: o.action.dueInDays,
    links: { complaints: [], initiatives: initiativeId ? [initiativeId] : [], incidents: item.kind === 'incident' && item.subjectId ? [item.subjectId] : [] },
    measure: item.kind === 'hot_issue' && item.subjectId ? { dimension: 'rootCause', value: item.subjectId } : null,
  };
}
