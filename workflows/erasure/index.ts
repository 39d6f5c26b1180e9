/**
 * One personal-data erasure request (docs/security.md "Customer data keys and erasure").
 * Workflow id `erasure-<id>`, started by the API (a compliance auditor's or admin's request,
 * update-with-start) or by the retention sweep (sweep.ts).
 *
 * The process: recorded as requested → its holds looked at (open complaints, open appeals, legal
 * holds): held requests wait and look again when signalled or every `recheckEvery` → awaiting a
 * compliance auditor's decision (four eyes) → refused, or approved → executed (the customer's data
 * keys destroyed) → proven (audit chains verify, no stored row opens), recorded on the process
 * and in the audit trail. Every step runs under the lock and is recorded before anyone is answered.
 */
import { allHandlersFinished, condition, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { newErasureState, notDueBatch, requestedBatch } from '../../domain/erasure/process.js';
import type { ErasureInput, ErasureView } from '../../domain/erasure/types.js';
import type { Activities } from '../../activities/index.js';
import { updateHandlers, type ProcessCommand } from '../process/command.js';
import { requireStartProof, requireUpdateProof } from '../process/proof.js';
import { checkHolds, executeAndProve, nextRecheckAt } from './clock.js';
import { erasureCommands } from './commands.js';
import { decideErasureUpdate, erasureQuery, holdsChangedSignal, requestErasureUpdate } from './messages.js';
import { record, viewOf } from './record.js';
import { Erasure } from './state.js';

const { retentionDue } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

export async function erasureWorkflow(input: ErasureInput): Promise<ErasureView> {
  // A request by a person must come through the API (workflows/process/proof.ts). One of the
  // retention sweep (started by a workflow, which cannot sign) is checked against the policy
  // instead: a forged one can only name a customer who is due anyway, and still needs approval.
  if (input.origin === 'manual') requireStartProof(input);
  const e = new Erasure(input, workflowInfo().workflowId);
  const registration = register(e);
  setHandler(erasureQuery, () => viewOf(e));
  setHandler(
    requestErasureUpdate,
    async () => {
      if (!e.registered) await registration;
      return viewOf(e);
    },
    { validator: requireUpdateProof },
  );
  const commands = erasureCommands(e);
  setHandler(decideErasureUpdate, ...wire(commands.decide));
  setHandler(holdsChangedSignal, () => {
    e.recheck = true;
  });

  await registration;
  while (!e.closed) {
    if (e.state.status === 'approved') {
      await e.lock.run(async () => record(e, await executeAndProve(e)));
      continue;
    }
    const at = nextRecheckAt(e);
    const woken = () => e.recheck || e.changed || e.closed;
    if (at !== null && at > Date.now()) await condition(woken, at - Date.now());
    else if (at === null) await condition(woken);
    e.changed = false;
    if (e.closed || (e.state.status as string) === 'approved') continue;
    e.recheck = false;
    await e.lock.run(async () => {
      if (e.state.status === 'held' || e.state.status === 'awaiting_approval') await record(e, await checkHolds(e));
    });
  }
  await condition(allHandlersFinished);
  return viewOf(e);

  function wire<C, R>(command: ProcessCommand<C, R>) {
    const { handler, validator } = updateHandlers({ lock: e.lock, untilReady: () => (e.registered ? undefined : registration) }, command);
    return [handler, { validator }] as const;
  }
}

/** Records the request, then looks at the holds for the first time. */
async function register(e: Erasure): Promise<void> {
  await e.lock.run(async () => {
    e.state = newErasureState();
    const at = Date.parse(e.input.requestedAt);
    const requested = requestedBatch(e.input, Date.now() < at ? Date.now() : at);
    if (e.input.origin === 'retention' && !(await retentionDue({ customerRef: e.input.customerRef, retention: e.input.policy.retention }))) {
      const refused = notDueBatch(e.input, e.state, Date.now());
      e.registered = true;
      await record(e, { audit: [...requested.audit, ...refused.audit], notes: [] });
      return;
    }
    const checked = await checkHolds(e);
    e.registered = true;
    await record(e, { audit: [...requested.audit, ...checked.audit], notes: checked.notes });
  });
}
