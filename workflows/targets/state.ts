import { newProposalState, type ProposalInput, type ProposalSetup, type ProposalState } from '../../domain/targets/proposal.js';
import { Lock } from '../process/lock.js';
import { refuse } from '../process/refuse.js';

/** One target proposal: its input, its state once opened, and the lock every command and timer step takes. */
export class TargetProposal {
  readonly lock = new Lock();
  private current: ProposalState | undefined;

  constructor(
    readonly input: ProposalInput,
    readonly workflowId: string,
  ) {}

  get opened(): boolean {
    return this.current !== undefined;
  }

  get state(): ProposalState {
    if (!this.current) refuse('conflict', 'the proposal is still being recorded; retry shortly');
    return this.current;
  }

  open(setup: ProposalSetup): void {
    this.current = newProposalState(setup);
  }

  get ended(): boolean {
    return this.current !== undefined && this.current.status !== 'pending';
  }
}
