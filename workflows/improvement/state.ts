import type { ImprovementInput, ImprovementState } from '../../domain/improvements/types.js';
import { Lock } from '../process/lock.js';
import { refuse } from '../process/refuse.js';

/** One improvement process: its input, its state once raised, and the lock every command and clock step takes. */
export class Improvement {
  readonly lock = new Lock();
  registered: boolean;
  /** A command changed the clocks (a send-back, a completion, a close): the loop looks again. */
  clocksChanged = false;
  private current: ImprovementState | undefined;

  constructor(
    readonly input: ImprovementInput,
    readonly workflowId: string,
    carried?: ImprovementState,
  ) {
    this.current = carried;
    this.registered = carried !== undefined;
  }

  get state(): ImprovementState {
    if (!this.current) refuse('conflict', 'the action is still being raised; retry shortly');
    return this.current;
  }

  set state(state: ImprovementState) {
    this.current = state;
  }

  /** The process is over: closed and its effectiveness recorded. */
  get done(): boolean {
    return this.current?.status === 'closed' && this.current.effectiveness !== null;
  }
}
