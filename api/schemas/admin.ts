import { BusinessCalendar } from '../../domain/calendar.js';
import { rootCauseCodePattern, taxonomyProblems } from '../../domain/complaints/root-causes.js';
import { duplicateDepartmentIds } from '../../domain/departments.js';
import { incidentDimensions } from '../../domain/incidents/policy.js';
import { durationUnits } from '../../domain/duration.js';
import { z } from '../zod.js';
import { DurationSchema, id, localDate, ratio, requiredText, score } from './common.js';

export const CommitteeMemberSchema = z.strictObject({
  userId: id,
  name: requiredText(200),
  department: requiredText(200),
  chair: z.boolean(),
});

export const CommitteeSchema = z
  .strictObject({ members: z.array(CommitteeMemberSchema).min(1).max(200) })
  .superRefine((v, ctx) => {
    const chairs = v.members.filter((m) => m.chair).length;
    if (chairs !== 1) ctx.addIssue({ code: 'custom', path: ['members'], message: `exactly one member must be the chair (found ${chairs})` });
    const seen = new Set<string>();
    v.members.forEach((m, i) => {
      if (seen.has(m.userId)) ctx.addIssue({ code: 'custom', path: ['members', i, 'userId'], message: `duplicate member ${m.userId}` });
      seen.add(m.userId);
    });
  })
  .openapi('Committee');

export const ReviewPolicySchema = z
  .strictObject({
    reviewDeadline: DurationSchema,
    reminderRatio: ratio,
    quorumRatio: ratio,
    launchThresholds: z.strictObject({ function: score, performance: score, security: score, userExperience: score }),
    postLaunch: z.strictObject({ window: DurationSchema, complaintThreshold: z.number().int().min(0) }),
  })
  .openapi('ReviewPolicy');

export const SlaPolicySchema = z
  .strictObject({
    firstResponse: DurationSchema,
    resolution: z.strictObject({ general: DurationSchema, major: DurationSchema, urgent: DurationSchema }),
    customerFeedback: DurationSchema,
    transferInvestigation: DurationSchema,
    appealDecision: DurationSchema,
    atRiskRatio: ratio,
    maxPause: DurationSchema,
    breachWindow: DurationSchema,
    compensationApprovalLimit: z.number().min(0),
  })
  .openapi('SlaPolicy');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const CalendarSchema = z
  .strictObject({
    timeZone: z.string().max(100).refine(isTimeZone, 'unknown IANA time zone (e.g. Asia/Shanghai)'),
    endOfBusinessDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)'),
    extraHolidays: z.array(localDate).max(1000),
    extraWorkdays: z.array(localDate).max(1000),
  })
  .superRefine((v, ctx) => {
    // The calendar's own constructor holds the remaining rules (closing after opening time,
    // no date both holiday and workday): one rule, one place.
    try {
      new BusinessCalendar(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: [], message: (err as Error).message });
    }
  })
  .openapi('BusinessCalendar');

const LabelSchema = z.strictObject({ zh: requiredText(100), en: requiredText(100) });
const RootCauseNodeSchema = z.strictObject({ code: z.string().max(100).regex(rootCauseCodePattern, 'lower-case letters, digits, _ and . (e.g. fees_pricing.undisclosed)'), label: LabelSchema });
const RootCauseGroupSchema = z.strictObject({ ...RootCauseNodeSchema.shape, children: z.array(RootCauseNodeSchema).min(1).max(100) });

export const RootCausePolicySchema = z
  .strictObject({
    requiredOnResolution: z.boolean().openapi({ description: 'a resolution must name a root cause' }),
    groups: z.array(RootCauseGroupSchema).min(1).max(100),
  })
  .superRefine((v, ctx) => {
    // The rule lives in the domain (codes unique across the tree): one rule, one place.
    for (const p of taxonomyProblems(v)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  })
  .openapi('RootCausePolicy', { description: 'The two-level root-cause taxonomy: groups, each with its causes (a resolution names a cause)' });

/** A duration that is elapsed time (the watcher's window and interval count calendar time). */
const ElapsedDurationSchema = DurationSchema.refine((d) => d.unit !== 'business_day', 'an elapsed duration: second, minute, hour or day').refine((d) => d.amount >= 1, 'at least 1');
const StepDurationSchema = DurationSchema.refine((d) => d.amount >= 1, 'at least 1');

export const IncidentPolicySchema = z
  .strictObject({
    window: ElapsedDurationSchema.openapi({ description: 'the rolling window complaints are counted in' }),
    baselineWindows: z.number().int().min(1).max(90).openapi({ description: 'the baseline is the mean of this many windows before the current one' }),
    minCount: z.number().int().min(1).max(100_000),
    ratio: z.number().min(1).max(1_000).openapi({ description: 'a spike reaches at least ratio × the baseline (and minCount)' }),
    dimensions: z
      .array(z.enum(incidentDimensions))
      .min(1)
      .max(incidentDimensions.length)
      .refine((d) => new Set(d).size === d.length, 'each dimension once'),
    watchEvery: ElapsedDurationSchema.openapi({ description: 'how often the watcher runs (applied at the next worker start)' }),
    steps: z.strictObject({ owner: StepDurationSchema, plan: StepDurationSchema, review: StepDurationSchema }),
    reminderRatio: ratio,
    escalationWindow: StepDurationSchema,
  })
  .openapi('IncidentPolicy');

export const ImprovementPolicySchema = z
  .strictObject({
    dueUnit: z.enum(durationUnits).openapi({ description: 'what a due date counts: business_day (seconds in tests and demos)' }),
    reminderRatio: ratio.openapi({ description: 'share of the window to the due date after which the owner is reminded' }),
    escalationWindow: StepDurationSchema.openapi({ description: 'after the due date the department head is told; one such window later the committee chair' }),
    effectivenessAfter: StepDurationSchema.openapi({ description: 'how long after closing the effectiveness check looks' }),
    requiredFall: z.number().min(0).max(1).openapi({ description: 'effective when complaints fell by at least this share (0: any fall)' }),
  })
  .openapi('ImprovementPolicy');
export const FollowUpPolicySchema = z
  .strictObject({
    due: StepDurationSchema.openapi({ description: 'a detractor follow-up is due this long after it opens (business days; seconds in tests and demos)' }),
    reminderRatio: ratio.openapi({ description: 'share of the window to the deadline after which the supervisors are reminded (1: no reminder)' }),
  })
  .openapi('FollowUpPolicy');
export const FeedbackPolicySchema = z
  .strictObject({
    inquiryFirstResponse: StepDurationSchema.openapi({ description: 'an inquiry’s first-response target from its receipt, on the business calendar (seconds in tests and demos)' }),
    atRiskRatio: ratio.openapi({ description: 'share of the window after which the owner is told the answer is at risk' }),
  })
  .openapi('FeedbackPolicy');
export const ErasurePolicySchema = z
  .strictObject({
    retention: ElapsedDurationSchema.openapi({ description: 'personal data is kept this long after the customer’s last complaint closed (default 1095 days); then the sweep requests its erasure' }),
    recheckEvery: ElapsedDurationSchema.openapi({ description: 'a held erasure request looks at its holds again this often' }),
    sweepEvery: ElapsedDurationSchema.openapi({ description: 'how often the retention sweep runs (applied at the next worker start)' }),
  })
  .openapi('ErasurePolicy');
export const MeetingPolicySchema = z
  .strictObject({
    minutesReminder: StepDurationSchema.openapi({ description: 'after every agenda item is decided, unsigned minutes remind the chair this much later' }),
    minutesEscalation: StepDurationSchema.openapi({ description: 'and are escalated to the administrators and compliance this much later' }),
    hotIssues: z.number().int().min(0).max(20).openapi({ description: 'how many of the month’s hottest root causes the agenda lists' }),
  })
  .refine((p) => p.minutesReminder.unit !== p.minutesEscalation.unit || p.minutesReminder.amount <= p.minutesEscalation.amount, { message: 'the reminder comes before the escalation', path: ['minutesEscalation'] })
  .openapi('MeetingPolicy');

const DepartmentNameText = z.string().trim().min(1).max(100);
export const DepartmentNamesSchema = z
  .strictObject({
    departments: z
      .array(
        z.strictObject({
          id: id.openapi({ description: 'the department id of the staff directory (e.g. `cards-ops`)' }),
          name: z.strictObject({ zh: DepartmentNameText.openapi({ description: 'the name in Chinese' }), en: DepartmentNameText.openapi({ description: 'the name in English' }) }),
        }),
      )
      .max(500),
  })
  .superRefine((v, ctx) => {
    for (const dup of duplicateDepartmentIds(v)) ctx.addIssue({ code: 'custom', path: ['departments', v.departments.findLastIndex((d) => d.id === dup), 'id'], message: `department ${dup} is named twice` });
  })
  .openapi('DepartmentNames', { description: 'The departments’ display names in Chinese and English; a department without one shows as its id' });
