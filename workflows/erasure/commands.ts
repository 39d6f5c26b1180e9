import type { Batch } from '../../domain/drafts.js';
import { decidedBatch } from '../../domain/erasure/process.js';
import { decisionCheck, describeHolds, holdsOf } from '../../domain/erasure/rules.js';
import type { DecideErasureCommand, ErasureFacts, ErasureView } from '../../domain/erasure/types.js';
import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { CommandSpec, ProcessCommand } from '../process/command.js';
import { refuse, refuseUnless } from '../process/refuse.js';
import { record, viewOf } from './record.js';
import type { Erasure } from './state.js';

/**
 * The erasure's one command: a compliance auditor's decision (domain/erasure/rules.ts: four eyes,
 * a refusal gives a comment). An approval looks at the holds once more: one that arrived while
 * the request waited sends it back to held instead.
 */
const { erasureFacts } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

type Entry<C, P> = CommandSpec<Erasure, C, P, Batch>;

const decide: Entry<DecideErasureCommand, ErasureFacts | null> = {
  validate: (c, e) => refuseUnless(decisionCheck(e.state.status, e.input.requestedBy.userId, c.actor, c.approved, c.comment)),
  prepare: async (c, e) => (c.approved ? erasureFacts({ customerRef: e.input.customerRef }) : null),
  apply: (c, e, now, facts) => {
    if (facts) {
      const holds = holdsOf(facts);
      if (holds.length > 0) {
        e.recheck = true; // the loop records the hold
        refuse('conflict', `approval refused: the customer is held now (${describeHolds(holds)}); the request waits until the holds lift`);
      }
    }
    return decidedBatch(e.input, e.state, c.actor, c.approved, (c.comment ?? '').trim(), now);
  },
};

function erasureCommand<C extends DecideErasureCommand, P>(e: Erasure, entry: Entry<C, P>): ProcessCommand<C, ErasureView> {
  return {
    check: (c) => entry.validate?.(c, e),
    execute: async (c) => {
      entry.validate?.(c, e);
      const prepared = entry.prepare ? await entry.prepare(c, e) : (undefined as P);
      entry.validate?.(c, e); // a hold check may have changed the status meanwhile
      const batch = entry.apply(c, e, Date.now(), prepared);
      await record(e, batch);
      e.changed = true;
      return viewOf(e);
    },
  };
}

export function erasureCommands(e: Erasure) {
  return { decide: erasureCommand(e, decide) };
}
