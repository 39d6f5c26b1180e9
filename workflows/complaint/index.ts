/**
 * One complaint, from intake to closed (docs/complaints.md). Workflow id `complaint-<id>`.
 *
 * The process's face: its messages (messages.ts) wired to the command table (commands.ts), then
 * the clock loop (clock.ts) until the complaint closes. Every command and clock step runs under
 * the complaint's lock and is recorded (record.ts) before anyone is answered. No customer PII
 * here: `customerRef` and `piiRef` only.
 */
import { allHandlersFinished, condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ComplaintView } from '../../domain/complaints/views.js';
import { calendarChanged } from '../calendar/messages.js';
import { updateHandlers, type ProcessCommand } from '../process/command.js';
import { patches } from '../process/patches.js';
import { applyCalendarChange } from './calendar.js';
import { requireStartProof, requireUpdateProof } from '../process/proof.js';
import { advanceClocks, clockEventDue, nextClockEventAt } from './clock.js';
import { complaintCommands } from './commands.js';
import { linkInitiative, registerComplaint } from './intake.js';
import {
  appealDecisionUpdate,
  appealUpdate,
  approveUpdate,
  complaintQuery,
  correctRootCauseUpdate,
  escalateUpdate,
  feedbackUpdate,
  intakeUpdate,
  pauseUpdate,
  reassignUpdate,
  reclassifyUpdate,
  resolveUpdate,
  respondUpdate,
  resumeUpdate,
  signOffUpdate,
  transferUpdate,
  type ComplaintInput,
} from './messages.js';
import { record, viewOf } from './record.js';
import { Complaint, type ComplaintState } from './state.js';

export async function complaintWorkflow(input: ComplaintInput, carried?: ComplaintState): Promise<ComplaintView> {
  // A new complaint must have been taken by the API (workflows/process/proof.ts).
  if (!carried) requireStartProof(input);
  const complaint = new Complaint(input, workflowInfo().workflowId, carried);
  // Started before the handlers are set, so that every handler can wait for it (a continued run starts registered).
  const registration: Promise<void> = carried ? Promise.resolve() : registerComplaint(complaint);
  const lockedProcess = { lock: complaint.lock, untilReady: () => (complaint.registered ? undefined : registration) };

  setHandler(complaintQuery, () => viewOf(complaint));
  // The intake update (update-with-start) answers once the complaint is recorded.
  setHandler(
    intakeUpdate,
    async () => {
      if (!complaint.registered) await registration;
      return viewOf(complaint);
    },
    { validator: requireUpdateProof },
  );
  const commands = complaintCommands(complaint);
  setHandler(respondUpdate, ...wire(commands.respond));
  setHandler(transferUpdate, ...wire(commands.transfer));
  setHandler(resolveUpdate, ...wire(commands.resolve));
  setHandler(approveUpdate, ...wire(commands.approve));
  setHandler(signOffUpdate, ...wire(commands.signOff));
  setHandler(feedbackUpdate, ...wire(commands.feedback));
  setHandler(appealUpdate, ...wire(commands.appeal));
  setHandler(appealDecisionUpdate, ...wire(commands.appealDecision));
  setHandler(pauseUpdate, ...wire(commands.pause));
  setHandler(resumeUpdate, ...wire(commands.resume));
  setHandler(escalateUpdate, ...wire(commands.escalate));
  setHandler(calendarChanged, async (change) => {
    // Dark (WORKFLOW_PATCHES): the change is not applied, and the history holds only the signal.
    if (!patched(patches.complaintCalendarChange.id)) return;
    if (!complaint.registered) await registration;
    await complaint.lock.run(() => applyCalendarChange(complaint, change));
  });
  setHandler(correctRootCauseUpdate, ...wire(commands.correctRootCause));
  // A new handler needs no patch: no earlier history holds a reassign (docs/operations.md "Changing workflow code").
  setHandler(reassignUpdate, ...wire(commands.reassign));
  // Likewise new: reclassification as feedback (docs/feedback.md); no earlier history holds one.
  setHandler(reclassifyUpdate, ...wire(commands.reclassify));

  await registration;
  if (input.initiativeId && !carried) void linkInitiative(input.initiativeId, input.id);

  // The clock loop: sleep until the next clock event (or a command changed the clocks), then apply what fell due.
  while (!complaint.closed) {
    if (complaint.runIsFull) {
      await condition(() => !complaint.lock.isHeld && allHandlersFinished());
      if (!complaint.closed) await continueAsNew<typeof complaintWorkflow>(input, complaint.state);
    }
    const at = nextClockEventAt(complaint);
    complaint.clocksChanged = false;
    complaint.sleepingUntil = at;
    if (at === null) await condition(() => complaint.clocksChanged || complaint.closed);
    else if (at > Date.now()) await condition(() => complaint.clocksChanged || complaint.closed, at - Date.now());
    if (complaint.closed) break;
    if (!clockEventDue(complaint, Date.now())) continue;
    await complaint.lock.run(async () => {
      if (complaint.closed) return;
      await record(complaint, await advanceClocks(complaint, Date.now()));
    });
  }
  await condition(allHandlersFinished);
  return viewOf(complaint);

  function wire<C, R>(command: ProcessCommand<C, R>) {
    const { handler, validator } = updateHandlers(lockedProcess, command);
    return [handler, { validator }] as const;
  }
}
