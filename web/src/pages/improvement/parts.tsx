import type { Improvement } from '../../api/types';
import { Badge } from '../../components/Badge';
import { useI18n } from '../../i18n';

/** The action's status, and its due state while the owner works on it. */
export function ImprovementBadges({ action }: { action: Improvement }) {
  const { t, label } = useI18n();
  const tone = action.status === 'closed' ? 'success' : action.status === 'awaiting_verification' ? 'info' : 'neutral';
  return (
    <>
      <Badge tone={tone}>{label('improvementStatus', action.status)}</Badge>
      {action.dueState === 'overdue' && (
        <>
          {' '}
          <Badge tone="danger">{t('improvement.overdue')}</Badge>
        </>
      )}
      {action.escalationLevel > 0 && action.status === 'in_progress' && (
        <>
          {' '}
          <Badge tone="warning">{t(action.escalationLevel >= 2 ? 'improvement.level2' : 'improvement.level1')}</Badge>
        </>
      )}
    </>
  );
}
