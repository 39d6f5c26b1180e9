/**
 * One feedback item (docs/feedback.md): an inquiry, a suggestion or praise, logged from a
 * customer's contact and taken through its light process — an inquiry answered against its
 * first-response target, a suggestion routed to its product team who respond (and may raise an
 * improvement action or link an initiative), praise credited — then archived, or reclassified as
 * a complaint. Workflow id `feedback-<id>`.
 *
 * The process's face: its messages wired to the command table (commands.ts), then the loop —
 * sleep until the inquiry's next clock event (clock.ts) or until a command changed it — until the
 * item ends.
 */
import { allHandlersFinished, condition, continueAsNew, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { startFirstResponse } from '../../domain/feedback/clock.js';
import { loggedBatch, newFeedbackState } from '../../domain/feedback/process.js';
import type { FeedbackInput, FeedbackState, FeedbackView } from '../../domain/feedback/types.js';
import { updateHandlers, type ProcessCommand } from '../process/command.js';
import { requireStartProof, requireUpdateProof } from '../process/proof.js';
import { advanceClocks, clockEventDue, nextClockEventAt } from './clock.js';
import { feedbackCommands } from './commands.js';
import { answerUpdate, archiveUpdate, creditUpdate, feedbackQuery, linkUpdate, loggedUpdate, reclassifyUpdate, respondUpdate, routeUpdate } from './messages.js';
import { record, viewOf } from './record.js';
import { Feedback } from './state.js';

const { prepareFeedback } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

export async function feedbackWorkflow(input: FeedbackInput, carried?: FeedbackState): Promise<FeedbackView> {
  if (!carried) requireStartProof(input);
  const feedback = new Feedback(input, workflowInfo().workflowId, carried);
  const registration: Promise<void> = carried ? Promise.resolve() : log(feedback);
  const lockedProcess = { lock: feedback.lock, untilReady: () => (feedback.registered ? undefined : registration) };

  setHandler(feedbackQuery, () => viewOf(feedback));
  setHandler(
    loggedUpdate,
    async () => {
      await registration;
      return viewOf(feedback);
    },
    { validator: requireUpdateProof },
  );
  const commands = feedbackCommands(feedback);
  setHandler(answerUpdate, ...wire(commands.answer));
  setHandler(routeUpdate, ...wire(commands.route));
  setHandler(respondUpdate, ...wire(commands.respond));
  setHandler(linkUpdate, ...wire(commands.link));
  setHandler(creditUpdate, ...wire(commands.credit));
  setHandler(archiveUpdate, ...wire(commands.archive));
  setHandler(reclassifyUpdate, ...wire(commands.reclassify));

  await registration;
  while (!feedback.done) {
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => !feedback.lock.isHeld && allHandlersFinished());
      if (!feedback.done) await continueAsNew<typeof feedbackWorkflow>(input, feedback.state);
    }
    const at = nextClockEventAt(feedback);
    feedback.clocksChanged = false;
    const woken = () => feedback.clocksChanged || feedback.done || workflowInfo().continueAsNewSuggested;
    if (at === null) await condition(woken);
    else if (at > Date.now()) await condition(woken, at - Date.now());
    if (feedback.done) break;
    await feedback.lock.run(async () => {
      const now = Date.now();
      if (clockEventDue(feedback, now)) await record(feedback, advanceClocks(feedback, now));
    });
  }
  await condition(allHandlersFinished);
  return viewOf(feedback);

  function wire<C, R>(command: ProcessCommand<C, R>) {
    const { handler, validator } = updateHandlers(lockedProcess, command);
    return [handler, { validator }] as const;
  }
}

/** Logs the item: the policy snapshotted, an inquiry's first-response target on the business calendar. */
async function log(feedback: Feedback): Promise<void> {
  await feedback.lock.run(async () => {
    const { input } = feedback;
    const p = await prepareFeedback({ kind: input.kind, receivedAt: input.receivedAt, ...(input.policy ? { policy: input.policy, policyVersion: input.policyVersion ?? 0 } : {}) });
    const clock = p.firstResponseDue ? startFirstResponse(Date.parse(input.receivedAt), Date.parse(p.firstResponseDue), p.policy.atRiskRatio) : null;
    feedback.state = newFeedbackState(input, { policy: p.policy, policyVersion: p.policyVersion, clock });
    feedback.registered = true;
    const now = Date.now();
    const batch = loggedBatch(input, feedback.state, now);
    const due = clockEventDue(feedback, now) ? advanceClocks(feedback, now) : { audit: [], notes: [] };
    await record(feedback, { audit: [...batch.audit, ...due.audit], notes: [...batch.notes, ...due.notes] });
  });
}
