import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { complaintActivities } from '../../activities/complaints.js';
import type { ComplaintRecord } from '../../db/complaints.js';
import { IdempotencyStore, type StoredAnswer } from '../../api/idempotency.js';
import { writeCheckpoint } from '../../audit/checkpoint.js';
import { entityOfWorkflow, recordUnrecordedArchives } from '../../audit/archive.js';
import { sha256hex } from '../../db/canonical.js';
import { importYear } from '../../db/calendar.js';
import type { Database } from '../../db/client.js';
import { writeIncidentRecord } from '../../db/incidents.js';
import { storeAttachment } from '../../db/attachments.js';
import { writeTargetProposalRecord } from '../../db/targets.js';
import { writeImprovementRecord } from '../../db/improvements.js';
import { writeFollowUpRecord } from '../../db/followups.js';
import { writeFeedbackRecord } from '../../db/feedback.js';
import { feedbackRecord, loggedBatch as feedbackLoggedBatch, newFeedbackState, placeFeedbackBatch } from '../../domain/feedback/process.js';
import { startFirstResponse } from '../../domain/feedback/clock.js';
import { defaultFeedbackPolicy, type FeedbackInput } from '../../domain/feedback/types.js';
import { followUpRecord, newFollowUpState, openedBatch as followUpOpenedBatch, placeFollowUpBatch } from '../../domain/followups/process.js';
import { startClock as startFollowUpClock } from '../../domain/followups/rules.js';
import { defaultFollowUpPolicy, type FollowUpInput } from '../../domain/followups/types.js';
import { startDue } from '../../domain/improvements/clock.js';
import { improvementRecord, newImprovementState, placeImprovementBatch, raisedBatch as improvementRaisedBatch } from '../../domain/improvements/process.js';
import { defaultImprovementPolicy, type ImprovementInput } from '../../domain/improvements/types.js';
import { incidentRecord, incidentView, newIncidentState, placeIncidentBatch, raisedBatch } from '../../domain/incidents/process.js';
import { startStep } from '../../domain/incidents/steps.js';
import type { IncidentInput } from '../../domain/incidents/types.js';
import { newProposalState, proposalView, targetProposalRecord, type ProposalInput } from '../../domain/targets/proposal.js';
import { writeImChannel } from '../../db/im-channels.js';
import { claimDue, recordFailure, recordSent, routeDue } from '../../db/notifications.js';
import { writePerson } from '../../db/people.js';
import { defaultRetryPolicy } from '../../domain/notifications/retry.js';
import { piiContext, updateCustomer as updateComplaintCustomer } from '../../db/complaints.js';
import { writeInitiativeRecord, writePostLaunchLinks, type InitiativeRecord } from '../../db/initiatives.js';
import { computeKpis } from '../../db/kpis.js';
import { storeReport, type StoredReport } from '../../db/reports.js';
import { complaintCustomers, customerDataKeys, workflowHistories } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import { dataKeyFor } from '../../db/customer-keys.js';
import { setLegalHold, writeErasureRecord } from '../../db/erasures.js';
import { checkedBatch, erasureRecord, erasureView, newErasureState, placeErasureBatch, requestedBatch } from '../../domain/erasure/process.js';
import { holdsOf } from '../../domain/erasure/rules.js';
import { defaultErasurePolicy, type ErasureInput } from '../../domain/erasure/types.js';
import { readJournal } from './migration-journal.js';
import { writeMeetingRecord } from '../../db/meetings.js';
import { draft, placeBatch } from '../../domain/drafts.js';
import { meetingEntity, meetingRecord, meetingSummary, meetingView, newMeetingState } from '../../domain/meetings/process.js';
import { defaultMeetingPolicy } from '../../domain/meetings/policy.js';
import type { MeetingInput } from '../../domain/meetings/types.js';
import { readPolicy, writePolicy, writeRoster } from '../../db/settings.js';
import { writeTransition } from '../../db/transition.js';
import { answerSurveyLink, surveyInvitationsOf } from '../../db/surveys.js';
import type { ComplaintView } from '../../domain/complaints/views.js';
import type { InitiativeView, ReviewView } from '../../domain/gates/views.js';
import { defaultCalendarSettings, defaultReviewPolicy, defaultSlaPolicy, type CommitteeMember, type ReviewPolicy, type SlaPolicy } from '../../domain/policies.js';
import { reportPeriod } from '../../domain/reports/periods.js';
import type { PiiCipher } from '../../security/pii.js';
import type { Row } from './database-state.js';
import { fixturesDir } from './fixtures.js';
import { deliverables, standardRoster } from './gates.js';

/**
 * The rows the migration test puts into every table after each migration, written by the
 * application's own write paths (db/, activities/, audit/, api/idempotency.ts) into a database at
 * the head of the migrations, then copied into the database being migrated — restricted to the
 * columns its tables have at that step, as the release of that time would have left them.
 *
 * A NEW TABLE needs a builder here: the test fails for any table that exists after a migration
 * and gets no row. Write the table through the code that writes it in production, and add what a
 * reader should find to `Written` so the test can read it back (test/integration/migrations.test.ts).
 * A new column needs nothing: today's write path fills it, and rows of earlier steps keep what
 * the migration gave them (default, NULL, or a backfill the test runs).
 */
export interface StepContext {
  /** The database at the head of the migrations, where the write paths run. */
  db: Database;
  /** Index of the migration just applied (journal order) and its tag. */
  step: number;
  tag: string;
  /** An instant of this step: one day per step from a fixed Monday, plus `minutes`. */
  at(minutes?: number): Date;
  cipher: PiiCipher;
  written: Written;
}

export interface RowBuilder {
  name: string;
  /** The tables it writes; it runs after every migration from which all of them exist. */
  tables: string[];
  /**
   * Tables today's write path also fills that a later migration added (intake now queues the
   * customer's acknowledgement). Before they exist their rows are dropped: the release of that
   * step wrote none.
   */
  laterTables?: string[];
  write(ctx: StepContext): Promise<void>;
}

/** What the builders wrote, as the application's read paths should give it back. */
export interface Written {
  policies: { review?: ReviewPolicy; sla?: SlaPolicy };
  roster: CommitteeMember[];
  answers: { principal: string; key: string; route: string; body: unknown; answer: StoredAnswer }[];
  initiatives: Map<string, InitiativeView>;
  complaints: Map<string, { view: ComplaintView; customer: { name: string; phone: string; idNumber: string } }>;
  histories: { workflowId: string; runId: string; eventCount: number }[];
  reports: Map<string, StoredReport>;
  /** Notices routed to their deliveries, and mail the channel accepted. */
  routed: number;
  delivered: number;
}

export function nothingWritten(): Written {
  return { policies: {}, roster: [], answers: [], initiatives: new Map(), complaints: new Map(), histories: [], reports: new Map(), routed: 0, delivered: 0 };
}

/**
 * Values of columns a later migration dropped, for the rows of the steps before the drop (today's
 * write paths no longer produce them): table → (today's row as JSON) → the old columns' values.
 */
export const legacyColumns: Record<string, (row: Row) => Row> = {};

/**
 * The contract steps: migration tag → the columns (`table.column`) and tables it removes although
 * earlier rows hold data in them. Listing one here says that no running version reads it any more
 * (docs/operations.md, "Changing the database schema"); unlisted, the test fails.
 */
export const contractions: Record<string, string[]> = {};

const admin = { userId: 'ada', roles: ['admin'] };
const firstDay = Date.parse('2026-03-02T01:00:00Z');
export const stepInstant = (step: number, minutes = 0) => new Date(firstDay + step * 86_400_000 + minutes * 60_000);

// ── Settings ────────────────────────────────────────────────────────────────────────────────

const settings: RowBuilder = {
  name: 'settings: policies and the committee roster (db/settings.ts)',
  tables: ['policies', 'committee_members', 'audit_events', 'audit_chain_heads'],
  async write({ db, step, written }) {
    // The calendar once: the KPI facts of a closed complaint depend on it, and the test derives
    // some of them again later (the backfill), which must find the calendar they were derived with.
    if (step === 0) await writePolicy(db, 'calendar', { ...defaultCalendarSettings, extraHolidays: ['2026-03-06'] }, admin, 'bank holiday');
    const review: ReviewPolicy = { ...defaultReviewPolicy, quorumRatio: 0.5 + step / 100 };
    await writePolicy(db, 'review', review, admin, `committee decision ${step}`);
    written.policies.review = review;
    if (step % 2 === 0) {
      const sla: SlaPolicy = { ...defaultSlaPolicy, compensationApprovalLimit: 1000 + step * 100 };
      await writePolicy(db, 'sla', sla, admin);
      written.policies.sla = sla;
    }
    // The committee grows by a guest member with every release.
    written.roster = [...(step === 0 ? standardRoster : written.roster), { userId: `guest-${step}`, name: `Guest ${step}`, department: 'operations', chair: false }];
    await writeRoster(db, written.roster, admin, 'roster renewed');
  },
};

// ── Idempotency keys (api/idempotency.ts) ─────────────────────────────────────────────────

const idempotency: RowBuilder = {
  name: 'idempotency keys: claimed and answered requests (api/idempotency.ts)',
  tables: ['idempotency_keys'],
  async write({ db, step, cipher, written }) {
    const store = new IdempotencyStore(db, 30_000, cipher);
    const principal = 'agent-zhao';
    const route = 'POST /api/v1/complaints';
    const body = { channel: 'hotline', category: 'service', severity: 'general', customer: { ref: `c-${step}`, name: '张三', phone: '13800138000' } };
    const key = `intake-${step}`;
    await store.claim(principal, key, route, body);
    const answer = { status: 201, body: { id: `complaint-${step}`, customer: { name: '张三', phone: '13800138000' } } };
    await store.complete(principal, key, answer);
    written.answers.push({ principal, key, route, body, answer });
    // A request still in flight (its API died before answering): claimed, never completed.
    await store.claim(principal, `in-flight-${step}`, route, body);
  },
};

// ── The notification outbox ───────────────────────────────────────────────────────────────

const outbox: RowBuilder = {
  name: 'notification outbox: a reminder queued with its audit event (db/transition.ts)',
  tables: ['notifications', 'audit_events', 'audit_chain_heads'],
  async write({ db, step, at, written }) {
    const initiativeId = `reminded-${step}`;
    const sourceKey = `initiative-${initiativeId}:7`;
    await db.transaction((tx) =>
      writeTransition(tx, {
        audit: [{ entityType: 'initiative', entityId: initiativeId, sourceKey, actor: 'system', roles: ['system'], action: 'review.reminder_sent', at: at(5), after: { waiting: ['m3', 'm4'] } }],
        notifications: ['m3', 'm4'].map((recipient) => ({
          sourceKey: `${sourceKey}:gate.reminder:${recipient}`,
          recipientKind: 'user' as const,
          recipient,
          topic: 'gate.reminder',
          entityType: 'initiative',
          entityId: initiativeId,
          message: `Reminder: your vote on ${initiativeId} is due by ${at(600).toISOString()}`,
          data: { initiativeId, reviewId: `${initiativeId}-r1`, deadline: at(600).toISOString() },
        })),
      }),
    );
  },
};

// ── Delivery: the directory, an IM group, routing and sending (the outbox of release 0.2.0) ──

const delivery: RowBuilder = {
  name: 'delivery: people and an IM group, the queued notices routed, mail sent, one recipient failing (db/people.ts, db/im-channels.ts, db/notifications.ts)',
  tables: ['people', 'im_channels', 'notification_deliveries', 'user_notifications', 'notifications', 'audit_events', 'audit_chain_heads'],
  async write({ db, step, cipher, written }) {
    for (const userId of ['m3', 'm4']) {
      // The directory changes a little at every step (a renamed member), so each step writes to it.
      await writePerson(db, userId, { name: `Member ${userId} (step ${step})`, email: `${userId}@bank.example`, language: 'zh', department: 'risk', roles: [], departmentHead: false, channel: 'email', active: true }, admin);
    }
    await writeImChannel(db, cipher, `risk-group-${step}`, { scope: 'department', target: `risk-${step}`, flavor: 'dingtalk', url: 'https://im.example/robot', secret: `secret-${step}`, enabled: true }, admin);
    const routed = await routeDue(db, { batch: 1000, retry: defaultRetryPolicy });
    written.routed += routed.routed;
    // The mail channel sends what is due; m4's mailbox refuses it for now (retried later).
    for (const d of await claimDue(db, 'email', 1000, 60_000)) {
      if (d.recipient === 'm4') await recordFailure(db, d, { kind: 'retry', error: 'mailbox unavailable', delayMs: 0 });
      else if (await recordSent(db, d, 'accepted')) written.delivered += 1;
    }
  },
};

// ── Initiatives and their gate reviews ───────────────────────────────────────────────────

function initiativeRecord(view: InitiativeView, version: number, change: { review?: ReviewView; withDeliverables?: boolean; postLaunchItem?: InitiativeRecord['postLaunchItem']; audit: InitiativeRecord['audit']; notifications?: InitiativeRecord['notifications'] }): InitiativeRecord {
  const { review: live, reviews, ...row } = view;
  const reviewSeq = change.review ? reviews.findIndex((r) => r.id === change.review!.id) + 1 : 0;
  let review: InitiativeRecord['review'];
  if (change.review) {
    const { deliverables: submitted, ...rest } = change.review;
    review = { ...rest, seq: reviewSeq, ...(change.withDeliverables ? { deliverables: submitted } : {}) };
  }
  return {
    version,
    initiative: { ...row, currentReviewId: live?.id ?? null },
    ...(review ? { review } : {}),
    ...(change.postLaunchItem ? { postLaunchItem: change.postLaunchItem } : {}),
    audit: change.audit,
    notifications: change.notifications ?? [],
  };
}

const initiatives: RowBuilder = {
  name: 'initiatives: created, submitted, voted, signed off, launched and watched (db/initiatives.ts)',
  tables: ['initiatives', 'gate_reviews', 'gate_votes', 'post_launch_reviews', 'audit_events', 'audit_chain_heads', 'notifications'],
  async write({ db, step, at, written }) {
    const owner = { userId: 'lin', roles: ['product_owner'] };
    const chair = { userId: 'gm', roles: ['product_owner'] };
    const audit = (id: string, seq: number, actor: { userId: string; roles: string[] }, action: string, when: Date, after: unknown) => ({
      entityType: 'initiative' as const,
      entityId: id,
      sourceKey: `initiative-${id}:${seq}`,
      actor: actor.userId,
      roles: actor.roles,
      action,
      at: when,
      after,
    });

    // A new initiative: created, then submitted to its research gate, then a first vote.
    const id = randomUUID();
    const created = at(10).toISOString();
    let view: InitiativeView = {
      id,
      name: `Instant virtual card ${step}`,
      businessLine: 'banking',
      description: 'A virtual debit card issued at onboarding',
      team: 'retail-cards',
      owner: owner.userId,
      ownerName: '林晓',
      stage: 'research',
      status: 'in_progress',
      nextVersion: 1,
      requestedChanges: null,
      withdrawal: null,
      postLaunch: null,
      createdAt: created,
      updatedAt: created,
      review: null,
      reviews: [],
    };
    await writeInitiativeRecord(db, initiativeRecord(view, 1, { audit: [audit(id, 1, owner, 'initiative.created', at(10), { stage: 'research' })] }));

    const opened = at(20).toISOString();
    let review: ReviewView = {
      id: `${id}-r1`,
      initiativeId: id,
      stage: 'research',
      version: 1,
      status: 'open',
      openedAt: opened,
      deadline: at(20 + 5 * 1440).toISOString(),
      reminderAt: at(20 + 3 * 1440).toISOString(),
      submittedBy: owner.userId,
      chair: 'gm',
      eligible: ['m1', 'm2', 'm3', 'm4'],
      recused: [],
      votes: [],
      quorum: { required: 2, cast: 0, met: false },
      deliverables: deliverables.research,
      policyVersion: step + 1,
    };
    view = { ...view, status: 'in_review', nextVersion: null, updatedAt: opened, review, reviews: [review] };
    await writeInitiativeRecord(
      db,
      initiativeRecord(view, 2, {
        review,
        withDeliverables: true,
        audit: [audit(id, 2, owner, 'review.opened', at(20), { reviewId: review.id, stage: 'research', version: 1 })],
        notifications: review.eligible.map((recipient) => ({
          sourceKey: `initiative-${id}:2:gate.vote_requested:${recipient}`,
          recipientKind: 'user' as const,
          recipient,
          topic: 'gate.vote_requested',
          entityType: 'initiative',
          entityId: id,
          message: `Your vote is requested on ${view.name} (research, v1) by ${review.deadline}`,
          data: { initiativeId: id, reviewId: review.id, deadline: review.deadline },
        })),
      }),
    );

    const voted = at(30).toISOString();
    review = { ...review, votes: [{ userId: 'm1', decision: 'approve', comment: 'clear findings', at: voted, revision: 1 }], quorum: { required: 2, cast: 1, met: false } };
    view = { ...view, updatedAt: voted, review, reviews: [review] };
    await writeInitiativeRecord(db, initiativeRecord(view, 3, { review, audit: [audit(id, 3, { userId: 'm1', roles: [] }, 'review.vote_cast', at(30), { decision: 'approve' })] }));
    written.initiatives.set(id, view);

    // The one submitted a step earlier (by the release before): a second vote, then the chair's sign-off.
    const earlier = [...written.initiatives.values()].find((i) => i.status === 'in_review' && i.id !== id);
    if (earlier) {
      const r = earlier.review!;
      const decided = at(40).toISOString();
      const votes = [...r.votes, { userId: 'm2', decision: 'approve' as const, comment: '', at: at(35).toISOString(), revision: 1 }];
      const closed: ReviewView = { ...r, votes, quorum: { required: 2, cast: 2, met: true }, status: 'decided', outcome: 'approve', signedOffBy: 'gm', signOffComment: 'approved', decidedAt: decided };
      const advanced: InitiativeView = { ...earlier, stage: 'design', status: 'in_progress', nextVersion: 1, updatedAt: decided, review: null, reviews: [closed] };
      await writeInitiativeRecord(
        db,
        initiativeRecord(advanced, 5, {
          review: closed,
          audit: [
            audit(earlier.id, 4, { userId: 'm2', roles: [] }, 'review.vote_cast', at(35), { decision: 'approve' }),
            audit(earlier.id, 5, chair, 'review.signed_off', at(40), { decision: 'approve' }),
          ],
          notifications: [
            {
              sourceKey: `initiative-${earlier.id}:5:gate.decided:${earlier.owner}`,
              recipientKind: 'user',
              recipient: earlier.owner,
              topic: 'gate.decided',
              entityType: 'initiative',
              entityId: earlier.id,
              message: `${earlier.name} (research, v1) was decided: approve`,
              data: { initiativeId: earlier.id, reviewId: r.id, outcome: 'approve' },
            },
          ],
        }),
      );
      written.initiatives.set(earlier.id, advanced);
    }

    // A launched product whose complaints crossed the post-launch threshold: a review item raised.
    const launchedId = randomUUID();
    const launchedAt = at(-30 * 1440).toISOString();
    const raised = at(45).toISOString();
    const item = { id: `${launchedId}-plr`, raisedAt: raised, complaintCount: 11, threshold: 10 };
    const launched: InitiativeView = {
      ...view,
      id: launchedId,
      name: `Mobile wealth app ${step}`,
      businessLine: 'fund',
      stage: 'launched',
      status: 'launched',
      nextVersion: null,
      postLaunch: { windowStart: launchedAt, windowEnd: at(60 * 1440).toISOString(), threshold: 10, linkedComplaints: 11, status: 'monitoring', reviewItem: item },
      createdAt: at(-90 * 1440).toISOString(),
      updatedAt: raised,
      review: null,
      reviews: [],
    };
    await writeInitiativeRecord(
      db,
      initiativeRecord(launched, 40, {
        postLaunchItem: { ...item, initiativeId: launchedId, windowStart: launched.postLaunch!.windowStart, windowEnd: launched.postLaunch!.windowEnd, chair: 'gm' },
        audit: [audit(launchedId, 1, { userId: 'system', roles: ['system'] }, 'post_launch.review_raised', at(45), { itemId: item.id, complaintCount: 11, threshold: 10 })],
        notifications: [
          {
            sourceKey: `initiative-${launchedId}:1:gate.post_launch_review:gm`,
            recipientKind: 'user',
            recipient: 'gm',
            topic: 'gate.post_launch_review',
            entityType: 'initiative',
            entityId: launchedId,
            message: `"${launched.name}": 11 complaints since launch exceed 10; a post-launch review is due`,
            data: { initiativeId: launchedId, itemId: item.id },
          },
        ],
      }),
    );
    written.initiatives.set(launchedId, launched);
  },
};

const postLaunchLinks: RowBuilder = {
  name: 'post-launch links: complaints linked to a launched product, counted in its window (db/initiatives.ts writePostLaunchLinks)',
  tables: ['post_launch_links'],
  async write({ db, step, at }) {
    const initiativeId = `launched-step-${step}`;
    const window = { start: at(-30 * 1440).toISOString(), end: at(60 * 1440).toISOString() };
    // Eleven complaints in the window, one of them twice (two instants), a repeated delivery, and one before the window.
    const links = Array.from({ length: 11 }, (_, i) => ({ complaintId: `c-${step}-${i}`, at: at(i).toISOString() }));
    const answer = await writePostLaunchLinks(db, { initiativeId, links: [...links, { complaintId: `c-${step}-0`, at: at(30).toISOString() }, links[1]!, { complaintId: `c-${step}-early`, at: at(-31 * 1440).toISOString() }], window });
    if (answer.linkedComplaints !== 11) throw new Error(`post-launch links counted ${answer.linkedComplaints}, not 11`);
  },
};

// ── Complaints and their customers ───────────────────────────────────────────────────────

function complaintRecord(view: ComplaintView): ComplaintRecord {
  return {
    id: view.id,
    workflowId: `complaint-${view.id}`,
    status: view.status,
    channel: view.channel,
    category: view.category,
    severity: view.severity,
    customerRef: view.customerRef,
    initiativeId: view.initiativeId ?? null,
    receivedAt: view.receivedAt,
    ownerKind: view.owner.kind,
    ownerId: view.owner.id,
    agentId: view.agentId,
    department: view.department,
    escalationLevel: view.escalationLevel,
    breached: view.breaches.length > 0,
    chairUserId: view.chairUserId,
    signedOff: view.signoff !== null,
    nextDeadline: view.closedAt ? null : view.clocks.resolution.deadline,
    nextDeadlineState: view.closedAt ? null : view.clocks.resolution.state,
    reopenCount: view.reopenCount,
    repeatOf: view.repeatOf,
    policyVersion: view.policyVersion,
    closedAt: view.closedAt,
    view,
    version: view.version,
  };
}

const complaints: RowBuilder = {
  name: 'complaints: intake with the customer sealed, a late first response escalated, closure, a customer correction (activities/complaints.ts, db/customers.ts)',
  tables: ['complaints', 'complaint_customers', 'audit_events', 'audit_chain_heads', 'notifications'],
  // The closure also invites the customer to the satisfaction survey (db/surveys.ts).
  laterTables: ['notification_deliveries', 'customer_data_keys', 'survey_invitations'],
  async write({ db, step, at, cipher, written }) {
    const record = complaintActivities(db).recordComplaint;
    const agent = { userId: 'zhao', roles: ['cs_agent'] };
    const event = (id: string, seq: number, actor: { userId: string; roles: string[] }, action: string, when: Date, after: unknown) => ({
      entityType: 'complaint' as const,
      entityId: id,
      sourceKey: `complaint-${id}:${seq}`,
      actor: actor.userId,
      roles: actor.roles,
      action,
      at: when,
      after,
    });

    // Intake: the customer sealed first (as the intake route does), then the registered complaint.
    const id = randomUUID();
    const customer = { name: `王${step}`, phone: `1380013${String(step).padStart(4, '0')}`, idNumber: '110101199003077777' };
    await db.insert(complaintCustomers).values({
      complaintId: id,
      customerRef: `cust-${step}`,
      nameEnc: cipher.encrypt(customer.name, piiContext(id, 'name')),
      phoneEnc: cipher.encrypt(customer.phone, piiContext(id, 'phone')),
      idNumberEnc: cipher.encrypt(customer.idNumber, piiContext(id, 'idNumber')),
      createdBy: agent.userId,
    });
    const received = at(100).toISOString();
    const firstResponseDue = at(100 + 1440).toISOString();
    const resolutionDue = at(100 + 7 * 1440).toISOString();
    const sla = await readPolicy(db, 'sla');
    const view: ComplaintView = {
      id,
      status: 'open',
      channel: step % 2 ? 'hotline' : 'app',
      category: 'service',
      severity: 'general',
      description: 'The card was charged twice',
      receivedAt: received,
      customerRef: `cust-${step}`,
      owner: { kind: 'user', id: agent.userId },
      agentId: agent.userId,
      department: null,
      escalationLevel: 1,
      escalatedTo: { kind: 'level', id: 'supervisor' },
      clocks: {
        firstResponse: { state: 'breached', deadline: firstResponseDue, breachedAt: firstResponseDue },
        resolution: { state: 'pending', deadline: resolutionDue },
      },
      deadlines: { firstResponse: firstResponseDue, resolution: resolutionDue },
      paused: false,
      breaches: [{ clock: 'firstResponse', at: firstResponseDue, level: 1, window: 0 }],
      responses: [],
      transfers: [],
      resolutions: [],
      feedback: [],
      appeals: [],
      pauses: [],
      signoff: null,
      chairUserId: null,
      reopenCount: 0,
      repeatOf: [],
      policyVersion: sla.version,
      closedAt: null,
      agentTeam: null,
      rootCause: null,
      version: 2,
    };
    await record({
      complaint: complaintRecord(view),
      audit: [
        event(id, 1, agent, 'complaint.received', at(100), { status: 'registered', severity: 'general' }),
        event(id, 2, { userId: 'system', roles: ['system'] }, 'complaint.breached', new Date(firstResponseDue), { clock: 'firstResponse', level: 1 }),
      ],
      notifications: [
        {
          sourceKey: `complaint-${id}:2:n0`,
          recipientKind: 'user',
          recipient: agent.userId,
          topic: 'complaint.breached',
          entityType: 'complaint',
          entityId: id,
          message: `complaint ${id} (general, service): the first response is overdue`,
          data: { clock: 'firstResponse', window: 0, level: 1 },
        },
      ],
    });
    written.complaints.set(id, { view, customer });

    // The complaint received a step earlier: answered, resolved and confirmed by the customer.
    const open = [...written.complaints.entries()].find(([other, c]) => other !== id && c.view.closedAt === null);
    if (open) {
      const [openId, c] = open;
      const responded = at(110).toISOString();
      const resolved = at(120).toISOString();
      const closedAt = at(130).toISOString();
      const closed: ComplaintView = {
        ...c.view,
        status: 'closed',
        clocks: { ...c.view.clocks, resolution: { state: 'met', deadline: c.view.clocks.resolution.deadline, metAt: resolved } },
        responses: [{ at: responded, by: agent.userId, message: 'We are refunding the second charge', channel: c.view.channel }],
        resolutions: [{ at: resolved, proposedBy: agent.userId, summary: 'Duplicate charge refunded', remedy: 'refund', state: 'accepted', source: 'handler' }],
        feedback: [{ at: closedAt, by: agent.userId, satisfied: true, via: 'callback', comment: '' }],
        closedAt,
        version: 5,
      };
      await record({
        complaint: complaintRecord(closed),
        audit: [
          event(openId, 3, agent, 'complaint.responded', at(110), { channel: c.view.channel }),
          event(openId, 4, agent, 'complaint.resolved', at(120), { remedy: 'refund' }),
          event(openId, 5, agent, 'complaint.closed', at(130), { satisfied: true }),
        ],
      });
      // The customer's new phone number, corrected by the agent (master data, not process state).
      const phone = `1390013${String(step).padStart(4, '0')}`;
      const result = await updateComplaintCustomer(db, cipher, { complaintId: openId, change: { phone }, reason: 'customer moved', actor: agent, sourceKey: `customer-update-${openId}`, at: at(125) });
      if (result.kind !== 'updated') throw new Error(`customer correction of ${openId}: ${result.kind}`);
      if (step < dataKeysFrom) {
        // The release of that step sealed the correction directly under PII_KEY (v2), with no data key.
        await db
          .update(complaintCustomers)
          .set({ nameEnc: cipher.encrypt(c.customer.name, piiContext(openId, 'name')), phoneEnc: cipher.encrypt(phone, piiContext(openId, 'phone')), idNumberEnc: cipher.encrypt(c.customer.idNumber, piiContext(openId, 'idNumber')) })
          .where(eq(complaintCustomers.complaintId, openId));
        await db.delete(customerDataKeys).where(eq(customerDataKeys.customerRef, `cust-${step}`));
      }
      written.complaints.set(openId, { view: closed, customer: { ...c.customer, phone } });
    }
  },
};

// ── The satisfaction survey ────────────────────────────────────────────────────────────────

const surveys: RowBuilder = {
  name: 'satisfaction survey: the invitation a closure issued, answered once through its link (db/surveys.ts answerSurveyLink)',
  tables: ['survey_invitations', 'survey_responses', 'audit_events', 'audit_chain_heads'],
  laterTables: ['notification_deliveries'],
  async write({ db, at, written }) {
    // The complaint the complaints builder closed at this step issued its invitation (db/derived-notices.ts).
    const closedNow = at(130).toISOString();
    const closed = [...written.complaints.entries()].find(([, c]) => c.view.closedAt === closedNow);
    if (!closed) return;
    const [invitation] = await surveyInvitationsOf(db, 'complaint', closed[0]);
    if (!invitation) throw new Error(`the closure of ${closed[0]} issued no survey invitation`);
    const answered = await answerSurveyLink(db, { invitationId: invitation.id, csat: 2, nps: 5, verbatim: '回电 13812345678 太慢', at: at(140) });
    if (answered.kind !== 'answered') throw new Error(`the survey answer of ${invitation.id}: ${answered.kind}`);
  },
};

/** The step from which customer data keys exist (the erasure migration). */
const dataKeysFrom = readJournal().findIndex((e) => e.tag.endsWith('_erasure'));

// ── Personal-data erasure ──────────────────────────────────────────────────────────────────

const erasures: RowBuilder = {
  name: 'erasure: a customer data key, a legal hold and an erasure request held by it (db/customer-keys.ts, db/erasures.ts)',
  tables: ['customer_data_keys', 'legal_holds', 'erasures', 'audit_events', 'audit_chain_heads'],
  async write({ db, step, at, cipher }) {
    const customerRef = `erase-${step}`;
    await dataKeyFor(db, cipher, customerRef);
    const auditor = { userId: 'aud', roles: ['compliance_auditor'] };
    const hold = await setLegalHold(db, { id: randomUUID(), customerRef, reason: `migration test, step ${step}`, actor: auditor, sourceKey: `legal-hold:step-${step}` });
    const input: ErasureInput = { id: randomUUID(), customerRef, reason: 'the customer asked to be forgotten', origin: 'manual', requestedBy: { userId: 'aud', name: 'Audrey Auditor', roles: ['compliance_auditor'] }, requestedAt: at(600).toISOString(), policy: defaultErasurePolicy, policyVersion: 0 };
    const workflowId = `erasure-${input.id}`;
    const state = newErasureState();
    const facts = { complaints: [], legalHolds: [{ id: hold.id, reason: hold.reason, setBy: hold.setBy, setAt: hold.setAt }] };
    const now = at(600).getTime();
    const requested = requestedBatch(input, now);
    const held = checkedBatch(input, state, facts, holdsOf(facts), now);
    const placed = placeErasureBatch(input, workflowId, state, { audit: [...requested.audit, ...held.audit], notes: held.notes });
    await writeErasureRecord(db, { erasure: erasureRecord(workflowId, erasureView(input, state)), ...placed });
  },
};

// ── Archived workflow histories ──────────────────────────────────────────────────────────

const historyFixtures = ['complaint-on-time', 'complaint-escalated-signed-off', 'complaint-reopened-appealed'];

const histories: RowBuilder = {
  name: 'workflow histories: a closed run archived as the archiver stores it, and recorded in its chain (audit/archive.ts)',
  tables: ['workflow_histories', 'audit_events', 'audit_chain_heads'],
  async write({ db, step, written }) {
    // A real history (a replay fixture) under the workflow id of a complaint closed by then.
    const fixture = historyFixtures[step % historyFixtures.length]!;
    const json = readFileSync(path.join(fixturesDir, `${fixture}.json`), 'utf8').trimEnd();
    const events = (JSON.parse(json) as { events: { eventTime: string; workflowExecutionStartedEventAttributes?: { originalExecutionRunId: string } }[] }).events;
    const closed = [...written.complaints.values()].filter((c) => c.view.closedAt !== null);
    const workflowId = closed.length ? `complaint-${closed.at(-1)!.view.id}` : `complaint-archived-${step}`;
    // A run id of the same form as the fixture's, one per step.
    const runId = `${events[0]!.workflowExecutionStartedEventAttributes!.originalExecutionRunId.slice(0, 24)}${String(step).padStart(12, '0')}`;
    const { entityType, entityId } = entityOfWorkflow(workflowId);
    await db.insert(workflowHistories).values({
      workflowId,
      runId,
      workflowType: 'complaintWorkflow',
      entityType,
      entityId,
      status: 'COMPLETED',
      startedAt: new Date(events[0]!.eventTime).toISOString(),
      closedAt: new Date(events.at(-1)!.eventTime).toISOString(),
      eventCount: events.length,
      history: gzipSync(Buffer.from(json, 'utf8'), { level: 6 }),
      sha256: sha256hex(json),
    });
    // The archiver records each archive in its record's audit chain (hash and event count).
    await recordUnrecordedArchives(db);
    written.histories.push({ workflowId, runId, eventCount: events.length });
  },
};

// ── Reports ──────────────────────────────────────────────────────────────────────────────

const reports: RowBuilder = {
  name: 'reports: a monthly report computed and stored with its audit event (db/kpis.ts, db/reports.ts)',
  tables: ['reports', 'audit_events', 'audit_chain_heads'],
  async write({ db, step, at, written }) {
    const { value: calendar } = await readPolicy(db, 'calendar');
    const month = new Date(Date.UTC(2026, 2 + step, 1));
    const period = reportPeriod('monthly', month.toISOString().slice(0, 7), calendar.timeZone);
    const { kpis } = await computeKpis(db, period, calendar, at(200));
    const workflowId = `report-monthly-${period.key}`;
    const { report } = await storeReport(db, {
      period,
      timeZone: calendar.timeZone,
      generatedAt: at(200),
      generatedBy: 'schedule',
      roles: ['system'],
      workflowId,
      sourceKey: `report:${workflowId}:run-${step}`,
      kpis,
    });
    written.reports.set(period.key, report);
  },
};

// ── Calendar years ───────────────────────────────────────────────────────────────────────

const calendarYears: RowBuilder = {
  name: 'calendar years: an official schedule imported as a new version with its audit event (db/calendar.ts importYear)',
  tables: ['calendar_years', 'audit_events', 'audit_chain_heads'],
  async write({ db, step }) {
    // One version more of the same year at every step: the versions, and the chain, grow.
    const outcome = await importYear(db, 2031, { source: `migration test, step ${step}`, holidays: [{ name: '测试假期', from: '2031-01-01', to: `2031-01-0${1 + (step % 5)}` }], workdays: [] }, admin);
    if (!outcome.created) throw new Error('the import wrote no new version');
  },
};

// ── Incidents and KPI target proposals ─────────────────────────────────────────────────────

const incidents: RowBuilder = {
  name: 'incidents: a spike raised with its complaints linked (domain/incidents, db/incidents.ts writeIncidentRecord)',
  tables: ['incidents', 'incident_complaints', 'audit_events', 'audit_chain_heads', 'notifications'],
  async write({ db, step, at }) {
    const { value: policy, version } = await readPolicy(db, 'incidents');
    const raised = at(400);
    const input: IncidentInput = {
      id: `incident-step-${step}`,
      trigger: { dimension: 'product', value: `product-${step}`, windowFrom: at(100).toISOString(), windowTo: raised.toISOString(), count: 6, baseline: 1, threshold: 4 },
      complaintIds: [`c-${step}-1`, `c-${step}-2`],
      raisedAt: raised.toISOString(),
      policy,
      policyVersion: version,
    };
    const workflowId = `incident-${input.id}`;
    const now = raised.getTime();
    const state = newIncidentState(input, startStep('owner', now, now + 86_400_000, now + 2 * 86_400_000, 0.5));
    const placed = placeIncidentBatch(input, workflowId, state, raisedBatch(input, state, now));
    await writeIncidentRecord(db, { incident: incidentRecord(input, workflowId, incidentView(input, state)), links: input.complaintIds.map((complaintId) => ({ complaintId, at: raised.toISOString() })), ...placed });
  },
};

const targetProposals: RowBuilder = {
  name: 'KPI target proposals: one waiting for the chair (domain/targets, db/targets.ts writeTargetProposalRecord)',
  tables: ['target_proposals', 'audit_events', 'audit_chain_heads'],
  async write({ db, step, at }) {
    const { value: targets, version } = await readPolicy(db, 'targets');
    const input: ProposalInput = { id: `proposal-step-${step}`, targets: { ...targets, satisfaction: 0.9 }, reason: `migration test, step ${step}`, proposedBy: { userId: 'ada', name: 'Ada Admin', roles: ['admin'] }, proposedAt: at(500).toISOString() };
    const state = newProposalState({ base: { targets, version }, chairUserId: 'gm', deadline: at(500 + 7 * 1440).toISOString(), reminderAt: at(500 + 4 * 1440).toISOString(), reviewPolicyVersion: 1 });
    const workflowId = `target-proposal-${input.id}`;
    await writeTargetProposalRecord(db, {
      proposal: targetProposalRecord(proposalView(input, state), workflowId),
      audit: [{ entityType: 'target_proposal', entityId: input.id, sourceKey: `${workflowId}:1`, actor: 'ada', roles: ['admin'], action: 'targets.proposed', at: at(500), before: { targets, version }, after: { targets: input.targets }, reason: input.reason }],
    });
  },
};

const improvements: RowBuilder = {
  name: 'improvement actions: one raised from a hot issue, in progress (domain/improvements, db/improvements.ts writeImprovementRecord)',
  tables: ['improvement_actions', 'improvement_links', 'audit_events', 'audit_chain_heads', 'notifications'],
  async write({ db, step, at }) {
    const input: ImprovementInput = {
      id: `hot_issue.migration-step-${step}`,
      source: { kind: 'hot_issue', id: `migration-step-${step}` },
      raisedBy: { userId: 'sue', name: 'Sue Supervisor', roles: ['supervisor'] },
      raisedAt: at(600).toISOString(),
      title: `Migration test action, step ${step}`,
      problem: 'Fees shown late',
      plan: 'Show them first',
      ownerDepartment: 'cards-ops',
      owner: { userId: 'hal', name: 'Hal Handler' },
      dueInDays: 10,
      links: { complaints: [], initiatives: [], incidents: [`incident-step-${step}`] },
      measure: { dimension: 'category', value: 'product' },
    };
    const workflowId = `improvement-${input.id}`;
    const state = newImprovementState(input, { policy: defaultImprovementPolicy, policyVersion: 0, clock: startDue(at(600).getTime(), at(600 + 14 * 1440).getTime(), at(600 + 18 * 1440).getTime(), 0.8), verifierId: 'sue', chairUserId: 'gm', departmentHeadId: null });
    const placed = placeImprovementBatch(input, workflowId, state, improvementRaisedBatch(input, state, at(600).getTime()));
    await writeImprovementRecord(db, { improvement: improvementRecord(input, workflowId, state), ...placed });
  },
};

const followUps: RowBuilder = {
  name: 'detractor follow-ups: one opened for a detractor answer, waiting for the supervisor (domain/followups, db/followups.ts writeFollowUpRecord)',
  tables: ['follow_ups', 'audit_events', 'audit_chain_heads', 'notifications'],
  async write({ db, step, at }) {
    const input: FollowUpInput = {
      id: `SR-migration-step-${step}`,
      complaintId: `complaint-of-step-${step}`,
      source: 'link',
      kind: 'complaint',
      csat: 2,
      nps: 3,
      verbatim: '等了太久',
      respondedAt: at(600).toISOString(),
      department: 'cards-ops',
      openedAt: at(601).toISOString(),
      recordedBy: null,
    };
    const workflowId = `followup-${input.id}`;
    const state = newFollowUpState({ policy: defaultFollowUpPolicy, policyVersion: 0, clock: startFollowUpClock(at(601).getTime(), at(601 + 2 * 1440).getTime(), 0.5), supervisorIds: ['sue'], departmentHeadId: null });
    const placed = placeFollowUpBatch(input, workflowId, state, followUpOpenedBatch(input, state, at(601).getTime()));
    await writeFollowUpRecord(db, { followUp: followUpRecord(input, workflowId, state), ...placed });
  },
};

const feedbackItems: RowBuilder = {
  name: 'feedback: an inquiry logged, its first-response clock running (domain/feedback, db/feedback.ts writeFeedbackRecord)',
  tables: ['feedback_items', 'audit_events', 'audit_chain_heads'],
  laterTables: ['notifications'],
  async write({ db, step, at }) {
    const input: FeedbackInput = {
      id: `inquiry-of-step-${step}`,
      kind: 'inquiry',
      channel: 'hotline',
      description: 'What is the annual fee of the travel card?',
      receivedAt: at(600).toISOString(),
      customerRef: `cust-feedback-${step}`,
      piiRef: `inquiry-of-step-${step}`,
      loggedBy: { userId: 'cai', name: 'Cai Agent', roles: ['cs_agent'] },
      policy: defaultFeedbackPolicy,
      policyVersion: 0,
    };
    const workflowId = `feedback-${input.id}`;
    const state = newFeedbackState(input, { policy: defaultFeedbackPolicy, policyVersion: 0, clock: startFirstResponse(at(600).getTime(), at(600 + 1440).getTime(), 0.8) });
    const placed = placeFeedbackBatch(input, workflowId, state, feedbackLoggedBatch(input, state, at(600).getTime()));
    await writeFeedbackRecord(db, { feedback: feedbackRecord(input, workflowId, state), ...placed });
  },
};

const meetings: RowBuilder = {
  name: 'committee meetings: an extra meeting convened with one chair item (domain/meetings, db/meetings.ts writeMeetingRecord)',
  tables: ['meetings', 'audit_events', 'audit_chain_heads'],
  async write({ db, step, at }) {
    const id = `2024-01-extra-${step + 1}`;
    const input: MeetingInput = { id, month: '2024-01', kind: 'extra', convenedBy: { userId: 'gm', name: 'Grace GM', roles: ['supervisor'] }, convenedAt: at(700).toISOString(), reason: `migration step ${step}` };
    const state = newMeetingState({
      roster: [{ userId: 'gm', name: 'Grace GM', department: 'executive', chair: true }, { userId: 'm1', name: 'Mina Risk', department: 'risk', chair: false }],
      chairUserId: 'gm',
      quorumRatio: 0.5,
      reviewPolicyVersion: 0,
      policy: defaultMeetingPolicy,
      policyVersion: 0,
      reviewedMonth: '2023-12',
      items: [{ key: 'chair_item:1', kind: 'chair_item', title: 'Card fee disclosure', facts: { description: 'Fees shown late' }, link: null, subjectId: null, stake: null, addedBy: 'gm', addedAt: at(700).toISOString() }],
    });
    const workflowId = `meeting-${id}`;
    const placed = placeBatch(meetingEntity, id, workflowId, state, { audit: [draft('meeting.convened', input.convenedBy, at(700).getTime(), null, { ...meetingSummary(state), kind: input.kind, month: input.month })], notes: [] });
    await writeMeetingRecord(db, { meeting: meetingRecord(meetingView(input, state), workflowId), ...placed });
  },
};

const attachments: RowBuilder = {
  name: 'attachments: a file uploaded for an initiative’s deliverables, and the same bytes again (db/attachments.ts storeAttachment)',
  tables: ['attachments'],
  async write({ db, step, at }) {
    const upload = { context: { type: 'initiative' as const, id: `migration-initiative-${step}` }, content: Buffer.from(`%PDF-1.4 research report of step ${step}\n%%EOF\n`), mediaType: 'application/pdf', name: `调研报告-${step}.pdf`, uploadedBy: { userId: 'lin', name: 'Lin Product' }, at: at(800) };
    const first = await storeAttachment(db, upload);
    const again = await storeAttachment(db, { ...upload, name: 'again.pdf', at: at(801) });
    if (!first.created || again.created || again.attachment.id !== first.attachment.id) throw new Error('the same bytes for the same initiative were stored twice');
  },
};

// ── Audit checkpoints (last: over the heads every other builder moved) ──────────────────

const checkpoints: RowBuilder = {
  name: 'audit checkpoints over every chain head (audit/checkpoint.ts)',
  tables: ['audit_checkpoints', 'audit_checkpoint_heads', 'audit_chain_heads'],
  async write({ db, at }) {
    if (!(await writeCheckpoint(db, { now: at(300) }))) throw new Error('no chain head moved since the last checkpoint');
  },
};

/** In the order they run after each migration. */
export const rowBuilders: RowBuilder[] = [settings, idempotency, outbox, delivery, initiatives, postLaunchLinks, complaints, surveys, histories, reports, calendarYears, incidents, targetProposals, improvements, followUps, feedbackItems, erasures, meetings, attachments, checkpoints];
