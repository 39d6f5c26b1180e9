import type { Actor } from '../../domain/actor.js';
import type { Batch } from '../../domain/drafts.js';
import { outcomeBatch } from '../../domain/followups/process.js';
import { mayRecordOutcome, outcomeProblem } from '../../domain/followups/rules.js';
import type { FollowUpState, FollowUpView, RecordOutcomeCommand } from '../../domain/followups/types.js';
import type { CommandSpec, ProcessCommand } from '../process/command.js';
import { refuse, refuseUnless } from '../process/refuse.js';
import { advanceClocks, clockEventDue, nextClockEventAt } from './clock.js';
import { record, viewOf } from './record.js';
import type { FollowUp } from './state.js';

/**
 * The follow-up's one command, recording its outcome, as a table entry (validate / apply) run
 * under the follow-up's lock. Who may act and the outcome's checks are domain/followups/rules.ts.
 */
type Entry<C, P = undefined> = CommandSpec<FollowUpState, C, P, Batch>;

function followUpCommand<C extends { actor: Actor }, P>(followUp: FollowUp, entry: Entry<C, P>): ProcessCommand<C, FollowUpView> {
  const checks = (c: C) => {
    if (followUp.state.status !== 'open') refuse('conflict', 'outcome refused: the follow-up is closed (its outcome is recorded)');
    refuseUnless(mayRecordOutcome(c.actor));
    entry.validate?.(c, followUp.state);
  };
  return {
    check: checks,
    execute: async (c) => {
      checks(c);
      const prepared = entry.prepare ? await entry.prepare(c, followUp.state) : (undefined as P);
      const now = Date.now();
      const due = clockEventDue(followUp, now) ? advanceClocks(followUp, now) : { audit: [], notes: [] };
      checks(c);
      const before = nextClockEventAt(followUp);
      const batch = entry.apply(c, followUp.state, now, prepared);
      await record(followUp, { audit: [...due.audit, ...batch.audit], notes: [...due.notes, ...batch.notes] });
      if (nextClockEventAt(followUp) !== before) followUp.clocksChanged = true;
      return viewOf(followUp);
    },
  };
}

export function followUpCommands(followUp: FollowUp) {
  const recordOutcome: Entry<RecordOutcomeCommand> = {
    validate: (c) => {
      const p = outcomeProblem(c);
      if (p) refuse('invalid', p.message);
    },
    apply: (c, state, now) => outcomeBatch(followUp.input, state, c, now),
  };
  return { recordOutcome: followUpCommand(followUp, recordOutcome) };
}
