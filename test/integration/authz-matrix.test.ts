import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth/roles.js';
import { command, intake, intakeBody, secondsPolicy, setPolicy } from '../support/complaints.js';
import { deliverables, gates, standardRoster } from '../support/gates.js';
import { people } from '../support/people.js';
import { startStack, type HttpAnswer, type Stack } from '../support/stack.js';

/**
 * The authorization matrix (quality.md "Security": every endpoint × every role). The expected
 * answers are written out below as a table, not derived from the route code; the endpoints are
 * enumerated from the served OpenAPI document, so an endpoint without a row fails this file.
 *
 * - allow: the call passes authorization and reaches the real handler on a realistic fixture: the
 *   row's `ok` status (2xx, or a state/validation 400/404/409 — never 401/403).
 * - deny: 403 problem document.
 * Allowed callers of a state-changing endpoint each get a fresh fixture; denied callers share one
 * and go first, so a wrongly allowed call shows up as a non-403 and changes nothing later rows see.
 *
 * (This builds on, and replaces, the gate endpoints' table that was in initiatives.test.ts.)
 */
let stack: Stack;
let g: ReturnType<typeof gates>;
beforeAll(async () => {
  stack = await startStack();
  g = gates(stack);
  await g.roster();
  await g.policy();
  await setPolicy(stack, secondsPolicy());
});
afterAll(async () => stack?.stop());

// ── the cast: one column per role, plus committee membership (data, not a role) ────────────────
const cast = {
  /** pat, team retail-cards: creates and submits the fixture initiatives */
  po: people.owner,
  /** cai: the first responder (owner) of every fixture complaint */
  agent: people.agent,
  /** cora: an agent who does not own the fixture complaints */
  agent2: people.agent2,
  /** hal, cards-ops: no fixture complaint is transferred to that department */
  handler: people.handler,
  /** sue: the fixture complaints are at escalation level 0 unless said otherwise */
  sup: people.supervisor,
  aud: people.auditor,
  admin: people.admin,
  /** a valid token with no roles at all */
  none: people.nobody,
  /** m1: committee member (data), no role */
  member: people.m1,
  /** gm: committee chair (data), no role — so this column shows what the chair's seat alone allows */
  chair: { userId: 'gm', name: 'Grace GM', roles: [], department: 'executive' },
} satisfies Record<string, Principal>;
type Who = keyof typeof cast;
const columns = Object.keys(cast) as Who[];

const A = 'allow' as const;
const D = 'deny' as const;
type Cell = typeof A | typeof D;

// prettier-ignore
const matrix = {
  //                                                           po  agent agent2 handler sup aud admin none member chair
  'GET /api/v1/committee':                                    [A,  D,    D,     D,      A,  A,  A,    D,   D,     D],
  'PUT /api/v1/committee':                                    [D,  D,    D,     D,      D,  D,  A,    D,   D,     D],
  'GET /api/v1/policies/review':                              [A,  A,    A,     A,      A,  A,  A,    D,   D,     D],
  'PUT /api/v1/policies/review':                              [D,  D,    D,     D,      D,  D,  A,    D,   D,     D],
  'GET /api/v1/policies/sla':                                 [A,  A,    A,     A,      A,  A,  A,    D,   D,     D],
  'PUT /api/v1/policies/sla':                                 [D,  D,    D,     D,      D,  D,  A,    D,   D,     D],
  'GET /api/v1/calendar':                                     [A,  A,    A,     A,      A,  A,  A,    D,   D,     D],
  'PUT /api/v1/calendar':                                     [D,  D,    D,     D,      D,  D,  A,    D,   D,     D],
  'GET /api/v1/tasks':                                        [A,  A,    A,     A,      A,  A,  A,    A,   A,     A],
  'POST /api/v1/initiatives':                                 [A,  D,    D,     D,      D,  D,  D,    D,   D,     D],
  'GET /api/v1/initiatives':                                  [A,  D,    D,     D,      A,  A,  A,    D,   A,     A],
  'GET /api/v1/initiatives/{id}':                             [A,  D,    D,     D,      A,  A,  A,    D,   A,     A],
  'POST /api/v1/initiatives/{id}/submissions':                [A,  D,    D,     D,      D,  D,  D,    D,   D,     D],
  'POST /api/v1/initiatives/{id}/review/votes':               [D,  D,    D,     D,      D,  D,  D,    D,   A,     A],
  'POST /api/v1/initiatives/{id}/review/signoff':             [D,  D,    D,     D,      D,  D,  D,    D,   D,     A],
  'POST /api/v1/initiatives/{id}/review/extend':              [D,  D,    D,     D,      D,  D,  D,    D,   D,     A],
  'POST /api/v1/initiatives/{id}/withdraw':                   [A,  D,    D,     D,      D,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints':                                  [D,  A,    A,     D,      D,  D,  D,    D,   D,     D],
  'GET /api/v1/complaints':                                   [D,  A,    A,     A,      A,  A,  A,    D,   D,     D],
  'GET /api/v1/complaints/{id}':                              [D,  A,    A,     D,      A,  A,  A,    D,   D,     D],
  'PUT /api/v1/complaints/{id}/customer':                     [D,  A,    D,     D,      A,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints/{id}/responses':                   [D,  A,    D,     D,      D,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints/{id}/transfer':                    [D,  A,    D,     D,      D,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints/{id}/resolution':                  [D,  A,    D,     D,      D,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints/{id}/resolution/approval':         [D,  D,    D,     D,      A,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints/{id}/signoff':                     [D,  D,    D,     D,      D,  D,  D,    D,   D,     A],
  'POST /api/v1/complaints/{id}/customer-feedback':           [D,  A,    D,     D,      D,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints/{id}/appeal':                      [D,  A,    D,     D,      D,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints/{id}/appeal/decision':             [D,  D,    D,     D,      A,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints/{id}/pause':                       [D,  A,    D,     D,      D,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints/{id}/resume':                      [D,  A,    D,     D,      D,  D,  D,    D,   D,     D],
  'POST /api/v1/complaints/{id}/escalate':                    [D,  A,    D,     D,      D,  D,  D,    D,   D,     D],
  'GET /api/v1/audit/events':                                 [D,  D,    D,     D,      D,  A,  A,    D,   D,     D],
  'GET /api/v1/audit/verify':                                 [D,  D,    D,     D,      D,  A,  A,    D,   D,     D],
  'GET /api/v1/audit/{entityType}/{entityId}/export':         [D,  D,    D,     D,      D,  A,  A,    D,   D,     D],
} satisfies Record<string, Cell[]>;
// Notes on cells decided by data rather than role (docs/gates.md, docs/complaints.md):
// - handler × GET /complaints/{id}: a business handler reads complaints transferred to their own
//   department only; the list answers 200 with those (none here).
// - sup × complaint owner commands: a supervisor acts as owner only once the complaint has
//   escalated (level ≥ 1); the fixtures are at level 0. agent2 is never the owner.
// - po × votes: the submitter is not on the committee (and would be recused if they were).
// - member/chair × GET /initiatives: committee members read initiatives whatever their roles.
type Endpoint = keyof typeof matrix;

// ── fixtures: the state each endpoint is called in ─────────────────────────────────────────────
const fixtures = {
  none: async () => '',
  /** an initiative at research, in progress (nothing submitted) */
  initiative: () => g.create(),
  /** an initiative in review: research submitted by pat; gm, m1, m2, m3 eligible, m4 recused */
  inReview: async () => {
    const id = await g.create();
    expect((await g.submit(id, 'research')).status).toBe(201);
    return id;
  },
  /** in review with quorum met (m2 and m3 approve): the chair can sign off */
  quorum: async () => {
    const id = await fixtures.inReview();
    for (const m of [people.m2, people.m3]) expect((await g.vote(m, id, 'approve', 'fine')).status).toBe(200);
    return id;
  },
  /** a complaint taken by cai: open, level 0 */
  open: async () => (await intake(stack)).id as string,
  paused: async () => {
    const id = await fixtures.open();
    await command(stack, people.agent, id, '/pause', { reason: 'waiting for the customer’s statement' });
    return id;
  },
  awaitingApproval: async () => {
    const id = await fixtures.open();
    await command(stack, people.agent, id, '/resolution', { summary: 'Refund', remedy: 'refund', compensation: { amount: 1500, currency: 'CNY' } });
    return id;
  },
  resolved: async () => {
    const id = await fixtures.open();
    await command(stack, people.agent, id, '/resolution', { summary: 'Card unblocked', remedy: 'apology' });
    return id;
  },
  reopened: async () => {
    const id = await fixtures.resolved();
    await command(stack, people.agent, id, '/customer-feedback', { satisfied: false, via: 'callback', comment: 'still unhappy' });
    return id;
  },
  inAppeal: async () => {
    const id = await fixtures.reopened();
    await command(stack, people.agent, id, '/appeal', { reason: 'asks for reconsideration' });
    return id;
  },
  /** escalated to the committee chair (gm), resolved and confirmed: waits for the chair's sign-off */
  committeeLevel: async () => {
    const id = await fixtures.open();
    for (let i = 0; i < 3; i++) await command(stack, people.agent, id, '/escalate', { reason: `step ${i + 1}` });
    await command(stack, people.agent, id, '/resolution', { summary: 'Refund', remedy: 'refund' });
    await command(stack, people.agent, id, '/customer-feedback', { satisfied: true, via: 'callback', comment: 'fine' });
    return id;
  },
};
type Fixture = keyof typeof fixtures;

interface Call {
  fixture: Fixture;
  /** status an allowed caller gets on a fresh fixture */
  ok: number;
  call: (who: Principal, id: string) => Promise<HttpAnswer>;
}
const as = (who: Principal) => stack.as(who);
const current = async (path: string) => (await as(people.admin).get(path)).body;
const complaintCommand = (path: string, body: unknown, fixture: Fixture): Call => ({
  fixture,
  ok: 200,
  call: (who, id) => as(who).post(`/api/v1/complaints/${id}${path}`, body),
});

const calls: Record<Endpoint, Call> = {
  'GET /api/v1/committee': { fixture: 'none', ok: 200, call: (w) => as(w).get('/api/v1/committee') },
  'PUT /api/v1/committee': { fixture: 'none', ok: 200, call: (w) => as(w).put('/api/v1/committee', { members: standardRoster }) },
  'GET /api/v1/policies/review': { fixture: 'none', ok: 200, call: (w) => as(w).get('/api/v1/policies/review') },
  'PUT /api/v1/policies/review': { fixture: 'none', ok: 200, call: async (w) => as(w).put('/api/v1/policies/review', await current('/api/v1/policies/review')) },
  'GET /api/v1/policies/sla': { fixture: 'none', ok: 200, call: (w) => as(w).get('/api/v1/policies/sla') },
  'PUT /api/v1/policies/sla': { fixture: 'none', ok: 200, call: async (w) => as(w).put('/api/v1/policies/sla', await current('/api/v1/policies/sla')) },
  'GET /api/v1/calendar': { fixture: 'none', ok: 200, call: (w) => as(w).get('/api/v1/calendar') },
  'PUT /api/v1/calendar': { fixture: 'none', ok: 200, call: async (w) => as(w).put('/api/v1/calendar', await current('/api/v1/calendar')) },
  'GET /api/v1/tasks': { fixture: 'none', ok: 200, call: (w) => as(w).get('/api/v1/tasks') },

  'POST /api/v1/initiatives': {
    fixture: 'none',
    ok: 201,
    call: (w) => as(w).post('/api/v1/initiatives', { name: 'Matrix card', businessLine: 'banking', description: 'd', team: 'retail-cards' }),
  },
  'GET /api/v1/initiatives': { fixture: 'none', ok: 200, call: (w) => as(w).get('/api/v1/initiatives') },
  'GET /api/v1/initiatives/{id}': { fixture: 'inReview', ok: 200, call: (w, id) => as(w).get(`/api/v1/initiatives/${id}`) },
  'POST /api/v1/initiatives/{id}/submissions': {
    fixture: 'initiative',
    ok: 201,
    call: (w, id) => as(w).post(`/api/v1/initiatives/${id}/submissions`, { stage: 'research', deliverables: deliverables.research }),
  },
  'POST /api/v1/initiatives/{id}/review/votes': {
    fixture: 'inReview',
    ok: 200,
    call: (w, id) => as(w).post(`/api/v1/initiatives/${id}/review/votes`, { decision: 'approve', comment: 'ok' }),
  },
  'POST /api/v1/initiatives/{id}/review/signoff': {
    fixture: 'quorum',
    ok: 200,
    call: (w, id) => as(w).post(`/api/v1/initiatives/${id}/review/signoff`, { decision: 'approve', comment: 'approved' }),
  },
  // The review has not escalated: the chair gets past authorization and meets the state (409).
  'POST /api/v1/initiatives/{id}/review/extend': {
    fixture: 'inReview',
    ok: 409,
    call: (w, id) => as(w).post(`/api/v1/initiatives/${id}/review/extend`, { until: { amount: 60, unit: 'second' }, reason: 'more time' }),
  },
  'POST /api/v1/initiatives/{id}/withdraw': { fixture: 'inReview', ok: 200, call: (w, id) => as(w).post(`/api/v1/initiatives/${id}/withdraw`, { reason: 'market changed' }) },

  'POST /api/v1/complaints': { fixture: 'none', ok: 201, call: (w) => as(w).post('/api/v1/complaints', intakeBody()) },
  'GET /api/v1/complaints': { fixture: 'none', ok: 200, call: (w) => as(w).get('/api/v1/complaints') },
  'GET /api/v1/complaints/{id}': { fixture: 'open', ok: 200, call: (w, id) => as(w).get(`/api/v1/complaints/${id}`) },
  'PUT /api/v1/complaints/{id}/customer': {
    fixture: 'open',
    ok: 200,
    call: (w, id) => as(w).put(`/api/v1/complaints/${id}/customer`, { phone: '13900000000', reason: 'new number' }),
  },
  'POST /api/v1/complaints/{id}/responses': complaintCommand('/responses', { message: 'We are on it', channel: 'hotline' }, 'open'),
  'POST /api/v1/complaints/{id}/transfer': complaintCommand('/transfer', { department: 'cards-ops', reason: 'needs the card team' }, 'open'),
  'POST /api/v1/complaints/{id}/resolution': complaintCommand('/resolution', { summary: 'Card unblocked', remedy: 'apology' }, 'open'),
  'POST /api/v1/complaints/{id}/resolution/approval': complaintCommand('/resolution/approval', { approved: true, comment: 'justified' }, 'awaitingApproval'),
  'POST /api/v1/complaints/{id}/signoff': complaintCommand('/signoff', { comment: 'handled properly' }, 'committeeLevel'),
  'POST /api/v1/complaints/{id}/customer-feedback': complaintCommand('/customer-feedback', { satisfied: true, via: 'callback', comment: 'thanks' }, 'resolved'),
  'POST /api/v1/complaints/{id}/appeal': complaintCommand('/appeal', { reason: 'asks for reconsideration' }, 'reopened'),
  'POST /api/v1/complaints/{id}/appeal/decision': complaintCommand('/appeal/decision', { upheld: false, decision: 'the resolution stands' }, 'inAppeal'),
  'POST /api/v1/complaints/{id}/pause': complaintCommand('/pause', { reason: 'waiting for documents' }, 'open'),
  'POST /api/v1/complaints/{id}/resume': complaintCommand('/resume', { reason: 'documents received' }, 'paused'),
  'POST /api/v1/complaints/{id}/escalate': complaintCommand('/escalate', { reason: 'customer asks for a manager' }, 'open'),

  'GET /api/v1/audit/events': { fixture: 'none', ok: 200, call: (w) => as(w).get('/api/v1/audit/events?limit=5') },
  'GET /api/v1/audit/verify': { fixture: 'open', ok: 200, call: (w, id) => as(w).get(`/api/v1/audit/verify?entityType=complaint&entityId=${id}`) },
  'GET /api/v1/audit/{entityType}/{entityId}/export': { fixture: 'open', ok: 200, call: (w, id) => as(w).get(`/api/v1/audit/complaint/${id}/export`) },
};

/** `METHOD /path` of every operation the served OpenAPI document lists. */
async function servedEndpoints(): Promise<string[]> {
  const doc = (await stack.anonymous.get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'put', 'post', 'delete', 'patch'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

const isProblem = (res: HttpAnswer, status: number) =>
  (res.headers.get('content-type') ?? '').includes('application/problem+json') && res.body?.status === status && typeof res.body?.title === 'string' && typeof res.body?.type === 'string';

/** Runs one row: denied callers on a shared fixture first, then each allowed caller on a fresh one. */
async function runRow(endpoint: Endpoint): Promise<string[]> {
  const { fixture, ok, call } = calls[endpoint];
  const cells = matrix[endpoint];
  const mismatches: string[] = [];
  const denied = columns.filter((_, i) => cells[i] === D);
  const allowed = columns.filter((_, i) => cells[i] === A);
  const shared = await fixtures[fixture]();
  for (const who of denied) {
    const res = await call(cast[who], shared);
    if (res.status !== 403 || !isProblem(res, 403)) mismatches.push(`${endpoint} as ${who}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}, expected deny (403 problem)`);
  }
  const stateChanging = !endpoint.startsWith('GET ');
  for (const who of allowed) {
    const id = stateChanging ? await fixtures[fixture]() : shared;
    const res = await call(cast[who], id);
    if (res.status !== ok) mismatches.push(`${endpoint} as ${who}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}, expected allow (${ok})`);
  }
  return mismatches;
}

async function inPool<T, R>(items: T[], size: number, run: (t: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await run(items[i]!);
      }
    }),
  );
  return results;
}

describe('authorization matrix: every endpoint × every role', () => {
  it('has a row for every endpoint the OpenAPI document lists, and none for endpoints no longer served', async () => {
    const served = await servedEndpoints();
    const rows = Object.keys(matrix);
    expect(served.filter((e) => !rows.includes(e)), 'endpoints without a matrix row').toEqual([]);
    expect(rows.filter((r) => !served.includes(r)), 'matrix rows for endpoints not served').toEqual([]);
    // the table itself: an allowed status is a success or a state/validation refusal, never 401/403
    for (const [endpoint, { ok }] of Object.entries(calls)) expect([200, 201, 204, 400, 404, 409], endpoint).toContain(ok);
  });

  it('allows and denies exactly as the table says', async () => {
    const mismatches = (await inPool(Object.keys(matrix) as Endpoint[], 3, runRow)).flat();
    expect(mismatches).toEqual([]);
  });

  it('answers 401 to every endpoint without a token', async () => {
    const wrong: string[] = [];
    for (const endpoint of Object.keys(matrix) as Endpoint[]) {
      const [method, path] = endpoint.split(' ') as [string, string];
      const concrete = path.replace('{entityType}', 'complaint').replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await stack.anonymous.raw(concrete, { method, headers: { 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { body: '{}' }) });
      if (res.status !== 401 || !isProblem(res, 401)) wrong.push(`${endpoint}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

// ── separation of duties (quality.md "Security") ───────────────────────────────────────────────
// Already covered elsewhere, not repeated here: a committee member who submitted is recused and
// their vote is 403, and a chair who submitted may not sign off (initiatives.test.ts "who may
// vote", "sign-off rules"); the same rules as pure functions (test/unit/gates, test/unit/complaints/access).
describe('separation of duties', () => {
  it('a chair who submitted the initiative may not vote on it either (recused), nor sign it off', async () => {
    const chairAsOwner = { ...people.chair, roles: ['product_owner'], department: 'retail-cards' };
    const id = await g.create(chairAsOwner);
    expect((await g.submit(id, 'research', deliverables.research, chairAsOwner)).status).toBe(201);
    const vote = await g.vote(chairAsOwner, id, 'approve', 'mine is great');
    expect(vote.status).toBe(403);
    expect(vote.body.detail).toContain('recused');
    await g.vote(people.m1, id, 'approve');
    await g.vote(people.m2, id, 'approve');
    const signed = await g.signOff(id, 'approve', '', {}, chairAsOwner);
    expect(signed.status).toBe(403);
    expect((await g.get(id)).body.review).toMatchObject({ status: 'open', votes: [expect.objectContaining({ userId: 'm1' }), expect.objectContaining({ userId: 'm2' })] });
  });

  it('a supervisor who proposed a compensation may not approve it; another supervisor may', async () => {
    const c = await intake(stack);
    await command(stack, people.agent, c.id, '/escalate', { reason: 'customer asks for a manager' }); // sue now acts as owner
    const proposed = await command(stack, people.supervisor, c.id, '/resolution', { summary: 'Refund', remedy: 'refund', compensation: { amount: 5000, currency: 'CNY' } });
    expect(proposed.status).toBe('awaiting_approval');
    const own = await stack.as(people.supervisor).post(`/api/v1/complaints/${c.id}/resolution/approval`, { approved: true, comment: 'looks right to me' });
    expect(own.status).toBe(403);
    expect(own.body.detail).toContain('separation of duties');
    const other = { userId: 'sam', name: 'Sam Supervisor', roles: ['supervisor'], department: 'customer-service' };
    const approved = await command(stack, other, c.id, '/resolution/approval', { approved: true, comment: 'justified' });
    expect(approved.resolutions[0]).toMatchObject({ state: 'approved', approval: { by: 'sam' } });
  });

  it('an agent who is also a supervisor may not decide the appeal of their own complaint', async () => {
    const both = { userId: 'cal', name: 'Cal Lead', roles: ['cs_agent', 'supervisor'], department: 'customer-service' };
    const c = await intake(stack, {}, both);
    await command(stack, both, c.id, '/resolution', { summary: 'Card unblocked', remedy: 'apology' });
    await command(stack, both, c.id, '/customer-feedback', { satisfied: false, via: 'callback', comment: 'not enough' });
    await command(stack, both, c.id, '/appeal', { reason: 'asks for reconsideration' });
    const own = await stack.as(both).post(`/api/v1/complaints/${c.id}/appeal/decision`, { upheld: false, decision: 'my resolution stands' });
    expect(own.status).toBe(403);
    expect(own.body.detail).toContain('separation of duties');
    expect((await command(stack, people.supervisor, c.id, '/appeal/decision', { upheld: false, decision: 'the resolution stands' })).status).toBe('closed');
  });

  it('an auditor can change nothing: every state-changing endpoint answers 403 and nothing is written', async () => {
    const writes = (await servedEndpoints()).filter((e) => !e.startsWith('GET ')) as Endpoint[];
    expect(writes.length).toBeGreaterThan(20);
    // the table says so …
    for (const e of writes) expect(matrix[e][columns.indexOf('aud')], e).toBe(D);
    // … and so does the service, on fixtures where the owner's call would succeed
    const ids = new Map<Endpoint, string>();
    for (const e of writes) ids.set(e, await fixtures[calls[e].fixture]());
    const fingerprint = () =>
      stack.query(`select
          (select count(*) from audit_events)::int as events,
          (select coalesce(sum(version), 0) from complaints)::int as complaint_versions,
          (select count(*) from complaints)::int as complaints,
          (select count(*) from initiatives)::int as initiatives,
          (select md5(coalesce(string_agg(complaint_id || name_enc || phone_enc, ',' order by complaint_id), '')) from complaint_customers) as customers,
          (select md5(coalesce(string_agg(user_id || name || department || chair::text, ',' order by user_id), '')) from committee_members) as roster,
          (select coalesce(sum(version), 0) from policies)::int as policy_versions`);
    const before = await fingerprint();
    const answers: string[] = [];
    for (const e of writes) {
      const res = await calls[e].call(people.auditor, ids.get(e)!);
      if (res.status !== 403 || !isProblem(res, 403)) answers.push(`${e}: ${res.status}`);
    }
    expect(answers).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });
});
