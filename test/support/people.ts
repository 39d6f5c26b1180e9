import type { Principal } from '../../api/auth/roles.js';

/** The cast of the integration tests. Committee membership is data (see seedCommittee). */
export const people = {
  admin: { userId: 'ada', name: 'Ada Admin', roles: ['admin'] },
  auditor: { userId: 'aud', name: 'Audrey Auditor', roles: ['compliance_auditor'] },
  owner: { userId: 'pat', name: 'Pat Product', roles: ['product_owner'], department: 'retail-cards' },
  owner2: { userId: 'pia', name: 'Pia Product', roles: ['product_owner'], department: 'wealth' },
  agent: { userId: 'cai', name: 'Cai Agent', roles: ['cs_agent'], department: 'customer-service' },
  agent2: { userId: 'cora', name: 'Cora Agent', roles: ['cs_agent'], department: 'customer-service' },
  handler: { userId: 'hal', name: 'Hal Handler', roles: ['business_handler'], department: 'cards-ops' },
  supervisor: { userId: 'sue', name: 'Sue Supervisor', roles: ['supervisor'], department: 'customer-service' },
  // committee members (roles are whatever their day job is)
  chair: { userId: 'gm', name: 'Grace GM', roles: ['supervisor'], department: 'executive' },
  m1: { userId: 'm1', name: 'Mina Risk', roles: [], department: 'risk' },
  m2: { userId: 'm2', name: 'Milo Tech', roles: [], department: 'technology' },
  m3: { userId: 'm3', name: 'Mei Compliance', roles: [], department: 'compliance' },
  m4: { userId: 'm4', name: 'Max Cards', roles: [], department: 'retail-cards' },
  nobody: { userId: 'nob', name: 'No Roles', roles: [] },
} satisfies Record<string, Principal>;
