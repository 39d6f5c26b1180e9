import { condition } from '@temporalio/workflow';

/**
 * One step at a time. Every command handler and every timer step of a process runs under its
 * lock, so a step that awaits an activity (a deadline, a projection write) never interleaves with
 * another step's change of the same state. Taking a free lock awaits nothing, so a process
 * without contention creates no extra promises and its history is the same as without the lock.
 */
export class Lock {
  private held = false;

  get isHeld(): boolean {
    return this.held;
  }

  async run<T>(step: () => Promise<T>): Promise<T> {
    while (this.held) await condition(() => !this.held);
    this.held = true;
    try {
      return await step();
    } finally {
      this.held = false;
    }
  }
}
