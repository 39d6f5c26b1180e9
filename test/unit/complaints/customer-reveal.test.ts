import { describe, expect, it } from 'vitest';
import { mayRevealCustomer, requestedFields, revealOffer, revealReasonRequired } from '../../../domain/complaints/customer-reveal.js';

/** Who may show a complaint's customer in clear, and when a reason is asked (domain/complaints/customer-reveal.ts). */
describe('showing the customer', () => {
  const complaint = { agentId: 'cai' };
  const own = { userId: 'cai', roles: ['cs_agent'] };
  const otherAgent = { userId: 'cora', roles: ['cs_agent'] };
  const supervisor = { userId: 'sue', roles: ['supervisor'] };
  const agentAndSupervisor = { userId: 'cal', roles: ['cs_agent', 'supervisor'] };

  it('the complaint’s own agent and any supervisor may; nobody else', () => {
    expect(mayRevealCustomer(complaint, own)).toBe(true);
    expect(mayRevealCustomer(complaint, supervisor)).toBe(true);
    expect(mayRevealCustomer(complaint, agentAndSupervisor)).toBe(true);
    for (const roles of [['cs_agent'], ['business_handler'], ['compliance_auditor'], ['admin'], ['product_owner'], []]) {
      expect(mayRevealCustomer(complaint, { userId: 'x', roles }), roles.join()).toBe(false);
    }
    // The user id alone is not enough: the agent role makes it their complaint.
    expect(mayRevealCustomer(complaint, { userId: 'cai', roles: ['compliance_auditor'] })).toBe(false);
  });

  it('asks a reason of everyone but the complaint’s own agent', () => {
    expect(revealReasonRequired(complaint, own)).toBe(false);
    expect(revealReasonRequired(complaint, supervisor)).toBe(true);
    expect(revealReasonRequired(complaint, agentAndSupervisor)).toBe(true);
    expect(revealReasonRequired({ agentId: 'cal' }, agentAndSupervisor)).toBe(false);
  });

  it('offers nothing when there is nothing to show or the caller may not', () => {
    expect(revealOffer(complaint, own, {})).toEqual({ reasonRequired: false });
    expect(revealOffer(complaint, supervisor, {})).toEqual({ reasonRequired: true });
    expect(revealOffer(complaint, otherAgent, {})).toBeNull();
    expect(revealOffer(complaint, own, { erased: true })).toBeNull();
    expect(revealOffer(complaint, supervisor, { unreadable: true })).toBeNull();
  });

  it('the fields asked, in display order and once each; all when none is named', () => {
    expect(requestedFields(undefined)).toEqual(['name', 'phone', 'idNumber', 'email']);
    expect(requestedFields([])).toEqual(['name', 'phone', 'idNumber', 'email']);
    expect(requestedFields(['idNumber', 'phone', 'idNumber'])).toEqual(['phone', 'idNumber']);
    expect(requestedFields(['email', 'name'])).toEqual(['name', 'email']);
  });
});
