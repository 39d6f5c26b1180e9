import { describe, expect, it } from 'vitest';
import { customerNoticeFor, surveyNoticeFor } from '../../../domain/notifications/derive.js';
import { invitationIdFor } from '../../../db/surveys.js';
import { defaultSurveyLinkValidDays, invitationFor as invitationWith, invitingKind, linkState, surveyExpiry } from '../../../domain/surveys/invitations.js';

const invitationFor = (e: Parameters<typeof invitationWith>[0], validDays?: number) => invitationWith(e, invitationIdFor, validDays);

/** Which recorded events invite the customer to the survey, and until when (docs/surveys.md "Invitations"). */
const event = (action: string, after: unknown = {}, sourceKey = 'complaint-c1:7') => ({ entityType: 'complaint', entityId: 'c1', sourceKey, action, at: '2026-03-02T08:00:00.000Z', after });

describe('which events invite', () => {
  it('invites when a complaint closes (confirmed by the customer, or closed by the chair’s sign-off) and when an appeal is decided', () => {
    expect(invitingKind(event('complaint.closed', { status: 'closed' }))).toBe('complaint');
    expect(invitingKind(event('complaint.signed_off', { status: 'closed' }))).toBe('complaint');
    expect(invitingKind(event('complaint.appeal_decided', { status: 'resolved', upheld: true }))).toBe('appeal');
    expect(invitingKind(event('complaint.appeal_decided', { status: 'closed', upheld: false }))).toBe('appeal');
  });

  it('does not invite on a sign-off that leaves the complaint open, nor on any other step or entity', () => {
    expect(invitingKind(event('complaint.signed_off', { status: 'awaiting_customer' }))).toBeUndefined();
    for (const action of ['complaint.received', 'complaint.resolved', 'complaint.customer_confirmed', 'complaint.reopened', 'complaint.appealed', 'complaint.resolution_approved']) {
      expect(invitingKind(event(action, { status: 'closed' })), action).toBeUndefined();
    }
    expect(invitingKind({ entityType: 'initiative', action: 'complaint.closed', after: {} })).toBeUndefined();
  });
});

describe('the invitation', () => {
  it('derives its id from the causing event, so a retried transition issues the same one', () => {
    const a = invitationFor(event('complaint.closed'))!;
    expect(a).toEqual(invitationFor(event('complaint.closed')));
    expect(a.id).toBe(invitationIdFor('complaint-c1:7'));
    expect(a.id).toMatch(/^SV-[0-9a-f]{20}$/);
    expect(invitationFor(event('complaint.closed', {}, 'complaint-c1:8'))!.id).not.toBe(a.id);
    expect(a).toMatchObject({ kind: 'complaint', contactType: 'complaint', contactId: 'c1', sourceKey: 'complaint-c1:7:survey', issuedAt: '2026-03-02T08:00:00.000Z' });
  });

  it('expires SURVEY_LINK_VALID_DAYS after the event, 14 by default', () => {
    expect(defaultSurveyLinkValidDays).toBe(14);
    expect(invitationFor(event('complaint.closed'))!.expiresAt).toBe('2026-03-16T08:00:00.000Z');
    expect(invitationFor(event('complaint.closed'), 1)!.expiresAt).toBe('2026-03-03T08:00:00.000Z');
    expect(surveyExpiry('2026-12-31T23:00:00Z', 7)).toBe('2027-01-07T23:00:00.000Z');
    expect(() => surveyExpiry('2026-01-01T00:00:00Z', 0)).toThrow(RangeError);
  });

  it('tells an open link from an expired and a used one', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    expect(linkState({ expiresAt: '2026-03-16T08:00:00Z', respondedAt: null }, now)).toBe('open');
    expect(linkState({ expiresAt: '2026-03-10T00:00:00Z', respondedAt: null }, now)).toBe('expired');
    expect(linkState({ expiresAt: '2026-03-16T08:00:00Z', respondedAt: '2026-03-09T00:00:00Z' }, now)).toBe('used');
    // Used wins over expired: the customer answered in time.
    expect(linkState({ expiresAt: '2026-03-01T00:00:00Z', respondedAt: '2026-02-28T00:00:00Z' }, now)).toBe('used');
  });
});

describe('the survey notice', () => {
  it('carries the invitation and its end for the template to sign the link at send time, never a link', () => {
    const e = event('complaint.closed');
    const n = surveyNoticeFor(e, { id: 'SV-1', kind: 'complaint', expiresAt: '2026-03-16T08:00:00Z' });
    expect(n).toEqual({ kind: 'survey', complaintId: 'c1', key: 'complaint-c1:7:survey', data: { invitationId: 'SV-1', surveyKind: 'complaint', expiresAt: '2026-03-16T08:00:00.000Z' } });
    // Its key differs from the appeal result's, which the same event also causes.
    expect(customerNoticeFor(event('complaint.appeal_decided'))!.key).not.toBe(n.key);
  });
});
