import type { Owner } from '../../api/types';
import type { Translate } from '../../i18n';

/** "zhaoli", "部门 银行卡运营部", "level supervisor" in words; `department` names a department (useDepartmentName). */
export function ownerText(owner: Owner, t: Translate, label: (prefix: string, v: string) => string, department: (id: string) => string = (id) => id): string {
  if (owner.kind === 'user') return owner.id;
  if (owner.kind === 'department') return t('owner.department', { id: department(owner.id) });
  return t('owner.level', { level: label('level', owner.id) });
}
