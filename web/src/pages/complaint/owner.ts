import type { Owner } from '../../api/types';
import type { Translate } from '../../i18n';

/** "user zhaoli", "department cards-ops", "level supervisor" in words. */
export function ownerText(owner: Owner, t: Translate, label: (prefix: string, v: string) => string): string {
  if (owner.kind === 'user') return owner.id;
  if (owner.kind === 'department') return t('owner.department', { id: owner.id });
  return t('owner.level', { level: label('level', owner.id) });
}
