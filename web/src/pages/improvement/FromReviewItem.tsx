import { Link } from 'react-router';
import { api, query } from '../../api/client';
import type { Improvement } from '../../api/types';
import { useUser } from '../../auth/SessionContext';
import { useApi } from '../../hooks/useApi';
import { useReader } from '../../hooks/useReader';
import { useI18n } from '../../i18n';
import { ImprovementBadges } from './parts';

/**
 * On an initiative's page: the improvement actions raised from its post-launch review item, and
 * the way for the committee chair to raise one (the API lets only the chair; docs/improvements.md).
 */
export function FromReviewItem({ initiativeId, itemId }: { initiativeId: string; itemId: string }) {
  const { t } = useI18n();
  const user = useUser();
  const reader = useReader(user!);
  const loaded = useApi(() => api.get<{ items: Improvement[] }>(`/improvements/linked/initiative/${encodeURIComponent(initiativeId)}`), [initiativeId]);
  const raised = (loaded.data?.items ?? []).filter((a) => a.source.kind === 'post_launch_review' && a.source.id === itemId);
  return (
    <div className="small" data-testid="review-item-actions">
      <strong>{t('improvements.fromItem')}</strong>
      {raised.length === 0 ? (
        <p className="muted">{t('improvements.noneFromItem')}</p>
      ) : (
        <ul className="plain-list">
          {raised.map((a) => (
            <li key={a.id}>
              <Link to={`/improvements/${encodeURIComponent(a.id)}`}>{a.title}</Link> <ImprovementBadges action={a} />
            </li>
          ))}
        </ul>
      )}
      {reader && raised.length === 0 && (
        <Link className="btn" to={`/improvements/new${query({ kind: 'post_launch_review', sourceId: itemId, initiatives: initiativeId, dimension: 'product', value: initiativeId })}`}>
          {t('improvement.raiseFromThis')}
        </Link>
      )}
    </div>
  );
}
