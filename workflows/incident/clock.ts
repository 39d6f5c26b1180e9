import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { Batch } from '../../domain/drafts.js';
import type { IncidentStep } from '../../domain/incidents/policy.js';
import { advanceIncidentClocks, clockBatch } from '../../domain/incidents/process.js';
import { nextEvent, startStep, type StepClock } from '../../domain/incidents/steps.js';
import type { Incident } from './state.js';

/**
 * The incident's deadlines (the rules: domain/incidents/steps.ts): each step's deadline and the
 * escalation window after it come from the business calendar (an activity, recorded in history);
 * then the loop sleeps until the next reminder, breach or climb and applies it, stamped with the
 * instant the rule says.
 */
const { incidentStepDeadlines, committeeChair } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

/** A step starting at `from` (epoch ms), its deadlines computed on the business calendar. */
export async function stepFrom(incident: Incident, step: IncidentStep, from: number): Promise<StepClock> {
  const { policy } = incident.input;
  const { deadline, climbAt } = await incidentStepDeadlines({ from: new Date(from).toISOString(), duration: policy.steps[step], escalationWindow: policy.escalationWindow });
  return startStep(step, from, Date.parse(deadline), Date.parse(climbAt), policy.reminderRatio);
}

function clocks(incident: Incident): StepClock[] {
  return Object.values(incident.state.steps).filter((c): c is StepClock => c !== undefined);
}

/** When the next clock event falls due (null: nothing runs). */
export function nextClockEventAt(incident: Incident): number | null {
  return nextEvent(clocks(incident))?.at ?? null;
}

export function clockEventDue(incident: Incident, now: number): boolean {
  const at = nextClockEventAt(incident);
  return at !== null && at <= now;
}

/** Applies every clock event due at `now`; the chair is looked up when one climbs to the committee. */
export async function advanceClocks(incident: Incident, now: number): Promise<Batch> {
  const events = advanceIncidentClocks(incident.state, now);
  if (events.length === 0) return { audit: [], notes: [] };
  if (events.some((e) => e.kind === 'climb') && incident.state.chairUserId === null) incident.state.chairUserId = await committeeChair();
  return clockBatch(incident.input, incident.state, events);
}
