import { expect } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import type { GateStage } from '../../domain/gates/stages.js';
import { defaultReviewPolicy, type ReviewPolicy } from '../../domain/policies.js';
import { people } from './people.js';
import type { StackLike } from './stack.js';

/** Complete, valid deliverables for each gate stage (docs/http-contract.md "Resources"). */
const check = { functionalCompleteness: true, stability: true, compatibility: true, notes: 'all green' };
export const deliverables = {
  research: {
    methods: ['questionnaire', 'interview'],
    segments: ['young professionals', 'retirees'],
    findings: { needs: ['instant virtual card'], painPoints: ['paper forms'], expectations: ['approval in minutes'] },
    attachments: [{ uri: 'https://docs.example/research.pdf', sha256: 'ab'.repeat(32) }],
  },
  design: {
    functionalDesign: 'Issue a virtual card at onboarding',
    interfaceDesign: 'Three screens, large type',
    processDesign: 'KYC → limit → card',
    uxObjectives: ['onboarding under 5 minutes'],
  },
  prototype_testing: {
    internalTest: { business: check, technology: check, qa: check },
    userTest: { participants: 12, usability: 86, functionality: 88, satisfaction: 90, findings: ['font too small on step 2'] },
    optimisations: ['larger font on step 2'],
  },
  launch_assessment: {
    scores: { function: 92, performance: 85, security: 95, userExperience: 88 },
    report: 'Ready for launch',
    goLivePlan: 'Pilot in two branches, then nationwide',
  },
} satisfies Record<GateStage, unknown>;

export const standardRoster = [
  { userId: 'gm', name: 'Grace GM', department: 'executive', chair: true },
  { userId: 'm1', name: 'Mina Risk', department: 'risk', chair: false },
  { userId: 'm2', name: 'Milo Tech', department: 'technology', chair: false },
  { userId: 'm3', name: 'Mei Compliance', department: 'compliance', chair: false },
  { userId: 'm4', name: 'Max Cards', department: 'retail-cards', chair: false },
];

export function gates(stack: StackLike) {
  const api = {
    async roster(members = standardRoster) {
      const res = await stack.as(people.admin).put('/api/v1/committee', { members });
      expect(res.status).toBe(200);
    },
    /** Second-based review policy (snapshotted at each submission). */
    async policy(over: Partial<ReviewPolicy> = {}) {
      const body = { ...defaultReviewPolicy, reviewDeadline: { amount: 600, unit: 'second' }, postLaunch: { window: { amount: 600, unit: 'second' }, complaintThreshold: 10 }, ...over };
      const res = await stack.as(people.admin).put('/api/v1/policies/review', body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
    async create(who: Principal = people.owner, over: Record<string, unknown> = {}): Promise<string> {
      const res = await stack.as(who).post('/api/v1/initiatives', {
        name: 'Instant virtual card',
        businessLine: 'banking',
        description: 'A virtual debit card issued at onboarding',
        team: 'retail-cards',
        ...over,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    },
    get: (id: string, who: Principal = people.owner) => stack.as(who).get(`/api/v1/initiatives/${id}`),
    submit: (id: string, stage: GateStage, body: unknown = deliverables[stage], who: Principal = people.owner) =>
      stack.as(who).post(`/api/v1/initiatives/${id}/submissions`, { stage, deliverables: body }),
    vote: (who: Principal, id: string, decision: string, comment = '') => stack.as(who).post(`/api/v1/initiatives/${id}/review/votes`, { decision, comment }),
    signOff: (id: string, decision: string, comment = '', extra: Record<string, unknown> = {}, who: Principal = people.chair) =>
      stack.as(who).post(`/api/v1/initiatives/${id}/review/signoff`, { decision, comment, ...extra }),
    /** Submit, two approvals (quorum 2 of 4 eligible), the chair's sign-off. */
    async passGate(id: string, stage: GateStage, body: unknown = deliverables[stage]) {
      const submitted = await api.submit(id, stage, body);
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
      expect((await api.vote(people.m1, id, 'approve', 'fine')).status).toBe(200);
      expect((await api.vote(people.m2, id, 'approve')).status).toBe(200);
      const signed = await api.signOff(id, 'approve', 'approved');
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      return signed.body;
    },
    audit: (id: string) =>
      stack.query<{ seq: number; actor: string; action: string; before: any; after: any; reason: string | null; hash: string; prev_hash: string | null }>(
        "select seq, actor, action, before, after, reason, hash, prev_hash from audit_events where entity_type = 'initiative' and entity_id = $1 order by seq",
        [id],
      ),
    notifications: (id: string, topic?: string) =>
      stack.query<{ recipient: string; topic: string; message: string }>(
        `select recipient, topic, message from notifications where entity_type = 'initiative' and entity_id = $1 ${topic ? 'and topic = $2' : ''} order by id`,
        topic ? [id, topic] : [id],
      ),
  };
  return api;
}

/**
 * An initiative as the API serves it, less what the API derives at answer time (whether a review's
 * deadline is provisional): what the projection holds, to compare with the workflow's own view.
 */
export function projectedInitiative<T extends { review?: unknown; reviews?: unknown[] }>(served: T): T {
  const plain = (r: unknown) => {
    if (!r || typeof r !== 'object') return r;
    const { provisional: _derived, ...rest } = r as Record<string, unknown>;
    return rest;
  };
  return { ...served, review: plain(served.review), reviews: served.reviews?.map(plain) };
}
