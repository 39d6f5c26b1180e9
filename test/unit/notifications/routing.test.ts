import { describe, expect, it } from 'vitest';
import { addressees, complaintRouting, defaultRoutingTable, eventTypeOf, route, topicEvents, type Person, type RoutingContext } from '../../../domain/notifications/routing.js';

const person = (userId: string, over: Partial<Person> = {}): Person => ({
  userId,
  name: userId,
  email: `${userId}@bank.example`,
  language: 'zh',
  department: 'customer-service',
  roles: [],
  departmentHead: false,
  channel: 'email',
  active: true,
  ...over,
});

const people: Person[] = [
  person('cai', { roles: ['cs_agent'] }),
  person('sue', { roles: ['supervisor'], language: 'en' }),
  person('sam', { roles: ['supervisor'], channel: 'inapp' }),
  person('hal', { roles: ['business_handler'], department: 'cards-ops', channel: 'im' }),
  person('hana', { roles: ['business_handler'], department: 'cards-ops', departmentHead: true }),
  person('aud', { roles: ['compliance_auditor'], department: 'compliance', email: null }),
  person('gone', { roles: ['supervisor'], active: false }),
  person('gm', { roles: [], department: 'executive' }),
];
const ctx = (over: Partial<RoutingContext> = {}): RoutingContext => ({
  people,
  chair: 'gm',
  committee: ['gm', 'm1'],
  owner: 'cai',
  department: 'cards-ops',
  imGroups: new Map([
    ['department:cards-ops', 'im-cards'],
    ['committee', 'im-committee'],
  ]),
  ...over,
});
const n = (recipientKind: string, recipient: string, topic: string, entityType = 'complaint') => ({ recipientKind, recipient, topic, entityType });

describe('the routing table', () => {
  it('has a route for every event type, and every known topic belongs to one', () => {
    for (const [topic, type] of Object.entries(topicEvents)) {
      expect(defaultRoutingTable[type], topic).toBeDefined();
      expect(eventTypeOf(topic)).toBe(type);
    }
    expect(eventTypeOf('something.new')).toBe('handling');
  });
});

describe('who the process addressed', () => {
  it('a user, a role (active people only), a department', () => {
    expect(addressees(n('user', 'x', 't'), ctx())).toEqual(['x']);
    expect(addressees(n('role', 'supervisor', 't'), ctx()).sort()).toEqual(['sam', 'sue']);
    expect(addressees(n('department', 'cards-ops', 't'), ctx()).sort()).toEqual(['hal', 'hana']);
  });
  it('escalation levels: supervisors, the department head (else supervisors), the chair on the roster (else supervisors)', () => {
    expect(addressees(n('level', 'supervisor', 't'), ctx()).sort()).toEqual(['sam', 'sue']);
    expect(addressees(n('level', 'department_head', 't'), ctx())).toEqual(['hana']);
    expect(addressees(n('level', 'department_head', 't'), ctx({ department: 'loans' })).sort()).toEqual(['sam', 'sue']);
    expect(addressees(n('level', 'committee_chair', 't'), ctx())).toEqual(['gm']);
    expect(addressees(n('level', 'committee_chair', 't'), ctx({ chair: null })).sort()).toEqual(['sam', 'sue']);
  });
});

describe('routing one notice', () => {
  it('everyone reached gets the in-app entry; email only to those who take email and have an address', () => {
    const r = route(n('level', 'supervisor', 'complaint.escalated'), defaultRoutingTable, ctx());
    expect(r.inApp.sort()).toEqual(['sam', 'sue']);
    expect(r.email).toEqual(['sue']); // sam: in-app only
    expect(r.im).toEqual(['im-cards']); // escalations go to the complaint's department group
  });
  it('a person who prefers IM is reached through their department group', () => {
    const r = route(n('user', 'hal', 'complaint.at_risk'), defaultRoutingTable, ctx({ department: null }));
    expect(r).toEqual({ inApp: ['hal'], email: [], im: ['im-cards'] });
  });
  it('the route adds audiences: appeals also reach compliance (no address → in-app only)', () => {
    const r = route(n('role', 'supervisor', 'complaint.appeal_lodged'), defaultRoutingTable, ctx());
    expect(r.inApp.sort()).toEqual(['aud', 'sam', 'sue']);
    expect(r.email).toEqual(['sue']);
  });
  it('gate notices go to the committee group; an unknown user still gets the in-app entry', () => {
    const r = route(n('user', 'm1', 'gate.vote_requested', 'initiative'), defaultRoutingTable, ctx());
    expect(r).toEqual({ inApp: ['m1'], email: [], im: ['im-committee'] });
  });
  it('an administrator may turn channels and audiences off and on', () => {
    const table = { ...defaultRoutingTable, escalation: { also: ['owner' as const, 'chair' as const], email: false, im: false } };
    const r = route(n('level', 'supervisor', 'complaint.escalated'), table, ctx());
    expect(r.inApp.sort()).toEqual(['cai', 'gm', 'sam', 'sue']);
    expect(r.email).toEqual([]);
    expect(r.im).toEqual([]);
  });
  it('each person once, however many ways they are reached', () => {
    const table = { ...defaultRoutingTable, compliance_notice: { also: ['compliance' as const], email: true, im: false } };
    expect(route(n('role', 'compliance_auditor', 'complaint.compliance_notice'), table, ctx()).inApp).toEqual(['aud']);
  });
});

describe('complaintRouting: whom a complaint’s levels reach', () => {
  const staff = [
    { userId: 'cai', department: 'customer-service' },
    { userId: 'hal', department: 'cards-ops' },
  ];
  it('the user holding it, else its first responder; the department it went to, else the first responder’s', () => {
    expect(complaintRouting({ owner: { kind: 'user', id: 'sue' }, agentId: 'cai' }, staff)).toEqual({ owner: 'sue', department: 'customer-service' });
    expect(complaintRouting({ owner: { kind: 'department', id: 'cards-ops' }, agentId: 'cai', department: 'cards-ops' }, staff)).toEqual({ owner: 'cai', department: 'cards-ops' });
    expect(complaintRouting({ owner: { kind: 'level', id: 'supervisor' }, agentId: 'gone' }, staff)).toEqual({ owner: 'gone', department: null });
  });
});
