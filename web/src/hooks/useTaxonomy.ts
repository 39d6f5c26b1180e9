import { rootCauseLabel } from '@domain/complaints/root-causes.js';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { RootCausePolicy } from '../api/types';
import { useI18n } from '../i18n';

let cache: Promise<RootCausePolicy | undefined> | undefined;

/**
 * The root-cause taxonomy in force (GET /api/v1/policies/root-causes), once per page load, and the
 * label of a code in the UI's language (a code the taxonomy no longer has shows as itself).
 */
export function useTaxonomy(): { taxonomy: RootCausePolicy | undefined; labelOf: (code: string) => string } {
  const { locale } = useI18n();
  const [taxonomy, setTaxonomy] = useState<RootCausePolicy>();
  useEffect(() => {
    let live = true;
    cache ??= api.get<RootCausePolicy>('/policies/root-causes').catch(() => undefined);
    void cache.then((t) => live && setTaxonomy(t));
    return () => {
      live = false;
    };
  }, []);
  return { taxonomy, labelOf: (code) => (taxonomy ? rootCauseLabel(taxonomy, code, locale) : code) };
}
