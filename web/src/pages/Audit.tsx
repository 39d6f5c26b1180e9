import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, download, query } from '../api/client';
import type { AuditEvent, Page, Verification } from '../api/types';
import { Badge } from '../components/Badge';
import { Field } from '../components/Field';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { LoadMore } from '../components/Pager';
import { Empty, ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { PiiAccessLog } from './audit/PiiAccessLog';

const entityTypes = ['complaint', 'initiative', 'policy', 'committee', 'calendar', 'report', 'customer_notice', 'person', 'im_channel', 'pii_access'] as const;
/** Reasons of a break the dictionary explains (docs/audit.md); others show as the API names them. */
const reasons = ['hash_mismatch', 'prev_hash_mismatch', 'seq_gap', 'tail_missing', 'truncated', 'rewritten'];

interface Trail {
  events: AuditEvent[];
  nextCursor: string | null;
  verification: Verification | ApiError;
}

/** The chain position `<entityType>/<entityId>#<seq>` of a break, as a seq when it is this record's. */
function brokenSeq(at: string | undefined, entityType: string, entityId: string): number | undefined {
  const prefix = `${entityType}/${entityId}#`;
  return at?.startsWith(prefix) ? Number(at.slice(prefix.length)) : undefined;
}

/**
 * Audit (compliance_auditor, admin; docs/audit.md): one entity's timeline from GET
 * /api/v1/audit/events, the chain verification from /audit/verify — a break is shown with its
 * reason and marked at the event the API names — and the full export (events, workflow history,
 * verification; PII masked) for download.
 */
export function AuditPage() {
  const { t, tag, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? 'complaint';
  const entityId = params.get('entityId') ?? '';
  const [form, setForm] = useState({ entityType, entityId });
  const [exportError, setExportError] = useState<Error>();

  const trail = useApi<Trail | undefined>(async () => {
    if (!entityId) return undefined;
    const q = query({ entityType, entityId });
    const [events, verification] = await Promise.all([
      api.get<Page<AuditEvent>>(`/audit/events${query({ entityType, entityId, limit: 500 })}`),
      api.get<Verification>(`/audit/verify${q}`).catch((e: unknown) => (e instanceof ApiError ? e : Promise.reject(e))),
    ]);
    return { events: events.items, nextCursor: events.nextCursor, verification };
  }, [entityType, entityId]);
  const [moreError, setMoreError] = useState<Error>();

  async function more() {
    const current = trail.data;
    if (!current?.nextCursor) return;
    try {
      const page = await api.get<Page<AuditEvent>>(`/audit/events${query({ entityType, entityId, limit: 500, cursor: current.nextCursor })}`);
      trail.set({ ...current, events: [...current.events, ...page.items], nextCursor: page.nextCursor });
    } catch (e) {
      setMoreError(e as Error);
    }
  }

  function open(e: FormEvent) {
    e.preventDefault();
    setParams({ entityType: form.entityType, entityId: form.entityId.trim() });
  }

  async function exportTrail() {
    setExportError(undefined);
    try {
      await download(`/audit/${entityType}/${encodeURIComponent(entityId)}/export`, `cxgov-audit-${entityType}-${entityId}.json`);
    } catch (e) {
      setExportError(e as Error);
    }
  }

  const v = trail.data?.verification;
  const broken = v && !(v instanceof ApiError) && !v.ok ? brokenSeq(v.firstBrokenAt, entityType, entityId) : undefined;
  const brokenShown = broken !== undefined && !!trail.data?.events.some((e) => e.seq === broken);

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <form className="card filters" onSubmit={open} aria-label={t('audit.open')}>
        <Field label={t('audit.entityType')}>
          <select value={form.entityType} onChange={(e) => setForm({ ...form, entityType: e.target.value })}>
            {entityTypes.map((x) => (
              <option key={x} value={x}>
                {t(`entity.${x}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('audit.entityId')} wide>
          <input value={form.entityId} onChange={(e) => setForm({ ...form, entityId: e.target.value })} placeholder={t('audit.entityIdPlaceholder')} />
        </Field>
        <button type="submit" className="btn btn-primary">
          {t('audit.open')}
        </button>
      </form>
      <ErrorNotice error={trail.error} />
      {!entityId && <Empty>{t('audit.pick')}</Empty>}
      {entityId && trail.loading && <Loading />}
      {trail.data && (
        <>
          <section className="card" aria-labelledby="verification" data-testid="verification">
            <div className="card-head">
              <h2 id="verification">{t('audit.verification')}</h2>
              <button type="button" className="btn" onClick={() => void exportTrail()}>
                {t('audit.export')}
              </button>
            </div>
            <ErrorNotice error={exportError} what={t('audit.export')} />
            {v instanceof ApiError ? (
              <ErrorNotice error={v} what={t('audit.verification')} />
            ) : v?.ok ? (
              <p className="verify verify-ok">
                <Badge tone="success">{t('audit.intact')}</Badge> {t('audit.intactText', { n: v.checked })}
              </p>
            ) : v ? (
              <div className="verify-broken" role="alert">
                <p className="verify">
                  <Badge tone="danger">{t('audit.broken')}</Badge> {t('audit.brokenText', { n: v.checked, at: v.firstBrokenAt ?? '?' })}
                </p>
                {v.reason && (
                  <p className="verify-reason">
                    {reasons.includes(v.reason) ? label('audit.reason', v.reason) : v.reason}
                    {broken !== undefined && (brokenShown ? ` ${t('audit.brokenMarked', { seq: broken })}` : ` ${t('audit.brokenGone', { seq: broken })}`)}
                  </p>
                )}
                {v.detail && (
                  <details className="small verify-detail">
                    <summary>{t('audit.detail')}</summary>
                    <p className="muted">{v.detail}</p>
                  </details>
                )}
              </div>
            ) : null}
          </section>
          <section className="card table-card" aria-labelledby="events">
            <h2 id="events" className="card-pad">
              {t('audit.timeline', { n: trail.data.events.length })}
            </h2>
            {trail.data.events.length === 0 ? (
              <Empty>{t('audit.noEvents')}</Empty>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('audit.at')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.details')}</th>
                    <th scope="col">{t('audit.hash')}</th>
                  </tr>
                </thead>
                <tbody>
                  {trail.data.events.map((e) => (
                    <tr key={e.id} className={e.seq === broken ? 'row-broken' : undefined} data-seq={e.seq} data-broken={e.seq === broken ? 'true' : undefined}>
                      <td className="num">
                        {e.seq}
                        {e.seq === broken && (
                          <div>
                            <Badge tone="danger">{t('audit.brokenHere')}</Badge>
                          </div>
                        )}
                      </td>
                      <td className="small">{formatDateTime(e.at, tag)}</td>
                      <td>
                        {e.actor}
                        <div className="muted small">{(e.roles ?? []).join(', ')}</div>
                      </td>
                      <td>
                        <code>{e.action}</code>
                        {e.reason && <div className="small">{e.reason}</div>}
                      </td>
                      <td>
                        {(e.before !== undefined || e.after !== undefined) && (
                          <details>
                            <summary>{t('audit.change')}</summary>
                            <pre className="json">{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
                          </details>
                        )}
                      </td>
                      <td className="mono small" title={e.hash}>
                        {e.hash?.slice(0, 10)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <ErrorNotice error={moreError} />
            <LoadMore hasMore={!!trail.data.nextCursor} loading={false} onMore={() => void more()} />
          </section>
        </>
      )}
      <PiiAccessLog />
    </>
  );
}
