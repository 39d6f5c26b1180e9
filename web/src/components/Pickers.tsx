import { useDepartmentName, useDirectory } from '../hooks/useDirectory';
import { useI18n } from '../i18n';

/**
 * Pickers backed by the staff directory: people by department, and departments with their heads.
 * Each is a plain <select> (keyboard, screen reader and phone friendly); the label comes from the
 * surrounding Field. An id that is not in the directory (a person since removed) stays selectable
 * as itself, so an existing value is never silently dropped.
 */
/** `withDepartments`: the departments too (a complaint transferred to a department is owned by it). */
export function PersonSelect({ value, onChange, role, allowEmpty, emptyLabel, withDepartments, ...rest }: { value: string; onChange: (userId: string) => void; role?: string; allowEmpty?: boolean; emptyLabel?: string; withDepartments?: boolean; id?: string; name?: string }) {
  const { t } = useI18n();
  const directory = useDirectory();
  const departmentName = useDepartmentName();
  const people = (directory?.people ?? []).filter((p) => !role || p.roles.includes(role));
  const byDepartment = new Map<string, typeof people>();
  for (const p of people) byDepartment.set(p.department ?? '', [...(byDepartment.get(p.department ?? '') ?? []), p]);
  const departments = withDepartments ? (directory?.departments ?? []) : [];
  const known = people.some((p) => p.userId === value) || departments.some((d) => d.id === value);
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="" disabled={!allowEmpty}>
        {emptyLabel ?? t('picker.choosePerson')}
      </option>
      {departments.length > 0 && (
        <optgroup label={t('picker.departments')}>
          {departments.map((d) => (
            <option key={`department:${d.id}`} value={d.id}>
              {departmentName(d.id)}
            </option>
          ))}
        </optgroup>
      )}
      {value && !known && <option value={value}>{value}</option>}
      {[...byDepartment].map(([department, members]) => (
        <optgroup key={department} label={department ? departmentName(department) : t('picker.noDepartment')}>
          {members.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

export function DepartmentSelect({ value, onChange, allowEmpty, emptyLabel, ...rest }: { value: string; onChange: (department: string) => void; allowEmpty?: boolean; emptyLabel?: string; id?: string; name?: string }) {
  const { t } = useI18n();
  const directory = useDirectory();
  const departmentName = useDepartmentName();
  const departments = directory?.departments ?? [];
  const nameOf = (userId: string) => directory?.people.find((p) => p.userId === userId)?.name ?? userId;
  const known = departments.some((d) => d.id === value);
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="" disabled={!allowEmpty}>
        {emptyLabel ?? t('picker.chooseDepartment')}
      </option>
      {value && !known && <option value={value}>{value}</option>}
      {departments.map((d) => (
        <option key={d.id} value={d.id}>
          {d.heads.length > 0 ? t('picker.departmentWithHead', { department: departmentName(d.id), head: d.heads.map(nameOf).join(t('common.listSeparator')) }) : departmentName(d.id)}
        </option>
      ))}
    </select>
  );
}
