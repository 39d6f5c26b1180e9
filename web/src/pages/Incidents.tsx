import { incidentStatuses } from '@domain/incidents/types.js';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api/client';
import type { Incident, Page } from '../api/types';
import { Badge } from '../components/Badge';
import { Countdown } from '../components/Countdown';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ListStatus } from '../components/Notice';
import { LoadMore, usePaged } from '../components/Pager';
import { usePeople } from '../hooks/usePeople';
import { useI18n } from '../i18n';
import { IncidentStatusBadge, TriggerText } from './incident/parts';

/** Incidents raised by the spike watcher, newest first (docs/incidents.md); the status filter is kept in the address. */
export function IncidentsPage() {
  const { t, label, tag } = useI18n();
  const name = usePeople();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const list = usePaged((cursor?: string) => api.get<Page<Incident>>(`/incidents${query({ status, limit: 25, cursor })}`), status);
  return (
    <>
      <PageHeader title={t('incidents.title')} subtitle={t('incidents.subtitle')} />
      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('incident.status')}
          <select value={status} onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}>
            <option value="">{t('common.all')}</option>
            {incidentStatuses.map((s) => (
              <option key={s} value={s}>
                {label('incidentStatus', s)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ListStatus list={list} empty={t('incidents.empty')} />
      {list.items.length > 0 && (
        <div className="card table-card">
          <table className="table" data-testid="incidents">
            <caption className="sr-only">{t('incidents.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('incident.raised')}</th>
                <th scope="col">{t('incident.trigger')}</th>
                <th scope="col">{t('incident.status')}</th>
                <th scope="col">{t('incident.owner')}</th>
                <th scope="col">{t('incident.nextDeadline')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((i) => {
                const step = i.nextStep ? i.steps[i.nextStep] : undefined;
                return (
                  <tr key={i.id} data-incident={i.id}>
                    <td className="nowrap">
                      <Link to={`/incidents/${i.id}`}>{formatDateTime(i.raisedAt, tag)}</Link>
                    </td>
                    <td>
                      <TriggerText incident={i} />
                    </td>
                    <td>
                      <IncidentStatusBadge status={i.status} />
                      {i.escalationLevel > 0 && (
                        <>
                          {' '}
                          <Badge tone="danger">{t(i.escalationLevel >= 2 ? 'incident.level2' : 'incident.level1')}</Badge>
                        </>
                      )}
                    </td>
                    <td>{i.owner ? name(i.owner.userId) : <span className="muted">{t('incident.noOwner')}</span>}</td>
                    <td>{step ? <Countdown deadline={step.deadline} state={step.state} compact /> : <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={() => void list.more()} />
    </>
  );
}
