/**
 * One detractor follow-up (回访闭环, docs/followups.md): a customer's low score (NPS 0–6 or
 * CSAT ≤ 2) on a complaint, given to the supervisors of its accountable department with a
 * deadline on the business calendar; a supervisor records what came of it, which ends it. Opened
 * by the worker's sweeper (signed start input); workflow id `followup-<response id>`.
 *
 * The process's face: its messages wired to the command table (commands.ts), then the loop —
 * sleep until the reminder or the deadline (clock.ts) or until the outcome closed it.
 */
import { allHandlersFinished, condition, continueAsNew, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { newFollowUpState, openedBatch } from '../../domain/followups/process.js';
import { startClock } from '../../domain/followups/rules.js';
import type { FollowUpInput, FollowUpState, FollowUpView } from '../../domain/followups/types.js';
import { updateHandlers, type ProcessCommand } from '../process/command.js';
import { requireStartProof, requireUpdateProof } from '../process/proof.js';
import { advanceClocks, clockEventDue, nextClockEventAt } from './clock.js';
import { followUpCommands } from './commands.js';
import { followUpQuery, openedUpdate, recordOutcomeUpdate } from './messages.js';
import { record, viewOf } from './record.js';
import { FollowUp } from './state.js';

const { prepareFollowUp } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

export async function followUpWorkflow(input: FollowUpInput, carried?: FollowUpState): Promise<FollowUpView> {
  if (!carried) requireStartProof(input);
  const followUp = new FollowUp(input, workflowInfo().workflowId, carried);
  const registration: Promise<void> = carried ? Promise.resolve() : open(followUp);
  const lockedProcess = { lock: followUp.lock, untilReady: () => (followUp.registered ? undefined : registration) };

  setHandler(followUpQuery, () => viewOf(followUp));
  setHandler(
    openedUpdate,
    async () => {
      await registration;
      return viewOf(followUp);
    },
    { validator: requireUpdateProof },
  );
  const commands = followUpCommands(followUp);
  setHandler(recordOutcomeUpdate, ...wire(commands.recordOutcome));

  await registration;
  while (!followUp.done) {
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => !followUp.lock.isHeld && allHandlersFinished());
      if (!followUp.done) await continueAsNew<typeof followUpWorkflow>(input, followUp.state);
    }
    const at = nextClockEventAt(followUp);
    followUp.clocksChanged = false;
    const woken = () => followUp.clocksChanged || followUp.done || workflowInfo().continueAsNewSuggested;
    if (at === null) await condition(woken);
    else if (at > Date.now()) await condition(woken, at - Date.now());
    if (followUp.done) break;
    await followUp.lock.run(async () => {
      const now = Date.now();
      if (clockEventDue(followUp, now)) await record(followUp, advanceClocks(followUp, now));
    });
  }
  await condition(allHandlersFinished);
  return viewOf(followUp);

  function wire<C, R>(command: ProcessCommand<C, R>) {
    const { handler, validator } = updateHandlers(lockedProcess, command);
    return [handler, { validator }] as const;
  }
}

/** Opens the follow-up: the policy, the addressees and the department head snapshotted, the deadline on the business calendar. */
async function open(followUp: FollowUp): Promise<void> {
  await followUp.lock.run(async () => {
    const { input } = followUp;
    const p = await prepareFollowUp({ openedAt: input.openedAt, department: input.department });
    followUp.state = newFollowUpState({
      policy: p.policy,
      policyVersion: p.policyVersion,
      clock: startClock(Date.parse(input.openedAt), Date.parse(p.due), p.policy.reminderRatio),
      supervisorIds: p.supervisorIds,
      departmentHeadId: p.departmentHeadId,
    });
    followUp.registered = true;
    const now = Date.now();
    const batch = openedBatch(input, followUp.state, now);
    const due = clockEventDue(followUp, now) ? advanceClocks(followUp, now) : { audit: [], notes: [] };
    await record(followUp, { audit: [...batch.audit, ...due.audit], notes: [...batch.notes, ...due.notes] });
  });
}
