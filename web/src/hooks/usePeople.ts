import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CommitteeMember, DemoUser } from '../api/types';

let cache: Promise<Map<string, string>> | undefined;

/**
 * Display names by user id, from what this user may read: the committee roster (most roles) and,
 * in the embedded development setup, the demo cast. Unknown ids show as themselves.
 */
function loadNames(): Promise<Map<string, string>> {
  cache ??= Promise.all([
    api.get<{ members: CommitteeMember[] }>('/committee').then((r) => r.members, () => []),
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
