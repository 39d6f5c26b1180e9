/**
 * Departments' display names. A department is an id in the staff directory (`cards-ops`, the
 * key notices and transfers route by); people read it by name, in their language (银行卡运营部 /
 * Card Operations). Administrators keep the names (PUT /api/v1/departments); a department without
 * a name shows as its id, so a new department is never hidden.
 *
 * Pure: shared by the API and the web UI.
 */
export interface DepartmentName {
  zh: string;
  en: string;
}

export interface DepartmentNames {
  departments: { id: string; name: DepartmentName }[];
}

export const defaultDepartmentNames: DepartmentNames = { departments: [] };

/** The name of `id` in `locale`, or the id itself when it has none. */
export function departmentLabel(names: DepartmentNames | undefined, id: string, locale: 'zh' | 'en'): string {
  const found = names?.departments.find((d) => d.id === id);
  return found ? found.name[locale] : id;
}

/** Ids named twice: the list is refused with these (one name per department). */
export function duplicateDepartmentIds(names: DepartmentNames): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const d of names.departments) (seen.has(d.id) ? twice : seen).add(d.id);
  return [...twice];
}
