import type { FollowUpInput, FollowUpState } from '../../domain/followups/types.js';
import { Lock } from '../process/lock.js';
import { refuse } from '../process/refuse.js';

/** One follow-up process: its input, its state once opened, and the lock every command and clock step takes. */
export class FollowUp {
  readonly lock = new Lock();
  registered: boolean;
  /** A command changed the clock (the outcome closed it): the loop looks again. */
  clocksChanged = false;
  private current: FollowUpState | undefined;

  constructor(
    readonly input: FollowUpInput,
    readonly workflowId: string,
    carried?: FollowUpState,
  ) {
    this.current = carried;
    this.registered = carried !== undefined;
  }

  get state(): FollowUpState {
    if (!this.current) refuse('conflict', 'the follow-up is still being opened; retry shortly');
    return this.current;
  }

  set state(state: FollowUpState) {
    this.current = state;
  }

  /** The process is over: the outcome is recorded. */
  get done(): boolean {
    return this.current?.status === 'closed';
  }
}
