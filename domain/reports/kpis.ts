/**
 * The KPIs of docs/business-rules.md §4 — their shape and the arithmetic shared by every place that shows
 * them (GET /reports/kpis, the stored monthly and weekly reports, their CSV). The SQL that
 * gathers the counts is db/kpis.ts; the definitions are written out in docs/reports.md.
 *
 * Shape rule: every leaf is a number or null (null = no denominator / nothing to average), and
 * every object named `by…` maps a dimension (category, level, stage, …) to such a leaf. The CSV
 * form (csv.ts) relies on it.
 */
import { categories, channels, severities } from '../complaints/types.js';
import { feedbackKinds } from '../feedback/types.js';
import { gateStages } from '../gates/stages.js';
import type { VoiceKpis } from './voice.js';

export interface Rate {
  rate: number | null;
}

export interface ComplaintKpis {
  /** Complaints received in the period: the cohort every complaint KPI is about. */
  received: number;
  volume: {
    byCategory: Record<string, number>;
    byChannel: Record<string, number>;
    bySeverity: Record<string, number>;
    /** Linked initiative id, or `none`. */
    byProduct: Record<string, number>;
  };
  /** First-response clock: met in time / settled (met in time + breached). */
  firstResponse: { onTime: number; late: number; pending: number } & Rate;
  /** Resolution deadline: resolved without any resolution breach / settled (that + breached). */
  resolution: { onTime: number; late: number; pending: number } & Rate;
  /** Resolved or closed now (resolved, awaiting_customer, closed) / received. Target 98 %. */
  resolutionRate: { resolved: number } & Rate;
  /** Satisfied answers / answers given (every callback or survey answer counts). */
  satisfaction: { feedback: number; satisfied: number } & Rate;
  /** Reopened at least once / received. */
  reopen: { reopened: number } & Rate;
  /** Flagged as a repeat of an earlier complaint / received. */
  repeat: { repeats: number } & Rate;
  /** Received → closed, over the closed ones: elapsed hours and working hours (business calendar). */
  handlingTime: { closed: number; avgHours: number | null; avgWorkingHours: number | null };
  /** Breach events (each breach and each further breach window) by the level they escalated to. */
  breaches: { total: number; complaints: number; byLevel: Record<string, number> };
}

export interface GateKpis {
  /** Gate reviews opened (submissions) in the period. */
  submitted: number;
  /** Reviews decided in the period, by outcome; rates are shares of the decided ones. */
  decisions: {
    decided: number;
    byOutcome: Record<string, number>;
    overridden: number;
    approvalRate: number | null;
    reworkRate: number | null;
    rejectionRate: number | null;
  };
  /** Submission → decision of the reviews decided in the period, per stage and overall. */
  reviewCycle: {
    count: { all: number; byStage: Record<string, number> };
    avgHours: { all: number | null; byStage: Record<string, number | null> };
    avgWorkingHours: { all: number | null; byStage: Record<string, number | null> };
  };
  /** Stage entered → gate approved, for stages completed in the period. */
  stageCycle: {
    count: { byStage: Record<string, number> };
    avgHours: { byStage: Record<string, number | null> };
    avgWorkingHours: { byStage: Record<string, number | null> };
  };
  /** Reviews whose deadline passed without a decision (escalated to the chair) in the period. */
  overdue: { reviews: number; stillOpen: number };
}

/** The KPI targets the figures are judged against (the `targets` policy in force when computed). */
export interface KpiTargetFigures {
  /** The `targets` policy version; 0 = the defaults, never approved. */
  version: number;
  firstResponseOnTime: number;
  resolutionRate: number;
  resolutionOnTime: { bySeverity: Record<string, number> };
  satisfaction: number;
  gateReviewCycleWorkingHours: number;
  /** Absent in reports stored before callbacks were counted. */
  callbackCoverage?: number;
}

/** Deadlines kept by severity: met in time / settled. */
export interface OnTimeBySeverity {
  firstResponse: { bySeverity: Record<string, number | null> };
  resolution: { bySeverity: Record<string, number | null> };
}

/** Who is accountable: a department (the one a complaint was transferred to, else the first responder's team), a team, an agent. */
export const unitKinds = ['department', 'team', 'agent'] as const;
export type UnitKind = (typeof unitKinds)[number];

/**
 * The complaint KPIs of every unit of one kind (docs/reports.md, "Accountable KPIs"), each KPI a
 * map unit → value (the CSV's `by…` rule). `none` is the unit of complaints without one.
 */
export interface UnitTable {
  received: { byUnit: Record<string, number> };
  firstResponseOnTime: { byUnit: Record<string, number | null> };
  resolutionOnTime: { byUnit: Record<string, number | null> };
  /** The unit's own resolution target: its settled complaints weighed by their severity's target. */
  resolutionOnTimeTarget: { byUnit: Record<string, number | null> };
  resolutionRate: { byUnit: Record<string, number | null> };
  reopenRate: { byUnit: Record<string, number | null> };
  repeatRate: { byUnit: Record<string, number | null> };
  satisfaction: { byUnit: Record<string, number | null> };
  handlingHours: { byUnit: Record<string, number | null> };
  handlingWorkingHours: { byUnit: Record<string, number | null> };
  /** How many targeted KPIs the unit misses (domain/targets/targets.ts `targetMisses`); 0 = on target. */
  underTarget: { byUnit: Record<string, number> };
}
export type Accountability = Partial<Record<UnitKind, UnitTable>>;

/**
 * Feedback beside complaints (docs/feedback.md): the items received in the period by kind and
 * channel, and the inquiries' first response on time (answered by the due date / settled:
 * answered in time + overdue, answered late or not yet).
 */
export interface FeedbackKpis {
  received: number;
  volume: { byKind: Record<string, number>; byChannel: Record<string, number> };
  inquiryFirstResponse: { onTime: number; late: number; pending: number } & Rate;
  /** Items ended as complaints, and items taken from complaints reclassified as feedback. */
  reclassified: { asComplaint: number; fromComplaint: number };
}

export interface Kpis {
  complaints: ComplaintKpis;
  gates: GateKpis;
  /** Absent in reports stored before feedback was counted. */
  feedback?: FeedbackKpis;
  /** Absent in reports stored before targets were the committee's. */
  targets?: KpiTargetFigures;
  onTime?: OnTimeBySeverity;
  accountability?: Accountability;
  /** CSAT, NPS and callback coverage (domain/reports/voice.ts); absent in reports stored before surveys. */
  voice?: VoiceKpis;
}

/** The report around the KPIs: which period, in which zone, made when and by whom. */
export interface KpiReport {
  from: string;
  to: string;
  timeZone: string;
  computedAt: string;
  kpis: Kpis;
}

export const escalationLevels = ['1', '2', '3'] as const;
export const decisionOutcomes = ['approve', 'request_changes', 'reject'] as const;

/** A share rounded to 4 decimals (0.9375), null without a denominator. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

/** Milliseconds as hours rounded to 4 decimals (0.36 s), null when unknown. */
export function hours(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? null : Math.round(ms / 360) / 10_000;
}

/** Mean of a list, null when empty. */
export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Every value of a vocabulary with 0, then the counts found (unknown values kept too). */
export function zeroFilled(keys: readonly string[], counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const [k, v] of Object.entries(counts)) out[k] = (out[k] ?? 0) + v;
  return out;
}

export const vocabularies = { categories, channels, severities, stages: gateStages, feedbackKinds };
