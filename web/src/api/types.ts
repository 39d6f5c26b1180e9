/**
 * The public /api/v1 contract as the UI uses it: the names the pages import, each an alias of a
 * type generated from the OpenAPI document (schema.d.ts, made by `npm run api:types` from what
 * GET /api/v1/openapi.json serves; a unit test fails when it is stale). Nothing here is declared
 * by hand, so the UI cannot drift from the API without failing to type-check.
 * Vocabularies come from the pure domain modules, the single lists the API's enums are built from.
 */
import type { Category, Channel, ClockState, ComplaintStatus, Severity } from '@domain/complaints/types.js';
import type { BusinessLine, Decision, GateStage, InitiativeStatus, Stage } from '@domain/gates/stages.js';
import type { ComplaintKpis, GateKpis, KpiReport, Kpis } from '@domain/reports/kpis.js';
import type { components } from './schema';

type Schemas = components['schemas'];

export type { Category, Channel, ClockState, ComplaintStatus, Severity, BusinessLine, Decision, GateStage, InitiativeStatus, Stage };

/**
 * The KPI document (GET /reports/kpis) is the very type db/kpis.ts computes (domain/reports/kpis.ts),
 * which names its keys (stages, severities) where the document can only say "string"; the checks
 * below keep the two in step.
 */
export type { ComplaintKpis, GateKpis, KpiReport, Kpis };
type Conforms<T extends U, U> = T;
type KpiReportConforms = Conforms<KpiReport, Schemas['KpiReport']>;

/** One page of a list (initiatives, complaints, audit events): every list has this envelope. */
export type Page<T> = Omit<Schemas['InitiativePage'], 'items'> & { items: T[] };
type ListsArePages = [
  Conforms<Schemas['InitiativePage'], Page<Initiative>>,
  Conforms<Schemas['ComplaintList'], Page<Complaint>>,
  Conforms<Schemas['AuditEventPage'], Page<AuditEvent>>,
];

export type Initiative = Schemas['Initiative'];
/** GET /api/v1/reports/products: the products the caller may filter the KPIs by. */
export type ReportProducts = Schemas['ReportProducts'];
export type ProductVoice = Schemas['ProductVoice'];
export type Review = Schemas['Review'];
export type VoteRecord = Review['votes'][number];

export type Complaint = Schemas['Complaint'];
/** POST /api/v1/complaints/{id}/customer/reveal: the customer shown in clear on request. */
export type CustomerRevealed = Schemas['ComplaintCustomerRevealed'];
/** GET /api/v1/complaints/{id}/related. */
export type ComplaintRelated = Schemas['ComplaintRelated'];
export type Clock = Complaint['clocks']['firstResponse'];
export type Owner = Complaint['owner'];

export type Task = Schemas['Task'];
/** GET /api/v1/directory: the staff directory behind the pickers. */
export type Directory = Schemas['Directory'];
export type DemoUser = Schemas['DemoUser'];
export type CommitteeMember = Schemas['Committee']['members'][number];
export type DepartmentNames = Schemas['DepartmentNames'];

export type AuditEvent = Schemas['AuditEvent'];
/** GET /audit/pii-access: one entry of the PII access log. */
export type PiiAccess = Schemas['PiiAccess'];
/** GET /audit/verify: one chain (entityType + entityId) or the whole trail. */
export type Verification = Schemas['AuditVerification'];

/** A stored report without its figures (GET /reports?kind=). */
export type ReportSummary = Schemas['ReportSummary'];
export type ReportKind = ReportSummary['kind'];
/** A stored report (GET /reports/{kind}/{period}). */
export type StoredReport = Schemas['Report'];

/** GET /api/v1/calendar: settings and overrides, with the coverage of the official schedule. */
export type CalendarDocument = Schemas['CalendarDocument'];
/** GET/PUT /api/v1/calendar/years/{year}. */
export type CalendarYear = Schemas['CalendarYear'];
export type AppNotification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];
type NotificationListIsPage = Conforms<NotificationPage, Page<AppNotification> & { unread: number }>;

/** GET /api/v1/reports/hot-issues. */
export type HotIssues = Schemas['HotIssues'];
export type HotIssueItem = HotIssues['rootCauses'][number];
/** The accountable KPIs of one kind of unit (department, team, agent). */
export type UnitKpis = Schemas['UnitKpis'];
export type KpiTargetFigures = Schemas['KpiTargetFigures'];

/** The root-cause taxonomy (GET /api/v1/policies/root-causes) and a complaint's root cause. */
export type RootCausePolicy = Schemas['RootCausePolicy'];
export type RootCause = Schemas['RootCause'];

/** GET /api/v1/incidents/{id}. */
export type Incident = Schemas['Incident'];
/** GET /api/v1/incidents/{id}/complaints: one linked complaint. */
export type IncidentLinkedComplaint = Schemas['IncidentLinkedComplaint'];
export type Erasure = Schemas['Erasure'];
export type LegalHold = Schemas['LegalHold'];
export type Meeting = Schemas['Meeting'];
export type MeetingItem = Schemas['Meeting']['items'][number];

/** The KPI targets in force and the proposals to change them. */
export type KpiTargets = Schemas['KpiTargets'];
export type TargetsInForce = Schemas['TargetsInForce'];
export type TargetProposal = Schemas['TargetProposal'];

/** GET /api/v1/improvements/{id}: an improvement action (docs/improvements.md). */
export type Improvement = Schemas['Improvement'];
export type ImprovementOwners = Schemas['ImprovementOwners'];

/** GET /api/v1/follow-ups/{id}: a detractor follow-up (docs/followups.md). */
export type FollowUp = Schemas['FollowUp'];
export type FollowUpList = Schemas['FollowUpList'];
/** A satisfaction answer about a complaint, by the survey link or a callback. */
export type SurveyResponse = Schemas['SurveyResponse'];
export type SurveyResponseList = Schemas['SurveyResponseList'];
/** Feedback beside complaints (docs/feedback.md). */
export type Feedback = Schemas['Feedback'];
