import { describe, expect, it } from 'vitest';
import { customerNoticeFor, derivedNoticesFor } from '../../../domain/notifications/derive.js';

const event = (action: string, after: unknown, entityType = 'complaint') => ({ entityType, entityId: 'C-1', sourceKey: 'complaint-C-1:4', action, at: '2026-11-02T08:00:00.000Z', after });

describe('customer notices from what the complaint recorded', () => {
  it('an acknowledgement at intake with the first-response deadline', () => {
    expect(customerNoticeFor(event('complaint.received', { receivedAt: 'r', deadlines: { firstResponse: 'f', resolution: 'x' } }))).toEqual({
      kind: 'acknowledgement',
      complaintId: 'C-1',
      key: 'complaint-C-1:4:customer',
      data: { receivedAt: 'r', firstResponseDeadline: 'f', resolutionDeadline: 'x' },
    });
  });
  it('the result when resolved or approved, the decision after an appeal', () => {
    expect(customerNoticeFor(event('complaint.resolved', { summary: ' Card unblocked ', remedy: 'apology' }))).toMatchObject({ kind: 'result', data: { summary: 'Card unblocked', remedy: 'apology' } });
    expect(customerNoticeFor(event('complaint.resolution_approved', {}))).toMatchObject({ kind: 'result', data: { approved: true } });
    expect(customerNoticeFor(event('complaint.appeal_decided', { upheld: true, decision: 'refund' }))).toMatchObject({ kind: 'appeal_result', data: { upheld: true, decision: 'refund' } });
  });
  it('nothing for other events, a proposal awaiting approval, or other entities', () => {
    for (const action of ['complaint.responded', 'complaint.resolution_proposed', 'complaint.escalated', 'complaint.closed']) expect(customerNoticeFor(event(action, {}))).toBeUndefined();
    expect(customerNoticeFor(event('complaint.received', {}, 'initiative'))).toBeUndefined();
  });
});

describe('staff notices no process drafts', () => {
  it('the chair is asked to sign off by the vote that first meets the quorum, not by later ones', () => {
    const vote = (cast: number, met: boolean) => ({ ...event('review.vote_cast', { reviewId: 'r1', quorum: { required: 2, cast, met } }, 'initiative') });
    expect(derivedNoticesFor(vote(1, false))).toEqual([]);
    expect(derivedNoticesFor(vote(2, true))).toEqual([expect.objectContaining({ recipientKind: 'level', recipient: 'committee_chair', topic: 'gate.signoff_requested', entityType: 'initiative' })]);
    expect(derivedNoticesFor(vote(3, true))).toEqual([]);
  });
  it('supervisors hear that a report is ready', () => {
    const [n] = derivedNoticesFor({ ...event('report.generated', { kind: 'monthly', period: '2026-10' }, 'report'), entityId: 'monthly:2026-10' });
    expect(n).toMatchObject({ recipientKind: 'role', recipient: 'supervisor', topic: 'report.ready', data: { kind: 'monthly', period: '2026-10' } });
  });
});
