/**
 * The meeting's rules (docs/meetings.md): who attends, the quorum of an item, who is recused from
 * it, which decisions an item takes and what each needs, who decides, who signs the minutes.
 * Used by the meeting workflow's validators, the API and the web UI alike.
 *
 * Quorum and recusal are the gate review's (domain/gates/review.ts): a quorum is
 * ceil(eligible × the review policy's quorum ratio) of the members eligible for the item present;
 * a member is recused from an item about an initiative they submitted or own, or of their own
 * department's team.
 *
 * Workflow-safe: pure.
 */
import { allowed, refusal, type CommandCheck } from '../command-errors.js';
import type { Actor } from '../actor.js';
import { quorum as gateQuorum, recusalFor } from '../gates/review.js';
import type { CommitteeMember } from '../policies.js';
import type { ActionRequest, AgendaItem, AgendaItemKind, MeetingDecisionKind, MeetingState } from './types.js';

/** The decisions each kind of item takes. */
const decisionsByKind: Record<AgendaItemKind, MeetingDecisionKind[]> = {
  quality_report: ['noted', 'raise_action'],
  target_missed: ['noted', 'raise_action'],
  hot_issue: ['noted', 'raise_action'],
  incident: ['noted', 'raise_action'],
  overdue_action: ['noted', 'raise_action'],
  chair_item: ['noted', 'raise_action'],
  post_launch: ['post_launch_continue', 'post_launch_fix', 'post_launch_withdraw'],
  // Noted: deferred — the proposal stays pending for the chair (or a later meeting) until its deadline.
  target_proposal: ['target_approved', 'target_refused', 'noted'],
};

export function decisionsFor(kind: AgendaItemKind): MeetingDecisionKind[] {
  return decisionsByKind[kind];
}

/** Decisions that raise an improvement action (and so need one described). */
export function raisesAction(decision: MeetingDecisionKind): boolean {
  return decision === 'raise_action' || decision === 'post_launch_fix';
}

/** Every decision but `noted` needs a comment: the reason the minutes give. */
export function needsComment(decision: MeetingDecisionKind): boolean {
  return decision !== 'noted';
}

/** The members recused from an item (roster order). */
export function recusedFrom(roster: readonly CommitteeMember[], item: Pick<AgendaItem, 'stake'>): string[] {
  if (!item.stake) return [];
  return recusalFor(roster, { submitter: item.stake.submitter, ...(item.stake.owner ? { owner: item.stake.owner } : {}) }, item.stake.team).recused;
}

/** The quorum of an item: members eligible for it, and of them those present. */
export function itemQuorum(state: Pick<MeetingState, 'roster' | 'attendance' | 'quorumRatio'>, item: Pick<AgendaItem, 'stake'>): { required: number; present: number; met: boolean } {
  const recused = new Set(recusedFrom(state.roster, item));
  const eligible = state.roster.filter((m) => !recused.has(m.userId)).map((m) => m.userId);
  const present = state.attendance.filter((a) => eligible.includes(a.userId)).length;
  const q = gateQuorum(eligible.length, present, state.quorumRatio);
  return { required: q.required, present, met: q.met };
}

/** The meeting's quorum: as an item with nobody recused. */
export function meetingQuorum(state: Pick<MeetingState, 'roster' | 'attendance' | 'quorumRatio'>) {
  return itemQuorum(state, { stake: null });
}

const isMember = (state: Pick<MeetingState, 'roster'>, userId: string) => state.roster.some((m) => m.userId === userId);

/** Recording attendance: a member for themself, or the chair for a member; until the minutes are signed. */
export function attendCheck(state: MeetingState, actor: Actor, userId: string): CommandCheck {
  if (userId !== actor.userId && actor.userId !== state.chairUserId) return refusal('forbidden', 'a member records their own attendance; only the chair records another member present');
  if (!isMember(state, userId)) return refusal('forbidden', `${userId} is not on the meeting's roster`);
  if (state.status === 'signed') return refusal('conflict', 'attendance refused: the minutes are signed');
  if (state.attendance.some((a) => a.userId === userId)) return refusal('conflict', `${userId} is already recorded present`);
  return allowed;
}

/** Adding an item: the chair, while the minutes are not signed. */
export function addItemCheck(state: MeetingState, actor: Actor): CommandCheck {
  if (state.chairUserId === null || actor.userId !== state.chairUserId) return refusal('forbidden', `only the committee chair${state.chairUserId ? ` (${state.chairUserId})` : ''} adds an agenda item`);
  if (state.status === 'signed') return refusal('conflict', 'item refused: the minutes are signed');
  return allowed;
}

/** What deciding an item depends on: the chair, the roster, who is present, who is recused from it. Views carry it too (the web UI asks the same rule). */
export interface DeciderFacts {
  chairUserId: string | null;
  roster: readonly Pick<CommitteeMember, 'userId'>[];
  attendance: readonly { userId: string }[];
}

/**
 * Who decides an item: the chair, present; when the chair is recused from it, a present member
 * without a stake decides it in the chair's stead (the minutes say so).
 */
export function deciderFor(m: DeciderFacts, recused: readonly string[], userId: string): CommandCheck & { inChairsStead?: boolean } {
  const present = m.attendance.some((a) => a.userId === userId);
  if (recused.includes(userId)) return refusal('forbidden', `${userId} is recused from this item (a stake in the initiative) and cannot decide it`);
  const chairRecused = m.chairUserId !== null && recused.includes(m.chairUserId);
  if (!chairRecused && userId !== m.chairUserId) return refusal('forbidden', `only the committee chair${m.chairUserId ? ` (${m.chairUserId})` : ''} decides an agenda item`);
  if (chairRecused && !m.roster.some((r) => r.userId === userId)) return refusal('forbidden', 'the chair is recused from this item: a committee member without a stake decides it');
  if (!present) return refusal('conflict', 'decision refused: record your attendance first');
  return { ok: true, ...(chairRecused ? { inChairsStead: true } : {}) };
}

export function deciderCheck(state: MeetingState, item: AgendaItem, actor: Actor): CommandCheck & { inChairsStead?: boolean } {
  return deciderFor(state, recusedFrom(state.roster, item), actor.userId);
}

/** The content of a decision: one the item takes, a comment where needed, the action where one is raised. */
export function decisionContentCheck(item: AgendaItem, decision: unknown, comment: unknown, action: unknown): CommandCheck {
  if (typeof decision !== 'string' || !decisionsFor(item.kind).includes(decision as MeetingDecisionKind)) return refusal('invalid', `decision: the item takes one of ${decisionsFor(item.kind).join(', ')}`);
  const d = decision as MeetingDecisionKind;
  if (comment !== undefined && (typeof comment !== 'string' || comment.length > 5_000)) return refusal('invalid', 'comment: text of at most 5000 characters');
  if (needsComment(d) && (typeof comment !== 'string' || comment.trim() === '')) return refusal('invalid', `comment: the decision '${d}' needs a comment`);
  if (raisesAction(d)) {
    const a = action as Partial<ActionRequest> | undefined;
    if (!a || typeof a !== 'object') return refusal('invalid', 'action: the decision raises an improvement action: give its title, owner and due date');
    if (typeof a.title !== 'string' || a.title.trim() === '' || a.title.length > 500) return refusal('invalid', 'action.title: required, at most 500 characters');
    if (typeof a.plan !== 'string' || a.plan.trim() === '' || a.plan.length > 5_000) return refusal('invalid', 'action.plan: required, at most 5000 characters');
    if (!a.owner || typeof a.owner.userId !== 'string' || a.owner.userId === '' || typeof a.owner.name !== 'string' || a.owner.name.trim() === '') return refusal('invalid', 'action.owner: a person (user id and name)');
    if (typeof a.ownerDepartment !== 'string' || a.ownerDepartment.trim() === '' || a.ownerDepartment.length > 200) return refusal('invalid', 'action.ownerDepartment: the owner’s department');
    if (typeof a.dueInDays !== 'number' || !Number.isInteger(a.dueInDays) || a.dueInDays < 1 || a.dueInDays > 365) return refusal('invalid', 'action.dueInDays: whole working days, 1 to 365');
  } else if (action !== undefined) return refusal('invalid', `action: the decision '${d}' raises no action`);
  return allowed;
}

/** The whole decision check, in the order a caller learns most from: the item, who, the state, the quorum, the content. */
export function decideCheck(state: MeetingState, actor: Actor, itemKey: string, decision: unknown, comment: unknown, action: unknown): CommandCheck & { inChairsStead?: boolean } {
  const item = state.items.find((i) => i.key === itemKey);
  if (!item) return refusal('invalid', `itemKey: the agenda has no item ${JSON.stringify(itemKey)}`);
  const who = deciderCheck(state, item, actor);
  if (!who.ok) return who;
  if (state.status === 'signed') return refusal('conflict', 'decision refused: the minutes are signed');
  if (state.decisions[item.key]) return refusal('conflict', `decision refused: the item ${item.key} is decided`);
  const q = itemQuorum(state, item);
  if (!q.met) return refusal('conflict', `decision refused: no quorum for this item (${q.present} of ${q.required} eligible members present)`);
  const content = decisionContentCheck(item, decision, comment, action);
  return content.ok ? who : content;
}

/** Every item decided (an agenda of no items is decided at once). */
export function allDecided(state: Pick<MeetingState, 'items' | 'decisions'>): boolean {
  return state.items.every((i) => state.decisions[i.key] !== undefined);
}

/** Signing the minutes: the chair, confirming, once every item is decided. */
export function signCheck(state: MeetingState, actor: Actor, confirm: unknown): CommandCheck {
  if (state.chairUserId === null || actor.userId !== state.chairUserId) return refusal('forbidden', `only the committee chair${state.chairUserId ? ` (${state.chairUserId})` : ''} signs the minutes`);
  if (state.status === 'signed') return refusal('conflict', 'signature refused: the minutes are signed');
  if (!allDecided(state)) return refusal('conflict', `signature refused: ${state.items.filter((i) => !state.decisions[i.key]).length} agenda item(s) are not decided`);
  if (confirm !== true) return refusal('invalid', 'confirm: the chair confirms the minutes as shown (true)');
  return allowed;
}
