import { openFeedbackFor } from '../../db/feedback.js';
import { summaryLine } from '../../domain/complaints/summary-line.js';
import type { FeedbackView } from '../../domain/feedback/types.js';
import type { Task, TaskSource } from './types.js';

/**
 * The feedback part of the work inbox (docs/feedback.md): the agent's own inquiries to answer
 * (deadline: the first-response target), praise to credit, suggestions to route and items to
 * archive; a product team's routed suggestions to respond to; for supervisors, suggestions no one
 * routed yet.
 */
function step(v: FeedbackView, userId: string): { kind: string; title: string } | null {
  const mine = v.ownerId === userId;
  if (v.kind === 'inquiry' && v.status === 'open' && mine) return { kind: 'feedback.answer', title: 'Answer the inquiry' };
  if (v.kind === 'suggestion' && v.status === 'open') return { kind: 'feedback.route', title: 'Route the suggestion to its product team' };
  if (v.kind === 'suggestion' && v.status === 'routed') return mine && v.routing?.initiativeOwnerId !== userId ? null : { kind: 'feedback.respond', title: `Respond to the suggestion (${v.routing?.department ?? ''})` };
  if (v.kind === 'praise' && v.status === 'open' && mine) return { kind: 'feedback.credit', title: 'Credit the praise' };
  if (mine && (v.status === 'answered' || v.status === 'responded' || v.status === 'credited')) return { kind: 'feedback.archive', title: `Acknowledge and archive the ${v.kind}` };
  return null;
}

export const feedbackTasks: TaskSource = async (db, principal) => {
  const tasks: Task[] = [];
  for (const v of await openFeedbackFor(db, principal)) {
    const s = step(v, principal.userId);
    if (!s) continue;
    const clock = v.kind === 'inquiry' && v.status === 'open' && v.firstResponse ? { deadline: v.firstResponse.due, deadlineState: v.firstResponse.state } : { deadline: null };
    tasks.push({
      kind: s.kind,
      entityType: 'feedback',
      entityId: v.id,
      title: s.title,
      link: `/api/v1/feedback/${v.id}`,
      summary: summaryLine(v.description),
      facts: { kind: v.kind, channel: v.channel, status: v.status },
      ...clock,
    });
  }
  return tasks;
};
