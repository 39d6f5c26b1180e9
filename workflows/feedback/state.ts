import type { FeedbackInput, FeedbackState } from '../../domain/feedback/types.js';
import { feedbackEnded } from '../../domain/feedback/process.js';
import { Lock } from '../process/lock.js';
import { refuse } from '../process/refuse.js';

/** One feedback process: its input, its state once logged, and the lock every command and clock step takes. */
export class Feedback {
  readonly lock = new Lock();
  registered: boolean;
  /** A command changed the clock (an answer met it, the item ended): the loop looks again. */
  clocksChanged = false;
  private current: FeedbackState | undefined;

  constructor(
    readonly input: FeedbackInput,
    readonly workflowId: string,
    carried?: FeedbackState,
  ) {
    this.current = carried;
    this.registered = carried !== undefined;
  }

  get state(): FeedbackState {
    if (!this.current) refuse('conflict', 'the item is still being logged; retry shortly');
    return this.current;
  }

  set state(state: FeedbackState) {
    this.current = state;
  }

  get done(): boolean {
    return this.current !== undefined && feedbackEnded(this.current);
  }
}
