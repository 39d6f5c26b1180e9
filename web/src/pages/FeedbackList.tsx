import { feedbackKinds, feedbackStatuses } from '@domain/feedback/types.js';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api/client';
import type { Feedback } from '../api/types';
import { useUser } from '../auth/SessionContext';
import { hasRole } from '../auth/session';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';

const filterNames = ['kind', 'status'] as const;

/** Feedback (docs/feedback.md): inquiries, suggestions and praise, newest first; the filters are kept in the address. */
export function FeedbackListPage() {
  const { t, label, tag } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const f = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ''])) as Record<(typeof filterNames)[number], string>;
  const set = (name: (typeof filterNames)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const list = useApi(() => api.get<{ items: Feedback[] }>(`/feedback${query({ kind: f.kind || undefined, status: f.status || undefined })}`), [f.kind, f.status]);
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('feedback.title')}
        subtitle={t('feedback.subtitle')}
        actions={
          hasRole(user, 'cs_agent') ? (
            <Link className="btn btn-primary" to="/feedback/new">
              {t('feedback.new')}
            </Link>
          ) : undefined
        }
      />
      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('feedback.kind')}
          <select value={f.kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {feedbackKinds.map((k) => (
              <option key={k} value={k}>
                {label('feedbackKind', k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('feedback.status')}
          <select value={f.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {feedbackStatuses.map((s) => (
              <option key={s} value={s}>
                {label('feedbackStatus', s)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('feedback.none')}</p>
      ) : (
        <ul className="card-list" aria-label={t('feedback.title')}>
          {items.map((v) => (
            <li key={v.id} className="card">
              <Link to={`/feedback/${v.id}`}>
                <strong>{label('feedbackKind', v.kind)}</strong> · {label('feedbackStatus', v.status)} · {label('channel', v.channel)}
              </Link>
              <p className="small">{v.description.split('\n')[0]}</p>
              <p className="muted small">
                {v.customer.name} · {formatDateTime(v.receivedAt, tag)}
                {v.firstResponse && ` · ${t('feedback.firstResponseDue')}: ${formatDateTime(v.firstResponse.due, tag)} (${label('feedbackClock', v.firstResponse.state)})`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
