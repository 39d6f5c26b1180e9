import { apiAs, cast } from '../lib/api.js';
import { runConcurrently, summarize } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';

const research = {
  methods: ['questionnaire'],
  segments: ['retail customers'],
  findings: { needs: ['faster transfers'], painPoints: ['fees'], expectations: ['instant'] },
};

/**
 * 4. Gate review: votes per second across many open reviews, and vote-to-visible latency (the
 * vote command returns → a GET of the initiative shows the vote).
 */
export const votes: Measurement = {
  key: 'votes',
  title: 'gate review votes',
  async run(ctx) {
    const admin = apiAs(ctx.stack, cast.admin);
    const owner = apiAs(ctx.stack, cast.owner);
    if (ctx.repetition === 0) {
      await admin.put('/api/v1/committee', {
        members: [
          { userId: cast.chair.userId, name: cast.chair.name, department: cast.chair.department, chair: true },
          ...cast.members.map((m) => ({ userId: m.userId, name: m.name, department: m.department, chair: false })),
        ],
      });
      const current = await admin.get('/api/v1/policies/review');
      await admin.put('/api/v1/policies/review', { ...current, reviewDeadline: { amount: 86_400, unit: 'second' } });
    }
    const reviews = ctx.quick ? 10 : 80;
    ctx.progress(`opening ${reviews} reviews…`);
    const ids: string[] = [];
    await runConcurrently(Array.from({ length: reviews }), ctx.concurrency, async () => {
      const created = await owner.post('/api/v1/initiatives', { name: 'Bench product', businessLine: 'banking', description: 'bench', team: cast.owner.department });
      await owner.post(`/api/v1/initiatives/${created.id}/submissions`, { stage: 'research', deliverables: research });
      ids.push(created.id);
    });
    const voters = [cast.chair, ...cast.members].map((m) => ({ who: m, api: apiAs(ctx.stack, m) }));
    const ballots = ids.flatMap((id) => voters.map((v) => ({ id, ...v })));
    const visible: number[] = [];
    const started = performance.now();
    const latencies = await runConcurrently(ballots, ctx.concurrency, async (b, i) => {
      await b.api.post(`/api/v1/initiatives/${b.id}/review/votes`, { decision: 'approve', comment: 'ok' });
      // Sample every fifth vote for visibility, so the reads do not dominate the vote rate.
      if (i % 5 !== 0) return;
      const returned = performance.now();
      for (let attempt = 0; attempt < 100; attempt++) {
        const view = await b.api.get(`/api/v1/initiatives/${b.id}`);
        if (view.review?.votes?.some((v: { userId: string }) => v.userId === b.who.userId)) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      visible.push(performance.now() - returned);
    });
    const seconds = (performance.now() - started) / 1000;
    const vis = summarize(visible);
    return { perSecond: ballots.length / seconds, ...summarize(latencies), visibleP50Ms: vis.p50Ms, visibleP99Ms: vis.p99Ms };
  },
};
