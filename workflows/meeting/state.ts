import { newMeetingState } from '../../domain/meetings/process.js';
import type { MeetingInput, MeetingSetup, MeetingState } from '../../domain/meetings/types.js';
import { Lock } from '../process/lock.js';
import { refuse } from '../process/refuse.js';

/** One meeting process: its input, its state once convened, and the lock every command and clock step takes. */
export class Meeting {
  readonly lock = new Lock();
  /** A command changed the minutes' clock: the loop looks again at what falls due next. */
  clockChanged = false;
  private current: MeetingState | undefined;

  constructor(
    readonly input: MeetingInput,
    readonly workflowId: string,
    carried?: MeetingState,
  ) {
    this.current = carried;
  }

  get convened(): boolean {
    return this.current !== undefined;
  }

  get state(): MeetingState {
    if (!this.current) refuse('conflict', 'the meeting is still convening; retry shortly');
    return this.current;
  }

  convene(setup: MeetingSetup): void {
    this.current = newMeetingState(setup);
  }

  get signed(): boolean {
    return this.current?.status === 'signed';
  }
}
