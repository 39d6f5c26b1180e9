import type { Actor } from '../../domain/actor.js';
import { draft, notice, type Batch, type NoteDraft } from '../../domain/drafts.js';
import { incidentReference, incidentSummary, linkedCount } from '../../domain/incidents/process.js';
import { incidentAccess, incidentStatusAfter } from '../../domain/incidents/rules.js';
import { meetStep, type StepClock } from '../../domain/incidents/steps.js';
import type { AssignCommand, IncidentCommand, IncidentState, IncidentStatus, IncidentView, PlanCommand, ReviewCommand } from '../../domain/incidents/types.js';
import type { CommandSpec, ProcessCommand } from '../process/command.js';
import { refuse, refuseUnless } from '../process/refuse.js';
import { advanceClocks, clockEventDue, nextClockEventAt, stepFrom } from './clock.js';
import { record, viewOf } from './record.js';
import type { Incident } from './state.js';

/**
 * The incident's commands: one table entry each (validate / prepare / apply), run the same way
 * under the incident's lock. The state table and who may act are domain/incidents/rules.ts; an
 * entry adds only what is particular to it.
 */
type Entry<C, P = undefined> = CommandSpec<IncidentState, C, P, Batch> & { command: IncidentCommand };

/** Turns a table entry into the checks and the locked run its update handler uses. */
function incidentCommand<C extends { actor: Actor }, P>(incident: Incident, entry: Entry<C, P>): ProcessCommand<C, IncidentView> {
  const checks = (c: C) => {
    const state = incident.state;
    const next = incidentStatusAfter(state.status, entry.command);
    if (!next.ok) refuse('conflict', next.reason);
    refuseUnless(incidentAccess(entry.command, c.actor, state.owner));
    entry.validate?.(c, state);
  };
  return {
    check: checks,
    execute: async (c) => {
      checks(c);
      const prepared = entry.prepare ? await entry.prepare(c, incident.state) : (undefined as P);
      const now = Date.now();
      const due = clockEventDue(incident, now) ? await advanceClocks(incident, now) : { audit: [], notes: [] };
      checks(c);
      const before = nextClockEventAt(incident);
      const batch = entry.apply(c, incident.state, now, prepared);
      await record(incident, { audit: [...due.audit, ...batch.audit], notes: [...due.notes, ...batch.notes] });
      if (incident.closed || nextClockEventAt(incident) !== before) incident.clocksChanged = true;
      return viewOf(incident);
    },
  };
}

const statusAfter = (state: IncidentState, command: IncidentCommand): IncidentStatus => {
  const next = incidentStatusAfter(state.status, command);
  if (!next.ok) refuse('conflict', next.reason);
  return next.status;
};

const text = (v: unknown, what: string, max = 10_000) => {
  if (typeof v !== 'string' || v.trim() === '' || v.length > max) refuse('invalid', `${what} must be non-empty text`);
};

export function incidentCommands(incident: Incident) {
  const { input } = incident;
  const ref = () => incidentReference(input);
  /** The step that starts when `step` is done first. */
  const firstTime = (state: IncidentState, step: 'owner' | 'plan') => state.steps[step] !== undefined && state.steps[step]!.metAt === undefined;

  const assign: Entry<AssignCommand, StepClock | null> = {
    command: 'assign',
    validate: (c) => {
      const o = c.owner as Partial<AssignCommand['owner']> | undefined;
      if (!o || typeof o.userId !== 'string' || o.userId === '' || typeof o.name !== 'string' || o.name.trim() === '') refuse('invalid', 'the response owner needs a user id and a name');
    },
    // The first assignment starts the plan step.
    prepare: async (_c, state) => (firstTime(state, 'owner') ? stepFrom(incident, 'plan', Date.now()) : null),
    apply: (c, state, now, planStep) => {
      const before = incidentSummary(state);
      const previous = state.owner;
      state.status = statusAfter(state, 'assign');
      state.owner = { userId: c.owner.userId, name: c.owner.name };
      state.assignments.push({ owner: state.owner, by: c.actor.userId, at: new Date(now).toISOString(), ...(c.note ? { note: c.note } : {}) });
      if (planStep) {
        state.steps.owner = meetStep(state.steps.owner!, now);
        state.steps.plan = planStep;
      }
      const notes: NoteDraft[] = [notice({ kind: 'user', id: state.owner.userId }, 'incident.owner_assigned', `${ref()}: you are the response owner${planStep ? `; the response plan is due by ${new Date(planStep.deadline).toISOString()}` : ''}`, { incidentId: input.id })];
      if (previous && previous.userId !== state.owner.userId) notes.push(notice({ kind: 'user', id: previous.userId }, 'incident.owner_replaced', `${ref()}: ${state.owner.name} is now the response owner`, { incidentId: input.id }));
      return {
        audit: [draft('incident.owner_assigned', c.actor, now, before, { ...incidentSummary(state), owner: state.owner, ...(planStep ? { planDeadline: new Date(planStep.deadline).toISOString() } : {}) }, c.note)],
        notes,
      };
    },
  };

  const plan: Entry<PlanCommand, StepClock | null> = {
    command: 'plan',
    validate: (c) => {
      text(c.summary, 'the plan’s summary');
      if (!Array.isArray(c.actions) || c.actions.length === 0) refuse('invalid', 'a response plan names at least one action');
      c.actions.forEach((a, i) => text(a, `action ${i + 1}`, 2_000));
    },
    // The first plan starts the post-incident review step.
    prepare: async (_c, state) => (firstTime(state, 'plan') ? stepFrom(incident, 'review', Date.now()) : null),
    apply: (c, state, now, reviewStep) => {
      const before = incidentSummary(state);
      state.status = statusAfter(state, 'plan');
      state.plans.push({ summary: c.summary, actions: c.actions, by: c.actor.userId, at: new Date(now).toISOString() });
      if (reviewStep) {
        state.steps.plan = meetStep(state.steps.plan!, now);
        state.steps.review = reviewStep;
      }
      const notes: NoteDraft[] = [notice({ kind: 'role', id: 'supervisor' }, 'incident.plan_submitted', `${ref()}: ${state.plans.length > 1 ? 'the response plan was revised' : 'the response plan is in place'}`, { incidentId: input.id })];
      return {
        audit: [draft(state.plans.length > 1 ? 'incident.plan_revised' : 'incident.plan_submitted', c.actor, now, before, { ...incidentSummary(state), summary: c.summary, actions: c.actions, ...(reviewStep ? { reviewDeadline: new Date(reviewStep.deadline).toISOString() } : {}) })],
        notes,
      };
    },
  };

  const review: Entry<ReviewCommand> = {
    command: 'review',
    validate: (c) => {
      text(c.summary, 'the review’s summary');
      if (!Array.isArray(c.findings) || c.findings.length === 0) refuse('invalid', 'a post-incident review records at least one finding');
      c.findings.forEach((f, i) => {
        text(f?.finding, `finding ${i + 1}`, 2_000);
        text(f?.action, `the action of finding ${i + 1}`, 2_000);
      });
    },
    apply: (c, state, now) => {
      const before = incidentSummary(state);
      state.status = statusAfter(state, 'review');
      state.review = { summary: c.summary, findings: c.findings, by: c.actor.userId, at: new Date(now).toISOString() };
      state.steps.review = meetStep(state.steps.review!, now);
      state.closedAt = new Date(now).toISOString();
      return {
        audit: [draft('incident.closed', c.actor, now, before, { ...incidentSummary(state), summary: c.summary, findings: c.findings, complaints: linkedCount(state) })],
        notes: [
          notice({ kind: 'role', id: 'supervisor' }, 'incident.closed', `${ref()}: the post-incident review is complete (${c.findings.length} finding${c.findings.length === 1 ? '' : 's'})`, { incidentId: input.id }),
          notice({ kind: 'role', id: 'compliance_auditor' }, 'incident.closed', `${ref()}: the post-incident review is complete`, { incidentId: input.id }),
        ],
      };
    },
  };

  return {
    assign: incidentCommand(incident, assign),
    plan: incidentCommand(incident, plan),
    review: incidentCommand(incident, review),
  };
}
