/**
 * The KPI targets (docs/reports.md, "Targets"): the committee's decision, not a constant. They are
 * the `targets` policy, which changes only when the chair (or, later, a committee meeting)
 * approves an admin's proposal (domain/targets/proposal.ts). Reports, the accountable KPIs and
 * the web UI all judge figures with the functions below.
 *
 * Workflow-safe: pure.
 */
import { severities, type Severity } from '../complaints/types.js';

export interface KpiTargets {
  /** Share of settled first-response clocks met in time: at least. */
  firstResponseOnTime: number;
  /** Share of complaints resolved: at least. */
  resolutionRate: number;
  /** Share of settled resolution deadlines kept, by severity: at least. */
  resolutionOnTime: Record<Severity, number>;
  /** Share of satisfied customer answers: at least. */
  satisfaction: number;
  /** Mean gate review cycle (submission → decision) in working hours: at most. */
  gateReviewCycleWorkingHours: number;
  /**
   * Closed complaints surveyed or called back / closed: at least. Absent from targets approved
   * before it existed: the default applies (`callbackCoverageTarget`).
   */
  callbackCoverage?: number;
}

/** The service-quality plan's targets: 90 % answered in time, 98 % resolved. */
export const defaultKpiTargets: KpiTargets = {
  firstResponseOnTime: 0.9,
  resolutionRate: 0.98,
  resolutionOnTime: { general: 0.95, major: 0.95, urgent: 0.98 },
  satisfaction: 0.9,
  // Five business days of nine working hours: the gate review deadline.
  gateReviewCycleWorkingHours: 45,
  // 客户服务操作手册 §4.3: every handled complaint is called back to confirm satisfaction (回访率 100 %).
  callbackCoverage: 1,
};

/** The callback coverage target in force: the policy's, else the default. */
export const callbackCoverageTarget = (t: KpiTargets): number => t.callbackCoverage ?? defaultKpiTargets.callbackCoverage!;

/** The targets with the version of the `targets` policy they are (0: the defaults, never approved). */
export interface TargetsInForce {
  targets: KpiTargets;
  version: number;
}

/** A KPI with a target, and which way is good. */
export const targetedKpis = ['firstResponseOnTime', 'resolutionOnTime', 'resolutionRate', 'satisfaction'] as const;
export type TargetedKpi = (typeof targetedKpis)[number];

/**
 * The resolution on-time target of a set of complaints of mixed severities: each settled one
 * weighs with its severity's target (null when none is settled).
 */
export function weightedResolutionTarget(settledBySeverity: Partial<Record<string, number>>, targets: Pick<KpiTargets, 'resolutionOnTime'>): number | null {
  let n = 0;
  let sum = 0;
  for (const s of severities) {
    const k = settledBySeverity[s] ?? 0;
    n += k;
    sum += k * targets.resolutionOnTime[s];
  }
  return n > 0 ? Math.round((sum / n) * 10_000) / 10_000 : null;
}

/** The figures of one unit (or the whole institution) that targets judge; null = nothing to judge. */
export interface TargetedFigures {
  firstResponseOnTime: number | null;
  resolutionOnTime: number | null;
  /** The unit's own resolution target (`weightedResolutionTarget`). */
  resolutionOnTimeTarget: number | null;
  resolutionRate: number | null;
  satisfaction: number | null;
}

/** The targeted KPIs the figures miss (a rate under its target); a missing figure misses nothing. */
export function targetMisses(f: TargetedFigures, targets: KpiTargets): TargetedKpi[] {
  const misses: TargetedKpi[] = [];
  const under = (v: number | null, target: number | null) => v !== null && target !== null && v < target;
  if (under(f.firstResponseOnTime, targets.firstResponseOnTime)) misses.push('firstResponseOnTime');
  if (under(f.resolutionOnTime, f.resolutionOnTimeTarget)) misses.push('resolutionOnTime');
  if (under(f.resolutionRate, targets.resolutionRate)) misses.push('resolutionRate');
  if (under(f.satisfaction, targets.satisfaction)) misses.push('satisfaction');
  return misses;
}

/** A gate review cycle over its target (at most), null when nothing was decided. */
export function gateCycleOverTarget(avgWorkingHours: number | null, targets: Pick<KpiTargets, 'gateReviewCycleWorkingHours'>): boolean {
  return avgWorkingHours !== null && avgWorkingHours > targets.gateReviewCycleWorkingHours;
}

/** What changes between two sets of targets, as `path: before → after` lines (audit and notices). */
export function targetChanges(before: KpiTargets, after: KpiTargets): string[] {
  const lines: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      for (const k of Object.keys({ ...a, ...b })) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    } else if (a !== b) lines.push(`${path}: ${String(a)} → ${String(b)}`);
  };
  walk(before, after, '');
  return lines;
}
