import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { LinkedComplaintEvent } from '../../domain/gates/post-launch.js';
import { complaintLinked, createInitiative, initiativeWorkflowId, initiativeWorkflowType, type InitiativeWorkflowInput } from '../../workflows/initiative/messages.js';
import type { InitiativeState } from '../../workflows/initiative/state.js';
import { patchIds, patches } from '../../workflows/process/patches.js';
import { gates } from './gates.js';
import { people } from './people.js';
import { hasPatchMarker, replaysUnderCurrentCode, runInput } from './run-histories.js';
import { eventually, startStack, testCommandSigner, type Stack } from './stack.js';

/**
 * What the tests of the patch `initiative-post-launch-links-in-table` (post-launch-links*.test.ts)
 * do to a launched product and read back: launch one with a small signals-per-run limit, signal
 * complaint links to it, and read its runs, carried states, counts and link rows.
 */

/** Every patch but the one under test: the old branch. */
export const withoutLinksInTable = patchIds.filter((id) => id !== patches.postLaunchLinksInTable.id).join(',');

/** `n` links with complaint ids `<prefix>-000`…, linked now. */
export const freshLinks = (prefix: string, n: number): LinkedComplaintEvent[] =>
  Array.from({ length: n }, (_, i) => ({ complaintId: `${prefix}-${String(i).padStart(3, '0')}`, at: new Date().toISOString() }));

/**
 * A stack of one test's own (without a worker; the test starts its own), with the roster, the
 * gates helper and the driver; stopped when the test finishes (`onTestFinished` of its context).
 * Each watch in these tests waits out a monitoring window of real time (45–75 s), so a file's
 * tests run at the same time (describe.concurrent), each on its own stack: its own database (the
 * post-launch policy is a row there) and its own task queue (each test's worker runs a patch
 * setting of its own).
 */
export async function postLaunchLinksStack(onTestFinished: (stop: () => Promise<void>) => void) {
  const stack = await startStack({ withoutWorker: true });
  onTestFinished(() => stack.stop());
  const g = gates(stack);
  await g.roster();
  return { stack, g, d: postLaunchLinksDriver(stack, g) };
}

export function postLaunchLinksDriver(stack: Stack, g: ReturnType<typeof gates>) {
  const runIdOf = async (workflowId: string) => (await stack.temporal.workflow.getHandle(workflowId).describe()).runId;
  const link = (workflowId: string, l: LinkedComplaintEvent) => stack.temporal.workflow.getHandle(workflowId).signal(complaintLinked, l);
  /** Waits for the run after `runId` (the continue-as-new a full budget makes). */
  const newRun = (workflowId: string, runId: string) => eventually(async () => ((await runIdOf(workflowId)) !== runId ? true : undefined), 'the continue-as-new after a full budget', 30_000);

  return {
    /**
     * Created as the API creates it (signed), with a signals-per-run limit; then through its four
     * gates. Returns once the launch is decided (monitoring may not have started yet).
     */
    async launch(o: { signalsPerRun: number; threshold: number; windowSeconds: number; workflowTaskTimeout?: string }): Promise<{ id: string; workflowId: string }> {
      await g.policy({ postLaunch: { window: { amount: o.windowSeconds, unit: 'second' }, complaintThreshold: o.threshold } });
      const id = randomUUID();
      const owner = { ...people.owner, roles: [...people.owner.roles] };
      const workflowId = initiativeWorkflowId(id);
      const input: InitiativeWorkflowInput = {
        init: { id, name: 'Watched card', businessLine: 'banking', description: 'A card with many complaints', team: 'retail-cards', owner },
        limits: { signalsPerRun: o.signalsPerRun },
      };
      const signer = testCommandSigner();
      const createId = randomUUID();
      await stack.temporal.workflow.executeUpdateWithStart(createInitiative, {
        args: [signer.sign({ workflowId, name: createInitiative.name, updateId: createId }, { actor: owner })],
        updateId: createId,
        startWorkflowOperation: new WithStartWorkflowOperation(initiativeWorkflowType, {
          workflowId,
          taskQueue: stack.taskQueue,
          args: [signer.sign({ workflowId, name: initiativeWorkflowType, updateId: null }, input)],
          workflowIdConflictPolicy: 'USE_EXISTING',
          ...(o.workflowTaskTimeout ? { workflowTaskTimeout: o.workflowTaskTimeout } : {}),
        }),
      });
      for (const stage of ['research', 'design', 'prototype_testing', 'launch_assessment'] as const) await g.passGate(id, stage);
      return { id, workflowId };
    },

    link,

    /**
     * Signals one after another, a run's budget at a time: after each full budget, waits for the
     * continue-as-new it makes before the next (else one run would take them all while it settles).
     */
    linkRunByRun: async (workflowId: string, links: LinkedComplaintEvent[], signalsPerRun: number) => {
      for (let i = 0; i < links.length; i += signalsPerRun) {
        const batch = links.slice(i, i + signalsPerRun);
        const runId = await runIdOf(workflowId);
        for (const l of batch) await link(workflowId, l);
        if (batch.length === signalsPerRun) await newRun(workflowId, runId);
      }
    },
    postLaunch: async (id: string) => (await g.get(id)).body.postLaunch,
    linkRows: async (id: string) => (await stack.query<{ n: number }>('select count(*)::int as n from post_launch_links where initiative_id = $1', [id]))[0]!.n,
    runIdOf,

    /** The state a run was carried over with (its input's `resume`; the latest run without `runId`). */
    async carriedState(workflowId: string, runId?: string): Promise<InitiativeState | undefined> {
      const text = (await runInput(stack.temporal, workflowId, runId)).args[0];
      return text ? (JSON.parse(text) as InitiativeWorkflowInput<InitiativeState>).resume : undefined;
    },

    /** Every run of the workflow, first to last (a run that continued as new names the next run in its last event). */
    async runsOf(workflowId: string, firstRunId: string): Promise<string[]> {
      const runs = [firstRunId];
      for (;;) {
        const history = await stack.temporal.workflow.getHandle(workflowId, runs.at(-1)).fetchHistory();
        const next = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
        if (!next) return runs;
        runs.push(next);
      }
    },

    newRun,

    replays: (workflowId: string, runId: string) => replaysUnderCurrentCode(stack.temporal, workflowId, runId),
    hasPatchMarker: (workflowId: string, runId: string) => hasPatchMarker(stack.temporal, workflowId, runId, patches.postLaunchLinksInTable.id),

    /** The counts the audit trail recorded, in order: each a rise of one distinct complaint. */
    async countsAudited(id: string): Promise<number[]> {
      return (await g.audit(id)).filter((e) => e.action === 'post_launch.complaint_linked').map((e) => e.after.linkedComplaints as number);
    },
  };
}
