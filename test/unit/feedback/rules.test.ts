import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/actor.js';
import { allowedFeedbackCommands, complaintReclassifyRefusal, feedbackAccess, feedbackStatusAfter, onTeam } from '../../../domain/feedback/rules.js';
import { feedbackKinds, feedbackStatuses, type Routing } from '../../../domain/feedback/types.js';

const agent: Actor = { userId: 'cai', name: 'Cai', roles: ['cs_agent'], department: 'customer-service' };
const other: Actor = { userId: 'cora', name: 'Cora', roles: ['cs_agent'], department: 'customer-service' };
const sup: Actor = { userId: 'sue', name: 'Sue', roles: ['supervisor'] };
const hal: Actor = { userId: 'hal', name: 'Hal', roles: ['business_handler'], department: 'cards-ops' };
const pat: Actor = { userId: 'pat', name: 'Pat', roles: ['product_owner'], department: 'retail-cards' };
const routing: Routing = { department: 'cards-ops', initiativeId: 'i1', teamLeadId: 'hed', initiativeOwnerId: 'pat', note: '', by: 'cai', at: '2026-01-01T00:00:00Z' };

describe('the state table of each kind', () => {
  it('takes an inquiry through answer → archive', () => {
    expect(feedbackStatusAfter('inquiry', 'open', 'answer')).toEqual({ ok: true, status: 'answered' });
    expect(feedbackStatusAfter('inquiry', 'answered', 'archive')).toEqual({ ok: true, status: 'archived' });
    expect(feedbackStatusAfter('inquiry', 'open', 'archive').ok).toBe(false);
    expect(feedbackStatusAfter('inquiry', 'open', 'route').ok).toBe(false);
  });

  it('takes a suggestion through route → respond → archive, with links and re-routing while the team has it', () => {
    expect(feedbackStatusAfter('suggestion', 'open', 'route')).toEqual({ ok: true, status: 'routed' });
    expect(feedbackStatusAfter('suggestion', 'routed', 'route')).toEqual({ ok: true, status: 'routed' });
    expect(feedbackStatusAfter('suggestion', 'routed', 'link')).toEqual({ ok: true, status: 'routed' });
    expect(feedbackStatusAfter('suggestion', 'routed', 'respond')).toEqual({ ok: true, status: 'responded' });
    expect(feedbackStatusAfter('suggestion', 'responded', 'link')).toEqual({ ok: true, status: 'responded' });
    expect(feedbackStatusAfter('suggestion', 'responded', 'archive')).toEqual({ ok: true, status: 'archived' });
    expect(feedbackStatusAfter('suggestion', 'open', 'respond').ok).toBe(false);
    expect(feedbackStatusAfter('suggestion', 'open', 'link').ok).toBe(false);
  });

  it('takes praise through credit → archive', () => {
    expect(feedbackStatusAfter('praise', 'open', 'credit')).toEqual({ ok: true, status: 'credited' });
    expect(feedbackStatusAfter('praise', 'credited', 'archive')).toEqual({ ok: true, status: 'archived' });
    expect(feedbackStatusAfter('praise', 'open', 'answer').ok).toBe(false);
  });

  it('reclassifies any kind until it ended, and takes nothing once ended', () => {
    for (const kind of feedbackKinds) {
      for (const status of feedbackStatuses) {
        const commands = allowedFeedbackCommands(kind, status);
        if (status === 'archived' || status === 'reclassified') expect(commands, `${kind} ${status}`).toEqual([]);
        else if (commands.length > 0) expect(commands, `${kind} ${status}`).toContain('reclassify');
      }
    }
  });

  it('names the current state in a refusal', () => {
    const r = feedbackStatusAfter('inquiry', 'archived', 'answer');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("'archived'");
  });
});

describe('who may act', () => {
  it('lets the agent who logged it, or a supervisor, take the owner’s steps', () => {
    for (const c of ['answer', 'route', 'credit', 'archive', 'reclassify'] as const) {
      expect(feedbackAccess(c, agent, { ownerId: 'cai', routing: null }).ok).toBe(true);
      expect(feedbackAccess(c, sup, { ownerId: 'cai', routing: null }).ok).toBe(true);
      expect(feedbackAccess(c, other, { ownerId: 'cai', routing: null })).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('lets the product team — the routed department or the initiative’s owner — respond and link', () => {
    expect(onTeam(hal, routing)).toBe(true);
    expect(onTeam(pat, routing)).toBe(true);
    expect(onTeam(agent, routing)).toBe(false);
    expect(onTeam(hal, null)).toBe(false);
    for (const c of ['respond', 'link'] as const) {
      expect(feedbackAccess(c, hal, { ownerId: 'cai', routing }).ok).toBe(true);
      expect(feedbackAccess(c, pat, { ownerId: 'cai', routing }).ok).toBe(true);
      expect(feedbackAccess(c, sup, { ownerId: 'cai', routing }).ok).toBe(true);
      // The agent who logged it is not the team.
      expect(feedbackAccess(c, agent, { ownerId: 'cai', routing })).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
});

describe('reclassifying a complaint as feedback', () => {
  it('is a supervisor’s, before any resolution was given', () => {
    for (const status of ['open', 'responded', 'transferred'] as const) expect(complaintReclassifyRefusal(sup, { status, resolutions: 0 })).toBeNull();
    expect(complaintReclassifyRefusal(agent, { status: 'open', resolutions: 0 })).toMatchObject({ code: 'forbidden' });
    for (const status of ['awaiting_approval', 'resolved', 'awaiting_customer', 'reopened', 'in_appeal', 'closed'] as const) {
      expect(complaintReclassifyRefusal(sup, { status, resolutions: 1 }), status).toMatchObject({ code: 'conflict' });
    }
    // Transferred back after a rejected compensation: a resolution was proposed, so not any more.
    expect(complaintReclassifyRefusal(sup, { status: 'responded', resolutions: 1 })).toMatchObject({ code: 'conflict' });
  });
});
