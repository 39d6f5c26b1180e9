/**
 * The feedback rules (docs/feedback.md): which command each kind takes in which status, who may
 * give it, and when a complaint may be reclassified as feedback. Used by the workflows'
 * validators, the API and the web UI alike.
 *
 * Workflow-safe: pure.
 *
 * Decisions (the policies are silent):
 * - inquiry: answer (open → answered), archive (answered → archived).
 * - suggestion: route (open or routed → routed: a re-route), respond (routed → responded), link
 *   an improvement action or an initiative (routed or responded), archive (responded → archived).
 * - praise: credit (open → credited), archive (credited → archived: the acknowledgement).
 * - reclassify (as a complaint): in any status before the item ended.
 * - Who: the agent who logged the item (its owner) or a supervisor take every step but the
 *   team's; a suggestion's response and links come from its product team — a member of the
 *   routed department, the linked initiative's owner — or a supervisor.
 */
import type { Actor } from '../actor.js';
import { allowed, refusal, type CommandCheck } from '../command-errors.js';
import type { ComplaintStatus } from '../complaints/types.js';
import type { FeedbackCommand, FeedbackKind, FeedbackStatus, Routing } from './types.js';

type Table = Partial<Record<FeedbackStatus, Partial<Record<FeedbackCommand, FeedbackStatus | 'same'>>>>;

const tables: Record<FeedbackKind, Table> = {
  inquiry: {
    open: { answer: 'answered', reclassify: 'reclassified' },
    answered: { archive: 'archived', reclassify: 'reclassified' },
  },
  suggestion: {
    open: { route: 'routed', reclassify: 'reclassified' },
    routed: { route: 'routed', respond: 'responded', link: 'same', reclassify: 'reclassified' },
    responded: { link: 'same', archive: 'archived', reclassify: 'reclassified' },
  },
  praise: {
    open: { credit: 'credited', reclassify: 'reclassified' },
    credited: { archive: 'archived', reclassify: 'reclassified' },
  },
};

export function allowedFeedbackCommands(kind: FeedbackKind, status: FeedbackStatus): FeedbackCommand[] {
  return Object.keys(tables[kind][status] ?? {}) as FeedbackCommand[];
}

/** The status after `command`, or a refusal naming the current state. */
export function feedbackStatusAfter(kind: FeedbackKind, status: FeedbackStatus, command: FeedbackCommand): { ok: true; status: FeedbackStatus } | { ok: false; reason: string } {
  const target = tables[kind][status]?.[command];
  if (target === undefined) {
    const now = allowedFeedbackCommands(kind, status);
    return { ok: false, reason: `'${command}' is not allowed for a ${kind} that is '${status}' (allowed: ${now.length ? now.join(', ') : 'none'})` };
  }
  return { ok: true, status: target === 'same' ? status : target };
}

const teamCommands: readonly FeedbackCommand[] = ['respond', 'link'];

/** Whether the caller belongs to the suggestion's product team: the routed department, or the linked initiative's owner. */
export function onTeam(actor: Pick<Actor, 'userId' | 'department'>, routing: Routing | null): boolean {
  if (!routing) return false;
  return (actor.department !== undefined && actor.department === routing.department) || (routing.initiativeOwnerId !== null && routing.initiativeOwnerId === actor.userId);
}

/** Who may give `command`: the owner or a supervisor; the product team (or a supervisor) for the team's steps. */
export function feedbackAccess(command: FeedbackCommand, actor: Actor, who: { ownerId: string; routing: Routing | null }): CommandCheck {
  if (actor.roles.includes('supervisor')) return allowed;
  if (teamCommands.includes(command)) {
    return onTeam(actor, who.routing) ? allowed : refusal('forbidden', `only the suggestion's product team (${who.routing?.department ?? 'not routed yet'}) or a supervisor may ${command === 'respond' ? 'respond to it' : 'link it'}`);
  }
  return actor.userId === who.ownerId ? allowed : refusal('forbidden', `only the agent who logged it (${who.ownerId}) or a supervisor may ${command} it`);
}

/**
 * A complaint reclassified as feedback: only before any resolution was given (open, responded or
 * transferred, no resolution proposed), and only by a supervisor — it takes a complaint out of
 * the SLA clocks and the complaint KPIs, which an agent does not decide alone (docs/feedback.md).
 */
export const reclassifiableComplaintStatuses: readonly ComplaintStatus[] = ['open', 'responded', 'transferred'];

export function complaintReclassifyRefusal(actor: Pick<Actor, 'roles'>, complaint: { status: ComplaintStatus; resolutions: number }): { code: 'forbidden' | 'conflict'; message: string } | null {
  if (!actor.roles.includes('supervisor')) return { code: 'forbidden', message: 'only a supervisor may reclassify a complaint as feedback' };
  if (!reclassifiableComplaintStatuses.includes(complaint.status) || complaint.resolutions > 0) {
    return { code: 'conflict', message: `a complaint is reclassified only before a resolution was given (it is '${complaint.status}'${complaint.resolutions > 0 ? ', with a resolution' : ''})` };
  }
  return null;
}

export const maxReason = 2_000;
export const maxText = 10_000;
