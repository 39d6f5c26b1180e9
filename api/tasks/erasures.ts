import { erasuresAwaitingDecision } from '../../db/erasures.js';
import type { TaskSource } from './types.js';

/**
 * The erasure part of the work inbox: for compliance auditors, the erasure requests waiting for a
 * decision that they may give (four eyes: not their own requests).
 */
export const erasureTasks: TaskSource = async (db, principal) =>
  (await erasuresAwaitingDecision(db, principal)).map((v) => ({
    kind: 'erasure.decide',
    entityType: 'erasure' as const,
    entityId: v.id,
    title: `Approve or refuse the erasure of customer ${v.customerRef}'s personal data (${v.origin === 'retention' ? 'retention' : `requested by ${v.requestedBy.name}`})`,
    deadline: null,
    link: `/api/v1/erasures/${v.id}`,
  }));
