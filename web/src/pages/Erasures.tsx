import { erasureStatuses } from '@domain/erasure/types.js';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, query } from '../api/client';
import type { Erasure, LegalHold, Page } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { Badge } from '../components/Badge';
import { errorsByPath, Field } from '../components/Field';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, ListStatus } from '../components/Notice';
import { LoadMore, usePaged } from '../components/Pager';
import { useApi, useCommand } from '../hooks/useApi';
import { useI18n, type MessageKey } from '../i18n';
import { ErasureStatusBadge } from './erasure/parts';

/**
 * Personal-data erasure (docs/security.md "Customer data keys and erasure"): the requests with
 * their status, a request form, and the legal holds (set and lift, compliance auditors only).
 */
export function ErasuresPage() {
  const { t, tag } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const list = usePaged((cursor?: string) => api.get<Page<Erasure>>(`/erasures${query({ status, limit: 25, cursor })}`), status);
  return (
    <>
      <PageHeader title={t('erasures.title')} subtitle={t('erasures.subtitle')} />
      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('erasure.status')}
          <select value={status} onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}>
            <option value="">{t('common.all')}</option>
            {erasureStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`erasureStatus.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ListStatus list={list} empty={t('erasures.empty')} />
      {list.items.length > 0 && (
        <div className="card table-card">
          <table className="table" data-testid="erasures">
            <caption className="sr-only">{t('erasures.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('erasure.requested')}</th>
                <th scope="col">{t('erasure.customerRef')}</th>
                <th scope="col">{t('erasure.status')}</th>
                <th scope="col">{t('erasure.origin')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((e) => (
                <tr key={e.id} data-erasure={e.id}>
                  <td className="nowrap">
                    <Link to={`/erasures/${e.id}`}>{formatDateTime(e.requestedAt, tag)}</Link>
                  </td>
                  <td className="mono">{e.customerRef}</td>
                  <td>
                    <ErasureStatusBadge status={e.status} />
                  </td>
                  <td>{t(`erasureOrigin.${e.origin}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={() => void list.more()} />
      <div className="grid-2">
        <RequestForm />
        <LegalHolds canChange={hasRole(user, 'compliance_auditor')} />
      </div>
    </>
  );
}

function RequestForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [customerRef, setCustomerRef] = useState('');
  const [reason, setReason] = useState('');
  const run = useCommand(() => api.post<Erasure>('/erasures', { customerRef: customerRef.trim(), reason }));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await run.exec();
    if (created) void navigate(`/erasures/${created.id}`);
  }
  return (
    <section className="card" aria-labelledby="erasure-request">
      <h2 id="erasure-request">{t('erasures.request')}</h2>
      <form className="command-form" onSubmit={(e) => void submit(e)} aria-labelledby="erasure-request">
        <ErrorNotice error={run.error} />
        <Field label={t('erasure.customerRef')} error={errors.customerRef} required>
          <input name="customerRef" value={customerRef} onChange={(e) => setCustomerRef(e.target.value)} autoComplete="off" />
        </Field>
        <Field label={t('erasure.reason')} error={errors.reason} required wide>
          <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={run.pending}>
            {t('erasures.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function LegalHolds({ canChange }: { canChange: boolean }) {
  const { t, tag } = useI18n();
  const holds = useApi(() => api.get<{ items: LegalHold[] }>('/legal-holds').then((r) => r.items), []);
  const [customerRef, setCustomerRef] = useState('');
  const [reason, setReason] = useState('');
  const set = useCommand(() => api.post<LegalHold>('/legal-holds', { customerRef: customerRef.trim(), reason }));
  const errors = set.error instanceof ApiError ? errorsByPath(t, set.error.errors) : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await set.exec()) {
      setCustomerRef('');
      setReason('');
      holds.reload();
    }
  }
  return (
    <section className="card" aria-labelledby="legal-holds">
      <h2 id="legal-holds">{t('holds.title')}</h2>
      <ErrorNotice error={holds.error} />
      {holds.data && holds.data.length === 0 && <p className="muted">{t('holds.empty')}</p>}
      <ul className="plain-list" data-testid="legal-holds">
        {(holds.data ?? []).map((h) => (
          <li key={h.id} data-hold={h.id}>
            <span className="mono">{h.customerRef}</span> — {h.reason}{' '}
            {h.liftedAt ? <Badge tone="neutral">{t('holds.lifted', { at: formatDateTime(h.liftedAt, tag), by: h.liftedBy ?? '', reason: h.liftReason ?? '' })}</Badge> : <Badge tone="warning">{t('holds.active')}</Badge>}
            <div className="muted small">{t('holds.setBy', { at: formatDateTime(h.setAt, tag), by: h.setBy })}</div>
            {canChange && !h.liftedAt && <LiftHold id={h.id} onDone={holds.reload} />}
          </li>
        ))}
      </ul>
      {canChange && (
        <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={t('holds.set')}>
          <h3>{t('holds.set')}</h3>
          <ErrorNotice error={set.error} />
          <Field label={t('erasure.customerRef')} error={errors.customerRef} required>
            <input name="holdCustomerRef" value={customerRef} onChange={(e) => setCustomerRef(e.target.value)} autoComplete="off" />
          </Field>
          <Field label={t('erasure.reason')} error={errors.reason} required wide>
            <textarea name="holdReason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn" disabled={set.pending}>
              {t('holds.setSubmit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function LiftHold({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const run = useCommand(() => api.post<LegalHold>(`/legal-holds/${id}/lift`, { reason }));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  if (!open) {
    return (
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)} aria-expanded={false}>
        {t('holds.lift')}
      </button>
    );
  }
  return (
    <form
      className="command-form"
      aria-label={t('holds.liftSubmit')}
      onSubmit={(e) => {
        e.preventDefault();
        void run.exec().then((r) => r && onDone());
      }}
    >
      <ErrorNotice error={run.error} />
      <Field label={t('holds.liftReason')} error={errors.reason} required wide>
        <textarea name="liftReason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={run.pending}>
          {t('holds.liftSubmit')}
        </button>
      </div>
    </form>
  );
}
