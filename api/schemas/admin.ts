import { BusinessCalendar } from '../../domain/calendar.js';
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
