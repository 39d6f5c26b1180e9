import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Logger } from '../config/logger.js';
import type { Database } from '../db/client.js';
import { markFollowUpOpened, pendingDetractors, type PendingDetractor } from '../db/followups.js';
import { systemActor } from '../domain/actor.js';
import { followUpIdPattern } from '../domain/followups/rules.js';
import type { FollowUpInput } from '../domain/followups/types.js';
import type { ResponseSource, SurveyKind } from '../domain/surveys/types.js';
import type { CommandSigner } from '../security/command-signing.js';
import type { followUpWorkflow } from '../workflows/followup/index.js';
import { followUpWorkflowId, followUpWorkflowType, openedUpdate } from '../workflows/followup/messages.js';

/**
 * The detractor follow-up sweeper (docs/followups.md "Opening"): beside the worker, every
 * FOLLOW_UP_SWEEP_SECONDS, it finds the detractor answers about a complaint that have no follow-up
 * yet (survey_responses.detractor and follow_up_id null), starts the follow-up workflow of each
 * (`followup-<response id>`, signed start input, update-with-start under USE_EXISTING: a second
 * start lands on the first) and then sets the answer's follow_up_id. A crash between the start
 * and the update only starts again, idempotently. Several workers may sweep at once.
 */
export interface FollowUpSweeperDeps {
  db: Database;
  temporal: Client;
  signer: CommandSigner;
  taskQueue: string;
  logger: Logger;
  intervalMs: number;
  /** Answers handled per sweep at most. */
  batch?: number;
}

export function startFollowUpSweeper(deps: FollowUpSweeperDeps): { stop(): Promise<void>; sweep(): Promise<number> } {
  let stopped = false;
  let running: Promise<number> | undefined;
  const sweep = async (): Promise<number> => {
    let opened = 0;
    for (const r of await pendingDetractors(deps.db, deps.batch ?? 50)) {
      if (stopped) break;
      try {
        await openFollowUp(deps, r);
        await markFollowUpOpened(deps.db, r.id, r.id);
        opened++;
      } catch (err) {
        deps.logger.warn({ err, responseId: r.id }, 'detractor follow-up not opened; the next sweep retries');
      }
    }
    return opened;
  };
  const run = () => {
    if (stopped || running) return; // a slow sweep is not overlapped by the next one
    running = sweep()
      .then((n) => (n > 0 && deps.logger.info({ followUps: n }, 'detractor follow-ups opened'), n))
      .catch((err) => (deps.logger.warn({ err }, 'detractor follow-up sweep failed; will retry'), 0))
      .finally(() => (running = undefined));
  };
  run();
  const timer = setInterval(run, deps.intervalMs);
  return {
    sweep: async () => {
      await running;
      return sweep();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** Starts (or finds) the follow-up of one detractor answer. */
async function openFollowUp(deps: FollowUpSweeperDeps, r: PendingDetractor): Promise<void> {
  if (!followUpIdPattern.test(r.id)) throw new Error(`answer id ${JSON.stringify(r.id)} cannot name a workflow`);
  const workflowId = followUpWorkflowId(r.id);
  const input: FollowUpInput = deps.signer.sign({ workflowId, name: followUpWorkflowType, updateId: null }, {
    id: r.id,
    complaintId: r.contactId,
    source: r.source as ResponseSource,
    kind: r.kind as SurveyKind,
    csat: r.csat,
    nps: r.nps,
    verbatim: r.verbatim,
    respondedAt: r.respondedAt,
    department: r.department,
    openedAt: new Date().toISOString(),
    recordedBy: r.recordedBy,
  } satisfies FollowUpInput);
  const updateId = `opened-${r.id}`;
  try {
    await deps.temporal.workflow.executeUpdateWithStart(openedUpdate, {
      args: [deps.signer.sign({ workflowId, name: openedUpdate.name, updateId }, { actor: systemActor })],
      updateId,
      startWorkflowOperation: new WithStartWorkflowOperation<typeof followUpWorkflow>(followUpWorkflowType, {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        // One answer, one follow-up, also after it ended.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    });
  } catch (err) {
    // Ended already (opened and closed before a crash kept follow_up_id unset): nothing to open.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
