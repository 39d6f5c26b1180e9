import { useState, type FormEvent } from 'react';
import { api, query } from '../../api/client';
import type { PiiAccess, Page } from '../../api/types';
import { Badge } from '../../components/Badge';
import { Field } from '../../components/Field';
import { dayEnd, dayStart, formatDateTime } from '../../components/format';
import { LoadMore } from '../../components/Pager';
import { Empty, ErrorNotice, Loading } from '../../components/Notice';
import { useI18n } from '../../i18n';

interface Filter {
  actor: string;
  complaintId: string;
  from: string;
  to: string;
}


/**
 * The PII access log (docs/security.md "PII access log") from GET /api/v1/audit/pii-access: who was
 * handed which customers' details in clear, which fields, why and when, and the flags raised to
 * compliance. Searched by person, complaint and days; never shows the details themselves.
 */
export function PiiAccessLog() {
  const { t, tag, label } = useI18n();
  const [form, setForm] = useState<Filter>({ actor: '', complaintId: '', from: '', to: '' });
  const [filter, setFilter] = useState<Filter>();
  const [rows, setRows] = useState<PiiAccess[]>();
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();

  const params = (f: Filter) => ({ actor: f.actor.trim() || undefined, complaintId: f.complaintId.trim() || undefined, from: dayStart(f.from), to: dayEnd(f.to), limit: 200 });

  async function load(f: Filter, cursor?: string) {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get<Page<PiiAccess>>(`/audit/pii-access${query({ ...params(f), ...(cursor ? { cursor } : {}) })}`);
      setRows((current) => (cursor ? [...(current ?? []), ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }

  function search(e: FormEvent) {
    e.preventDefault();
    setFilter(form);
    void load(form);
  }

  return (
    <section className="card table-card" aria-labelledby="pii-access">
      <div className="card-pad">
        <h2 id="pii-access">{t('piiAccess.title')}</h2>
        <p className="muted small">{t('piiAccess.subtitle')}</p>
      </div>
      <form className="filters card-pad" onSubmit={search} aria-label={t('piiAccess.search')}>
        <Field label={t('piiAccess.actor')}>
          <input value={form.actor} onChange={(e) => setForm({ ...form, actor: e.target.value })} />
        </Field>
        <Field label={t('piiAccess.complaintId')}>
          <input value={form.complaintId} onChange={(e) => setForm({ ...form, complaintId: e.target.value })} />
        </Field>
        <Field label={t('piiAccess.from')}>
          <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </Field>
        <Field label={t('piiAccess.to')}>
          <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </Field>
        <button type="submit" className="btn btn-primary">
          {t('piiAccess.search')}
        </button>
      </form>
      <ErrorNotice error={error} what={t('piiAccess.title')} />
      {!rows && !loading && <Empty>{t('piiAccess.pick')}</Empty>}
      {!rows && loading && <Loading />}
      {rows && rows.length === 0 && <Empty>{t('piiAccess.none')}</Empty>}
      {rows && rows.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="pii-access">
          <table className="table" data-testid="pii-access">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('piiAccess.purpose')}</th>
                <th scope="col">{t('piiAccess.customers')}</th>
                <th scope="col">{t('piiAccess.requestId')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-action={r.action}>
                  <td className="small">{formatDateTime(r.at, tag)}</td>
                  <td>
                    {r.actor}
                    <div className="muted small">{r.roles.join(', ')}</div>
                  </td>
                  <td>
                    {r.flag ? (
                      <Badge tone="danger">{t('piiAccess.flagged', { n: r.flag.distinctCustomers, threshold: r.flag.threshold, minutes: r.flag.windowMinutes })}</Badge>
                    ) : r.purpose ? (
                      label('piiAccess.purposeOf', r.purpose)
                    ) : null}
                    {r.reason && <div className="muted small">{r.reason}</div>}
                  </td>
                  <td>
                    <ul className="plain-list small">
                      {r.items.map((i) => (
                        <li key={i.complaintId}>
                          <span className="mono">{i.complaintId}</span> · {i.customerRef} · {i.fields.map((f) => label('piiAccess.field', f)).join(', ')}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="mono small">{r.requestId ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={!!next && !!filter} loading={loading} onMore={() => filter && next && void load(filter, next)} />
    </section>
  );
}
