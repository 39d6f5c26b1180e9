/**
 * Tells every open process a calendar change may move (an imported year, new overrides or
 * settings): lists them once through an activity, then signals each with `calendarChanged`. Each
 * process recomputes its own running deadlines (an activity, recorded in its history), moves its
 * timers and records before and after with the reason "calendar changed". Durable: a worker or
 * API crash mid-way resumes where it stopped; a process that ended meanwhile is skipped.
 */
import { continueAsNew, getExternalWorkflowHandle, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { calendarChanged, type CalendarChangeInput } from './messages.js';

const { processesToTell } = proxyActivities<Activities>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/** Signals per run: each is a command in this history, so long lists continue as new. */
const signalsPerRun = 500;

export async function calendarChangeWorkflow(input: CalendarChangeInput): Promise<{ told: number }> {
  const targets = input.remaining ?? (await processesToTell(input.signal.changed));
  const now = targets.slice(0, signalsPerRun);
  await Promise.all(now.map((workflowId) => tell(workflowId, input)));
  const rest = targets.slice(signalsPerRun);
  if (rest.length > 0) await continueAsNew<typeof calendarChangeWorkflow>({ signal: input.signal, remaining: rest });
  return { told: now.length };
}

async function tell(workflowId: string, input: CalendarChangeInput): Promise<void> {
  try {
    await getExternalWorkflowHandle(workflowId).signal(calendarChanged, input.signal);
  } catch (err) {
    // The process ended after it was listed: nothing of it is left to move.
    log.info('calendar change not delivered: the process has ended', { workflowId, changeId: input.signal.changeId, error: String(err) });
  }
}
