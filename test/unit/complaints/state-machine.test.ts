import { describe, it, expect } from 'vitest';
import {
  allowedCommands,
  isAllowed,
  isTerminal,
  nextStatus,
  refusalReason,
  type CommandOutcomes,
} from '../../../domain/complaints/rules.js';
import {
  complaintCommands,
  complaintStatuses,
  type ComplaintCommand,
  type ComplaintStatus,
} from '../../../domain/complaints/types.js';

type Case = { outcome?: unknown; to: ComplaintStatus };

/** Expected outcome-dependent transitions, written out independently of the implementation. */
const resolveCases: Case[] = [
  { outcome: { needsApproval: false } satisfies CommandOutcomes['resolve'], to: 'resolved' },
  { outcome: { needsApproval: true }, to: 'awaiting_approval' },
];
const feedbackCases: Case[] = [
  { outcome: { satisfied: true, signOffPending: false } satisfies CommandOutcomes['feedback'], to: 'closed' },
  { outcome: { satisfied: true, signOffPending: true }, to: 'awaiting_customer' },
  { outcome: { satisfied: false, signOffPending: false }, to: 'reopened' },
  { outcome: { satisfied: false, signOffPending: true }, to: 'reopened' },
];
const signoffCases = (stay: ComplaintStatus): Case[] => [
  { outcome: { readyToClose: true } satisfies CommandOutcomes['signoff'], to: 'closed' },
  { outcome: { readyToClose: false }, to: stay },
];

/** Every allowed (status, command) pair with its expected next status; anything absent is refused. */
const expected: Record<ComplaintStatus, Partial<Record<ComplaintCommand, Case[]>>> = {
  open: {
    respond: [{ to: 'responded' }],
    transfer: [{ to: 'transferred' }],
    resolve: resolveCases,
    pause: [{ to: 'open' }],
    resume: [{ to: 'open' }],
    escalate: [{ to: 'open' }],
  },
  responded: {
    respond: [{ to: 'responded' }],
    transfer: [{ to: 'transferred' }],
    resolve: resolveCases,
    pause: [{ to: 'responded' }],
    resume: [{ to: 'responded' }],
    escalate: [{ to: 'responded' }],
  },
  transferred: {
    respond: [{ to: 'transferred' }],
    transfer: [{ to: 'transferred' }],
    resolve: resolveCases,
    pause: [{ to: 'transferred' }],
    resume: [{ to: 'transferred' }],
    escalate: [{ to: 'transferred' }],
  },
  awaiting_approval: {
    respond: [{ to: 'awaiting_approval' }],
    approve: [
      { outcome: { approved: true, returnTo: 'transferred' } satisfies CommandOutcomes['approve'], to: 'resolved' },
      { outcome: { approved: false, returnTo: 'transferred' }, to: 'transferred' },
      { outcome: { approved: false, returnTo: 'responded' }, to: 'responded' },
      { outcome: { approved: false, returnTo: 'reopened' }, to: 'reopened' },
      { outcome: { approved: false, returnTo: 'open' }, to: 'open' },
    ],
    resume: [{ to: 'awaiting_approval' }],
    escalate: [{ to: 'awaiting_approval' }],
  },
  resolved: {
    respond: [{ to: 'awaiting_customer' }],
    feedback: feedbackCases,
    signoff: signoffCases('resolved'),
    pause: [{ to: 'resolved' }],
    resume: [{ to: 'resolved' }],
    escalate: [{ to: 'resolved' }],
  },
  awaiting_customer: {
    respond: [{ to: 'awaiting_customer' }],
    feedback: feedbackCases,
    signoff: signoffCases('awaiting_customer'),
    resume: [{ to: 'awaiting_customer' }],
    escalate: [{ to: 'awaiting_customer' }],
  },
  reopened: {
    respond: [{ to: 'reopened' }],
    transfer: [{ to: 'transferred' }],
    resolve: resolveCases,
    appeal: [{ to: 'in_appeal' }],
    pause: [{ to: 'reopened' }],
    resume: [{ to: 'reopened' }],
    escalate: [{ to: 'reopened' }],
  },
  in_appeal: {
    respond: [{ to: 'in_appeal' }],
    appealDecision: [
      { outcome: { upheld: true, signOffPending: false } satisfies CommandOutcomes['appealDecision'], to: 'resolved' },
      { outcome: { upheld: true, signOffPending: true }, to: 'resolved' },
      { outcome: { upheld: false, signOffPending: false }, to: 'closed' },
      { outcome: { upheld: false, signOffPending: true }, to: 'resolved' },
    ],
    pause: [{ to: 'in_appeal' }],
    resume: [{ to: 'in_appeal' }],
    escalate: [{ to: 'in_appeal' }],
  },
  closed: {},
};

/** Bypasses the per-command outcome typing so the table can be driven in a loop. */
const next = nextStatus as (s: ComplaintStatus, c: ComplaintCommand, o?: unknown) => ReturnType<typeof nextStatus>;

const allPairs = complaintStatuses.flatMap((s) => complaintCommands.map((c) => [s, c] as const));

describe('complaint state table: every status × command', () => {
  it('covers 9 statuses × 11 commands', () => {
    expect(allPairs).toHaveLength(99);
  });

  describe.each(allPairs)('%s × %s', (status, command) => {
    const cases = expected[status][command];
    if (cases) {
      it.each(cases)('allowed → $to', ({ outcome, to }) => {
        expect(isAllowed(status, command)).toBe(true);
        expect(refusalReason(status, command)).toBeNull();
        expect(next(status, command, outcome)).toEqual({ ok: true, status: to, changed: to !== status });
      });
    } else {
      it('refused with a reason naming the current status', () => {
        expect(isAllowed(status, command)).toBe(false);
        const r = next(status, command, {});
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.reason).toContain(`'${status}'`);
        expect(r.reason).toContain(`'${command}'`);
        expect(r.reason).toBe(refusalReason(status, command));
      });
    }
  });
});

describe('allowedCommands', () => {
  it.each(complaintStatuses)('%s lists exactly the allowed commands', (status) => {
    expect(new Set(allowedCommands(status))).toEqual(new Set(Object.keys(expected[status])));
  });

  it('closed is the only terminal status', () => {
    expect(complaintStatuses.filter(isTerminal)).toEqual(['closed']);
    expect(refusalReason('closed', 'respond')).toBe("'respond' is not allowed while the complaint is 'closed' (allowed: none)");
  });

  it('the refusal lists what is allowed', () => {
    expect(refusalReason('open', 'approve')).toBe(
      "'approve' is not allowed while the complaint is 'open' (allowed: respond, transfer, resolve, pause, resume, escalate)",
    );
  });
});

describe('nextStatus typing and misuse', () => {
  it('typed calls: outcome commands take their outcome, others none', () => {
    expect(nextStatus('open', 'respond')).toEqual({ ok: true, status: 'responded', changed: true });
    expect(nextStatus('open', 'resolve', { needsApproval: true })).toMatchObject({ status: 'awaiting_approval' });
  });

  it('a missing outcome is a caller bug: it throws instead of pretending to be a 409', () => {
    expect(() => next('open', 'resolve')).toThrow(/needs an outcome/);
    expect(() => next('in_appeal', 'appealDecision', null)).toThrow(/needs an outcome/);
  });

  it('a refused command does not need an outcome', () => {
    expect(next('closed', 'resolve')).toMatchObject({ ok: false });
  });
});

describe('complaint journeys', () => {
  it('happy path: open → responded → transferred → approval → resolved → fed back → closed', () => {
    const path: [ComplaintCommand, unknown, ComplaintStatus][] = [
      ['respond', undefined, 'responded'],
      ['transfer', undefined, 'transferred'],
      ['resolve', { needsApproval: true }, 'awaiting_approval'],
      ['approve', { approved: false, returnTo: 'transferred' }, 'transferred'],
      ['resolve', { needsApproval: true }, 'awaiting_approval'],
      ['approve', { approved: true, returnTo: 'transferred' }, 'resolved'],
      ['respond', undefined, 'awaiting_customer'],
      ['feedback', { satisfied: true, signOffPending: false }, 'closed'],
    ];
    let status: ComplaintStatus = 'open';
    for (const [command, outcome, to] of path) {
      const r = next(status, command, outcome);
      expect(r).toMatchObject({ ok: true, status: to });
      if (r.ok) status = r.status;
    }
  });

  it('unhappy path: reopened → appeal dismissed at committee level waits for the chair', () => {
    const path: [ComplaintCommand, unknown, ComplaintStatus][] = [
      ['resolve', { needsApproval: false }, 'resolved'],
      ['feedback', { satisfied: false, signOffPending: true }, 'reopened'],
      ['appeal', undefined, 'in_appeal'],
      ['appealDecision', { upheld: false, signOffPending: true }, 'resolved'],
      ['signoff', { readyToClose: true }, 'closed'],
    ];
    let status: ComplaintStatus = 'open';
    for (const [command, outcome, to] of path) {
      const r = next(status, command, outcome);
      expect(r).toMatchObject({ ok: true, status: to });
      if (r.ok) status = r.status;
    }
  });
});
