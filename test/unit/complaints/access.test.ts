import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/actor.js';
import { accessRefusal, type AccessContext } from '../../../domain/complaints/access.js';

const agent: Actor = { userId: 'cai', name: 'Cai', roles: ['cs_agent'], department: 'customer-service' };
const otherAgent: Actor = { userId: 'cora', name: 'Cora', roles: ['cs_agent'], department: 'customer-service' };
const handler: Actor = { userId: 'hal', name: 'Hal', roles: ['business_handler'], department: 'cards-ops' };
const otherHandler: Actor = { userId: 'hugo', name: 'Hugo', roles: ['business_handler'], department: 'loans' };
const supervisor: Actor = { userId: 'sue', name: 'Sue', roles: ['supervisor'] };
const chair: Actor = { userId: 'gm', name: 'Grace', roles: ['supervisor'] };

const withAgent: AccessContext = { agentId: 'cai', owner: { kind: 'user', id: 'cai' }, escalationLevel: 0 };
const withDept: AccessContext = { ...withAgent, owner: { kind: 'department', id: 'cards-ops' } };
const escalated: AccessContext = { ...withAgent, escalationLevel: 1 };

const allowed = (cmd: Parameters<typeof accessRefusal>[0], a: Actor, c: AccessContext) => accessRefusal(cmd, a, c) === null;

describe('first-responder responsibility', () => {
  it('the owning agent does everything an owner does; another agent nothing', () => {
    for (const cmd of ['respond', 'transfer', 'resolve', 'pause', 'resume', 'escalate', 'feedback', 'appeal'] as const) {
      expect(allowed(cmd, agent, withAgent), cmd).toBe(true);
      expect(allowed(cmd, otherAgent, withAgent), cmd).toBe(false);
    }
    expect(accessRefusal('resolve', otherAgent, withAgent)).toContain('handling owner (user cai)');
  });

  it('after a transfer the department’s handlers resolve; the agent keeps the customer contact', () => {
    expect(allowed('resolve', handler, withDept)).toBe(true);
    expect(allowed('transfer', handler, withDept)).toBe(true);
    expect(allowed('resolve', otherHandler, withDept)).toBe(false);
    expect(allowed('resolve', agent, withDept)).toBe(false);
    expect(allowed('respond', agent, withDept)).toBe(true);
    expect(allowed('feedback', agent, withDept)).toBe(true);
    expect(allowed('feedback', handler, withDept)).toBe(false);
  });

  it('a supervisor acts as owner only once the complaint has escalated', () => {
    expect(allowed('resolve', supervisor, withAgent)).toBe(false);
    for (const cmd of ['respond', 'transfer', 'resolve', 'pause', 'resume', 'escalate', 'feedback', 'appeal'] as const) {
      expect(allowed(cmd, supervisor, escalated), cmd).toBe(true);
    }
  });
});

describe('approvals, appeals, sign-off', () => {
  it('approval: a supervisor who did not propose the resolution', () => {
    expect(allowed('approve', supervisor, { ...withAgent, proposedBy: 'cai' })).toBe(true);
    expect(allowed('approve', agent, { ...withAgent, proposedBy: 'hal' })).toBe(false);
    expect(accessRefusal('approve', supervisor, { ...escalated, proposedBy: 'sue' })).toContain('separation of duties');
  });

  it('appeal decision: a supervisor who is not the complaint’s agent', () => {
    expect(allowed('appealDecision', supervisor, withAgent)).toBe(true);
    expect(allowed('appealDecision', agent, withAgent)).toBe(false);
    const selfSupervising: Actor = { ...agent, roles: ['cs_agent', 'supervisor'] };
    expect(accessRefusal('appealDecision', selfSupervising, withAgent)).toContain('separation of duties');
  });

  it('sign-off: only the snapshotted chair', () => {
    expect(allowed('signoff', chair, { ...withAgent, escalationLevel: 3, chairUserId: 'gm' })).toBe(true);
    expect(allowed('signoff', supervisor, { ...withAgent, escalationLevel: 3, chairUserId: 'gm' })).toBe(false);
    expect(allowed('signoff', chair, { ...withAgent, escalationLevel: 3, chairUserId: null })).toBe(false);
  });
});
