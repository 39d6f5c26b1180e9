/**
 * The per-complaint facts the KPIs are computed from (docs/business-rules.md §4), derived from the complaint
 * view the workflow records. They are stored as columns of the `complaints` projection, so the
 * KPI queries aggregate plain columns with an index instead of reading each row's JSON view, and
 * the working-time part, which needs the business calendar (not available in SQL), is computed
 * once, when the complaint closes, with the calendar in force then.
 *
 * Pure: the caller supplies the working-time function (BusinessCalendar.workingMsBetween).
 */
import type { ClockName, ClockState } from '../complaints/types.js';

/**
 * Bump when a rule below changes: rows with an older version are derived again (backfill).
 * 2: the root cause, its group, the product it counts against and the first responder's team.
 */
export const complaintFactsVersion = 2;

/** The parts of a ComplaintView (domain/complaints/views.ts) the facts read. */
export interface FactsSource {
  receivedAt: string;
  closedAt: string | null;
  clocks: Partial<Record<ClockName, { state: ClockState; metAt?: string; breachedAt?: string }>>;
  breaches: { clock: string; at: string; level: number }[];
  resolutions: { at: string; state: string; approval?: { approved: boolean; at: string } }[];
  feedback: { satisfied: boolean }[];
  repeatOf: string[];
  /** Absent in views recorded before root causes existed. */
  rootCause?: { code: string; group: string; initiativeId: string | null } | null;
  initiativeId?: string;
  agentTeam?: string | null;
}

export interface ComplaintFacts {
  /** State of the first-response clock: met = on time, breached = late (even if answered later). */
  firstResponseState: ClockState | null;
  firstResponseAt: string | null;
  /** The first time a resolution reached the customer side (accepted, or approved when it needed approval). */
  resolvedAt: string | null;
  /** Any resolution deadline missed, including one restarted by a reopen. */
  resolutionBreached: boolean;
  feedbackCount: number;
  satisfiedCount: number;
  /** Flagged as a repeat of an earlier complaint of the same customer. */
  isRepeat: boolean;
  /** The escalation level reached by each breach (the breach itself and every further window). */
  breachLevels: number[];
  /** Clocks still running against the bank, by state (pending, at_risk, paused, breached and not yet met). */
  openClocks: Partial<Record<ClockName, ClockState>>;
  /** Working time from receipt to closing (business calendar), once closed. */
  handlingWorkingMs: number | null;
  /** The root cause (a leaf of the taxonomy) and its group, once named. */
  rootCause: string | null;
  rootCauseGroup: string | null;
  /** The product the complaint counts against: the one its root cause names, else the one it was linked to at intake. */
  product: string | null;
  /** The first responder's team (their department at intake). */
  agentTeam: string | null;
  factsVersion: number;
}

export function complaintFacts(view: FactsSource, workingMs: (from: Date, to: Date) => number): ComplaintFacts {
  const firstResponse = view.clocks.firstResponse;
  const accepted = view.resolutions
    .map((r) => (r.state === 'accepted' ? r.at : r.state === 'approved' && r.approval?.approved ? r.approval.at : null))
    .filter((at): at is string => at !== null)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const openClocks: Partial<Record<ClockName, ClockState>> = {};
  if (view.closedAt === null) {
    for (const [name, clock] of Object.entries(view.clocks) as [ClockName, { state: ClockState; metAt?: string }][]) {
      if (clock.state === 'met' || (clock.state === 'breached' && clock.metAt !== undefined)) continue;
      openClocks[name] = clock.state;
    }
  }
  return {
    firstResponseState: firstResponse?.state ?? null,
    firstResponseAt: firstResponse?.metAt ?? null,
    resolvedAt: accepted[0] ?? null,
    resolutionBreached: view.breaches.some((b) => b.clock === 'resolution') || view.clocks.resolution?.state === 'breached',
    feedbackCount: view.feedback.length,
    satisfiedCount: view.feedback.filter((f) => f.satisfied).length,
    isRepeat: view.repeatOf.length > 0,
    breachLevels: view.breaches.map((b) => b.level),
    openClocks,
    handlingWorkingMs: view.closedAt === null ? null : workingMs(new Date(view.receivedAt), new Date(view.closedAt)),
    rootCause: view.rootCause?.code ?? null,
    rootCauseGroup: view.rootCause?.group ?? null,
    product: view.rootCause?.initiativeId ?? view.initiativeId ?? null,
    agentTeam: view.agentTeam ?? null,
    factsVersion: complaintFactsVersion,
  };
}
