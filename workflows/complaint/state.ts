import { workflowInfo } from '@temporalio/workflow';
import type { ComplaintInput, ComplaintState } from '../../domain/complaints/process.js';
import { Lock } from '../process/lock.js';
import { refuse } from '../process/refuse.js';

export type { ComplaintState } from '../../domain/complaints/process.js';

/**
 * One complaint process: its input, its state once registered, and the lock every command and
 * clock step takes.
 */
export class Complaint {
  readonly lock = new Lock();
  /** The intake is recorded: commands may run (a continued run starts recorded). */
  registered: boolean;
  /** A command changed the clocks: the clock loop looks again at what falls due next. */
  clocksChanged = false;
  /** When the clock loop's timer fires (null: it waits without one, for a command). */
  sleepingUntil: number | null = null;
  /** Commands applied in this run (the run continues as new after `input.runLimits`). */
  commandsThisRun = 0;
  private current: ComplaintState | undefined;

  constructor(
    readonly input: ComplaintInput,
    readonly workflowId: string,
    carried?: ComplaintState,
  ) {
    this.current = carried;
    this.registered = carried !== undefined;
  }

  get state(): ComplaintState {
    if (!this.current) refuse('conflict', 'the complaint is still being registered; retry shortly');
    return this.current;
  }

  set state(state: ComplaintState) {
    this.current = state;
  }

  get closed(): boolean {
    return this.state.status === 'closed';
  }

  /** The run has grown long enough to continue as new (Temporal's suggestion, or the test limit). */
  get runIsFull(): boolean {
    const limit = this.input.runLimits?.commandsPerRun;
    return workflowInfo().continueAsNewSuggested || (limit !== undefined && this.commandsThisRun >= limit);
  }
}
