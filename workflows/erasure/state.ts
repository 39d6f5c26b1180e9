import type { ErasureInput, ErasureState } from '../../domain/erasure/types.js';
import { isClosedErasure } from '../../domain/erasure/rules.js';
import { Lock } from '../process/lock.js';
import { refuse } from '../process/refuse.js';

/**
 * One erasure process: its input, its state once registered, the lock every command and step
 * takes, and whether a signal asked it to look at the holds again.
 */
export class Erasure {
  readonly lock = new Lock();
  registered = false;
  /** A hold may have changed (signal): the loop looks at the holds again now. */
  recheck = false;
  /** A decision was applied: the loop moves on. */
  changed = false;
  private current: ErasureState | undefined;

  constructor(
    readonly input: ErasureInput,
    readonly workflowId: string,
  ) {}

  get state(): ErasureState {
    if (!this.current) refuse('conflict', 'the erasure request is still being recorded; retry shortly');
    return this.current;
  }

  set state(state: ErasureState) {
    this.current = state;
  }

  get closed(): boolean {
    return this.current !== undefined && isClosedErasure(this.current.status);
  }
}
