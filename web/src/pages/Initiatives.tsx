import { initiativeStatuses, stages } from '@domain/gates/stages.js';
import { Link } from 'react-router';
import { api, query } from '../api/client';
import type { Initiative, Page } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { StatusBadge } from '../components/Badge';
import { Countdown } from '../components/Countdown';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ListStatus } from '../components/Notice';
import { LoadMore, usePaged } from '../components/Pager';
import { useUrlFilter } from '../hooks/useUrlFilter';
import { useI18n } from '../i18n';

/** Initiatives, newest first, filtered by stage and status (kept in the URL). */
export function InitiativesPage() {
  const { t, label, tag } = useI18n();
  const user = useUser();
  const [params, setFilter] = useUrlFilter();
  const stage = params.get('stage') ?? '';
  const status = params.get('status') ?? '';
  const list = usePaged((cursor?: string) => api.get<Page<Initiative>>(`/initiatives${query({ stage, status, limit: 25, cursor })}`), `${stage}|${status}`);


  return (
    <>
      <PageHeader
        title={t('initiatives.title')}
        subtitle={t('initiatives.subtitle')}
        actions={
          hasRole(user, 'product_owner') && (
            <Link className="btn btn-primary" to="/initiatives/new">
              {t('initiatives.new')}
            </Link>
          )
        }
      />
      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('initiative.stage')}
          <select value={stage} onChange={(e) => setFilter('stage', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {label('stage', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('initiative.status')}
          <select value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {initiativeStatuses.map((s) => (
              <option key={s} value={s}>
                {label('initiativeStatus', s)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ListStatus list={list} empty={t('initiatives.empty')} />
      {list.items.length > 0 && (
        <div className="card table-card">
          <table className="table">
            <caption className="sr-only">{t('initiatives.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('initiative.name')}</th>
                <th scope="col">{t('initiative.businessLine')}</th>
                <th scope="col">{t('initiative.team')}</th>
                <th scope="col">{t('initiative.stage')}</th>
                <th scope="col">{t('initiative.status')}</th>
                <th scope="col">{t('initiative.reviewDeadline')}</th>
                <th scope="col">{t('common.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={`/initiatives/${i.id}`}>{i.name}</Link>
                  </td>
                  <td>{label('businessLine', i.businessLine)}</td>
                  <td>{i.team}</td>
                  <td>{label('stage', i.stage)}</td>
                  <td>
                    <StatusBadge kind="initiativeStatus" value={i.status} />
                  </td>
                  <td>{i.review ? <Countdown deadline={i.review.deadline} state={i.review.status === 'escalated' ? 'breached' : i.review.remindedAt ? 'at_risk' : 'pending'} compact /> : <span className="muted">—</span>}</td>
                  <td className="muted small nowrap">{formatDateTime(i.updatedAt, tag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={() => void list.more()} />
    </>
  );
}
