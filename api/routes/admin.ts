import { readPolicy, readRoster, writePolicy, writeRoster, type PolicyKind } from '../../db/settings.js';
import type { ApiRouter } from '../router.js';
import type { ZodType } from 'zod';
import { CommitteeSchema, DepartmentNamesSchema, ErasurePolicySchema, ImprovementPolicySchema, FollowUpPolicySchema, FeedbackPolicySchema, IncidentPolicySchema, MeetingPolicySchema, ReviewPolicySchema, RootCausePolicySchema, SlaPolicySchema } from '../schemas/admin.js';
import type { AppDeps } from '../deps.js';
import type { Role } from '../auth/roles.js';

/**
 * Administration: committee roster, review, SLA, root-cause and incident policies (the
 * business calendar: routes/calendar.ts; the KPI targets, which change only by approval: routes/targets.ts).
 */
export function adminRoutes(api: ApiRouter, { db }: AppDeps): void {
  api.add({
    method: 'get',
    path: '/committee',
    summary: 'The UX Management Committee roster',
    tags: ['Administration'],
    roles: ['admin', 'compliance_auditor', 'product_owner', 'supervisor'],
    responses: { 200: { description: 'The roster', schema: CommitteeSchema } },
    handler: async () => ({ status: 200, body: { members: await readRoster(db) } }),
  });
  api.add({
    method: 'put',
    path: '/committee',
    summary: 'Replace the committee roster (exactly one chair); running reviews keep their snapshot',
    tags: ['Administration'],
    roles: ['admin'],
    body: CommitteeSchema,
    responses: { 200: { description: 'The new roster', schema: CommitteeSchema } },
    handler: async ({ body, principal }) => ({ status: 200, body: { members: await writeRoster(db, body.members, principal) } }),
  });

  const readers: Role[] = ['admin', 'compliance_auditor', 'supervisor', 'product_owner', 'cs_agent', 'business_handler'];
  /** `readers: 'anyone'`: read by every signed-in user (the committee's members label their reports with it). */
  const policyRoutes: { kind: PolicyKind; path: string; schema: ZodType; name: string; readers?: 'anyone' }[] = [
    { kind: 'review', path: '/policies/review', schema: ReviewPolicySchema, name: 'gate review policy' },
    { kind: 'sla', path: '/policies/sla', schema: SlaPolicySchema, name: 'complaint SLA policy' },
    { kind: 'rootCauses', path: '/policies/root-causes', schema: RootCausePolicySchema, name: 'root-cause taxonomy', readers: 'anyone' },
    { kind: 'incidents', path: '/policies/incidents', schema: IncidentPolicySchema, name: 'incident policy (spike thresholds, step deadlines)' },
    { kind: 'improvements', path: '/policies/improvements', schema: ImprovementPolicySchema, name: 'improvement action policy (reminders, escalation, effectiveness check)' },
    { kind: 'followUps', path: '/policies/follow-ups', schema: FollowUpPolicySchema, name: 'detractor follow-up policy (deadline and reminder)' },
    { kind: 'feedback', path: '/policies/feedback', schema: FeedbackPolicySchema, name: 'feedback policy (an inquiry’s first-response target)' },
    { kind: 'erasure', path: '/policies/erasure', schema: ErasurePolicySchema, name: 'personal-data retention and erasure policy' },
    { kind: 'meetings', path: '/policies/meetings', schema: MeetingPolicySchema, name: 'committee meeting policy (minutes reminder and escalation)' },
    { kind: 'departments', path: '/departments', schema: DepartmentNamesSchema, name: 'departments’ display names (Chinese and English)' },
  ];
  for (const { kind, path, schema, name, readers: who } of policyRoutes) {
    api.add({
      method: 'get',
      path,
      summary: `The current ${name}`,
      tags: ['Administration'],
      ...(who === 'anyone' ? {} : { roles: readers }),
      responses: { 200: { description: `The ${name}`, schema } },
      handler: async ({ res }) => {
        const { value, version } = await readPolicy(db, kind);
        res.setHeader('ETag', `"${kind}-${version}"`);
        return { status: 200, body: value };
      },
    });
    api.add({
      method: 'put',
      path,
      summary: `Replace the ${name}; processes already running keep the one they started with`,
      tags: ['Administration'],
      roles: ['admin'],
      body: schema,
      responses: { 200: { description: `The new ${name}`, schema } },
      handler: async ({ body, principal, res }) => {
        const { value, version } = await writePolicy(db, kind, body as never, principal);
        res.setHeader('ETag', `"${kind}-${version}"`);
        return { status: 200, body: value };
      },
    });
  }
}
