import { describe, expect, it } from 'vitest';
import { assembleAgenda, chairItem, institutionMisses, type AgendaFacts } from '../../../domain/meetings/agenda.js';
import { defaultKpiTargets } from '../../../domain/targets/targets.js';
import type { Kpis } from '../../../domain/reports/kpis.js';

const kpis = (o: { fr?: number | null; rr?: number | null; sat?: number | null; urgent?: number | null; withTargets?: boolean } = {}): Kpis =>
  ({
    complaints: { received: 40, firstResponse: { rate: o.fr ?? 0.95 }, resolutionRate: { rate: o.rr ?? 0.99 }, satisfaction: { rate: o.sat ?? 0.93 } },
    onTime: { firstResponse: { bySeverity: {} }, resolution: { bySeverity: { general: 0.97, major: 0.96, urgent: o.urgent ?? 0.99 } } },
    ...(o.withTargets ? { targets: { version: 3, firstResponseOnTime: 0.8, resolutionRate: 0.9, satisfaction: 0.5, resolutionOnTime: { bySeverity: { general: 0.5, major: 0.5, urgent: 0.5 } }, gateReviewCycleWorkingHours: 45 } } : {}),
  }) as unknown as Kpis;

const facts = (o: Partial<AgendaFacts> = {}): AgendaFacts => ({
  reviewedMonth: '2026-11',
  report: { period: '2026-11', generatedAt: '2026-12-01T06:00:00.000Z', kpis: kpis() },
  targets: defaultKpiTargets,
  hotIssues: [],
  incidents: [],
  postLaunch: [],
  overdueActions: [],
  targetProposals: [],
  ...o,
});

describe('the agenda assembled from the data', () => {
  it('always opens with the reviewed month’s quality report, saying when it was not generated', () => {
    expect(assembleAgenda(facts(), 3).map((i) => i.key)).toEqual(['quality_report:2026-11']);
    const [missing] = assembleAgenda(facts({ report: null }), 3);
    expect(missing).toMatchObject({ kind: 'quality_report', facts: { generated: false }, link: null, subjectId: null });
  });

  it('lists each institution-wide target the report missed, judged by the targets the report carries', () => {
    const items = assembleAgenda(facts({ report: { period: '2026-11', generatedAt: 'x', kpis: kpis({ fr: 0.85, urgent: 0.9 }) } }), 3);
    expect(items.filter((i) => i.kind === 'target_missed').map((i) => [i.key, i.facts.value, i.facts.target])).toEqual([
      ['target_missed:firstResponseOnTime', 0.85, 0.9],
      ['target_missed:resolutionOnTime.urgent', 0.9, 0.98],
    ]);
    // The report's own targets (version 3) are laxer: nothing is missed.
    expect(institutionMisses(kpis({ fr: 0.85, urgent: 0.9, withTargets: true }), defaultKpiTargets)).toEqual([]);
    // A figure without data misses nothing.
    expect(institutionMisses(kpis({ sat: null }), defaultKpiTargets)).toEqual([]);
  });

  it('takes the hottest root causes up to the policy’s number, never one without complaints', () => {
    const hot = [
      { key: 'fee_dispute', count: 9, previous: 2, change: 7, share: 0.3, resolutionOnTime: 0.8 },
      { key: 'app_outage', count: 5, previous: 5, change: 0, share: 0.2, resolutionOnTime: null },
      { key: 'rude_staff', count: 0, previous: 1, change: -1, share: 0, resolutionOnTime: null },
    ];
    expect(assembleAgenda(facts({ hotIssues: hot }), 1).filter((i) => i.kind === 'hot_issue').map((i) => i.key)).toEqual(['hot_issue:rootCause:fee_dispute']);
    expect(assembleAgenda(facts({ hotIssues: hot }), 5).filter((i) => i.kind === 'hot_issue').map((i) => i.key)).toEqual(['hot_issue:rootCause:fee_dispute', 'hot_issue:rootCause:app_outage']);
    expect(assembleAgenda(facts({ hotIssues: hot }), 0).some((i) => i.kind === 'hot_issue')).toBe(false);
  });

  it('orders the items: report, missed targets, hot issues, incidents, post-launch items, overdue actions, target changes — each linked to its subject', () => {
    const items = assembleAgenda(
      facts({
        report: { period: '2026-11', generatedAt: 'x', kpis: kpis({ sat: 0.5 }) },
        hotIssues: [{ key: 'fee_dispute', count: 9, previous: 2, change: 7, share: 0.3, resolutionOnTime: 0.8 }],
        incidents: [{ id: 'i-1', dimension: 'product', value: 'card', count: 12, status: 'assigned', ownerId: 'sup', raisedAt: 'r', nextDeadline: 'd' }],
        postLaunch: [{ itemId: 'ini-1-plr', initiativeId: 'ini-1', name: 'Card app', complaintCount: 14, threshold: 10, raisedAt: 'r', stake: { submitter: 'po', owner: 'po', team: 'cards' } }],
        overdueActions: [{ id: 'a-1', title: 'Fix fees page', ownerId: 'po', due: '2026-11-20', status: 'in_progress' }],
        targetProposals: [{ id: 'p-1', changes: ['satisfaction: 0.9 → 0.85'], proposedBy: 'ada', deadline: 'd', reason: 'why' }],
      }),
      3,
    );
    expect(items.map((i) => i.kind)).toEqual(['quality_report', 'target_missed', 'hot_issue', 'incident', 'post_launch', 'overdue_action', 'target_proposal']);
    expect(items.map((i) => i.link)).toEqual(['/reports?month=2026-11', '/reports?month=2026-11', '/hot-issues?month=2026-11', '/incidents/i-1', '/initiatives/ini-1', '/improvements/a-1', '/targets']);
    expect(items.find((i) => i.kind === 'post_launch')).toMatchObject({ subjectId: 'ini-1-plr', stake: { team: 'cards', owner: 'po' } });
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('numbers the chair’s own items in order', () => {
    const first = chairItem([], 'Branch queue times', 'seen at the branch', 'gm', 't1');
    const second = chairItem([first], 'Another', '', 'gm', 't2');
    expect([first.key, second.key]).toEqual(['chair_item:1', 'chair_item:2']);
    expect(second).toMatchObject({ kind: 'chair_item', addedBy: 'gm', addedAt: 't2', facts: { description: '' } });
  });
});

describe('the improvement action a decision raises', () => {
  const decidedBy = { userId: 'gm', name: 'Grace', roles: [] };
  const action = { title: 'Rewrite the fee notice', plan: 'new wording', owner: { userId: 'po', name: 'Lin' }, ownerDepartment: 'cards', dueInDays: 10 };
  it('comes from the committee’s decision, numbered by the item; a hot issue’s action measures its root cause', async () => {
    const { improvementRequest } = await import('../../../domain/meetings/actions.js');
    const hot = assembleAgenda(facts({ hotIssues: [{ key: 'fee_dispute', count: 9, previous: 2, change: 7, share: 0.3, resolutionOnTime: 0.8 }] }), 3)[1]!;
    const r = improvementRequest({ meetingId: '2026-12', itemNumber: 2, item: hot, action, comment: 'fees confuse', decidedBy, at: 't' });
    expect(r).toMatchObject({ source: { kind: 'committee', id: '2026-12:2' }, raisedBy: decidedBy, title: 'Rewrite the fee notice', problem: 'Hot issue: fee_dispute — fees confuse', measure: { dimension: 'rootCause', value: 'fee_dispute' }, dueInDays: 10, ownerDepartment: 'cards' });
  });
  it('a fix of a launched product is the post-launch review item’s action, linked to the initiative', async () => {
    const { improvementRequest } = await import('../../../domain/meetings/actions.js');
    const [, item] = assembleAgenda(facts({ postLaunch: [{ itemId: 'ini-1-plr', initiativeId: 'ini-1', name: 'Card app', complaintCount: 14, threshold: 10, raisedAt: 'r', stake: { submitter: 'po', owner: 'po', team: 'cards' } }] }), 0);
    const r = improvementRequest({ meetingId: '2026-12', itemNumber: 2, item: item!, action, comment: 'login fails', decidedBy, at: 't' });
    expect(r).toMatchObject({ source: { kind: 'post_launch_review', id: 'ini-1-plr' }, links: { initiatives: ['ini-1'], incidents: [], complaints: [] }, measure: null });
  });
});
