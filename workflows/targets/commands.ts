import { proxyLocalActivities } from '@temporalio/workflow';
import { draft, notice, type Batch } from '../../domain/drafts.js';
import { decisionCheck, type DecideCommand, type ProposalState, type ProposalView } from '../../domain/targets/proposal.js';
import type { Activities } from '../../activities/index.js';
import type { CommandSpec, ProcessCommand } from '../process/command.js';
import { refuse, refuseUnless } from '../process/refuse.js';
import { record, viewOf } from './record.js';
import type { TargetProposal } from './state.js';

/**
 * The proposal's one command: the committee's decision (domain/targets/proposal.ts says who may
 * give it). An approval writes the targets with the proposal's record, in one transaction.
 */
const { targetsVersion } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '200ms', maximumInterval: '5s' },
});

type Entry<C, P> = CommandSpec<TargetProposal, C, P, { batch: Batch; approved: boolean }>;

const decide: Entry<DecideCommand, number> = {
  validate: (c, p) => {
    if (typeof c.approved !== 'boolean') refuse('invalid', 'approved must be true or false');
    if (typeof c.comment !== 'string' || c.comment.trim() === '') refuse('invalid', 'a decision must give a comment');
    refuseUnless(decisionCheck(p.input, p.state, c.actor, c.via ?? { kind: 'chair' }));
  },
  // The targets in force now: an approval may only replace the ones the proposal was made against.
  prepare: async (c) => (c.approved ? targetsVersion() : -1),
  apply: (c, p, now, current) => {
    const s: ProposalState = p.state;
    if (c.approved && current !== s.base.version) refuse('conflict', `approval refused: the targets changed since this proposal (version ${s.base.version} → ${current}); propose again`);
    const via = c.via ?? { kind: 'chair' as const };
    const before = { status: s.status };
    s.status = c.approved ? 'approved' : 'rejected';
    s.decision = { approved: c.approved, by: c.actor.userId, at: new Date(now).toISOString(), comment: c.comment, via };
    const what = c.approved ? 'approved' : 'rejected';
    return {
      approved: c.approved,
      batch: {
        audit: [draft(`targets.${what}`, c.actor, now, before, { status: s.status, via, targets: p.input.targets, baseVersion: s.base.version }, c.comment)],
        notes: [notice({ kind: 'user', id: p.input.proposedBy.userId }, `targets.${what}`, `The KPI targets you proposed were ${what} by ${via.kind === 'meeting' ? `the committee meeting ${via.meetingId}` : c.actor.name}: ${c.comment}`, { proposalId: p.input.id })],
      },
    };
  },
};

/** Turns the entry into the checks and the locked run its update handler uses. */
function proposalCommand<C extends DecideCommand, P>(p: TargetProposal, entry: Entry<C, P>): ProcessCommand<C, ProposalView> {
  return {
    check: (c) => entry.validate?.(c, p),
    execute: async (c) => {
      entry.validate?.(c, p);
      const prepared = entry.prepare ? await entry.prepare(c, p) : (undefined as P);
      entry.validate?.(c, p); // a timer step (the deadline) may have ended the proposal meanwhile
      const { batch, approved } = entry.apply(c, p, Date.now(), prepared);
      await record(p, batch, approved ? { targets: p.input.targets, actor: c.actor, at: p.state.decision!.at, reason: c.comment } : undefined);
      return viewOf(p);
    },
  };
}

export function proposalCommands(p: TargetProposal) {
  return { decide: proposalCommand(p, decide) };
}
