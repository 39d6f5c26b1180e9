import { workflowInfo } from '@temporalio/workflow';
import type { IncidentInput, IncidentState } from '../../domain/incidents/types.js';
import { Lock } from '../process/lock.js';
import { refuse } from '../process/refuse.js';

/**
 * One incident process: its input, its state once raised, the lock every command, clock step and
 * link takes, and the complaints signalled but not yet recorded.
 */
export class Incident {
  readonly lock = new Lock();
  registered: boolean;
  /** A command changed the deadlines: the loop looks again at what falls due next. */
  clocksChanged = false;
  /** Complaint ids signalled by the watcher, waiting to be recorded (in order, deduplicated on recording). */
  pendingLinks: { ids: string[]; at: string }[] = [];
  signalsThisRun = 0;
  private current: IncidentState | undefined;

  constructor(
    readonly input: IncidentInput,
    readonly workflowId: string,
    carried?: IncidentState,
  ) {
    this.current = carried;
    this.registered = carried !== undefined;
  }

  get state(): IncidentState {
    if (!this.current) refuse('conflict', 'the incident is still being raised; retry shortly');
    return this.current;
  }

  set state(state: IncidentState) {
    this.current = state;
  }

  get closed(): boolean {
    return this.current?.status === 'closed';
  }

  get runIsFull(): boolean {
    const limit = this.input.runLimits?.signalsPerRun;
    return workflowInfo().continueAsNewSuggested || (limit !== undefined && this.signalsThisRun >= limit);
  }
}
