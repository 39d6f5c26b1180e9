import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, query } from '../api/client';
import type { Meeting } from '../api/types';
import { useUser } from '../auth/SessionContext';
import { errorsByPath, Field } from '../components/Field';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { MonthPicker } from '../components/MonthPicker';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi, useCommand } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { MeetingStatusBadge } from './meeting/parts';

/** The committee's meetings by month (docs/meetings.md); the chair convenes an extra one. */
export function MeetingsPage() {
  const { t, tag } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? '';
  const list = useApi(() => api.get<{ items: Meeting[] }>(`/meetings${query({ month, limit: 24 })}`), [month]);
  const items = list.data?.items ?? [];
  const chair = items.some((m) => m.chairUserId === user.userId);
  return (
    <>
      <PageHeader title={t('meetings.title')} subtitle={t('meetings.subtitle')} />
      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('meetings.month')}>
          <MonthPicker value={month} optional onChange={(m) => setParams(m ? { month: m } : {}, { replace: true })} />
        </Field>
      </form>
      <ErrorNotice error={list.error} />
      {list.loading && <Loading />}
      {list.data && items.length === 0 && <p className="muted">{t('meetings.empty')}</p>}
      {items.length > 0 && (
        <div className="card table-card">
          <table className="table" data-testid="meetings">
            <caption className="sr-only">{t('meetings.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.meeting')}</th>
                <th scope="col">{t('meetings.reviewed')}</th>
                <th scope="col">{t('meeting.status')}</th>
                <th scope="col">{t('meetings.items')}</th>
                <th scope="col">{t('meetings.convened')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} data-meeting={m.id}>
                  <td>
                    <Link to={`/meetings/${m.id}`}>{m.kind === 'extra' ? t('meetings.extraName', { id: m.id }) : t('meetings.monthlyName', { month: m.month })}</Link>
                  </td>
                  <td>{m.reviewedMonth}</td>
                  <td>
                    <MeetingStatusBadge status={m.status} />
                  </td>
                  <td>{t('meetings.decidedOf', { decided: m.items.filter((i) => i.decision).length, total: m.items.length })}</td>
                  <td className="nowrap">{formatDateTime(m.convenedAt, tag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(chair || items.length === 0) && <ConveneExtra />}
    </>
  );
}

function ConveneExtra() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [month, setMonth] = useState('');
  const run = useCommand(() => api.post<Meeting>('/meetings', { reason, ...(month ? { month } : {}) }));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    const m = await run.exec();
    if (m) void navigate(`/meetings/${m.id}`);
  }
  return (
    <section className="card" aria-labelledby="convene-extra">
      <h2 id="convene-extra">{t('meetings.conveneExtra')}</h2>
      <p className="muted small">{t('meetings.conveneHint')}</p>
      <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={t('meetings.conveneExtra')}>
        <ErrorNotice error={run.error} />
        <Field label={`${t('meetings.month')} (${t('form.optional')})`} error={errors.month}>
          <MonthPicker name="month" value={month} optional onChange={setMonth} />
        </Field>
        <Field label={t('meetings.reason')} error={errors.reason} wide required>
          <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={run.pending}>
            {t('meetings.convene')}
          </button>
        </div>
      </form>
    </section>
  );
}
