import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { getToken, userFromToken } from '../auth/session';
import type { CommitteeMember, DemoUser } from '../api/types';

let cache: Promise<Map<string, string>> | undefined;

/**
 * Display names by user id, from what this user may read: the committee roster (most roles) and,
 * in the embedded development setup, the demo cast. Unknown ids show as themselves.
 */
/** The roles GET /committee answers (api/routes/admin.ts); others are not asked, so no page load ends in a 403. */
const rosterReaders = ['admin', 'compliance_auditor', 'product_owner', 'supervisor'];

function loadNames(): Promise<Map<string, string>> {
  const roles = userFromToken(getToken())?.roles ?? [];
  cache ??= Promise.all([
    roles.some((r) => rosterReaders.includes(r)) ? api.get<{ members: CommitteeMember[] }>('/committee').then((r) => r.members, () => []) : Promise.resolve([]),
    api.get<{ items: DemoUser[] }>('/dev/users').then((r) => r.items, () => []),
  ]).then(([members, demo]) => new Map<string, string>([...demo.map((u) => [u.userId, u.name] as const), ...members.map((m) => [m.userId, m.name] as const)]));
  return cache;
}

export function resetPeopleCache(): void {
  cache = undefined;
}

export function usePeople(): (userId: string) => string {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void loadNames().then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, []);
  return (id: string) => {
    const name = names.get(id);
    return name ? `${name} (${id})` : id;
  };
}
