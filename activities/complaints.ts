import type { Database } from '../db/client.js';
import { repeatCandidates, writeComplaintRecord, type ComplaintRecord, type RepeatQuery } from '../db/complaints.js';
import { readBusinessCalendarWith } from '../db/calendar.js';
import { readRoster } from '../db/settings.js';
import type { TransitionRecord } from '../domain/trail.js';
import { maxEscalationLevel } from '../domain/complaints/escalation.js';
import { advanceClockState, clockEventsBatch, placeInChain, receivedBatch } from '../domain/complaints/events.js';
import { newComplaintState, type ComplaintInput, type ComplaintState } from '../domain/complaints/process.js';
import { complaintRecord, complaintView } from '../domain/complaints/projection.js';
import { repeatOf, resolutionWindowFor } from '../domain/complaints/rules.js';
import type { Severity } from '../domain/complaints/types.js';
import type { SlaPolicy } from '../domain/policies.js';
import { deadlinesOn } from './deadlines.js';

/** What intake needs from the database, in one local activity (one workflow activation). */
export interface IntakePreparation {
  policy: SlaPolicy;
  version: number;
  /** ISO deadlines of the policy windows counted from receipt. */
  deadlines: { firstResponse: string; resolution: string; maxPauseEnd: string; breachWindowEnd: string };
  repeats: string[];
}

/**
 * Earlier complaints of the same customer with the same category or product within the window
 * (domain `repeatOf` decides; the query only narrows the candidates).
 */
async function repeatsOf(db: Database, q: RepeatQuery): Promise<string[]> {
  const windowDays = q.windowDays ?? 30;
  const candidates = await repeatCandidates(db, { ...q, windowDays });
  return repeatOf({ id: q.id, customerRef: q.customerRef, category: q.category, initiativeId: q.initiativeId, receivedAt: q.receivedAt }, candidates, windowDays);
}

/** Settings of the complaint activities (the worker's configuration). */
export interface ComplaintActivityOptions {
  /** SURVEY_LINK_VALID_DAYS: how long the survey invitation a closing step issues stays open. */
  surveyLinkValidDays?: number;
}

export function complaintActivities(db: Database, o: ComplaintActivityOptions = {}) {
  const derived = o.surveyLinkValidDays !== undefined ? { surveyLinkValidDays: o.surveyLinkValidDays } : {};

  /**
   * Intake's reads together: the SLA policy in force (kept for the complaint's whole life), the
   * deadlines of its windows from the business calendar, and the earlier complaints this one
   * repeats.
   */
  async function prepareIntake(q: RepeatQuery & { severity: Severity }): Promise<IntakePreparation> {
    // The SLA policy and the calendar in one read, the repeats beside it (three statements).
    const [
      {
        calendar,
        policies: { sla },
      },
      repeats,
    ] = await Promise.all([readBusinessCalendarWith(db, ['sla']), repeatsOf(db, q)]);
    const { value: policy, version } = sla;
    const from = q.receivedAt;
    const [firstResponse, resolution, maxPauseEnd, breachWindowEnd] = deadlinesOn(calendar, [
      { from, duration: policy.firstResponse },
      { from, duration: resolutionWindowFor(q.severity, policy) },
      { from, duration: policy.maxPause },
      { from, duration: policy.breachWindow },
    ]);
    return { policy, version, deadlines: { firstResponse: firstResponse!, resolution: resolution!, maxPauseEnd: maxPauseEnd!, breachWindowEnd: breachWindowEnd! }, repeats };
  }

  /** The committee chair on the roster now (snapshotted when a complaint reaches the committee level). */
  async function committeeChair(): Promise<string | null> {
    const roster = await readRoster(db);
    return roster.find((m) => m.chair)?.userId ?? null;
  }

  /**
   * Intake in one local activity (one workflow activation less than a read and a write): the
   * reads of `prepareIntake`, then the complaint's first state, its `complaint.received` event
   * and any clock event already due, built with the same pure functions the workflow uses
   * (domain/complaints), and recorded like every later step. Answers with the state the
   * workflow continues from. A retry recomputes from the same reads and writes nothing twice
   * (source keys; the projection only moves forward).
   */
  async function takeComplaint({ complaint, workflowId, now }: { complaint: ComplaintInput; workflowId: string; now: number }): Promise<ComplaintState> {
    const receivedAt = Date.parse(complaint.receivedAt);
    const { policy, version, deadlines, repeats } = await prepareIntake({
      id: complaint.id,
      customerRef: complaint.customerRef,
      category: complaint.category,
      ...(complaint.initiativeId ? { initiativeId: complaint.initiativeId } : {}),
      receivedAt: new Date(receivedAt).toISOString(),
      severity: complaint.severity,
    });
    const at = (iso: string) => Date.parse(iso);
    const state = newComplaintState(complaint, {
      policy,
      policyVersion: version,
      receivedAt,
      deadlines: { firstResponse: at(deadlines.firstResponse), resolution: at(deadlines.resolution), maxPauseEnd: at(deadlines.maxPauseEnd), breachWindowEnd: at(deadlines.breachWindowEnd) },
      repeatOf: repeats,
    });
    const batch = receivedBatch(complaint, state, now);
    const { events, before } = advanceClockState(state, now);
    if (events.length > 0) {
      if (state.sla.level >= maxEscalationLevel && state.chairUserId === null) state.chairUserId = await committeeChair();
      const due = clockEventsBatch(complaint, state, events, before);
      batch.audit.push(...due.audit), batch.notes.push(...due.notes);
    }
    const placed = placeInChain(complaint, workflowId, state, batch);
    await writeComplaintRecord(db, { complaint: complaintRecord(complaint, workflowId, state, complaintView(complaint, state, now)), ...placed }, derived);
    return state;
  }

  /**
   * The projection row and the transition's audit events and notifications in one transaction.
   * Idempotent (audit/notification source keys) and version-guarded (an older or repeated write
   * never overwrites a newer row), so retries and late duplicates are harmless. The KPI facts
   * (domain/reports/facts.ts) are derived in the same write.
   */
  async function recordComplaint(input: { complaint: ComplaintRecord } & TransitionRecord): Promise<void> {
    await writeComplaintRecord(db, input, derived);
  }

  return { prepareIntake, takeComplaint, recordComplaint, committeeChair };
}
