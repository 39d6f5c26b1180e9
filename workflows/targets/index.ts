/**
 * One proposal to change the KPI targets (docs/reports.md, "Targets"). Workflow id
 * `target-proposal-<id>`. It opens (reads the targets in force, the chair and the decision
 * window, and records the proposal), then waits for the committee's decision — the chair's, or a
 * committee meeting's through the same update — reminding the chair, until the deadline, when
 * it lapses. Only an approval changes the targets.
 */
import { allHandlersFinished, condition, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { draft, notice } from '../../domain/drafts.js';
import type { ProposalView } from '../../domain/targets/proposal.js';
import { updateHandlers, type ProcessCommand } from '../process/command.js';
import { requireStartProof } from '../process/proof.js';
import { advance, nextEventAt } from './clock.js';
import { proposalCommands } from './commands.js';
import { decideTargetsUpdate, proposeTargetsUpdate, targetProposalQuery, type ProposalInput } from './messages.js';
import { record, viewOf } from './record.js';
import { TargetProposal } from './state.js';

const { openTargetProposal } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

export async function targetProposalWorkflow(input: ProposalInput): Promise<ProposalView> {
  // A proposal comes only through the API, which signs its input (who proposed, what, why): one
  // started in Temporal directly fails here, before it records or asks anything. (Skipped on
  // replay: proposals started before their inputs were signed replay as they ran.)
  requireStartProof(input);
  const p = new TargetProposal(input, workflowInfo().workflowId);
  // Started before the handlers are set, so that every handler can wait for it.
  const opening = p.lock.run(async () => {
    p.open(await openTargetProposal({ proposedAt: input.proposedAt }));
    const s = p.state;
    const at = Date.parse(input.proposedAt);
    await record(p, {
      audit: [draft('targets.proposed', input.proposedBy, at, { targets: s.base.targets, version: s.base.version }, { targets: input.targets, chair: s.chairUserId, deadline: s.deadline, reviewPolicyVersion: s.reviewPolicyVersion }, input.reason)],
      notes: s.chairUserId ? [notice({ kind: 'user', id: s.chairUserId }, 'targets.decision_needed', `New KPI targets are proposed by ${input.proposedBy.name}: approve or reject them by ${s.deadline}`, { proposalId: input.id, deadline: s.deadline })] : [],
    });
  });
  setHandler(targetProposalQuery, () => viewOf(p));
  setHandler(proposeTargetsUpdate, async () => {
    await opening;
    return viewOf(p);
  });
  const commands = proposalCommands(p);
  setHandler(decideTargetsUpdate, ...wire(commands.decide));

  await opening;
  while (!p.ended) {
    const at = nextEventAt(p);
    if (at === null) break;
    if (at > Date.now()) await condition(() => p.ended, at - Date.now());
    if (p.ended) break;
    await p.lock.run(async () => {
      if (p.ended) return;
      const batch = advance(p, Date.now());
      if (batch.audit.length) await record(p, batch);
    });
  }
  await condition(allHandlersFinished);
  return viewOf(p);

  function wire<C, R>(command: ProcessCommand<C, R>) {
    const { handler, validator } = updateHandlers({ lock: p.lock, untilReady: () => (p.opened ? undefined : opening) }, command);
    return [handler, { validator }] as const;
  }
}
