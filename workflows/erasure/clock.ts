import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Batch } from '../../domain/drafts.js';
import { elapsedMs } from '../../domain/duration.js';
import { checkedBatch, provenBatch } from '../../domain/erasure/process.js';
import { holdsOf, sameHolds } from '../../domain/erasure/rules.js';
import type { Erasure } from './state.js';

/**
 * The erasure's steps that no person gives: looking at the holds (at the request, after each
 * signal, and every `recheckEvery` while held or waiting), and, once approved, the execution and
 * its verification.
 */
const { erasureFacts } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});
const { executeErasure, proveErasure } = proxyActivities<Activities>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/** When the holds are looked at again (epoch ms) while the request is held or waits for approval. */
export function nextRecheckAt(e: Erasure): number | null {
  const s = e.state;
  if (s.status !== 'held' && s.status !== 'awaiting_approval') return null;
  return Date.parse(s.checkedAt ?? e.input.requestedAt) + Math.max(1_000, elapsedMs(e.input.policy.recheckEvery));
}

/** Looks at the holds; records a change of status or of holds (nothing when they are as they were). */
export async function checkHolds(e: Erasure): Promise<Batch> {
  const facts = await erasureFacts({ customerRef: e.input.customerRef });
  const holds = holdsOf(facts);
  const s = e.state;
  const now = Date.now();
  const unchanged = (holds.length > 0 && s.status === 'held' && sameHolds(holds, s.holds)) || (holds.length === 0 && s.status === 'awaiting_approval');
  if (unchanged) {
    s.facts = facts;
    s.checkedAt = new Date(now).toISOString();
    return { audit: [], notes: [] };
  }
  return checkedBatch(e.input, s, facts, holds, now);
}

/** Executes an approved erasure and proves it. */
export async function executeAndProve(e: Erasure): Promise<Batch> {
  const executed = await executeErasure({ erasureId: e.input.id, customerRef: e.input.customerRef });
  const proof = await proveErasure({ erasureId: e.input.id, customerRef: e.input.customerRef, executed });
  return provenBatch(e.input, e.state, proof, Date.now());
}
