import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/actor.js';
import { escalationRecipients, type DirectoryPerson } from '../../../domain/complaints/escalation-recipients.js';
import { firstResponder, firstResponderTeam, type ComplaintInput } from '../../../domain/complaints/process.js';
import { assigneeRefusal, reassignRefusal, type ReassignContext } from '../../../domain/complaints/reassign.js';
import { complaintStatuses } from '../../../domain/complaints/types.js';

const supervisor: Actor = { userId: 'sue', name: 'Sue', roles: ['supervisor'] };
const agent: Actor = { userId: 'cai', name: 'Cai', roles: ['cs_agent'] };
const held: ReassignContext = { status: 'open', owner: { kind: 'user', id: 'cai' }, agentId: 'cai' };
const to = { toUserId: 'cora', reason: 'Cai is on leave' };

describe('reassignRefusal: who may reassign, when, to whom', () => {
  it('a supervisor reassigns a complaint its agent holds to another agent, with a reason', () => {
    expect(reassignRefusal(supervisor, held, to)).toBeNull();
  });

  it('refuses everyone but a supervisor (403), the complaint’s own agent too', () => {
    for (const a of [agent, { userId: 'hal', name: 'Hal', roles: ['business_handler'] }, { userId: 'aud', name: 'Aud', roles: ['compliance_auditor'] }, { userId: 'ada', name: 'Ada', roles: ['admin'] }]) {
      expect(reassignRefusal(a, held, to)).toMatchObject({ kind: 'forbidden' });
    }
  });

  it('in every status where the agent holds it: open, responded, resolved, awaiting the customer, reopened, in appeal', () => {
    for (const status of ['open', 'responded', 'resolved', 'awaiting_customer', 'reopened', 'in_appeal'] as const) {
      expect(reassignRefusal(supervisor, { ...held, status }, to), status).toBeNull();
    }
  });

  it('not once closed, not while a department holds it after a transfer, not while a compensation waits for approval (409)', () => {
    expect(reassignRefusal(supervisor, { ...held, status: 'closed' }, to)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('closed') });
    expect(reassignRefusal(supervisor, { ...held, status: 'transferred', owner: { kind: 'department', id: 'cards-ops' } }, to)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('department cards-ops') });
    expect(reassignRefusal(supervisor, { ...held, status: 'awaiting_approval' }, to)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('approval') });
    expect(reassignRefusal(supervisor, { ...held, owner: { kind: 'level', id: 'supervisor' } }, to)).toMatchObject({ kind: 'conflict' });
  });

  it('every status the state table knows is either reassignable or refused with a conflict, never silently allowed for a department', () => {
    for (const status of complaintStatuses) {
      const r = reassignRefusal(supervisor, { ...held, status, owner: { kind: 'department', id: 'loans' } }, to);
      expect(r?.kind, status).toBe('conflict');
    }
  });

  it('names the field at fault (400): no agent, no reason, the agent who already holds it', () => {
    expect(reassignRefusal(supervisor, held, { reason: 'x' })).toMatchObject({ kind: 'invalid', field: 'toUserId', code: 'required' });
    expect(reassignRefusal(supervisor, held, { toUserId: '  ', reason: 'x' })).toMatchObject({ kind: 'invalid', field: 'toUserId' });
    expect(reassignRefusal(supervisor, held, { toUserId: 'cora', reason: ' \n ' })).toMatchObject({ kind: 'invalid', field: 'reason', code: 'required' });
    expect(reassignRefusal(supervisor, held, { toUserId: 'cora' })).toMatchObject({ kind: 'invalid', field: 'reason' });
    expect(reassignRefusal(supervisor, held, { toUserId: 'cai', reason: 'x' })).toMatchObject({ kind: 'invalid', field: 'toUserId', code: 'same_owner' });
    expect(reassignRefusal(supervisor, held, { toUserId: 42, reason: 'x' })).toMatchObject({ kind: 'invalid', field: 'toUserId' });
  });

  it('judges the current first responder, not the one who took the complaint', () => {
    const reassigned = { ...held, owner: { kind: 'user' as const, id: 'cora' }, agentId: 'cora' };
    expect(reassignRefusal(supervisor, reassigned, { toUserId: 'cai', reason: 'back from leave' })).toBeNull();
    expect(reassignRefusal(supervisor, reassigned, to)).toMatchObject({ code: 'same_owner' });
  });
});

describe('assigneeRefusal: an active agent of the staff directory', () => {
  it('accepts an active cs_agent', () => {
    expect(assigneeRefusal('cora', { userId: 'cora', roles: ['cs_agent'], active: true })).toBeNull();
    expect(assigneeRefusal('sam', { userId: 'sam', roles: ['supervisor', 'cs_agent'], active: true })).toBeNull();
  });
  it('refuses someone unknown, inactive, or without the agent role', () => {
    expect(assigneeRefusal('ghost', undefined)).toMatchObject({ kind: 'invalid', field: 'toUserId', code: 'not_found' });
    expect(assigneeRefusal('gone', { userId: 'gone', roles: ['cs_agent'], active: false })).toMatchObject({ code: 'not_an_agent', message: expect.stringContaining('active') });
    expect(assigneeRefusal('hal', { userId: 'hal', roles: ['business_handler'], active: true })).toMatchObject({ code: 'not_an_agent', message: expect.stringContaining('cs_agent') });
    expect(assigneeRefusal('sue', { userId: 'sue', roles: ['supervisor'], active: true })).toMatchObject({ code: 'not_an_agent' });
  });
});

describe('the first responder after a reassignment', () => {
  const input = { intakeBy: { userId: 'cai', name: 'Cai', roles: ['cs_agent'], department: 'customer-service' } } as ComplaintInput;
  it('is the intake agent until reassigned (states carried from before reassignment have no agentId)', () => {
    expect(firstResponder(input, {})).toBe('cai');
    expect(firstResponderTeam(input, {})).toBe('customer-service');
  });
  it('is the agent reassigned to, with their team (none when the directory names no department)', () => {
    expect(firstResponder(input, { agentId: 'cora' })).toBe('cora');
    expect(firstResponderTeam(input, { agentId: 'cora', agentTeam: 'branch-service' })).toBe('branch-service');
    expect(firstResponderTeam(input, { agentId: 'cora' })).toBeNull();
  });
});

describe('escalationRecipients: whom an escalated complaint reaches, by name', () => {
  const directory: DirectoryPerson[] = [
    { userId: 'cai', name: 'Cai Agent', department: 'customer-service', roles: ['cs_agent'], departmentHead: false },
    { userId: 'sue', name: 'Sue Supervisor', department: 'customer-service', roles: ['supervisor'], departmentHead: false },
    { userId: 'sam', name: 'Sam Supervisor', department: 'customer-service', roles: ['supervisor'], departmentHead: false },
    { userId: 'cher', name: 'Cher Head', department: 'customer-service', roles: [], departmentHead: true },
    { userId: 'hana', name: 'Hana Head', department: 'cards-ops', roles: ['business_handler'], departmentHead: true },
  ];
  const base = { owner: { kind: 'user' as const, id: 'cai' }, agentId: 'cai', department: null, chairUserId: null };
  it('nobody at level 0', () => {
    expect(escalationRecipients({ ...base, escalatedTo: null }, directory)).toEqual([]);
  });
  it('the supervisors at level 1', () => {
    expect(escalationRecipients({ ...base, escalatedTo: { kind: 'level', id: 'supervisor' } }, directory).map((p) => p.name).sort()).toEqual(['Sam Supervisor', 'Sue Supervisor']);
  });
  it('the head of the agent’s department at level 2; after a transfer, the head of that department', () => {
    expect(escalationRecipients({ ...base, escalatedTo: { kind: 'level', id: 'department_head' } }, directory)).toEqual([{ userId: 'cher', name: 'Cher Head' }]);
    expect(escalationRecipients({ ...base, owner: { kind: 'department', id: 'cards-ops' }, department: 'cards-ops', escalatedTo: { kind: 'level', id: 'department_head' } }, directory)).toEqual([{ userId: 'hana', name: 'Hana Head' }]);
  });
  it('the supervisors at level 2 when the department has no head', () => {
    const noHead = directory.filter((p) => p.userId !== 'cher');
    expect(escalationRecipients({ ...base, escalatedTo: { kind: 'level', id: 'department_head' } }, noHead).map((p) => p.userId).sort()).toEqual(['sam', 'sue']);
  });
  it('the chair at level 3, by id when the directory does not know them', () => {
    expect(escalationRecipients({ ...base, chairUserId: 'gm', escalatedTo: { kind: 'level', id: 'committee_chair' } }, directory)).toEqual([{ userId: 'gm', name: 'gm' }]);
  });
});
