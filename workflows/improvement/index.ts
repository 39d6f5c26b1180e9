/**
 * One improvement action (整改 / 双周改进, docs/improvements.md): raised from a source, worked by its
 * owner against a due date in working days, verified by whoever raised it (the committee chair for
 * the committee's), and checked for effect a policy period after it closed. Workflow id
 * `improvement-<kind>.<source id>` (messages.ts): one source, one action.
 *
 * The process's face: its messages wired to the command table (commands.ts), then the loop —
 * sleep until the next reminder, due date, climb or effectiveness check (clock.ts) or until a
 * command changed them — until the effectiveness is recorded.
 */
import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { startDue } from '../../domain/improvements/clock.js';
import { newImprovementState, raisedBatch } from '../../domain/improvements/process.js';
import { verifierOf } from '../../domain/improvements/rules.js';
import type { ImprovementInput, ImprovementState, ImprovementView } from '../../domain/improvements/types.js';
import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { updateHandlers, type ProcessCommand } from '../process/command.js';
import { requireStartProof, requireUpdateProof } from '../process/proof.js';
import { advanceClocks, clockEventDue, nextClockEventAt } from './clock.js';
import { improvementCommands } from './commands.js';
import { completeUpdate, improvementQuery, raisedUpdate, reportProgressUpdate, sendBackUpdate, verifyUpdate } from './messages.js';
import { record, viewOf } from './record.js';
import { Improvement } from './state.js';

const { prepareImprovement } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

export async function improvementWorkflow(input: ImprovementInput, carried?: ImprovementState): Promise<ImprovementView> {
  // Raised through the API (signed), or by a parent workflow (a meeting's decision: raise.ts).
  if (!carried && !workflowInfo().parent) requireStartProof(input);
  const improvement = new Improvement(input, workflowInfo().workflowId, carried);
  const registration: Promise<void> = carried ? Promise.resolve() : raise(improvement);
  const lockedProcess = { lock: improvement.lock, untilReady: () => (improvement.registered ? undefined : registration) };

  setHandler(improvementQuery, () => viewOf(improvement));
  setHandler(
    raisedUpdate,
    async () => {
      await registration;
      return viewOf(improvement);
    },
    { validator: requireUpdateProof },
  );
  const commands = improvementCommands(improvement);
  setHandler(reportProgressUpdate, ...wire(commands.progress));
  setHandler(completeUpdate, ...wire(commands.complete));
  setHandler(verifyUpdate, ...wire(commands.verify));
  setHandler(sendBackUpdate, ...wire(commands.sendBack));

  await registration;
  while (!improvement.done) {
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => !improvement.lock.isHeld && allHandlersFinished());
      if (!improvement.done) await continueAsNew<typeof improvementWorkflow>(input, improvement.state);
    }
    const at = nextClockEventAt(improvement);
    improvement.clocksChanged = false;
    const woken = () => improvement.clocksChanged || improvement.done || workflowInfo().continueAsNewSuggested;
    if (at === null) await condition(woken);
    else if (at > Date.now()) await condition(woken, at - Date.now());
    if (improvement.done) break;
    await improvement.lock.run(async () => {
      const now = Date.now();
      if (clockEventDue(improvement, now)) await record(improvement, await advanceClocks(improvement, now));
    });
  }
  await condition(allHandlersFinished);
  return viewOf(improvement);

  function wire<C, R>(command: ProcessCommand<C, R>) {
    const { handler, validator } = updateHandlers(lockedProcess, command);
    return [handler, { validator }] as const;
  }
}

/** Raises the action: the policy, the chair and the department head snapshotted, the due date on the business calendar. */
async function raise(improvement: Improvement): Promise<void> {
  await improvement.lock.run(async () => {
    const { input } = improvement;
    const p = await prepareImprovement({ raisedAt: input.raisedAt, dueInDays: input.dueInDays, ownerDepartment: input.ownerDepartment, ...(input.policy ? { policy: input.policy, policyVersion: input.policyVersion ?? 0 } : {}) });
    const raisedAt = Date.parse(input.raisedAt);
    improvement.state = newImprovementState(input, {
      policy: p.policy,
      policyVersion: p.policyVersion,
      clock: startDue(raisedAt, Date.parse(p.due), Date.parse(p.climbAt), p.policy.reminderRatio),
      verifierId: verifierOf(input.source.kind, input.raisedBy.userId, p.chairUserId),
      chairUserId: p.chairUserId,
      departmentHeadId: p.departmentHeadId,
    });
    improvement.registered = true;
    const now = Date.now();
    const batch = raisedBatch(input, improvement.state, now);
    const due = clockEventDue(improvement, now) ? await advanceClocks(improvement, now) : { audit: [], notes: [] };
    await record(improvement, { audit: [...batch.audit, ...due.audit], notes: [...batch.notes, ...due.notes] });
  });
}
