import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../../domain/complaints/summary-line.js';
import { byUrgency, urgencyRank } from '../../../domain/urgency.js';

describe('urgency: the order of the inbox and the complaint list', () => {
  it('breached, then at risk, then running deadlines (soonest first), then none', () => {
    const items = [
      { id: 'none', deadline: null },
      { id: 'late-pending', deadline: '2026-12-09T00:00:00.000Z', deadlineState: 'pending' },
      { id: 'at-risk', deadline: '2026-12-08T00:00:00.000Z', deadlineState: 'at_risk' },
      { id: 'soon-pending', deadline: '2026-12-02T00:00:00.000Z', deadlineState: 'pending' },
      { id: 'breached-later', deadline: '2026-12-05T00:00:00.000Z', deadlineState: 'breached' },
      { id: 'breached-earlier', deadline: '2026-11-30T00:00:00.000Z', deadlineState: 'breached' },
      { id: 'no-state', deadline: '2026-12-03T00:00:00.000Z' },
    ];
    expect([...items].sort(byUrgency).map((i) => i.id)).toEqual(['breached-earlier', 'breached-later', 'at-risk', 'soon-pending', 'no-state', 'late-pending', 'none']);
  });

  it('a breached item without a deadline still ranks first; an unknown state ranks as a running deadline', () => {
    expect(urgencyRank({ deadline: null, deadlineState: 'breached' })).toBe(0);
    expect(urgencyRank({ deadline: '2026-12-03T00:00:00.000Z', deadlineState: 'paused' })).toBe(2);
    expect(urgencyRank({ deadline: null, deadlineState: 'paused' })).toBe(3);
  });

  it('is a total order: antisymmetric and transitive over any items', () => {
    const item = fc.record({
      deadline: fc.option(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), { nil: null }),
      deadlineState: fc.option(fc.constantFrom('pending', 'at_risk', 'breached', 'met', 'paused'), { nil: undefined }),
    });
    fc.assert(
      fc.property(item, item, item, (a, b, c) => {
        expect(Math.sign(byUrgency(a, b))).toBe(-Math.sign(byUrgency(b, a)) || 0);
        if (byUrgency(a, b) <= 0 && byUrgency(b, c) <= 0) expect(byUrgency(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('summaryLine: a complaint in one line', () => {
  it('keeps a short first line as it is', () => {
    expect(summaryLine('  Card blocked while travelling \nsecond line')).toBe('Card blocked while travelling');
  });

  it('cuts long Latin text at a word, Chinese text at a character, with an ellipsis', () => {
    const latin = 'The mobile app logged me out during a transfer and the money left my account but never arrived at the other bank';
    const cut = summaryLine(latin, 40);
    expect(cut.endsWith('…')).toBe(true);
    expect(latin.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1).endsWith(' ')).toBe(false);
    expect([...cut.slice(0, -1)].length).toBeLessThanOrEqual(40);
    const chinese = '信用卡在境外旅行期间被无故冻结，多次致电客服热线均无人接听，要求赔偿损失并说明原因';
    expect(summaryLine(chinese, 10)).toBe(`${[...chinese].slice(0, 10).join('')}…`);
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(summaryLine('😀'.repeat(12), 5)).toBe(`${'😀'.repeat(5)}…`);
  });
});
