import { systemActor } from '../../domain/actor.js';
import { draft, notice, type Batch } from '../../domain/drafts.js';
import { nextProposalEventAt } from '../../domain/targets/proposal.js';
import type { TargetProposal } from './state.js';

/**
 * The proposal's deadline: the chair is reminded at the committee's reminder ratio, and without
 * a decision by the deadline the proposal lapses (the targets stay as they are; the proposer and
 * the chair are told). Events are stamped with the instant the rule says.
 */
export function nextEventAt(p: TargetProposal): number | null {
  return nextProposalEventAt(p.state)?.at ?? null;
}

/** Applies what fell due by `now`; returns what to record. */
export function advance(p: TargetProposal, now: number): Batch {
  const batch: Batch = { audit: [], notes: [] };
  const s = p.state;
  for (let e = nextProposalEventAt(s); e && e.at <= now; e = nextProposalEventAt(s)) {
    if (e.kind === 'reminder') {
      s.reminded = true;
      batch.audit.push(draft('targets.reminder_sent', systemActor, e.at, null, { chair: s.chairUserId, deadline: s.deadline }));
      if (s.chairUserId) batch.notes.push(notice({ kind: 'user', id: s.chairUserId }, 'targets.reminder', `Reminder: the proposed KPI targets wait for your decision by ${s.deadline}`, { proposalId: p.input.id, deadline: s.deadline }));
    } else {
      s.status = 'lapsed';
      s.lapsedAt = new Date(e.at).toISOString();
      const why = s.chairUserId ? `no decision by ${s.deadline}` : 'the committee roster has no chair to decide';
      batch.audit.push(draft('targets.lapsed', systemActor, e.at, { status: 'pending' }, { status: 'lapsed', targetsVersion: s.base.version }, `${why}: the targets stay as they are`));
      batch.notes.push(notice({ kind: 'user', id: p.input.proposedBy.userId }, 'targets.lapsed', `The KPI targets you proposed lapsed (${why}); the targets in force stay`, { proposalId: p.input.id }));
      if (s.chairUserId) batch.notes.push(notice({ kind: 'user', id: s.chairUserId }, 'targets.lapsed', `The proposed KPI targets lapsed without your decision (${s.deadline})`, { proposalId: p.input.id }));
    }
  }
  return batch;
}
