import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../domain/calendar.js';
import { defaultCalendarSettings } from '../../../domain/policies.js';
import { complaintFacts, type FactsSource } from '../../../domain/reports/facts.js';

const cal = new BusinessCalendar(defaultCalendarSettings);
const working = (a: Date, b: Date) => cal.workingMsBetween(a, b);

const base: FactsSource = {
  receivedAt: '2025-09-30T10:00:00+08:00',
  closedAt: null,
  clocks: { firstResponse: { state: 'pending' }, resolution: { state: 'pending' } },
  breaches: [],
  resolutions: [],
  feedback: [],
  repeatOf: [],
};

describe('complaint facts', () => {
  it('an open complaint: running clocks, nothing settled', () => {
    const f = complaintFacts(base, working);
    expect(f).toMatchObject({ firstResponseState: 'pending', resolvedAt: null, resolutionBreached: false, handlingWorkingMs: null, feedbackCount: 0 });
    expect(f.openClocks).toEqual({ firstResponse: 'pending', resolution: 'pending' });
  });

  it('late first response, reopened, resolved twice, closed over National Day', () => {
    const f = complaintFacts(
      {
        ...base,
        closedAt: '2025-10-09T11:00:00+08:00',
        clocks: {
          firstResponse: { state: 'breached', breachedAt: '2025-10-01T02:00:00Z', metAt: '2025-10-02T00:00:00Z' },
          resolution: { state: 'met', metAt: '2025-10-09T02:00:00Z' },
        },
        breaches: [
          { clock: 'firstResponse', at: '2025-10-01T02:00:00Z', level: 1 },
          { clock: 'firstResponse', at: '2025-10-02T02:00:00Z', level: 2 },
        ],
        resolutions: [
          { at: '2025-10-05T00:00:00Z', state: 'rejected', approval: { approved: false, at: '2025-10-05T01:00:00Z' } },
          { at: '2025-10-06T00:00:00Z', state: 'approved', approval: { approved: true, at: '2025-10-06T03:00:00Z' } },
          { at: '2025-10-08T00:00:00Z', state: 'accepted' },
        ],
        feedback: [{ satisfied: false }, { satisfied: true }],
      },
      working,
    );
    expect(f.firstResponseState).toBe('breached');
    expect(f.firstResponseAt).toBe('2025-10-02T00:00:00Z');
    expect(f.resolvedAt).toBe('2025-10-06T03:00:00Z');
    expect(f.resolutionBreached).toBe(false);
    expect(f.breachLevels).toEqual([1, 2]);
    expect(f).toMatchObject({ feedbackCount: 2, satisfiedCount: 1, openClocks: {} });
    // 30 Sep 10:00–18:00 (8 h), 1–8 October holidays, 9 October 09:00–11:00 (2 h).
    expect(f.handlingWorkingMs).toBe(10 * 3_600_000);
  });

  it('a breached resolution clock counts as late even before the breach list is read', () => {
    expect(complaintFacts({ ...base, clocks: { ...base.clocks, resolution: { state: 'breached' } } }, working).resolutionBreached).toBe(true);
    expect(complaintFacts({ ...base, clocks: { ...base.clocks, resolution: { state: 'breached' } } }, working).openClocks.resolution).toBe('breached');
  });
});

describe('root cause, product and team', () => {
  it('a root cause counts against the product it names, else the complaint’s own; views from before root causes have none', () => {
    expect(complaintFacts(base, working)).toMatchObject({ rootCause: null, rootCauseGroup: null, product: null, agentTeam: null });
    expect(complaintFacts({ ...base, initiativeId: 'card-1', agentTeam: 'customer-service' }, working)).toMatchObject({ rootCause: null, product: 'card-1', agentTeam: 'customer-service' });
    const named = { ...base, initiativeId: 'card-1', rootCause: { code: 'fees_pricing.undisclosed', group: 'fees_pricing', initiativeId: 'loan-2' } };
    expect(complaintFacts(named, working)).toMatchObject({ rootCause: 'fees_pricing.undisclosed', rootCauseGroup: 'fees_pricing', product: 'loan-2' });
    expect(complaintFacts({ ...named, rootCause: { ...named.rootCause, initiativeId: null } }, working).product).toBe('card-1');
  });
});

describe('working time of many intervals', () => {
  it.each(['Asia/Shanghai', 'Europe/London', 'Asia/Kolkata', 'America/Santiago'])('is the calendar’s own answer, day windows cached (%s)', async (timeZone) => {
    const { WorkingTime } = await import('../../../domain/reports/working-time.js');
    const cal = new BusinessCalendar({ ...defaultCalendarSettings, timeZone });
    const cached = new WorkingTime(cal);
    const start = Date.parse(timeZone === 'Asia/Shanghai' ? '2025-09-20T00:00:00Z' : '2025-03-20T00:00:00Z'); // National Day, or DST changes
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 300; i++) {
      const a = new Date(start + next() * (timeZone === 'Asia/Shanghai' ? 30 : 220) * 86_400_000);
      const b = new Date(a.getTime() + next() * 12 * 86_400_000 - 86_400_000);
      expect(cached.between(a, b)).toBe(cal.workingMsBetween(a, b));
      expect(cached.localDateOf(a.getTime())).toBe(cal.localDateOf(a));
    }
  });
});
