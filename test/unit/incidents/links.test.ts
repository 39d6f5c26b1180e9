import { describe, expect, it } from 'vitest';
import { defaultIncidentPolicy } from '../../../domain/incidents/policy.js';
import { incidentRecord, incidentView, keepLinksInTable, linkedCount, linkSignalled, newIncidentState } from '../../../domain/incidents/process.js';
import { startStep } from '../../../domain/incidents/steps.js';
import { incidentComplaintsKept, type IncidentInput, type IncidentState } from '../../../domain/incidents/types.js';

/** An incident's links live in incident_complaints: its state keeps the count and the first ones (docs/incidents.md). */
const t0 = Date.parse('2026-03-02T01:00:00Z');
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

function incident(spike: string[]): { input: IncidentInput; state: IncidentState } {
  const input: IncidentInput = {
    id: 'i-1',
    trigger: { dimension: 'channel', value: 'app', windowFrom: new Date(t0 - 86_400_000).toISOString(), windowTo: new Date(t0).toISOString(), count: spike.length, baseline: 1, threshold: 5 },
    complaintIds: spike,
    raisedAt: new Date(t0).toISOString(),
    policy: defaultIncidentPolicy,
    policyVersion: 1,
  };
  return { input, state: newIncidentState(input, startStep('owner', t0, t0 + 3_600_000, t0 + 7_200_000, 0.6)) };
}

describe('linked complaints of an incident', () => {
  it('a state that kept every link is cut to the first ones, its count the list’s length', () => {
    const { state } = incident(ids('s', 50));
    expect(state.complaintCount).toBeUndefined();
    expect(linkedCount(state)).toBe(50);
    keepLinksInTable(state);
    expect(state.complaintCount).toBe(50);
    expect(state.complaints.map((c) => c.id)).toEqual(ids('s', 50).slice(0, incidentComplaintsKept));
    keepLinksInTable(state); // again: nothing changes
    expect(state.complaintCount).toBe(50);
    expect(state.complaints.length).toBe(incidentComplaintsKept);
  });

  it('a step links the signalled ids once each, less those the state knows; the state keeps only the first', () => {
    const { state } = incident(ids('s', 5));
    keepLinksInTable(state);
    const step = linkSignalled(
      state,
      [
        { ids: [...ids('w', 30), 'w-3', 's-1'], at: '2026-03-02T02:00:00.000Z' },
        { ids: ['w-4', 'x-1'], at: '2026-03-02T02:05:00.000Z' },
      ],
      t0 + 3_600_000,
    );
    expect(step.links.map((l) => l.complaintId)).toEqual([...ids('w', 30), 'x-1']);
    expect(step.links.at(-1)).toEqual({ complaintId: 'x-1', at: '2026-03-02T02:05:00.000Z' });
    expect(state.complaintCount).toBe(36);
    expect(state.complaints.length).toBe(incidentComplaintsKept);
    expect(state.complaints.slice(5).every((c) => c.via === 'watch')).toBe(true);
    expect(step.audit).toEqual([expect.objectContaining({ action: 'incident.complaints_linked', before: { complaints: 5 }, after: { added: step.links.map((l) => l.complaintId), complaints: 36 } })]);
    expect(linkSignalled(state, [{ ids: ['s-0', 'w-0'], at: '2026-03-02T02:10:00.000Z' }], t0)).toEqual({ audit: [], links: [] });
  });

  it('the view and the projection row hold the count and at most the first links, whatever the state kept', () => {
    const { input, state } = incident(ids('s', 3000));
    const view = incidentView(input, state);
    expect(view.complaintCount).toBe(3000);
    expect(view.complaints.length).toBe(incidentComplaintsKept);
    expect(incidentRecord(input, 'incident-i-1', view).complaintCount).toBe(3000);
    keepLinksInTable(state);
    state.complaintCount = 23_598;
    expect(incidentView(input, state)).toMatchObject({ complaintCount: 23_598 });
    expect(JSON.stringify(state).length).toBeLessThan(4_000);
  });
});
