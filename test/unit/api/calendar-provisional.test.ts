import { describe, expect, it } from 'vitest';
import { provisionalClocks, provisionalReview, withProvisionalClocks, type ComplaintClocks } from '../../../api/calendar-provisional.js';
import { BusinessCalendar, officialSchedule } from '../../../domain/calendar.js';
import { defaultCalendarSettings, defaultSlaPolicy } from '../../../domain/policies.js';

const packageOnly = new BusinessCalendar(defaultCalendarSettings); // official data up to 2026
const with2027 = new BusinessCalendar(defaultCalendarSettings, officialSchedule(new Map([[2027, { holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], workdays: [] }]])));

// Received Wednesday 30 December 2026, 10:00 Shanghai.
const view: ComplaintClocks = {
  receivedAt: '2026-12-30T02:00:00.000Z',
  severity: 'general',
  policyVersion: 3,
  clocks: {
    firstResponse: { state: 'pending', deadline: '2026-12-31T02:00:00.000Z' }, // 24 h, still 2026
    resolution: { state: 'at_risk', deadline: '2027-01-08T10:00:00.000Z' }, // 7 working days into 2027
    customerFeedback: { state: 'met', deadline: '2027-01-04T10:00:00.000Z' },
  },
};

describe('provisional deadlines as the API would present them', () => {
  it('a running working-day clock counted over a year without data is provisional; a settled one is not', () => {
    expect(provisionalClocks(view, packageOnly, { version: 3, value: defaultSlaPolicy })).toEqual({ firstResponse: false, resolution: true, customerFeedback: false });
  });

  it('once the year is official, nothing is provisional', () => {
    expect(provisionalClocks(view, with2027, { version: 3, value: defaultSlaPolicy })).toEqual({ firstResponse: false, resolution: false, customerFeedback: false });
  });

  it('an elapsed-time clock crossing into the year is firm when the policy is the complaint’s own, cautious otherwise', () => {
    const crossing = { ...view, clocks: { firstResponse: { state: 'pending', deadline: '2027-01-01T02:00:00.000Z' } } };
    expect(provisionalClocks(crossing, packageOnly, { version: 3, value: defaultSlaPolicy }).firstResponse).toBe(false); // 24 hours
    expect(provisionalClocks(crossing, packageOnly, { version: 4, value: defaultSlaPolicy }).firstResponse).toBe(true); // another version: units unknown
    expect(provisionalClocks(crossing, packageOnly).firstResponse).toBe(true);
  });

  it('puts the flag on each clock of the view, nothing else changed', () => {
    const presented = withProvisionalClocks(view, { resolution: true });
    expect(presented.clocks.resolution).toEqual({ state: 'at_risk', deadline: '2027-01-08T10:00:00.000Z', provisional: true });
    expect(presented.clocks.firstResponse).toMatchObject({ provisional: false });
    expect(presented.receivedAt).toBe(view.receivedAt);
  });

  it('reviews: an open one over 2027 is provisional until 2027 is official; an escalated or decided one never', () => {
    const review = { status: 'open', openedAt: '2026-12-29T02:00:00.000Z', deadline: '2027-01-05T10:00:00.000Z' };
    expect(provisionalReview(review, packageOnly, 'business_day')).toBe(true);
    expect(provisionalReview(review, with2027, 'business_day')).toBe(false);
    expect(provisionalReview({ ...review, status: 'decided' }, packageOnly)).toBe(false);
    expect(provisionalReview({ ...review, status: 'escalated' }, packageOnly)).toBe(false);
    expect(provisionalReview(review, packageOnly, 'second')).toBe(false);
  });
});
