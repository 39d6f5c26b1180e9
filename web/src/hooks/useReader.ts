import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { SessionUser } from '../auth/session';

/**
 * Whether the signed-in user may read reports, hot issues, incidents and target proposals: by
 * role (compliance auditor, supervisor, admin) or by a seat on the committee, which is data the
 * API holds — so for anyone else the API is asked once per session (a stored-report list of one).
 */
const readerRoles = ['compliance_auditor', 'supervisor', 'admin'];
const asked = new Map<string, Promise<boolean>>();

export function useReader(user: SessionUser): boolean {
  const byRole = readerRoles.some((r) => user.roles.includes(r));
  const [seat, setSeat] = useState(false);
  useEffect(() => {
    if (byRole) return;
    let live = true;
    if (!asked.has(user.userId)) asked.set(user.userId, api.get('/reports?kind=monthly&limit=1').then(() => true, () => false));
    void asked.get(user.userId)!.then((ok) => live && setSeat(ok));
    return () => {
      live = false;
    };
  }, [byRole, user.userId]);
  return byRole || seat;
}
