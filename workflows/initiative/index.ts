/**
 * One initiative, through its stage gates to launch and the post-launch watch (docs/gates.md).
 * Workflow id `initiative-<id>`.
 *
 * The process's face: its messages (messages.ts) wired to the command table (commands.ts), then
 * the main loop: each open review is watched by its deadlines (clock.ts) until the committee
 * decides; a launched product is watched for complaints (post-launch.ts). Every change is
 * recorded (record.ts) before anyone is answered.
 */
import { condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { isTerminalStatus } from '../../domain/gates/stages.js';
import type { InitiativeView } from '../../domain/gates/views.js';
import { calendarChanged } from '../calendar/messages.js';
import { updateHandlers, type ProcessCommand } from '../process/command.js';
import { patches } from '../process/patches.js';
import { applyCalendarChange } from './calendar.js';
import { requireStartProof, requireUpdateProof } from '../process/proof.js';
import { superviseReview } from './clock.js';
import { initiativeCommands } from './commands.js';
import {
  castVote,
  complaintLinked,
  createInitiative,
  extendReview,
  initiativeQuery,
  npsDropped,
  signOff,
  submitDeliverables,
  withdrawInitiative,
  type InitiativeWorkflowInput,
} from './messages.js';
import { defaultSignalsPerRun, onComplaintLinked, onNpsDropped, watchAfterLaunch, type RunBudget } from './post-launch.js';
import { initiativeView, settled, startChange } from './record.js';
import { Initiative, newInitiativeState, type InitiativeState } from './state.js';

export async function initiativeWorkflow(input: InitiativeWorkflowInput<InitiativeState>): Promise<InitiativeView> {
  // A new initiative must have been created by the API (workflows/process/proof.ts).
  if (!input.resume) requireStartProof(input);
  const initiative = new Initiative(input.resume ?? newInitiativeState(input.init), workflowInfo().workflowId);
  const budget: RunBudget = { signalsThisRun: 0, signalsPerRun: input.limits?.signalsPerRun ?? defaultSignalsPerRun };
  const state = initiative.state;

  // A new initiative records its creation first; the creating update answers once it is in the database.
  let created: Promise<void> = Promise.resolve();
  if (!input.resume) {
    const change = startChange(initiative, Date.now());
    change.audit(input.init.owner, 'initiative.created', {
      after: { name: state.name, businessLine: state.businessLine, description: state.description, team: state.team, owner: state.owner, stage: state.stage, status: state.status },
    });
    created = change.commit();
  }
  setHandler(
    createInitiative,
    async () => {
      await created;
      return initiativeView(initiative);
    },
    { validator: requireUpdateProof },
  );
  setHandler(initiativeQuery, () => initiativeView(initiative));
  const commands = initiativeCommands(initiative);
  setHandler(submitDeliverables, ...wire(commands.submit));
  setHandler(castVote, ...wire(commands.vote));
  setHandler(signOff, ...wire(commands.signOff));
  setHandler(extendReview, ...wire(commands.extend));
  setHandler(withdrawInitiative, ...wire(commands.withdraw));
  setHandler(complaintLinked, (event) => onComplaintLinked(initiative, budget, event));
  setHandler(npsDropped, (event) => {
    // Behind its patch (WORKFLOW_PATCHES can keep it dark): a drop then leaves only the signal in history.
    if (!patched(patches.initiativeNpsDrop.id)) return;
    budget.signalsThisRun += 1;
    onNpsDropped(initiative, event).catch(() => undefined); // failures are logged by the write chain
  });
  setHandler(calendarChanged, async (change) => {
    // Dark (WORKFLOW_PATCHES): the change is not applied, and the history holds only the signal.
    if (!patched(patches.initiativeCalendarChange.id)) return;
    await initiative.lock.run(() => applyCalendarChange(initiative, change));
  });

  // Stage by stage: watch each review until it is decided; after launch, watch the product.
  for (;;) {
    if (state.status === 'launched') {
      await watchAfterLaunch(initiative, budget, () => continueAsNew<typeof initiativeWorkflow>({ ...input, resume: state }));
      break;
    }
    if (isTerminalStatus(state.status)) break;
    const review = initiative.liveReview();
    if (review) await superviseReview(initiative, review);
    else await condition(() => initiative.liveReview() !== undefined || isTerminalStatus(state.status));
  }
  await condition(() => settled(initiative));
  return initiativeView(initiative);

  function wire<C, R>(command: ProcessCommand<C, R>) {
    // Commands never wait for the creation write: the write chain keeps them behind it.
    const { handler, validator } = updateHandlers({ lock: initiative.lock, untilReady: () => undefined }, command);
    return [handler, { validator }] as const;
  }
}
