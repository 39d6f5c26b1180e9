import { afterEach, describe, expect, it } from 'vitest';
import { addLocalDays, isWeekend } from '../../domain/calendar/dates.js';
import { complaintWorkflowId } from '../../workflows/complaint/messages.js';
import { initiativeWorkflowId } from '../../workflows/initiative/messages.js';
import { saveReplayFixture } from '../support/fixtures.js';
import { auditRows, getComplaint, intake, notificationsOf, secondsPolicy, setPolicy } from '../support/complaints.js';
import { gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { eventually, startStack, type Stack } from '../support/stack.js';

/**
 * Deadlines follow the business calendar after it changes: an import (or an override) is told to
 * every open process through Temporal; each recomputes its running deadlines in an activity,
 * moves its timers and records before and after with the reason "calendar changed". Real
 * processes on the real stack, the API's clock the machine's.
 */
const bd = (amount: number) => ({ amount, unit: 'business_day' as const });
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const admin = () => stack!.as(people.admin);
async function importYear(year: number, doc: { holidays: { name: string; from: string; to: string }[]; workdays: string[] }) {
  const res = await admin().put(`/api/v1/calendar/years/${year}`, { source: `test schedule for ${year}`, ...doc });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
const localDate = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

describe('a deadline counted over a year without an official schedule', () => {
  it('is provisional until the year is imported; the import moves it and the flag disappears', async () => {
    stack = await startStack();
    const coverage = (await admin().get('/api/v1/calendar')).body.coverage;
    const uncovered = coverage.lastCoveredYear + 1;
    // A window that surely reaches well into the first year without an official schedule.
    const reach = Math.ceil((Date.parse(`${uncovered}-01-20T00:00:00Z`) - Date.now()) / 86_400_000) + 5;
    await setPolicy(stack, { ...secondsPolicy(), firstResponse: bd(1), resolution: { general: bd(reach), major: bd(reach), urgent: bd(reach) }, customerFeedback: bd(5), transferInvestigation: bd(5), appealDecision: bd(5), maxPause: bd(5), breachWindow: bd(5) });
    const g = gates(stack);
    await g.roster();
    await g.policy({ reviewDeadline: bd(reach) });

    const complaint = await intake(stack);
    expect(complaint.clocks.resolution.provisional).toBe(true);
    const initiative = await g.create();
    const submitted = await g.submit(initiative, 'research');
    expect(submitted.status).toBe(201);
    expect(submitted.body.provisional).toBe(true);

    // The official schedule of that year, with a week of holidays inside both windows.
    const firstDay = `${uncovered}-01-04`;
    await importYear(uncovered, { holidays: [{ name: '测试假期', from: firstDay, to: addLocalDays(firstDay, 6) }], workdays: [] });

    const moved = await eventually(async () => {
      const now = await getComplaint(stack!, complaint.id);
      return now.clocks.resolution.deadline !== complaint.clocks.resolution.deadline ? now : undefined;
    }, 'the resolution deadline moved by the import');
    expect(Date.parse(moved.clocks.resolution.deadline)).toBeGreaterThan(Date.parse(complaint.clocks.resolution.deadline));
    expect(moved.clocks.resolution.provisional).toBe(false);
    const event = (await auditRows(stack, complaint.id)).find((e) => e.action === 'complaint.deadline_moved');
    expect(event).toMatchObject({ actor: 'system', reason: 'calendar changed', before: { clock: 'resolution', deadline: complaint.clocks.resolution.deadline }, after: { clock: 'resolution', deadline: moved.clocks.resolution.deadline, provisional: false } });
    expect((await notificationsOf(stack, complaint.id)).some((n) => n.topic === 'complaint.deadline_moved' && n.recipient === people.agent.userId)).toBe(true);

    const review = await eventually(async () => {
      const r = (await g.get(initiative)).body.review;
      return r.deadline !== submitted.body.deadline ? r : undefined;
    }, 'the review deadline moved by the import');
    expect(review.provisional).toBe(false);
    expect((await g.audit(initiative)).find((e) => e.action === 'review.deadline_moved')).toMatchObject({ reason: 'calendar changed', before: { deadline: submitted.body.deadline }, after: { deadline: review.deadline } });

    // Told once: announcing the same change again (its fan-out already ran) moves nothing more.
    const history = await stack.temporal.workflow.getHandle(complaintWorkflowId(complaint.id)).fetchHistory();
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'calendarChanged');
    expect(signals).toHaveLength(1);
    await saveReplayFixture(stack.temporal, complaintWorkflowId(complaint.id), 'complaint-calendar-moved-later');
    await saveReplayFixture(stack.temporal, initiativeWorkflowId(initiative), 'initiative-calendar-moved-later');
  }, 180_000);
});

describe('a deadline the calendar brings forward', () => {
  it('breaches at the new time, not the old one, and the trail shows both', async () => {
    stack = await startStack();
    // An institution whose business day ends a minute or two from now (a zone where it is midday).
    const now = new Date();
    const offset = 12 - now.getUTCHours();
    const timeZone = offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
    const close = new Date(Math.ceil((now.getTime() + 60_000) / 60_000) * 60_000);
    const endOfBusinessDay = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(close);
    const calendar = await admin().put('/api/v1/calendar', { timeZone, endOfBusinessDay, extraHolidays: [], extraWorkdays: [] });
    expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);

    // Today is a holiday and tomorrow a working day (version 1): one business day from yesterday is tomorrow.
    const today = localDate(now, timeZone);
    const tomorrow = addLocalDays(today, 1);
    const years = [...new Set([today.slice(0, 4), tomorrow.slice(0, 4)])].map(Number);
    // A schedule has at least one holiday period: a day far from these two, besides the ones under test.
    const filler = (year: number) => [`${year}-07-01`, `${year}-07-02`, `${year}-07-03`].find((d) => d !== today && d !== tomorrow)!;
    const schedule = (holidays: string[], workdays: string[]) => (year: number) => ({
      holidays: [...holidays.filter((d) => d.startsWith(String(year))), filler(year)].sort().map((d) => ({ name: '测试假期', from: d, to: d })),
      workdays: workdays.filter((d) => d.startsWith(String(year)) && isWeekend(d)),
    });
    for (const year of years) await importYear(year, schedule([today], [tomorrow])(year));
    await setPolicy(stack, { ...secondsPolicy(), firstResponse: bd(5), resolution: { general: bd(1), major: bd(5), urgent: bd(5) }, customerFeedback: bd(5), transferInvestigation: bd(5), appealDecision: bd(5), maxPause: bd(5), breachWindow: bd(20) });
    const yesterday = new Date(now.getTime() - 86_400_000).toISOString();
    const complaint = await intake(stack, { receivedAt: yesterday });
    const oldDeadline = complaint.clocks.resolution.deadline;
    expect(localDate(new Date(oldDeadline), timeZone)).toBe(tomorrow);

    // Version 2: today is a working day after all (a make-up day if it falls on a weekend).
    for (const year of years) await importYear(year, schedule([], [today])(year));
    const moved = await eventually(async () => {
      const c = await getComplaint(stack!, complaint.id);
      return c.clocks.resolution.deadline !== oldDeadline ? c : undefined;
    }, 'the deadline brought forward to today');
    const newDeadline = moved.clocks.resolution.deadline;
    expect(newDeadline).toBe(close.toISOString());

    const breached = await eventually(async () => {
      const rows = await auditRows(stack!, complaint.id);
      return rows.find((e) => e.action === 'complaint.clock_breached');
    }, 'the breach at the new deadline', 180_000);
    expect(breached.after).toMatchObject({ clock: 'resolution' });
    const [breach] = await stack.query<{ at: Date }>(`select at from audit_events where entity_id = $1 and action = 'complaint.clock_breached'`, [complaint.id]);
    expect(breach!.at.toISOString()).toBe(newDeadline);
    expect(Date.parse(newDeadline)).toBeLessThan(Date.parse(oldDeadline));
    const moves = (await auditRows(stack, complaint.id)).filter((e) => e.action === 'complaint.deadline_moved');
    expect(moves.map((m) => [m.before.deadline, m.after.deadline])).toContainEqual([oldDeadline, newDeadline]);
    await saveReplayFixture(stack.temporal, complaintWorkflowId(complaint.id), 'complaint-calendar-brought-forward-breached');
  }, 300_000);
});
