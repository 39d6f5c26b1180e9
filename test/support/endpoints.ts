import { expect } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { surveyLinkSecret } from '../../config/secrets.js';
import { surveyInvitationsOf } from '../../db/surveys.js';
import { defaultIncidentPolicy } from '../../domain/incidents/policy.js';
import { signSurveyLink } from '../../security/survey-link.js';
import { monthBefore } from '../../domain/meetings/process.js';
import type { incidentWatchWorkflow } from '../../workflows/incident/watch.js';
import { command, intake, intakeBody } from './complaints.js';
import { deliverables, gates, standardRoster } from './gates.js';
import { people } from './people.js';
import { eventually, testCommandSigner, type HttpAnswer, type Stack } from './stack.js';
import { createLogger } from '../../config/logger.js';
import { startFollowUpSweeper } from '../../temporal/followup-sweeper.js';

let incidentFixtures = 0;
let improvementFixtures = 0;
/**
 * Meeting ids are months, and every test file shares one Temporal namespace: each stack's
 * fixtures convene extra meetings of a month of its own far in the future (from its task queue,
 * which is random per stack), numbered in its own database.
 */
function meetingMonthOf(stack: Stack): string {
  let h = 0;
  for (const ch of stack.taskQueue) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `${2100 + (h % 7800)}-${String(1 + (Math.floor(h / 7800) % 12)).padStart(2, '0')}`;
}
/** The meetings the fixtures convened, by id (the decision's body names an item of theirs). */
const convened = new Map<string, { id: string; reviewedMonth: string; items: { key: string; decisions: string[] }[] }>();
const decisionOf = (item: { key: string; decisions: string[] }) => {
  const decision = item.decisions.includes('noted') ? 'noted' : item.decisions.includes('target_refused') ? 'target_refused' : item.decisions[0]!;
  return { itemKey: item.key, decision, ...(decision === 'noted' ? {} : { comment: 'decided for the fixture' }) };
};

/**
 * One valid request per endpoint of the API, on a realistic fixture — shared by the
 * authorization matrix (who may send it) and the hostile-input tests (what happens when it is
 * mangled). Keys are `METHOD /path` as the OpenAPI document names the operation; the tests check
 * that every served operation has one.
 */
export type FixtureKind =
  | 'none'
  | 'initiative'
  | 'attachment'
  | 'inReview'
  | 'quorum'
  | 'open'
  | 'paused'
  | 'awaitingApproval'
  | 'resolved'
  | 'reopened'
  | 'inAppeal'
  | 'committeeLevel'
  | 'proposal'
  | 'incident'
  | 'incidentAssigned'
  | 'incidentResponding'
  | 'improvement'
  | 'improvementDone'
  | 'erasure'
  | 'legalHold'
  | 'meeting'
  | 'meetingPresent'
  | 'meetingDecided'
  | 'surveyLink'
  | 'closed'
  | 'followUp'
  | 'inquiry'
  | 'inquiryAnswered'
  | 'suggestion'
  | 'suggestionRouted'
  | 'praise';

export interface SampleRequest {
  /** the state the endpoint is called in; its id fills `{id}` / `{entityId}` */
  fixture: FixtureKind;
  /** status a caller allowed by the matrix gets on a fresh fixture */
  ok: number;
  /** a caller who may make the request (the hostile-input tests send as this one) */
  as: Principal;
  query?: Record<string, string>;
  /** a valid body; a function when it depends on the current state */
  body?: unknown | (() => Promise<unknown>);
  /** a file sent as the body instead, with its own media type (uploads) */
  file?: { content: string; mediaType: string };
  /** values of path parameters other than the fixture's id, already encoded */
  pathValues?: Record<string, string>;
  /** served without a token (the development sign-in): no 401/403 to expect */
  public?: true;
  /**
   * changes only the caller's own things (their notification centre, their preferences), not the
   * service's governed state: every signed-in caller may, the auditor included
   */
  personal?: true;
  /**
   * a duty of compliance itself (erasure requests and decisions, legal holds: docs/security.md
   * "Customer data keys and erasure"): the one kind of change the compliance auditor makes
   */
  compliance?: true;
}

/** A synthetic schedule for a year no package will cover soon (valid by the import rules). */
export const sampleYearImport = {
  source: 'synthetic notice for the tests',
  holidays: [
    { name: '元旦', from: '2031-01-01', to: '2031-01-01' },
    { name: '春节', from: '2031-01-22', to: '2031-01-28' },
  ],
  workdays: ['2031-01-18'], // Saturday
};

const complaintCommand = (body: unknown, fixture: FixtureKind, as: Principal = people.agent): SampleRequest => ({ fixture, ok: 200, as, body });
const sampleProposal = { targets: { firstResponseOnTime: 0.92, resolutionRate: 0.98, resolutionOnTime: { general: 0.95, major: 0.95, urgent: 0.98 }, satisfaction: 0.9, gateReviewCycleWorkingHours: 45 }, reason: 'the committee asked for faster answers' };

/** The incident policy of the fixtures: products only, three complaints in a day are a spike. */
export const fixtureIncidentPolicy = { ...defaultIncidentPolicy, dimensions: ['product'] as const, minCount: 3, ratio: 2, steps: { owner: { amount: 600, unit: 'second' as const }, plan: { amount: 600, unit: 'second' as const }, review: { amount: 600, unit: 'second' as const } } };
const chairSeat: Principal = { userId: 'gm', name: 'Grace GM', roles: [], department: 'executive' };

/** One initiative per stack that suggestions are linked to (created once, with the first fixture that needs it). */
const linkable = new WeakMap<Stack, Promise<string>>();
function linkableInitiative(stack: Stack): Promise<string> {
  let made = linkable.get(stack);
  if (!made) linkable.set(stack, (made = gates(stack).create()));
  return made;
}

export function sampleRequests(stack: Stack): Record<string, SampleRequest> {
  const current = (path: string) => async () => (await stack.as(people.admin).get(path)).body as unknown;
  return {
    'GET /api/v1/committee': { fixture: 'none', ok: 200, as: people.admin },
    'PUT /api/v1/committee': { fixture: 'none', ok: 200, as: people.admin, body: { members: standardRoster } },
    'GET /api/v1/policies/review': { fixture: 'none', ok: 200, as: people.admin },
    'PUT /api/v1/policies/review': { fixture: 'none', ok: 200, as: people.admin, body: current('/api/v1/policies/review') },
    'GET /api/v1/policies/sla': { fixture: 'none', ok: 200, as: people.admin },
    'PUT /api/v1/policies/sla': { fixture: 'none', ok: 200, as: people.admin, body: current('/api/v1/policies/sla') },
    'GET /api/v1/calendar': { fixture: 'none', ok: 200, as: people.admin },
    // The calendar document carries computed fields (coverage, warning, years); PUT takes the settings.
    'PUT /api/v1/calendar': {
      fixture: 'none',
      ok: 200,
      as: people.admin,
      body: async () => {
        const { timeZone, endOfBusinessDay, extraHolidays, extraWorkdays } = (await stack.as(people.admin).get('/api/v1/calendar')).body;
        return { timeZone, endOfBusinessDay, extraHolidays, extraWorkdays };
      },
    },
    'GET /api/v1/calendar/years/{year}': { fixture: 'none', ok: 200, as: people.agent, pathValues: { year: '2026' } },
    'PUT /api/v1/calendar/years/{year}': { fixture: 'none', ok: 200, as: people.admin, pathValues: { year: '2031' }, body: sampleYearImport },
    'GET /api/v1/tasks': { fixture: 'none', ok: 200, as: people.agent },
    'GET /api/v1/policies/root-causes': { fixture: 'none', ok: 200, as: people.agent },
    'PUT /api/v1/policies/root-causes': { fixture: 'none', ok: 200, as: people.admin, body: current('/api/v1/policies/root-causes') },
    'GET /api/v1/policies/incidents': { fixture: 'none', ok: 200, as: people.supervisor },
    'PUT /api/v1/policies/incidents': { fixture: 'none', ok: 200, as: people.admin, body: current('/api/v1/policies/incidents') },
    'GET /api/v1/policies/targets': { fixture: 'none', ok: 200, as: people.agent },
    'POST /api/v1/targets/proposals': { fixture: 'none', ok: 201, as: people.admin, body: sampleProposal },
    'GET /api/v1/targets/proposals': { fixture: 'none', ok: 200, as: people.auditor, query: { status: 'pending', limit: '5' } },
    'GET /api/v1/targets/proposals/{id}': { fixture: 'proposal', ok: 200, as: people.auditor },
    'POST /api/v1/targets/proposals/{id}/decision': { fixture: 'proposal', ok: 200, as: chairSeat, body: { approved: false, comment: 'not now' } },
    'GET /api/v1/incidents': { fixture: 'none', ok: 200, as: people.supervisor, query: { status: 'open', dimension: 'product', owner: 'pat', limit: '5' } },
    'GET /api/v1/incidents/{id}': { fixture: 'incidentAssigned', ok: 200, as: people.supervisor },
    'GET /api/v1/incidents/{id}/complaints': { fixture: 'incidentAssigned', ok: 200, as: people.supervisor, query: { limit: '2' } },
    'POST /api/v1/incidents/{id}/owner': { fixture: 'incident', ok: 200, as: people.supervisor, body: { owner: { userId: 'pat', name: 'Pat Product' }, note: 'owns the product' } },
    'POST /api/v1/incidents/{id}/plan': { fixture: 'incidentAssigned', ok: 200, as: people.owner, body: { summary: 'Correct the fee page', actions: ['fix the page', 'call the customers back'] } },
    'POST /api/v1/incidents/{id}/review': {
      fixture: 'incidentResponding',
      ok: 200,
      as: people.owner,
      body: { summary: 'Fee shown too late', findings: [{ finding: 'fee after confirmation', action: 'show it before', owner: 'pat', due: '2030-01-31' }] },
    },

    'GET /api/v1/policies/improvements': { fixture: 'none', ok: 200, as: people.supervisor },
    'PUT /api/v1/policies/improvements': { fixture: 'none', ok: 200, as: people.admin, body: current('/api/v1/policies/improvements') },
    'GET /api/v1/policies/follow-ups': { fixture: 'none', ok: 200, as: people.supervisor },
    'PUT /api/v1/policies/follow-ups': { fixture: 'none', ok: 200, as: people.admin, body: current('/api/v1/policies/follow-ups') },
    'GET /api/v1/improvements': { fixture: 'none', ok: 200, as: people.supervisor, query: { status: 'in_progress', ownerDepartment: 'cards-ops', source: 'hot_issue', overdue: 'false', limit: '5' } },
    'GET /api/v1/improvements/owners': { fixture: 'none', ok: 200, as: people.supervisor, query: { department: 'cards-ops' } },
    'GET /api/v1/improvements/linked/{entityType}/{entityId}': { fixture: 'initiative', ok: 200, as: people.supervisor, pathValues: { entityType: 'initiative' } },
    'GET /api/v1/improvements/{id}': { fixture: 'improvement', ok: 200, as: people.supervisor },
    'POST /api/v1/improvements': {
      fixture: 'none',
      ok: 201,
      as: people.supervisor,
      body: async () => {
        await improvementOwner(stack);
        return { source: { kind: 'supervisor' }, title: 'Brief the branches', problem: 'Fee questions at the counter', plan: 'A briefing per branch', ownerDepartment: 'cards-ops', ownerId: 'hal', dueInDays: 10, measure: { dimension: 'category', value: 'service' } };
      },
    },
    'POST /api/v1/improvements/{id}/progress': { fixture: 'improvement', ok: 200, as: people.handler, body: { note: 'Briefings planned', evidence: [{ url: 'https://wiki.bank/plan', note: 'plan' }] } },
    'POST /api/v1/improvements/{id}/complete': { fixture: 'improvement', ok: 200, as: people.handler, body: { summary: 'All branches briefed', evidence: [{ url: 'https://wiki.bank/done', note: 'minutes' }] } },
    'POST /api/v1/improvements/{id}/verify': { fixture: 'improvementDone', ok: 200, as: people.supervisor, body: {} },
    'POST /api/v1/improvements/{id}/send-back': { fixture: 'improvementDone', ok: 200, as: people.supervisor, body: { reason: 'Two branches missing', dueInDays: 5 } },
    'GET /api/v1/policies/feedback': { fixture: 'none', ok: 200, as: people.supervisor },
    'PUT /api/v1/policies/feedback': { fixture: 'none', ok: 200, as: people.admin, body: current('/api/v1/policies/feedback') },
    'GET /api/v1/feedback': { fixture: 'none', ok: 200, as: people.supervisor, query: { kind: 'suggestion', status: 'routed', channel: 'app', department: 'cards-ops', limit: '5' } },
    'GET /api/v1/feedback/{id}': { fixture: 'inquiry', ok: 200, as: people.agent },
    'POST /api/v1/feedback': { fixture: 'none', ok: 201, as: people.agent, body: () => Promise.resolve(feedbackBody('inquiry')) },
    'POST /api/v1/feedback/{id}/answer': { fixture: 'inquiry', ok: 200, as: people.agent, body: { answer: 'The fee is on the card’s page' } },
    'POST /api/v1/feedback/{id}/route': {
      fixture: 'suggestion',
      ok: 200,
      as: people.agent,
      body: async () => {
        await improvementOwner(stack);
        return { department: 'cards-ops', note: 'fees page' };
      },
    },
    'POST /api/v1/feedback/{id}/respond': { fixture: 'suggestionRouted', ok: 200, as: people.handler, body: { response: 'We will show the fee earlier' } },
    'POST /api/v1/feedback/{id}/link': { fixture: 'suggestionRouted', ok: 200, as: people.handler, body: async () => ({ initiativeId: await linkableInitiative(stack) }) },
    'POST /api/v1/feedback/{id}/credit': {
      fixture: 'praise',
      ok: 200,
      as: people.agent,
      body: async () => {
        await improvementOwner(stack);
        return { kind: 'department', id: 'cards-ops', note: 'the branch team' };
      },
    },
    'POST /api/v1/feedback/{id}/archive': { fixture: 'inquiryAnswered', ok: 200, as: people.agent, body: { note: 'answered' } },
    'POST /api/v1/feedback/{id}/reclassify': { fixture: 'suggestion', ok: 200, as: people.agent, body: { reason: 'really a complaint', category: 'product', severity: 'general' } },
    'POST /api/v1/complaints/{id}/reclassify': { fixture: 'open', ok: 200, as: people.supervisor, body: { kind: 'praise', reason: 'the customer called to thank the branch' } },
    'GET /api/v1/complaints/{id}/reclassified-as': { fixture: 'open', ok: 200, as: people.supervisor },
    'GET /api/v1/policies/erasure': { fixture: 'none', ok: 200, as: people.supervisor },
    'PUT /api/v1/policies/erasure': { fixture: 'none', ok: 200, as: people.admin, body: current('/api/v1/policies/erasure') },
    'POST /api/v1/erasures': { fixture: 'none', ok: 201, as: people.admin, compliance: true, body: async () => ({ customerRef: (await intake(stack)).customer.ref, reason: 'the customer asked to be forgotten' }) },
    'GET /api/v1/erasures': { fixture: 'erasure', ok: 200, as: people.auditor, query: { status: 'awaiting_approval', customerRef: 'cust-1', limit: '5' } },
    'GET /api/v1/erasures/{id}': { fixture: 'erasure', ok: 200, as: people.auditor },
    'POST /api/v1/erasures/{id}/decision': { fixture: 'erasure', ok: 200, as: people.auditor, compliance: true, body: { approved: false, comment: 'an open dispute elsewhere' } },
    'GET /api/v1/legal-holds': { fixture: 'none', ok: 200, as: people.auditor, query: { customerRef: 'cust-1', active: 'true' } },
    'POST /api/v1/legal-holds': { fixture: 'none', ok: 201, as: people.auditor, compliance: true, body: { customerRef: 'cust-held', reason: 'litigation' } },
    'POST /api/v1/legal-holds/{id}/lift': { fixture: 'legalHold', ok: 200, as: people.auditor, compliance: true, body: { reason: 'case settled' } },

    'POST /api/v1/initiatives': {
      fixture: 'none',
      ok: 201,
      as: people.owner,
      body: { name: 'Matrix card', businessLine: 'banking', description: 'A card', team: 'retail-cards' },
    },
    'GET /api/v1/initiatives': { fixture: 'none', ok: 200, as: people.auditor, query: { stage: 'research', status: 'in_review', limit: '5' } },
    'GET /api/v1/initiatives/{id}': { fixture: 'inReview', ok: 200, as: people.auditor },
    'GET /api/v1/initiatives/{id}/voice': { fixture: 'inReview', ok: 200, as: people.auditor },
    'POST /api/v1/initiatives/{id}/submissions': { fixture: 'initiative', ok: 201, as: people.owner, body: { stage: 'research', deliverables: deliverables.research } },
    'POST /api/v1/initiatives/{id}/review/votes': { fixture: 'inReview', ok: 200, as: people.m1, body: { decision: 'approve', comment: 'ok' } },
    'POST /api/v1/initiatives/{id}/review/signoff': { fixture: 'quorum', ok: 200, as: chairSeat, body: { decision: 'approve', comment: 'approved' } },
    // The review has not escalated: the chair gets past authorization and meets the state (409).
    'POST /api/v1/initiatives/{id}/review/extend': { fixture: 'inReview', ok: 409, as: chairSeat, body: { until: { amount: 60, unit: 'second' }, reason: 'more time' } },
    'POST /api/v1/initiatives/{id}/withdraw': { fixture: 'inReview', ok: 200, as: people.owner, body: { reason: 'market changed' } },
    'POST /api/v1/initiatives/{id}/attachments': { fixture: 'initiative', ok: 201, as: people.owner, query: { name: '调研报告.pdf' }, file: { content: '%PDF-1.4 research report of the matrix', mediaType: 'application/pdf' } },
    'GET /api/v1/attachments/{key}': { fixture: 'attachment', ok: 200, as: people.auditor },

    'POST /api/v1/complaints': { fixture: 'none', ok: 201, as: people.agent, body: () => Promise.resolve(intakeBody()) },
    'GET /api/v1/complaints': {
      fixture: 'none',
      ok: 200,
      as: people.supervisor,
      query: {
        status: 'open',
        severity: 'general',
        category: 'service',
        owner: 'cai',
        breached: 'false',
        initiativeId: 'card-1',
        rootCause: 'fees_pricing.undisclosed',
        rootCauseGroup: 'fees_pricing',
        product: 'card-1',
        agent: 'cai',
        team: 'customer-service',
        department: 'cards-ops',
        from: '2026-01-01',
        to: '2026-02-01T00:00:00+08:00',
        limit: '5',
      },
    },
    'GET /api/v1/complaints/{id}': { fixture: 'open', ok: 200, as: people.supervisor },
    'GET /api/v1/complaints/{id}/related': { fixture: 'open', ok: 200, as: people.supervisor },
    'PUT /api/v1/complaints/{id}/customer': { fixture: 'open', ok: 200, as: people.agent, body: { phone: '13900000000', reason: 'new number' } },
    'POST /api/v1/complaints/{id}/customer/reveal': { fixture: 'open', ok: 200, as: people.agent, body: { fields: ['phone'], reason: 'calling the customer back' } },
    'POST /api/v1/complaints/{id}/responses': complaintCommand({ message: 'We are on it', channel: 'hotline' }, 'open'),
    'POST /api/v1/complaints/{id}/transfer': complaintCommand({ department: 'cards-ops', reason: 'needs the card team' }, 'open'),
    'POST /api/v1/complaints/{id}/resolution': complaintCommand({ summary: 'Card unblocked', remedy: 'apology', compensation: { amount: 100, currency: 'CNY' } }, 'open'),
    'POST /api/v1/complaints/{id}/resolution/approval': complaintCommand({ approved: true, comment: 'justified' }, 'awaitingApproval', people.supervisor),
    'POST /api/v1/complaints/{id}/signoff': complaintCommand({ comment: 'handled properly' }, 'committeeLevel', chairSeat),
    'POST /api/v1/complaints/{id}/customer-feedback': complaintCommand({ satisfied: true, via: 'callback', comment: 'thanks' }, 'resolved'),
    'POST /api/v1/complaints/{id}/appeal': complaintCommand({ reason: 'asks for reconsideration' }, 'reopened'),
    'POST /api/v1/complaints/{id}/appeal/decision': complaintCommand({ upheld: false, decision: 'the resolution stands' }, 'inAppeal', people.supervisor),
    'POST /api/v1/complaints/{id}/pause': complaintCommand({ reason: 'waiting for documents' }, 'open'),
    'POST /api/v1/complaints/{id}/resume': complaintCommand({ reason: 'documents received' }, 'paused'),
    'POST /api/v1/complaints/{id}/escalate': complaintCommand({ reason: 'customer asks for a manager' }, 'open'),
    // cora must be an active agent of the directory to take a complaint: put there once, and
    // never again (her own preferences may have changed her entry since, which a write would undo).
    'POST /api/v1/complaints/{id}/reassign': {
      fixture: 'open',
      ok: 200,
      as: people.supervisor,
      body: async () => {
        const agents = await stack.as(people.admin).get('/api/v1/directory?role=cs_agent');
        if (!(agents.body.people as { userId: string }[]).some((p) => p.userId === people.agent2.userId)) {
          const put = await stack.as(people.admin).put('/api/v1/people/cora', { userId: 'cora', name: people.agent2.name, department: people.agent2.department, roles: people.agent2.roles });
          expect(put.status, JSON.stringify(put.body)).toBe(200);
        }
        return { toUserId: people.agent2.userId, reason: 'Cai is on leave this week' };
      },
    },
    'POST /api/v1/complaints/{id}/root-cause': complaintCommand({ code: 'fees_pricing.undisclosed', reason: 'the fee was not disclosed' }, 'resolved', people.supervisor),

    'GET /api/v1/audit/events': { fixture: 'open', ok: 200, as: people.auditor, query: { entityType: 'complaint', actor: 'cai', from: '2020-01-01T00:00:00Z', to: '2099-01-01T00:00:00+08:00', limit: '5' } },
    'GET /api/v1/audit/verify': { fixture: 'open', ok: 200, as: people.auditor, query: { entityType: 'complaint', entityId: '{id}' } },
    'GET /api/v1/audit/pii-access': { fixture: 'open', ok: 200, as: people.auditor, query: { actor: 'cai', complaintId: '{id}', from: '2020-01-01T00:00:00Z', to: '2099-01-01T00:00:00+08:00', limit: '5' } },
    'GET /api/v1/audit/{entityType}/{entityId}/export': { fixture: 'open', ok: 200, as: people.auditor },

    'GET /api/v1/reports/kpis': { fixture: 'none', ok: 200, as: people.auditor, query: { from: '2026-10-01', to: '2026-11-01', groupBy: 'agent', department: 'customer-service', team: 'customer-service' } },
    'GET /api/v1/reports/products': { fixture: 'none', ok: 200, as: people.owner },
    'GET /api/v1/reports/hot-issues': { fixture: 'none', ok: 200, as: people.auditor, query: { from: '2026-10-01', to: '2026-11-01', limit: '5' } },
    'GET /api/v1/reports': { fixture: 'none', ok: 200, as: people.auditor, query: { kind: 'monthly', limit: '5' } },
    // Periods nobody generates in these tests: an allowed reader meets "not generated" (404).
    'GET /api/v1/reports/monthly/{period}': { fixture: 'none', ok: 404, as: people.auditor, pathValues: { period: '2025-09' } },
    'GET /api/v1/reports/weekly/{period}': { fixture: 'none', ok: 404, as: people.auditor, pathValues: { period: '2025-W40' } },
    'POST /api/v1/reports/{kind}/{period}/regenerate': { fixture: 'none', ok: 200, as: people.admin, pathValues: { kind: 'monthly', period: '2026-10' } },

    // Notifications: one's own centre and settings (any signed-in caller), and their administration.
    'GET /api/v1/notifications': { fixture: 'none', ok: 200, as: people.agent, query: { unread: 'false', limit: '5' } },
    'GET /api/v1/notifications/unread-count': { fixture: 'none', ok: 200, as: people.agent },
    // Nobody has notification 1 here (no dispatcher routes in this stack): the caller meets 404.
    'POST /api/v1/notifications/{id}/read': { fixture: 'none', ok: 404, as: people.agent, pathValues: { id: '1' }, personal: true },
    'POST /api/v1/notifications/read-all': { fixture: 'none', ok: 200, as: people.agent, personal: true },
    'GET /api/v1/notifications/preferences': { fixture: 'none', ok: 200, as: people.agent },
    'PUT /api/v1/notifications/preferences': { fixture: 'none', ok: 200, as: people.agent, body: { language: 'en', channel: 'email' }, personal: true },
    'GET /api/v1/notifications/routing': { fixture: 'none', ok: 200, as: people.admin },
    'PUT /api/v1/notifications/routing': { fixture: 'none', ok: 200, as: people.admin, body: current('/api/v1/notifications/routing') },
    'GET /api/v1/notifications/im-channels': { fixture: 'none', ok: 200, as: people.admin },
    'PUT /api/v1/notifications/im-channels/{id}': {
      fixture: 'none',
      ok: 200,
      as: people.admin,
      pathValues: { id: 'matrix-im' },
      body: { id: 'matrix-im', scope: 'department', target: 'cards-ops', flavor: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=matrix', secret: 'matrix-secret-1', enabled: true },
    },
    'GET /api/v1/notifications/outbox': { fixture: 'none', ok: 200, as: people.admin, query: { status: 'dead', channel: 'email', limit: '5' } },
    // No delivery 999999 here: an administrator meets 404.
    'POST /api/v1/notifications/outbox/{id}/redrive': { fixture: 'none', ok: 404, as: people.admin, pathValues: { id: '999999' } },
    'GET /api/v1/people': { fixture: 'none', ok: 200, as: people.admin, query: { limit: '5' } },
    'GET /api/v1/directory': { fixture: 'none', ok: 200, as: people.agent, query: { role: 'cs_agent' } },
    'GET /api/v1/departments': { fixture: 'none', ok: 200, as: people.agent },
    'PUT /api/v1/departments': { fixture: 'none', ok: 200, as: people.admin, body: { departments: [{ id: 'cards-ops', name: { zh: '银行卡运营部', en: 'Card Operations' } }] } },
    'PUT /api/v1/people/{userId}': {
      fixture: 'none',
      ok: 200,
      as: people.admin,
      pathValues: { userId: 'matrix-person' },
      body: { userId: 'matrix-person', name: '王小明', email: 'xm@bank.example', language: 'zh', department: 'customer-service', roles: ['cs_agent'], departmentHead: false, channel: 'email', active: true },
    },

    'GET /api/v1/policies/meetings': { fixture: 'none', ok: 200, as: people.supervisor },
    'PUT /api/v1/policies/meetings': { fixture: 'none', ok: 200, as: people.admin, body: current('/api/v1/policies/meetings') },
    'GET /api/v1/meetings': { fixture: 'none', ok: 200, as: people.auditor, query: { month: '2025-11', status: 'signed', limit: '5' } },
    'POST /api/v1/meetings': { fixture: 'none', ok: 201, as: chairSeat, body: { month: meetingMonthOf(stack), reason: 'an extra meeting for the matrix' } },
    'GET /api/v1/meetings/{id}': { fixture: 'meeting', ok: 200, as: people.m1 },
    'GET /api/v1/meetings/{id}/minutes': { fixture: 'meeting', ok: 200, as: people.auditor },
    'POST /api/v1/meetings/{id}/attendance': { fixture: 'meeting', ok: 200, as: people.m1, body: {} },
    'POST /api/v1/meetings/{id}/items': { fixture: 'meeting', ok: 200, as: chairSeat, body: { title: 'Branch queue times', description: 'seen at the branch' } },
    // Every meeting of the fixtures' month opens with the same item: the report of the month before.
    'POST /api/v1/meetings/{id}/decisions': { fixture: 'meetingPresent', ok: 200, as: chairSeat, body: { itemKey: `quality_report:${monthBefore(meetingMonthOf(stack))}`, decision: 'noted' } },
    'POST /api/v1/meetings/{id}/minutes/signature': { fixture: 'meetingDecided', ok: 200, as: chairSeat, body: { confirm: true } },

    // The customer's survey page: the fixture is a fresh one-time link (its token fills {token}).
    'GET /api/v1/public/surveys/{token}': { fixture: 'surveyLink', ok: 200, as: people.nobody, public: true },
    'POST /api/v1/public/surveys/{token}': { fixture: 'surveyLink', ok: 201, as: people.nobody, public: true, body: { csat: 4, nps: 9, verbatim: 'quicker answers please' } },
    // Callbacks (回访) and detractor follow-ups (docs/followups.md).
    'POST /api/v1/complaints/{id}/callbacks': { fixture: 'closed', ok: 201, as: people.agent, body: { reached: true, csat: 4, nps: 9, verbatim: 'quick and polite' } },
    'GET /api/v1/complaints/{id}/responses': { fixture: 'closed', ok: 200, as: people.agent },
    'GET /api/v1/complaints/{id}/follow-ups': { fixture: 'closed', ok: 200, as: people.agent },
    'GET /api/v1/follow-ups/{id}': { fixture: 'followUp', ok: 200, as: people.supervisor },
    'POST /api/v1/follow-ups/{id}/outcome': { fixture: 'followUp', ok: 200, as: people.supervisor, body: { outcome: 'contacted_resolved', note: 'called back, fee refunded' } },

    'GET /api/v1/dev/users': { fixture: 'none', ok: 200, as: people.nobody, public: true },
    'POST /api/v1/dev/tokens': { fixture: 'none', ok: 200, as: people.nobody, public: true, body: { userId: 'limin' } },
  };
}

/** Builds the fixtures: each call makes a new one and answers its id ('' for 'none'). */
export function endpointFixtures(stack: Stack): Record<FixtureKind, () => Promise<string>> {
  const g = gates(stack);
  const f: Record<FixtureKind, () => Promise<string>> = {
    none: async () => '',
    /** an initiative at research, in progress (nothing submitted), owned by pat (retail-cards) */
    initiative: () => g.create(),
    /** a file pat uploaded for a fresh initiative; its id fills `{key}` */
    attachment: async () => {
      const id = await g.create();
      const res = await stack.as(people.owner).raw(`/api/v1/initiatives/${id}/attachments?name=fixture.pdf`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: `%PDF-1.4 fixture of ${id}` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    },
    /** research submitted by pat; gm, m1, m2, m3 eligible, m4 recused (team) */
    inReview: async () => {
      const id = await g.create();
      expect((await g.submit(id, 'research')).status).toBe(201);
      return id;
    },
    /** in review with quorum met (m2 and m3 approve): the chair can sign off */
    quorum: async () => {
      const id = await f.inReview();
      for (const m of [people.m2, people.m3]) expect((await g.vote(m, id, 'approve', 'fine')).status).toBe(200);
      return id;
    },
    /** a complaint taken by cai: open, level 0 */
    open: async () => (await intake(stack)).id as string,
    paused: async () => {
      const id = await f.open();
      await command(stack, people.agent, id, '/pause', { reason: 'waiting for the customer’s statement' });
      return id;
    },
    awaitingApproval: async () => {
      const id = await f.open();
      await command(stack, people.agent, id, '/resolution', { summary: 'Refund', remedy: 'refund', compensation: { amount: 1500, currency: 'CNY' } });
      return id;
    },
    resolved: async () => {
      const id = await f.open();
      await command(stack, people.agent, id, '/resolution', { summary: 'Card unblocked', remedy: 'apology' });
      return id;
    },
    reopened: async () => {
      const id = await f.resolved();
      await command(stack, people.agent, id, '/customer-feedback', { satisfied: false, via: 'callback', comment: 'still unhappy' });
      return id;
    },
    /** the one-time survey link (its signed token) of a complaint the customer confirmed and so closed */
    surveyLink: async () => {
      const id = await f.resolved();
      await command(stack, people.agent, id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'thanks' });
      const invitation = await eventually(async () => (await surveyInvitationsOf(stack.database.db, 'complaint', id))[0], 'the survey invitation of the closed complaint');
      return signSurveyLink(surveyLinkSecret(stack.config), invitation);
    },
    inAppeal: async () => {
      const id = await f.reopened();
      await command(stack, people.agent, id, '/appeal', { reason: 'asks for reconsideration' });
      return id;
    },
    /** a proposal of new targets by ada, waiting for the chair (gm) */
    proposal: async () => {
      const res = await stack.as(people.admin).post('/api/v1/targets/proposals', sampleProposal);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    },
    /** an incident raised by the watcher (a run started here) over three complaints about a product of its own: open, no owner */
    incident: async () => {
      // A product of its own (intake links complaints only to initiatives that exist).
      const product = await f.initiative();
      ++incidentFixtures;
      for (const channel of ['hotline', 'app', 'email']) await intake(stack, { initiativeId: product, channel });
      await stack.temporal.workflow.execute<typeof incidentWatchWorkflow>('incidentWatchWorkflow', { taskQueue: stack.taskQueue, workflowId: `fixture-watch-${product}`, args: [{ asOf: new Date(Date.now() + 1_000).toISOString() }] });
      // This product's incident, not the run's first: a run also starts incidents other fixtures'
      // watchers raised at the same time (still `raised`), and those rows may close theirs.
      const [row] = await stack.query<{ id: string }>(`select id from incidents where dimension = 'product' and value = $1`, [product]);
      const id = row?.id;
      expect(id, `no incident raised for ${product}`).toBeDefined();
      await eventually(async () => ((await stack.as(people.supervisor).get(`/api/v1/incidents/${id}`)).status === 200 ? true : undefined), 'the fixture incident');
      return id!;
    },
    /** a complaint taken by cai, answered, resolved and closed with the customer's consent */
    closed: async () => {
      const id = await f.open();
      await command(stack, people.agent, id, '/responses', { message: 'We are looking into it', channel: 'hotline' });
      await command(stack, people.agent, id, '/resolution', { summary: 'Card unblocked', remedy: 'apology' });
      await command(stack, people.agent, id, '/responses', { message: 'Your card works again', channel: 'hotline' });
      await command(stack, people.agent, id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'ok' });
      return id;
    },
    /** an open detractor follow-up: cai's callback with NPS 3 on a closed complaint, opened by one sweep (as the worker's sweeper does) */
    followUp: async () => {
      const complaint = await f.closed();
      const res = await stack.as(people.agent).post(`/api/v1/complaints/${complaint}/callbacks`, { reached: true, csat: 2, nps: 3 });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const sweeper = startFollowUpSweeper({ db: stack.database.db, temporal: stack.temporal, signer: testCommandSigner(), taskQueue: stack.taskQueue, logger: createLogger('silent', 'test'), intervalMs: 3_600_000 });
      await sweeper.sweep();
      await sweeper.stop();
      const id = res.body.id as string;
      await eventually(async () => (await stack.as(people.supervisor).get(`/api/v1/follow-ups/${id}`)).status === 200, 'the fixture follow-up');
      return id;
    },
    /** an improvement action raised by sue from a hot issue of its own, owned by hal (cards-ops): in progress */
    improvement: async () => {
      await improvementOwner(stack);
      const res = await stack.as(people.supervisor).post('/api/v1/improvements', {
        source: { kind: 'hot_issue', id: `fixture-${process.pid}-${++improvementFixtures}` },
        title: 'Show the fee first',
        problem: 'The fee is shown after confirmation',
        plan: 'Move it before',
        ownerDepartment: 'cards-ops',
        ownerId: 'hal',
        dueInDays: 10,
        measure: { dimension: 'category', value: 'product' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    },
    /** the action reported done by hal: waits for sue's verification */
    improvementDone: async () => {
      const id = await f.improvement();
      const res = await stack.as(people.handler).post(`/api/v1/improvements/${id}/complete`, { summary: 'Done', evidence: [{ url: 'https://wiki.bank/x', note: 'x' }] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return id;
    },
    /** the incident with pat as its response owner: the plan is due */
    incidentAssigned: async () => {
      const id = await f.incident();
      const res = await stack.as(people.supervisor).post(`/api/v1/incidents/${id}/owner`, { owner: { userId: 'pat', name: 'Pat Product' } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return id;
    },
    /** the incident with pat's plan in place: the review is due */
    incidentResponding: async () => {
      const id = await f.incidentAssigned();
      const res = await stack.as(people.owner).post(`/api/v1/incidents/${id}/plan`, { summary: 'Correct the fee page', actions: ['fix the page'] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return id;
    },
    /** an erasure requested by ada for a customer whose one complaint is closed: awaits a compliance auditor's decision */
    erasure: async () => {
      const id = await f.resolved();
      await command(stack, people.agent, id, '/responses', { message: 'done', channel: 'hotline' });
      await command(stack, people.agent, id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'fine' });
      const [row] = await stack.query<{ customer_ref: string }>('select customer_ref from complaints where id = $1', [id]);
      const res = await stack.as(people.admin).post('/api/v1/erasures', { customerRef: row!.customer_ref, reason: 'the customer asked to be forgotten' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const erasureId = res.body.id as string;
      await eventually(async () => ((await stack.as(people.auditor).get(`/api/v1/erasures/${erasureId}`)).body.status === 'awaiting_approval' ? true : undefined), 'the fixture erasure awaiting approval');
      return erasureId;
    },
    /** a legal hold set by aud on a customer of its own */
    legalHold: async () => {
      const res = await stack.as(people.auditor).post('/api/v1/legal-holds', { customerRef: `held-${Math.random().toString(36).slice(2, 10)}`, reason: 'litigation' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    },
    /** an extra meeting convened by the chair (gm) in the file's own month: in session, nobody present */
    meeting: async () => {
      const res = await stack.as(chairSeat).post('/api/v1/meetings', { month: meetingMonthOf(stack), reason: 'a fixture meeting' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      convened.set(res.body.id, res.body);
      return res.body.id as string;
    },
    /** the meeting with gm, m1 and m2 present: quorum (3 of the 5 of the standard roster) */
    meetingPresent: async () => {
      const id = await f.meeting();
      for (const who of [chairSeat, people.m1, people.m2]) expect((await stack.as(who).post(`/api/v1/meetings/${id}/attendance`, {})).status).toBe(200);
      return id;
    },
    /** every item of the meeting decided: the minutes wait for the chair's signature */
    meetingDecided: async () => {
      const id = await f.meetingPresent();
      for (const item of convened.get(id)!.items) {
        const res = await stack.as(chairSeat).post(`/api/v1/meetings/${id}/decisions`, decisionOf(item));
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
      return id;
    },
    /** an inquiry logged by cai: open, its first response pending */
    inquiry: () => logFeedback(stack, 'inquiry'),
    /** the inquiry answered by cai: waits to be archived */
    inquiryAnswered: async () => {
      const id = await f.inquiry();
      const res = await stack.as(people.agent).post(`/api/v1/feedback/${id}/answer`, { answer: 'answered' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return id;
    },
    /** a suggestion logged by cai: open, not routed */
    suggestion: () => logFeedback(stack, 'suggestion'),
    /** the suggestion routed by cai to cards-ops (hal's department, no initiative): waits on the team */
    suggestionRouted: async () => {
      await improvementOwner(stack);
      // The initiative the link sample names exists with the fixture, not made by the call (a
      // refused caller's request must find nothing new written).
      await linkableInitiative(stack);
      const id = await f.suggestion();
      const res = await stack.as(people.agent).post(`/api/v1/feedback/${id}/route`, { department: 'cards-ops' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return id;
    },
    /** praise logged by cai: open, not credited */
    praise: () => logFeedback(stack, 'praise'),
    /** escalated to the committee chair (gm), resolved and confirmed: waits for the chair's sign-off */
    committeeLevel: async () => {
      const id = await f.open();
      for (let i = 0; i < 3; i++) await command(stack, people.agent, id, '/escalate', { reason: `step ${i + 1}` });
      await command(stack, people.agent, id, '/resolution', { summary: 'Refund', remedy: 'refund' });
      await command(stack, people.agent, id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'fine' });
      return id;
    },
  };
  return f;
}

/** `METHOD /path` of every operation the served OpenAPI document lists, with its parameters. */
export interface ServedOperation {
  endpoint: string;
  method: string;
  path: string;
  hasBody: boolean;
  /** the body is JSON (else a file of its own media type) */
  jsonBody: boolean;
  params: { name: string; in: 'path' | 'query' | 'header' }[];
}

export async function servedOperations(stack: Stack): Promise<ServedOperation[]> {
  const doc = (await stack.anonymous.get('/api/v1/openapi.json')).body as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> }; parameters?: { name: string; in: 'path' | 'query' | 'header' }[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => ['get', 'put', 'post', 'delete', 'patch'].includes(m))
      .map(([m, op]) => ({ endpoint: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path, hasBody: op.requestBody !== undefined, jsonBody: op.requestBody?.content?.['application/json'] !== undefined, params: op.parameters ?? [] })),
  );
}

/** The concrete URL path of an endpoint for a fixture id (and optional replacement path values). */
export function concretePath(endpoint: string, id: string, pathValues: Record<string, string> = {}): string {
  const path = endpoint.slice(endpoint.indexOf(' ') + 1);
  return path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name] ?? (name === 'entityType' ? 'complaint' : encodeURIComponent(id)));
}

export interface SendOptions {
  /** replaces the sample body (JSON-encoded unless `rawBody`) */
  body?: unknown;
  /** the exact request body text */
  rawBody?: string;
  contentType?: string;
  /** replaces the sample query entirely: already-encoded `a=b&c=d` */
  rawQuery?: string;
  /** replacement path parameter values, already encoded */
  pathValues?: Record<string, string>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Sends an endpoint's sample request (or a variant of it) as `who` for the fixture `id`. */
export async function send(stack: Stack, who: Principal, endpoint: string, sample: SampleRequest, id: string, o: SendOptions = {}): Promise<HttpAnswer> {
  const method = endpoint.slice(0, endpoint.indexOf(' '));
  const query =
    o.rawQuery ??
    new URLSearchParams(Object.entries(sample.query ?? {}).map(([k, v]) => [k, v === '{id}' ? id : v] as [string, string])).toString();
  const url = concretePath(endpoint, id, o.pathValues ?? sample.pathValues) + (query ? `?${query}` : '');
  const sampleBody = typeof sample.body === 'function' ? await (sample.body as () => Promise<unknown>)() : sample.body;
  const text = o.rawBody ?? (o.body !== undefined ? JSON.stringify(o.body) : sampleBody !== undefined ? JSON.stringify(sampleBody) : sample.file?.content);
  const bodyType = o.contentType ?? (sample.file && o.body === undefined ? sample.file.mediaType : 'application/json');
  return stack.as(who).raw(url, {
    method,
    headers: { ...(text !== undefined ? { 'content-type': bodyType } : {}), ...o.headers },
    ...(text !== undefined && method !== 'GET' ? { body: text } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
}

/** hal (cards-ops) in the directory: the owner of the fixture improvement actions. */
let feedbackCount = 0;
/** A feedback intake of the fixtures: the complaint intake's fields (a customer of its own) and the kind. */
export function feedbackBody(kind: 'inquiry' | 'suggestion' | 'praise') {
  const { category: _c, severity: _s, ...fields } = intakeBody({ channel: 'app', description: `A customer ${kind} (fixture ${++feedbackCount})` });
  return { ...fields, kind };
}

async function logFeedback(stack: Stack, kind: 'inquiry' | 'suggestion' | 'praise'): Promise<string> {
  const res = await stack.as(people.agent).post('/api/v1/feedback', feedbackBody(kind));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

export async function improvementOwner(stack: Pick<Stack, 'as'>): Promise<void> {
  const res = await stack.as(people.admin).put('/api/v1/people/hal', { userId: 'hal', name: 'Hal Handler', department: 'cards-ops', roles: ['business_handler'] });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** An RFC 9457 problem document with the given status. */
export function isProblem(res: HttpAnswer, status = res.status): boolean {
  return (
    (res.headers.get('content-type') ?? '').includes('application/problem+json') &&
    res.body?.status === status &&
    typeof res.body?.title === 'string' &&
    typeof res.body?.type === 'string'
  );
}
