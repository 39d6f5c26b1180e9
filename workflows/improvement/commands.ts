import type { Actor } from '../../domain/actor.js';
import { draft, notice, type Batch } from '../../domain/drafts.js';
import { startDue } from '../../domain/improvements/clock.js';
import { improvementReference, improvementSummary, verifierAddressee } from '../../domain/improvements/process.js';
import { evidenceListProblem, improvementAccess, improvementStatusAfter, validDueDays } from '../../domain/improvements/rules.js';
import type { CompleteCommand, DueClock, ImprovementCommand, ImprovementState, ImprovementStatus, ImprovementView, ProgressCommand, SendBackCommand, VerifyCommand } from '../../domain/improvements/types.js';
import type { CommandSpec, ProcessCommand } from '../process/command.js';
import { refuse, refuseUnless } from '../process/refuse.js';
import { advanceClocks, clockEventDue, improvementCheckAt, improvementDueDates, nextClockEventAt } from './clock.js';
import { record, viewOf } from './record.js';
import type { Improvement } from './state.js';

/**
 * The action's commands: one table entry each (validate / prepare / apply), run the same way under
 * the action's lock. The state table and who may act are domain/improvements/rules.ts.
 */
type Entry<C, P = undefined> = CommandSpec<ImprovementState, C, P, Batch> & { command: ImprovementCommand };

function improvementCommand<C extends { actor: Actor }, P>(improvement: Improvement, entry: Entry<C, P>): ProcessCommand<C, ImprovementView> {
  const checks = (c: C) => {
    const state = improvement.state;
    const next = improvementStatusAfter(state.status, entry.command);
    if (!next.ok) refuse('conflict', next.reason);
    refuseUnless(improvementAccess(entry.command, c.actor, { ownerId: state.owner.userId, verifierId: state.verifierId }));
    entry.validate?.(c, state);
  };
  return {
    check: checks,
    execute: async (c) => {
      checks(c);
      const prepared = entry.prepare ? await entry.prepare(c, improvement.state) : (undefined as P);
      const now = Date.now();
      const due = clockEventDue(improvement, now) ? await advanceClocks(improvement, now) : { audit: [], notes: [] };
      checks(c);
      const before = nextClockEventAt(improvement);
      const batch = entry.apply(c, improvement.state, now, prepared);
      await record(improvement, { audit: [...due.audit, ...batch.audit], notes: [...due.notes, ...batch.notes] });
      if (nextClockEventAt(improvement) !== before) improvement.clocksChanged = true;
      return viewOf(improvement);
    },
  };
}

const statusAfter = (state: ImprovementState, command: ImprovementCommand): ImprovementStatus => {
  const next = improvementStatusAfter(state.status, command);
  if (!next.ok) refuse('conflict', next.reason);
  return next.status;
};

const text = (v: unknown, what: string, max = 5_000) => {
  if (typeof v !== 'string' || v.trim() === '' || v.length > max) refuse('invalid', `${what} must be non-empty text of at most ${max} characters`);
};
const evidence = (list: unknown, required: boolean) => {
  const p = evidenceListProblem(list, required);
  if (p) refuse('invalid', p);
};
const iso = (ms: number) => new Date(ms).toISOString();

export function improvementCommands(improvement: Improvement) {
  const { input } = improvement;
  const ref = () => improvementReference(input);

  const progress: Entry<ProgressCommand> = {
    command: 'progress',
    validate: (c) => {
      text(c.note, 'the progress note');
      evidence(c.evidence, false);
    },
    apply: (c, state, now) => {
      state.progress.push({ note: c.note, evidence: c.evidence, by: c.actor.userId, at: iso(now) });
      return { audit: [draft('improvement.progress_reported', c.actor, now, null, { ...improvementSummary(state), note: c.note, evidence: c.evidence })], notes: [] };
    },
  };

  const complete: Entry<CompleteCommand> = {
    command: 'complete',
    validate: (c) => {
      text(c.summary, 'what was done');
      evidence(c.evidence, true);
    },
    apply: (c, state, now) => {
      const before = improvementSummary(state);
      state.status = statusAfter(state, 'complete');
      state.completions.push({ summary: c.summary, evidence: c.evidence, by: c.actor.userId, at: iso(now) });
      return {
        audit: [draft('improvement.completed', c.actor, now, before, { ...improvementSummary(state), summary: c.summary, evidence: c.evidence, late: state.clock.overdueAt !== undefined })],
        notes: [notice(verifierAddressee(state), 'improvement.verification_needed', `${ref()}: ${state.owner.name} reports it done; verify it or send it back`, { improvementId: input.id })],
      };
    },
  };

  const verify: Entry<VerifyCommand, string> = {
    command: 'verify',
    // The effectiveness check's date, on the business calendar from now.
    prepare: async () => improvementCheckAt({ from: iso(Date.now()), after: improvement.state.policy.effectivenessAfter }),
    apply: (c, state, now, checkAt) => {
      const before = improvementSummary(state);
      state.status = statusAfter(state, 'verify');
      state.verifications.push({ decision: 'verified', by: c.actor.userId, at: iso(now) });
      state.closedAt = iso(now);
      state.effectivenessAt = checkAt;
      return {
        audit: [draft('improvement.verified', c.actor, now, before, { ...improvementSummary(state), effectivenessCheckAt: checkAt })],
        notes: [notice({ kind: 'user', id: state.owner.userId }, 'improvement.closed', `${ref()}: verified and closed; its effect is checked on ${checkAt}`, { improvementId: input.id })],
      };
    },
  };

  const sendBack: Entry<SendBackCommand, DueClock> = {
    command: 'send_back',
    validate: (c) => {
      text(c.reason, 'the reason for sending it back', 2_000);
      if (!validDueDays(c.dueInDays)) refuse('invalid', 'the new due date is a whole number of working days from 1 to 250');
    },
    prepare: async (c, state) => {
      const from = Date.now();
      const { due, climbAt } = await improvementDueDates({ from: iso(from), dueInDays: c.dueInDays, policy: state.policy });
      return startDue(from, Date.parse(due), Date.parse(climbAt), state.policy.reminderRatio);
    },
    apply: (c, state, now, clock) => {
      const before = improvementSummary(state);
      state.status = statusAfter(state, 'send_back');
      state.clock = clock;
      state.level = 0;
      state.verifications.push({ decision: 'sent_back', reason: c.reason, newDue: iso(clock.due), by: c.actor.userId, at: iso(now) });
      return {
        audit: [draft('improvement.sent_back', c.actor, now, before, improvementSummary(state), c.reason)],
        notes: [notice({ kind: 'user', id: state.owner.userId }, 'improvement.sent_back', `${ref()}: sent back — ${c.reason}; now due by ${iso(clock.due)}`, { improvementId: input.id, due: iso(clock.due) })],
      };
    },
  };

  return {
    progress: improvementCommand(improvement, progress),
    complete: improvementCommand(improvement, complete),
    verify: improvementCommand(improvement, verify),
    sendBack: improvementCommand(improvement, sendBack),
  };
}
