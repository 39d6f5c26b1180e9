import { describe, expect, it } from 'vitest';
import { applyFirstResponseEvent, firstResponseOnTime, firstResponseState, meetFirstResponse, nextFirstResponseEvent, startFirstResponse } from '../../../domain/feedback/clock.js';
import { advanceFirstResponse, feedbackRecord, feedbackView, firstResponseBatch, newFeedbackState } from '../../../domain/feedback/process.js';
import { defaultFeedbackPolicy, type FeedbackInput } from '../../../domain/feedback/types.js';

const t0 = Date.parse('2026-03-02T01:00:00Z');
const hour = 3_600_000;

describe('an inquiry’s first-response clock', () => {
  it('warns at the policy’s share of the window, then is overdue at the due date', () => {
    let c = startFirstResponse(t0, t0 + 10 * hour, 0.8);
    expect(c.atRiskAt).toBe(t0 + 8 * hour);
    expect(firstResponseState(c)).toBe('pending');
    const e1 = nextFirstResponseEvent(c)!;
    expect(e1).toEqual({ kind: 'at_risk', at: t0 + 8 * hour });
    c = applyFirstResponseEvent(c, e1);
    expect(firstResponseState(c)).toBe('at_risk');
    const e2 = nextFirstResponseEvent(c)!;
    expect(e2).toEqual({ kind: 'overdue', at: t0 + 10 * hour });
    c = applyFirstResponseEvent(c, e2);
    expect(firstResponseState(c)).toBe('breached');
    expect(nextFirstResponseEvent(c)).toBeNull();
    expect(firstResponseOnTime(c)).toBeNull();
    c = meetFirstResponse(c, t0 + 11 * hour);
    expect(firstResponseState(c)).toBe('met');
    expect(firstResponseOnTime(c)).toBe(false);
  });

  it('stops once answered, and an answer at the due date is on time', () => {
    const c = meetFirstResponse(startFirstResponse(t0, t0 + hour, 0.5), t0 + hour);
    expect(nextFirstResponseEvent(c)).toBeNull();
    expect(firstResponseOnTime(c)).toBe(true);
    // A second answer does not move the first one.
    expect(meetFirstResponse(c, t0 + 5 * hour).metAt).toBe(t0 + hour);
  });

  it('has no at-risk event when the window is empty', () => {
    const c = startFirstResponse(t0, t0, 0.8);
    expect(nextFirstResponseEvent(c)).toEqual({ kind: 'overdue', at: t0 });
  });
});

describe('the process around it', () => {
  const input: FeedbackInput = {
    id: '7f0c1c55-9d2b-4a57-8a52-2a8f0e0c0d01',
    kind: 'inquiry',
    channel: 'hotline',
    description: 'Where is the fee shown?',
    receivedAt: new Date(t0).toISOString(),
    customerRef: 'C-1',
    piiRef: '7f0c1c55-9d2b-4a57-8a52-2a8f0e0c0d01',
    loggedBy: { userId: 'cai', name: 'Cai', roles: ['cs_agent'] },
  };

  it('applies what fell due in time order and tells the owner, stamped with the rule’s instants', () => {
    const state = newFeedbackState(input, { policy: defaultFeedbackPolicy, policyVersion: 0, clock: startFirstResponse(t0, t0 + 10 * hour, 0.8) });
    const events = advanceFirstResponse(state, t0 + 12 * hour);
    expect(events.map((e) => e.kind)).toEqual(['at_risk', 'overdue']);
    const batch = firstResponseBatch(input, state, events);
    expect(batch.audit.map((a) => [a.action, a.at])).toEqual([
      ['feedback.first_response_at_risk', t0 + 8 * hour],
      ['feedback.first_response_overdue', t0 + 10 * hour],
    ]);
    expect(batch.notes.map((n) => [n.topic, n.recipient])).toEqual([
      ['feedback.first_response_at_risk', 'cai'],
      ['feedback.first_response_overdue', 'cai'],
    ]);
    expect(feedbackView(input, state).firstResponse).toMatchObject({ state: 'breached', onTime: null });
    expect(feedbackRecord(input, 'feedback-x', state)).toMatchObject({ kind: 'inquiry', dueState: 'breached', answeredAt: null, complaintId: null });
  });

  it('has no clock for a suggestion or praise', () => {
    const state = newFeedbackState({ ...input, kind: 'praise' }, { policy: defaultFeedbackPolicy, policyVersion: 0, clock: null });
    expect(advanceFirstResponse(state, t0 + 100 * hour)).toEqual([]);
    expect(feedbackView({ ...input, kind: 'praise' }, state).firstResponse).toBeNull();
  });
});
