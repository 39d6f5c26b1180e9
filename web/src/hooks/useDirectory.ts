import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Directory } from '../api/types';

let cache: Promise<Directory> | undefined;

/** The staff directory (GET /api/v1/directory), once per page load: what the people and department pickers offer. */
export function loadDirectory(): Promise<Directory> {
  cache ??= api.get<Directory>('/directory').catch(() => ({ people: [], departments: [] }));
  return cache;
}

export function useDirectory(): Directory | undefined {
  const [directory, setDirectory] = useState<Directory>();
  useEffect(() => {
    let live = true;
    void loadDirectory().then((d) => live && setDirectory(d));
    return () => {
      live = false;
    };
  }, []);
  return directory;
}

/** After signing in as someone else: the next page reads the directory again. */
export function resetDirectoryCache(): void {
  cache = undefined;
}
