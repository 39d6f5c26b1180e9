/**
 * The agenda of a committee meeting, assembled from the data when the meeting convenes
 * (docs/meetings.md, "The agenda"): the reviewed month's quality report, the KPI targets it
 * missed, the month's hot issues, the incidents still open, the post-launch review items waiting
 * for a decision, the improvement actions past their due date, and the target changes waiting
 * for approval. The activity reads the facts (db/meetings.ts `agendaFacts`); this module decides
 * what becomes an item, in which order, with which facts.
 *
 * Workflow-safe: pure.
 */
import type { Kpis } from '../reports/kpis.js';
import { severities } from '../complaints/types.js';
import type { KpiTargets } from '../targets/targets.js';
import type { AgendaItem, Stake } from './types.js';

export interface AgendaFacts {
  reviewedMonth: string;
  /** The stored monthly report of the reviewed month, if it was generated. */
  report: { period: string; generatedAt: string; kpis: Kpis } | null;
  /** The targets in force (what a report of older targets is judged by when it carries none). */
  targets: KpiTargets;
  /** Root causes of the reviewed month, most complaints first. */
  hotIssues: { key: string; count: number; previous: number; change: number; share: number | null; resolutionOnTime: number | null }[];
  incidents: { id: string; dimension: string; value: string; count: number; status: string; ownerId: string | null; raisedAt: string; nextDeadline: string | null }[];
  postLaunch: { itemId: string; initiativeId: string; name: string; complaintCount: number; threshold: number; raisedAt: string; stake: Stake }[];
  overdueActions: { id: string; title: string; ownerId: string | null; due: string; status: string }[];
  targetProposals: { id: string; changes: string[]; proposedBy: string; deadline: string; reason: string }[];
}

/** A targeted KPI the institution missed in the month: the figure and its target. */
export interface TargetMiss {
  kpi: string;
  value: number;
  target: number;
}

/** The institution-wide misses of the report: first response, resolution rate, satisfaction, and resolution on time per severity. */
export function institutionMisses(kpis: Kpis, fallback: KpiTargets): TargetMiss[] {
  const t = kpis.targets;
  const target = {
    firstResponseOnTime: t?.firstResponseOnTime ?? fallback.firstResponseOnTime,
    resolutionRate: t?.resolutionRate ?? fallback.resolutionRate,
    satisfaction: t?.satisfaction ?? fallback.satisfaction,
  };
  const misses: TargetMiss[] = [];
  const judge = (kpi: string, value: number | null | undefined, goal: number | undefined) => {
    if (typeof value === 'number' && typeof goal === 'number' && value < goal) misses.push({ kpi, value, target: goal });
  };
  judge('firstResponseOnTime', kpis.complaints.firstResponse.rate, target.firstResponseOnTime);
  judge('resolutionRate', kpis.complaints.resolutionRate.rate, target.resolutionRate);
  judge('satisfaction', kpis.complaints.satisfaction.rate, target.satisfaction);
  for (const s of severities) judge(`resolutionOnTime.${s}`, kpis.onTime?.resolution.bySeverity[s], t?.resolutionOnTime.bySeverity[s] ?? fallback.resolutionOnTime[s]);
  return misses;
}

const item = (i: Omit<AgendaItem, 'stake' | 'subjectId' | 'link'> & Partial<Pick<AgendaItem, 'stake' | 'subjectId' | 'link'>>): AgendaItem => ({ stake: null, subjectId: null, link: null, ...i });

/** The agenda, in the order the meeting takes it; `hotIssues` is how many root causes it lists. */
export function assembleAgenda(f: AgendaFacts, hotIssues: number): AgendaItem[] {
  const items: AgendaItem[] = [];
  const r = f.report;
  items.push(
    item({
      key: `quality_report:${f.reviewedMonth}`,
      kind: 'quality_report',
      title: `Service quality report ${f.reviewedMonth}`,
      link: r ? `/reports?month=${f.reviewedMonth}` : null,
      subjectId: r ? `monthly-${f.reviewedMonth}` : null,
      facts: r
        ? {
            generated: true,
            generatedAt: r.generatedAt,
            received: r.kpis.complaints.received,
            firstResponseOnTime: r.kpis.complaints.firstResponse.rate,
            resolutionRate: r.kpis.complaints.resolutionRate.rate,
            satisfaction: r.kpis.complaints.satisfaction.rate,
          }
        : { generated: false },
    }),
  );
  if (r) {
    for (const m of institutionMisses(r.kpis, f.targets)) {
      items.push(item({ key: `target_missed:${m.kpi}`, kind: 'target_missed', title: `Target missed: ${m.kpi}`, link: `/reports?month=${f.reviewedMonth}`, facts: { kpi: m.kpi, value: m.value, target: m.target } }));
    }
  }
  for (const h of f.hotIssues.filter((h) => h.count > 0).slice(0, Math.max(0, hotIssues))) {
    items.push(
      item({
        key: `hot_issue:rootCause:${h.key}`,
        kind: 'hot_issue',
        title: `Hot issue: ${h.key}`,
        link: `/hot-issues?month=${f.reviewedMonth}`,
        subjectId: h.key,
        facts: { rootCause: h.key, count: h.count, previous: h.previous, change: h.change, share: h.share, resolutionOnTime: h.resolutionOnTime },
      }),
    );
  }
  for (const i of f.incidents) {
    items.push(
      item({
        key: `incident:${i.id}`,
        kind: 'incident',
        title: `Open incident: ${i.count} complaints, ${i.dimension} ${i.value}`,
        link: `/incidents/${i.id}`,
        subjectId: i.id,
        facts: { status: i.status, owner: i.ownerId, raisedAt: i.raisedAt, nextDeadline: i.nextDeadline, count: i.count },
      }),
    );
  }
  for (const p of f.postLaunch) {
    items.push(
      item({
        key: `post_launch:${p.itemId}`,
        kind: 'post_launch',
        title: `Post-launch review: ${p.name}`,
        link: `/initiatives/${p.initiativeId}`,
        subjectId: p.itemId,
        stake: p.stake,
        facts: { initiativeId: p.initiativeId, complaintCount: p.complaintCount, threshold: p.threshold, raisedAt: p.raisedAt, team: p.stake.team },
      }),
    );
  }
  for (const a of f.overdueActions) {
    items.push(item({ key: `overdue_action:${a.id}`, kind: 'overdue_action', title: `Overdue action: ${a.title}`, link: `/improvements/${a.id}`, subjectId: a.id, facts: { owner: a.ownerId, due: a.due, status: a.status } }));
  }
  for (const t of f.targetProposals) {
    items.push(
      item({
        key: `target_proposal:${t.id}`,
        kind: 'target_proposal',
        title: `KPI target change proposed by ${t.proposedBy}`,
        link: '/targets',
        subjectId: t.id,
        facts: { changes: t.changes.join('; '), reason: t.reason, proposedBy: t.proposedBy, deadline: t.deadline },
      }),
    );
  }
  return items;
}

/** A chair's own item; its key numbers the chair's items in order. */
export function chairItem(existing: readonly AgendaItem[], title: string, description: string, by: string, at: string): AgendaItem {
  const n = existing.filter((i) => i.kind === 'chair_item').length + 1;
  return item({ key: `chair_item:${n}`, kind: 'chair_item', title, facts: { description }, addedBy: by, addedAt: at });
}
