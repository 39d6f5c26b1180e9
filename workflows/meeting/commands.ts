import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Actor } from '../../domain/actor.js';
import { draft, notice, type Batch, type NoteDraft } from '../../domain/drafts.js';
import { improvementRequest } from '../../domain/meetings/actions.js';
import { chairItem } from '../../domain/meetings/agenda.js';
import { meetingReference, meetingSummary } from '../../domain/meetings/process.js';
import { addItemCheck, allDecided, attendCheck, decideCheck, raisesAction, signCheck } from '../../domain/meetings/rules.js';
import type { AddItemCommand, AttendCommand, DecideCommand, ItemDecision, MeetingState, MeetingView, MinutesClock, SignMinutesCommand } from '../../domain/meetings/types.js';
import type { CommandSpec, ProcessCommand } from '../process/command.js';
import { raiseImprovementAction } from '../improvement/raise.js';
import { refuse, refuseUnless } from '../process/refuse.js';
import { advanceClock, minutesClockFrom, nextClockEventAt } from './clock.js';
import { record, viewOf, type PostLaunchDecisionWrite } from './record.js';
import type { Meeting } from './state.js';

/**
 * The meeting's commands: one table entry each (validate / prepare / apply), run the same way
 * under the meeting's lock. Who may act and what a decision needs are domain/meetings/rules.ts.
 * A decision's effects outside the meeting — the improvement action it raises, the target
 * proposal it approves or refuses — are prepared by activities before the decision is applied,
 * each idempotent on the meeting and the item, so a retried or re-run step never acts twice.
 */
const { decideTargetsForMeeting } = proxyActivities<Activities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', maximumInterval: '30s', nonRetryableErrorTypes: ['CommandForbidden', 'CommandConflict', 'CommandInvalid'] },
});

type Applied = { batch: Batch; postLaunch?: PostLaunchDecisionWrite };
type Entry<C, P = undefined> = CommandSpec<MeetingState, C, P, Applied>;

function meetingCommand<C extends { actor: Actor }, P>(m: Meeting, entry: Entry<C, P>): ProcessCommand<C, MeetingView> {
  return {
    check: (c) => entry.validate?.(c, m.state),
    execute: async (c) => {
      entry.validate?.(c, m.state);
      const prepared = entry.prepare ? await entry.prepare(c, m.state) : (undefined as P);
      const now = Date.now();
      const due = advanceClock(m, now);
      entry.validate?.(c, m.state);
      const before = nextClockEventAt(m);
      const { batch, postLaunch } = entry.apply(c, m.state, now, prepared);
      await record(m, { audit: [...due.audit, ...batch.audit], notes: [...due.notes, ...batch.notes] }, postLaunch);
      if (m.signed || nextClockEventAt(m) !== before) m.clockChanged = true;
      return viewOf(m);
    },
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function meetingCommands(m: Meeting) {
  const { input } = m;
  const ref = meetingReference(input);

  /** Once the last item is decided: minutes ready, the chair asked to sign, the clock started. */
  const minutesReady = (state: MeetingState, now: number, clock: MinutesClock | null, notes: NoteDraft[]) => {
    if (!clock || !allDecided(state) || state.status !== 'in_session') return;
    state.status = 'minutes_ready';
    state.clock = clock;
    if (state.chairUserId) notes.push(notice({ kind: 'user', id: state.chairUserId }, 'meeting.minutes_ready', `${ref}: every agenda item is decided; sign the minutes (reminder on ${iso(clock.reminderAt)})`, { meetingId: input.id }));
    void now;
  };

  const attend: Entry<AttendCommand> = {
    validate: (c, state) => refuseUnless(attendCheck(state, c.actor, c.userId ?? c.actor.userId)),
    apply: (c, state, now) => {
      const before = meetingSummary(state);
      const userId = c.userId ?? c.actor.userId;
      state.attendance.push({ userId, at: iso(now), by: c.actor.userId });
      return { batch: { audit: [draft('meeting.attended', c.actor, now, before, { ...meetingSummary(state), member: userId })], notes: [] } };
    },
  };

  const addItem: Entry<AddItemCommand, MinutesClock | null> = {
    validate: (c, state) => {
      refuseUnless(addItemCheck(state, c.actor));
      if (typeof c.title !== 'string' || c.title.trim() === '' || c.title.length > 500) refuse('invalid', 'title: required, at most 500 characters');
      if (typeof c.description !== 'string' || c.description.length > 5_000) refuse('invalid', 'description: text of at most 5000 characters');
    },
    apply: (c, state, now) => {
      const before = meetingSummary(state);
      const item = chairItem(state.items, c.title.trim(), c.description, c.actor.userId, iso(now));
      state.items.push(item);
      // New business reopens minutes that were ready: the clock starts again once it is decided.
      if (state.status === 'minutes_ready') {
        state.status = 'in_session';
        state.clock = null;
      }
      return { batch: { audit: [draft('meeting.item_added', c.actor, now, before, { ...meetingSummary(state), item: { key: item.key, title: item.title } }, c.description || undefined)], notes: [] } };
    },
  };

  interface DecidePrepared {
    actionId: string | null;
    clock: MinutesClock | null;
  }
  const decide: Entry<DecideCommand, DecidePrepared> = {
    validate: (c, state) => refuseUnless(decideCheck(state, c.actor, c.itemKey, c.decision, c.comment, c.action)),
    prepare: async (c, state) => {
      const item = state.items.find((i) => i.key === c.itemKey)!;
      let actionId: string | null = null;
      if (raisesAction(c.decision) && c.action) {
        // A child workflow of its own (the actions family), started under the id its source gives: raised once, however often this runs.
        const itemNumber = state.items.findIndex((i) => i.key === item.key) + 1;
        actionId = (await raiseImprovementAction(improvementRequest({ meetingId: input.id, itemNumber, item, action: c.action, comment: (c.comment ?? '').trim(), decidedBy: c.actor, at: iso(Date.now()) }))).id;
      }
      if (item.kind === 'target_proposal' && item.subjectId && (c.decision === 'target_approved' || c.decision === 'target_refused')) {
        try {
          await decideTargetsForMeeting({ proposalId: item.subjectId, meetingId: input.id, itemKey: item.key, approved: c.decision === 'target_approved', comment: (c.comment ?? '').trim() });
        } catch (err) {
          // The proposal refused (it lapsed, was decided, or the targets changed since): the item stays open.
          refuse('conflict', `decision refused: ${(err as { cause?: { message?: string } }).cause?.message ?? 'the target proposal could not be decided'}`);
        }
      }
      const last = state.items.every((i) => i.key === item.key || state.decisions[i.key] !== undefined);
      return { actionId, clock: last ? await minutesClockFrom(m, Date.now()) : null };
    },
    apply: (c, state, now, { actionId, clock }) => {
      const who = decideCheck(state, c.actor, c.itemKey, c.decision, c.comment, c.action);
      refuseUnless(who);
      const item = state.items.find((i) => i.key === c.itemKey)!;
      const before = meetingSummary(state);
      const q = viewOf(m).items.find((i) => i.key === item.key)!.quorum;
      const decision: ItemDecision = {
        decision: c.decision,
        comment: (c.comment ?? '').trim(),
        by: c.actor.userId,
        at: iso(now),
        inChairsStead: who.ok && who.inChairsStead === true,
        quorum: { required: q.required, present: q.present },
        ...(c.action && actionId ? { action: { ...c.action, actionId } } : {}),
      };
      state.decisions[item.key] = decision;
      const notes: NoteDraft[] = [];
      for (const member of state.roster) if (member.userId !== c.actor.userId) notes.push(notice({ kind: 'user', id: member.userId }, 'meeting.item_decided', `${ref}: "${item.title}" — ${c.decision}${decision.comment ? `: ${decision.comment}` : ''}`, { meetingId: input.id, itemKey: item.key }));
      minutesReady(state, now, clock, notes);
      const postLaunch: PostLaunchDecisionWrite | undefined =
        item.kind === 'post_launch' && item.subjectId
          ? { itemId: item.subjectId, decision: c.decision.replace('post_launch_', ''), meetingId: input.id, decidedBy: c.actor.userId, decidedAt: iso(now), comment: decision.comment, actionId: decision.action?.actionId ?? null }
          : undefined;
      return {
        batch: { audit: [draft('meeting.item_decided', c.actor, now, before, { ...meetingSummary(state), item: { key: item.key, kind: item.kind, title: item.title, subjectId: item.subjectId }, decision }, decision.comment || undefined)], notes },
        ...(postLaunch ? { postLaunch } : {}),
      };
    },
  };

  const sign: Entry<SignMinutesCommand> = {
    validate: (c, state) => refuseUnless(signCheck(state, c.actor, c.confirm)),
    apply: (c, state, now) => {
      const before = meetingSummary(state);
      state.status = 'signed';
      state.signedAt = iso(now);
      state.signedBy = c.actor.userId;
      const decided = state.items.map((i) => ({ key: i.key, title: i.title, decision: state.decisions[i.key]?.decision, actionId: state.decisions[i.key]?.action?.actionId ?? null }));
      return {
        batch: {
          audit: [draft('meeting.minutes_signed', c.actor, now, before, { ...meetingSummary(state), decisions: decided })],
          notes: [
            ...state.roster.filter((r) => r.userId !== c.actor.userId).map((r) => notice({ kind: 'user', id: r.userId }, 'meeting.minutes_signed', `${ref}: the minutes are signed (${decided.length} item(s))`, { meetingId: input.id })),
            notice({ kind: 'role', id: 'compliance_auditor' }, 'meeting.minutes_signed', `${ref}: the minutes are signed`, { meetingId: input.id }),
          ],
        },
      };
    },
  };

  return {
    attend: meetingCommand(m, attend),
    addItem: meetingCommand(m, addItem),
    decide: meetingCommand(m, decide),
    sign: meetingCommand(m, sign),
  };
}
