import type { Actor } from '../../domain/actor.js';
import { draft, notice, type Batch } from '../../domain/drafts.js';
import { meetFirstResponse } from '../../domain/feedback/clock.js';
import { feedbackReference, feedbackSummary } from '../../domain/feedback/process.js';
import { feedbackAccess, feedbackStatusAfter, maxReason, maxText } from '../../domain/feedback/rules.js';
import type { AnswerCommand, ArchiveCommand, CreditCommand, FeedbackCommand, FeedbackState, FeedbackStatus, FeedbackView, LinkCommand, ReclassifyCommand, RespondCommand, RouteCommand } from '../../domain/feedback/types.js';
import type { CommandSpec, ProcessCommand } from '../process/command.js';
import { refuse, refuseUnless } from '../process/refuse.js';
import { advanceClocks, clockEventDue, nextClockEventAt } from './clock.js';
import { record, viewOf } from './record.js';
import type { Feedback } from './state.js';

/**
 * The item's commands: one table entry each (validate / apply), run the same way under the
 * item's lock. The state table and who may act are domain/feedback/rules.ts.
 */
type Entry<C, P = undefined> = CommandSpec<FeedbackState, C, P, Batch> & { command: FeedbackCommand };

function feedbackCommand<C extends { actor: Actor }, P>(feedback: Feedback, entry: Entry<C, P>): ProcessCommand<C, FeedbackView> {
  const checks = (c: C) => {
    const state = feedback.state;
    const next = feedbackStatusAfter(feedback.input.kind, state.status, entry.command);
    if (!next.ok) refuse('conflict', next.reason);
    refuseUnless(feedbackAccess(entry.command, c.actor, { ownerId: state.ownerId, routing: state.routing }));
    entry.validate?.(c, state);
  };
  return {
    check: checks,
    execute: async (c) => {
      checks(c);
      const prepared = entry.prepare ? await entry.prepare(c, feedback.state) : (undefined as P);
      const now = Date.now();
      const due = clockEventDue(feedback, now) ? advanceClocks(feedback, now) : { audit: [], notes: [] };
      checks(c);
      const before = nextClockEventAt(feedback);
      const batch = entry.apply(c, feedback.state, now, prepared);
      await record(feedback, { audit: [...due.audit, ...batch.audit], notes: [...due.notes, ...batch.notes] });
      if (nextClockEventAt(feedback) !== before || feedback.done) feedback.clocksChanged = true;
      return viewOf(feedback);
    },
  };
}

const statusAfter = (feedback: Feedback, command: FeedbackCommand): FeedbackStatus => {
  const next = feedbackStatusAfter(feedback.input.kind, feedback.state.status, command);
  if (!next.ok) refuse('conflict', next.reason);
  return next.status;
};

const text = (v: unknown, what: string, max: number) => {
  if (typeof v !== 'string' || v.trim() === '' || v.length > max) refuse('invalid', `${what} must be non-empty text of at most ${max} characters`);
};
const optionalText = (v: unknown, what: string, max: number) => {
  if (v !== undefined && (typeof v !== 'string' || v.length > max)) refuse('invalid', `${what} must be text of at most ${max} characters`);
};
const idText = (v: unknown, what: string) => {
  if (typeof v !== 'string' || !/^[A-Za-z0-9_.:-]{1,200}$/.test(v)) refuse('invalid', `${what} must be an id`);
};
const iso = (ms: number) => new Date(ms).toISOString();

export function feedbackCommands(feedback: Feedback) {
  const { input } = feedback;
  const ref = () => feedbackReference(input);
  const ended = (state: FeedbackState, now: number) => {
    state.closedAt = iso(now);
  };

  const answer: Entry<AnswerCommand> = {
    command: 'answer',
    validate: (c) => text(c.answer, 'the answer', maxText),
    apply: (c, state, now) => {
      const before = feedbackSummary(state);
      state.status = statusAfter(feedback, 'answer');
      state.answer = { text: c.answer, by: c.actor.userId, at: iso(now) };
      if (state.clock) state.clock = meetFirstResponse(state.clock, now);
      const late = state.clock ? now > state.clock.due : false;
      return { audit: [draft('feedback.answered', c.actor, now, before, { ...feedbackSummary(state), answer: c.answer, late })], notes: [] };
    },
  };

  const route: Entry<RouteCommand> = {
    command: 'route',
    validate: (c) => {
      idText(c.department, 'the department');
      if (c.initiativeId !== undefined) idText(c.initiativeId, 'the initiative');
      optionalText(c.note, 'the note', maxReason);
    },
    apply: (c, state, now) => {
      const before = { ...feedbackSummary(state), department: state.routing?.department ?? null };
      state.status = statusAfter(feedback, 'route');
      state.routing = {
        department: c.department,
        initiativeId: c.initiativeId ?? null,
        teamLeadId: c.teamLeadId ?? null,
        initiativeOwnerId: c.initiativeOwnerId ?? null,
        note: c.note ?? '',
        by: c.actor.userId,
        at: iso(now),
      };
      if (c.initiativeId && !state.links.initiatives.includes(c.initiativeId)) state.links = { ...state.links, initiatives: [...state.links.initiatives, c.initiativeId] };
      const team = [c.teamLeadId, c.initiativeOwnerId].filter((x): x is string => typeof x === 'string' && x !== '');
      const to = team.length ? [...new Set(team)].map((id) => ({ kind: 'user' as const, id })) : [{ kind: 'role' as const, id: 'supervisor' }];
      return {
        audit: [draft('feedback.routed', c.actor, now, before, { ...feedbackSummary(state), department: c.department, initiativeId: c.initiativeId ?? null, teamLead: c.teamLeadId ?? null, initiativeOwner: c.initiativeOwnerId ?? null }, c.note || undefined)],
        notes: to.map((who) => notice(who, 'feedback.routed', `${ref()}: a customer's suggestion was routed to ${c.department}; record the team's response`, { feedbackId: input.id, department: c.department })),
      };
    },
  };

  const respond: Entry<RespondCommand> = {
    command: 'respond',
    validate: (c) => text(c.response, 'the response', maxText),
    apply: (c, state, now) => {
      const before = feedbackSummary(state);
      state.status = statusAfter(feedback, 'respond');
      state.response = { text: c.response, by: c.actor.userId, at: iso(now) };
      return {
        audit: [draft('feedback.responded', c.actor, now, before, { ...feedbackSummary(state), response: c.response })],
        notes: [notice({ kind: 'user', id: state.ownerId }, 'feedback.responded', `${ref()}: the product team responded to the suggestion`, { feedbackId: input.id })],
      };
    },
  };

  const link: Entry<LinkCommand> = {
    command: 'link',
    validate: (c) => {
      if ((c.improvementId === undefined) === (c.initiativeId === undefined)) refuse('invalid', 'link one improvement action or one initiative');
      if (c.improvementId !== undefined) idText(c.improvementId, 'the improvement action');
      if (c.initiativeId !== undefined) idText(c.initiativeId, 'the initiative');
    },
    apply: (c, state, now) => {
      const before = { links: state.links };
      const links = { improvements: [...state.links.improvements], initiatives: [...state.links.initiatives] };
      if (c.improvementId && !links.improvements.includes(c.improvementId)) links.improvements.push(c.improvementId);
      if (c.initiativeId && !links.initiatives.includes(c.initiativeId)) links.initiatives.push(c.initiativeId);
      state.links = links;
      return { audit: [draft('feedback.linked', c.actor, now, before, { ...feedbackSummary(state), links })], notes: [] };
    },
  };

  const credit: Entry<CreditCommand> = {
    command: 'credit',
    validate: (c) => {
      if (c.kind !== 'person' && c.kind !== 'department') refuse('invalid', 'praise is credited to a person or a department');
      idText(c.id, 'who is credited');
      text(c.name, 'the name of who is credited', 200);
      optionalText(c.note, 'the note', maxReason);
    },
    apply: (c, state, now) => {
      const before = feedbackSummary(state);
      state.status = statusAfter(feedback, 'credit');
      state.credit = { kind: c.kind, id: c.id, name: c.name, note: c.note ?? '', by: c.actor.userId, at: iso(now) };
      const notes = c.kind === 'person' ? [notice({ kind: 'user', id: c.id }, 'feedback.praised', `${ref()}: a customer praised you`, { feedbackId: input.id })] : [];
      return { audit: [draft('feedback.credited', c.actor, now, before, { ...feedbackSummary(state), credit: { kind: c.kind, id: c.id, name: c.name } }, c.note || undefined)], notes };
    },
  };

  const archive: Entry<ArchiveCommand> = {
    command: 'archive',
    validate: (c) => optionalText(c.note, 'the note', maxReason),
    apply: (c, state, now) => {
      const before = feedbackSummary(state);
      state.status = statusAfter(feedback, 'archive');
      state.archive = { text: c.note ?? '', by: c.actor.userId, at: iso(now) };
      ended(state, now);
      return { audit: [draft('feedback.archived', c.actor, now, before, feedbackSummary(state), c.note || undefined)], notes: [] };
    },
  };

  const reclassify: Entry<ReclassifyCommand> = {
    command: 'reclassify',
    validate: (c) => {
      text(c.reason, 'the reason', maxReason);
      idText(c.complaintId, 'the complaint');
    },
    apply: (c, state, now) => {
      const before = feedbackSummary(state);
      state.status = statusAfter(feedback, 'reclassify');
      state.reclassified = { complaintId: c.complaintId, reason: c.reason, by: c.actor.userId, at: iso(now) };
      ended(state, now);
      return {
        audit: [draft('feedback.reclassified', c.actor, now, before, { ...feedbackSummary(state), complaintId: c.complaintId }, c.reason)],
        notes: c.actor.userId === state.ownerId ? [] : [notice({ kind: 'user', id: state.ownerId }, 'feedback.reclassified', `${ref()} was reclassified as a complaint by ${c.actor.name}`, { feedbackId: input.id, complaintId: c.complaintId })],
      };
    },
  };

  return {
    answer: feedbackCommand(feedback, answer),
    route: feedbackCommand(feedback, route),
    respond: feedbackCommand(feedback, respond),
    link: feedbackCommand(feedback, link),
    credit: feedbackCommand(feedback, credit),
    archive: feedbackCommand(feedback, archive),
    reclassify: feedbackCommand(feedback, reclassify),
  };
}
