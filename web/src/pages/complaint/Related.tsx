import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Complaint, ComplaintRelated } from '../../api/types';
import { Badge, StatusBadge } from '../../components/Badge';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/Notice';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

/**
 * The records around a complaint (GET /complaints/{id}/related): the product by name, and the same
 * customer's other complaints — open ones first in the reader's eye with their status, repeats
 * marked — so an agent closing one sees the customer's other open case.
 */
export function RelatedRecords({ complaint }: { complaint: Complaint }) {
  const { t, tag, label } = useI18n();
  const related = useApi(() => api.get<ComplaintRelated>(`/complaints/${complaint.id}/related`), [complaint.id, complaint.status]);
  const others = related.data?.sameCustomer ?? [];
  const open = others.filter((o) => o.status !== 'closed');
  return (
    <section className="card" aria-labelledby="related" data-testid="related-records">
      <h2 id="related">{t('related.title')}</h2>
      <ErrorNotice error={related.error} />
      {related.data?.product && (
        <p>
          {t('complaint.initiative')}: <Link to={`/initiatives/${related.data.product.id}`}>{related.data.product.name}</Link> <span className="muted small">{label('stage', related.data.product.stage)}</span>
        </p>
      )}
      {related.data && (
        <>
          <h3>{t('related.sameCustomer', { n: others.length })}</h3>
          {open.length > 0 && (
            <p className="notice notice-warning" data-testid="open-elsewhere">
              {t('related.openElsewhere', { n: open.length })}
            </p>
          )}
          {others.length === 0 ? (
            <p className="muted">{t('related.none')}</p>
          ) : (
            <ul className="related-list">
              {others.map((o) => (
                <li key={o.id}>
                  <Link to={`/complaints/${o.id}`}>{o.summary || t('complaints.noSummary')}</Link>{' '}
                  <StatusBadge kind="complaintStatus" value={o.status} /> {o.repeat && <Badge tone="warning">{t('complaint.repeat')}</Badge>} {o.breached && <Badge tone="danger">{label('clock', 'breached')}</Badge>}
                  <div className="muted small">
                    {formatDateTime(o.receivedAt, tag)} · {label('category', o.category)}
                    {o.product && (
                      <>
                        {' · '}
                        <Link to={`/initiatives/${o.product.id}`}>{o.product.name}</Link>
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
