import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Directory } from '../api/types';
import { useI18n } from '../i18n';

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

/**
 * A department's name in the page's language (PUT /api/v1/departments), or its id when it has
 * none. While the directory loads, ids show; the names follow.
 */
export function useDepartmentName(): (id: string) => string {
  const directory = useDirectory();
  const { locale } = useI18n();
  return (id: string) => directory?.departments.find((d) => d.id === id)?.name?.[locale] ?? id;
}
