/**
 * The public /api/v1 contract as the UI uses it (shared/spec/api.md and GET /api/v1/openapi.json).
 * Vocabularies come from the pure domain modules, the single list each enum is built from.
 */
import type { Category, Channel, ClockState, ComplaintStatus, Severity } from '@domain/complaints/types.js';
import type { BusinessLine, Decision, GateStage, InitiativeStatus, Stage } from '@domain/gates/stages.js';
import type { ComplaintKpis, GateKpis, KpiReport, Kpis } from '@domain/reports/kpis.js';

export type { Category, Channel, ClockState, ComplaintStatus, Severity, BusinessLine, Decision, GateStage, InitiativeStatus, Stage };
/** The KPI document (GET /reports/kpis) is the very type db/kpis.ts computes (domain/reports/kpis.ts). */
export type { ComplaintKpis, GateKpis, KpiReport, Kpis };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface VoteRecord {
  userId: string;
  decision: Decision;
  comment: string;
  at: string;
  revision: number;
}

export interface Review {
  id: string;
  initiativeId: string;
  stage: GateStage;
  version: number;
  status: 'open' | 'escalated' | 'decided' | 'withdrawn';
  openedAt: string;
  deadline: string;
  reminderAt?: string;
  submittedBy: string;
  chair: string;
  eligible: string[];
  recused: string[];
  votes: VoteRecord[];
  quorum: { required: number; cast: number; met: boolean };
  deliverables: unknown;
  carriedComments?: string[];
  remindedAt?: string;
  escalatedAt?: string;
  extension?: { until: string; reason: string; by: string; at: string };
  outcome?: Decision;
  signedOffBy?: string;
  signOffComment?: string;
  override?: boolean;
  decidedAt?: string;
  comments?: string[];
  withdrawnAt?: string;
}

export interface Initiative {
  id: string;
  name: string;
  businessLine: BusinessLine;
  description: string;
  team: string;
  owner: string;
  ownerName?: string;
  stage: Stage;
  status: InitiativeStatus;
  requestedChanges?: string[] | null;
  withdrawal?: { by: string; at: string; reason: string } | null;
  postLaunch?: {
    windowStart: string;
    windowEnd: string;
    threshold: number;
    linkedComplaints: number;
    status: 'monitoring' | 'ended';
    reviewItem: { id: string; raisedAt: string; complaintCount: number; threshold: number } | null;
  } | null;
  createdAt?: string;
  updatedAt?: string;
  review: Review | null;
  reviews: Review[];
}

export interface Clock {
  state: ClockState;
  deadline: string;
  metAt?: string;
  breachedAt?: string;
}

export interface Owner {
  kind: 'user' | 'department' | 'level';
  id: string;
}

export interface Complaint {
  id: string;
  status: ComplaintStatus;
  channel: Channel;
  category: Category;
  severity: Severity;
  customer: { ref: string; name: string; phone: string; idNumber?: string; masked?: boolean };
  initiativeId?: string;
  description: string;
  receivedAt: string;
  owner: Owner;
  agentId?: string;
  department?: string | null;
  escalationLevel: number;
  escalatedTo?: Owner | null;
  clocks: { firstResponse: Clock; resolution: Clock; customerFeedback?: Clock; investigation?: Clock; appeal?: Clock };
  paused?: boolean;
  breaches: { clock: string; at: string; level: number }[];
  responses?: { at: string; by: string; message: string; channel: string }[];
  transfers?: { at: string; by: string; from: Owner; department: string; reason: string }[];
  resolutions?: {
    at: string;
    proposedBy: string;
    summary: string;
    remedy: string;
    compensation?: { amount: number; currency: string };
    state: string;
    approval?: { approved: boolean; by: string; at: string; comment: string };
  }[];
  feedback?: { at: string; by: string; satisfied: boolean; via: string; comment: string }[];
  appeals?: { at: string; by: string; reason: string; decision?: { upheld: boolean; decision: string; by: string; at: string } }[];
  pauses?: { at: string; by: string; reason: string; resumedAt?: string; resumedBy?: string; capped?: boolean }[];
  signoff?: { by: string; at: string; comment: string } | null;
  chairUserId?: string | null;
  reopenCount: number;
  repeat?: boolean;
  repeatOf: string[];
  closedAt?: string | null;
}

export interface Task {
  kind: string;
  entityType: 'initiative' | 'complaint' | 'calendar';
  entityId: string;
  title: string;
  deadline: string | null;
  deadlineState?: string;
  link: string;
}

export interface DemoUser {
  userId: string;
  name: string;
  roles: string[];
  department?: string;
  committee?: 'chair' | 'member';
  title: { en: string; zh: string };
}

export interface CommitteeMember {
  userId: string;
  name: string;
  department: string;
  chair: boolean;
}

export interface AuditEvent {
  id: string;
  entityType: string;
  entityId: string;
  seq: number;
  actor: string;
  roles: string[];
  action: string;
  at: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  hash: string;
  prevHash: string | null;
}

/** GET /audit/verify?entityType=&entityId= (api/schemas/audit.ts AuditVerification, one chain). */
export interface Verification {
  ok: boolean;
  checked: number;
  /** `<entityType>/<entityId>#<seq>`: the chain position of the first broken event. */
  firstBrokenAt?: string;
  /** hash_mismatch, prev_hash_mismatch, seq_gap, tail_missing, truncated, rewritten, … (docs/audit.md). */
  reason?: string;
  detail?: string;
  checkpoint?: { id: number; seq: number } | null;
}

export type ReportKind = 'monthly' | 'weekly';

/** A stored report without its figures (GET /reports?kind=, api/schemas/reports.ts ReportSummary). */
export interface ReportSummary {
  kind: ReportKind;
  /** 'yyyy-mm' or 'yyyy-Www'. */
  period: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: string;
  /** `schedule` or the user who regenerated it. */
  generatedBy: string;
}

/** A stored report (GET /reports/{kind}/{period}, db/reports.ts StoredReport). */
export interface StoredReport extends ReportSummary {
  kpis: Kpis;
}

/** GET /api/v1/calendar: settings and overrides, with the coverage of the official schedule. */
export interface CalendarDocument {
  timeZone: string;
  endOfBusinessDay: string;
  extraHolidays: string[];
  extraWorkdays: string[];
  coverage: { today: string; lastCoveredYear: number; provisionalFrom: string; horizon: { days: number; until: string; provisionalDays: number } };
  warning: { missingYears: number[]; reasons: string[]; firstProvisionalDay: string; message: string } | null;
  years: { year: number; origin: 'package' | 'imported'; source: string; version?: number; importedBy?: string; importedAt?: string }[];
}

export interface HolidayPeriodView {
  name: string;
  englishName?: string;
  from: string;
  to: string;
}

/** GET/PUT /api/v1/calendar/years/{year}. */
export interface CalendarYear {
  year: number;
  origin: 'package' | 'imported' | 'none';
  source: string | null;
  version: number | null;
  importedBy: string | null;
  importedAt: string | null;
  holidays: HolidayPeriodView[];
  workdays: string[];
  overrides: { extraHolidays: string[]; extraWorkdays: string[] };
  history: { version: number; source: string; importedBy: string; importedAt: string; holidays: HolidayPeriodView[]; workdays: string[] }[];
}
