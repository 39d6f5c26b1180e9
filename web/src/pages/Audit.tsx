import { useState, type FormEvent } from 'react';
import { ApiError, api, download, query } from '../api/client';
import type { AuditEvent, Page, Verification } from '../api/types';
import { Badge } from '../components/Badge';
import { Field } from '../components/Field';
import { dayEnd, dayStart, formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, ListStatus, Loading } from '../components/Notice';
import { LoadMore, usePaged } from '../components/Pager';
import { PersonSelect } from '../components/Pickers';
import { useApi } from '../hooks/useApi';
import { usePeople } from '../hooks/usePeople';
import { useUrlFilter } from '../hooks/useUrlFilter';
import { useI18n, type MessageKey } from '../i18n';
import { actionFamilies, actionLabel, familyLabel, knownActions } from '../i18n/audit-actions';
import { ChangeTable } from './audit/ChangeTable';
import { PiiAccessLog } from './audit/PiiAccessLog';

const entityTypes = ['complaint', 'initiative', 'policy', 'committee', 'calendar', 'report', 'customer_notice', 'person', 'im_channel', 'pii_access'] as const;
/** Reasons of a break the dictionary explains (docs/audit.md); others show as the API names them. */
const reasons = ['hash_mismatch', 'prev_hash_mismatch', 'seq_gap', 'tail_missing', 'truncated', 'rewritten'];

interface Search {
  entityType: string;
  entityId: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}
const searchNames = ['entityType', 'entityId', 'actor', 'action', 'from', 'to'] as const;

/** The chain position `<entityType>/<entityId>#<seq>` of a break, as a seq when it is this record's. */
function brokenSeq(at: string | undefined, entityType: string, entityId: string): number | undefined {
  const prefix = `${entityType}/${entityId}#`;
  return at?.startsWith(prefix) ? Number(at.slice(prefix.length)) : undefined;
}

/**
 * Audit (compliance_auditor, admin; docs/audit.md). Opens on the most recent records of the whole
 * trail; a search by record, person, action and days narrows it (kept in the URL). One record
 * shows in chain order with its verification — a break is shown with its reason and marked at the
 * event the API names — and its full export (events, workflow history, verification; PII masked).
 * Each event says who (by name), what (in words, the code beside it) and the change field by field.
 * The whole trail is verified on request; any selection downloads as CSV or prints.
 */
export function AuditPage() {
  const { t, tag, label, locale } = useI18n();
  const name = usePeople();
  const [params, setFilter] = useUrlFilter();
  const search = Object.fromEntries(searchNames.map((n) => [n, params.get(n) ?? ''])) as unknown as Search;
  const [form, setForm] = useState<Search>(search);
  const oneRecord = !!(search.entityType && search.entityId);
  const filters = { entityType: search.entityType, entityId: search.entityId, actor: search.actor, action: search.action, from: dayStart(search.from), to: dayEnd(search.to), order: oneRecord ? 'asc' : 'desc' };
  const key = searchNames.map((n) => search[n]).join('|');
  const events = usePaged((cursor?: string) => api.get<Page<AuditEvent>>(`/audit/events${query({ ...filters, limit: 200, cursor })}`), key);
  const verification = useApi<Verification | ApiError | undefined>(
    () => (oneRecord ? api.get<Verification>(`/audit/verify${query({ entityType: search.entityType, entityId: search.entityId })}`).catch((e: unknown) => (e instanceof ApiError ? e : Promise.reject(e))) : Promise.resolve(undefined)),
    [search.entityType, search.entityId],
  );
  const [whole, setWhole] = useState<{ running: boolean; result?: Verification; error?: Error }>({ running: false });
  const [exportError, setExportError] = useState<Error>();

  function submit(e: FormEvent) {
    e.preventDefault();
    for (const n of searchNames) setFilter(n, form[n].trim());
  }

  function openRecord(entityType: string, entityId: string) {
    const next = { ...form, entityType, entityId };
    setForm(next);
    for (const n of searchNames) setFilter(n, next[n]);
  }

  async function verifyWholeTrail() {
    setWhole({ running: true });
    try {
      setWhole({ running: false, result: await api.get<Verification>('/audit/verify') });
    } catch (e) {
      setWhole({ running: false, error: e as Error });
    }
  }

  async function exportTrail() {
    setExportError(undefined);
    try {
      await download(`/audit/${search.entityType}/${encodeURIComponent(search.entityId)}/export`, `cxgov-audit-${search.entityType}-${search.entityId}.json`);
    } catch (e) {
      setExportError(e as Error);
    }
  }

  /** Prints the selection with every change shown (a closed <details> prints closed). */
  function printSelection() {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('.audit-events details')) d.open = true;
    window.print();
  }

  async function exportCsv() {
    setExportError(undefined);
    try {
      await download(`/audit/events${query({ ...filters, limit: 1000 })}`, 'cxgov-audit-events.csv', 'text/csv');
    } catch (e) {
      setExportError(e as Error);
    }
  }

  const v = verification.data;
  const broken = v && !(v instanceof ApiError) && !v.ok ? brokenSeq(v.firstBrokenAt, search.entityType, search.entityId) : undefined;
  const brokenShown = broken !== undefined && events.items.some((e) => e.seq === broken);
  const field = (n: keyof Search) => ({ value: form[n], onChange: (value: string) => setForm({ ...form, [n]: value }) });

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <button type="button" className="btn" onClick={() => void verifyWholeTrail()} disabled={whole.running}>
            {t('audit.verifyAll')}
          </button>
        }
      />
      {(whole.result || whole.error || whole.running) && (
        <section className="card" aria-labelledby="whole-trail" data-testid="whole-trail">
          <h2 id="whole-trail">{t('audit.wholeTrail')}</h2>
          {whole.running && <Loading />}
          <ErrorNotice error={whole.error} what={t('audit.wholeTrail')} />
          {whole.result && (whole.result.ok ? (
            <p className="verify verify-ok">
              <Badge tone="success">{t('audit.intact')}</Badge> {t('audit.intactText', { n: whole.result.checked })}
            </p>
          ) : (
            <p className="verify" role="alert">
              <Badge tone="danger">{t('audit.broken')}</Badge> {t('audit.brokenText', { n: whole.result.checked, at: whole.result.firstBrokenAt ?? '?' })}{' '}
              {whole.result.reason && (reasons.includes(whole.result.reason) ? label('audit.reason', whole.result.reason) : whole.result.reason)}
            </p>
          ))}
        </section>
      )}
      <form className="card filters audit-search" onSubmit={submit} aria-label={t('audit.search')}>
        <Field label={t('audit.entityType')}>
          <select value={form.entityType} onChange={(e) => setForm({ ...form, entityType: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {entityTypes.map((x) => (
              <option key={x} value={x}>
                {t(`entity.${x}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('audit.entityId')}>
          <input value={form.entityId} onChange={(e) => setForm({ ...form, entityId: e.target.value })} placeholder={t('audit.entityIdPlaceholder')} />
        </Field>
        <Field label={t('audit.actor')}>
          <PersonSelect {...field('actor')} allowEmpty emptyLabel={t('common.all')} />
        </Field>
        <Field label={t('audit.action')}>
          <select value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })}>
            <option value="">{t('common.all')}</option>
            <optgroup label={t('audit.actionFamilies')}>
              {actionFamilies.map((f) => (
                <option key={f} value={`${f}.`}>
                  {t('audit.everyAction', { family: familyLabel(locale, f) })}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('audit.actions')}>
              {knownActions.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(locale, a)} ({a})
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
        <Field label={t('audit.from')}>
          <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </Field>
        <Field label={t('audit.to')}>
          <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </Field>
        <button type="submit" className="btn btn-primary">
          {t('audit.search')}
        </button>
      </form>
      {oneRecord && (
        <section className="card" aria-labelledby="verification" data-testid="verification">
          <div className="card-head">
            <h2 id="verification">{t('audit.verification')}</h2>
            <button type="button" className="btn" onClick={() => void exportTrail()}>
              {t('audit.export')}
            </button>
          </div>
          {verification.loading && !v && <Loading />}
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
      )}
      <section className="card table-card audit-events" aria-labelledby="events">
        <div className="card-head card-pad">
          <h2 id="events">{oneRecord ? t('audit.timeline', { n: events.items.length }) : t('audit.recent', { n: events.items.length })}</h2>
          <div className="button-row no-print">
            <button type="button" className="btn" onClick={() => void exportCsv()}>
              {t('audit.exportCsv')}
            </button>
            <button type="button" className="btn" onClick={printSelection}>
              {t('audit.print')}
            </button>
          </div>
        </div>
        <ErrorNotice error={exportError} what={t('audit.export')} />
        <ListStatus list={events} empty={t('audit.noEvents')} />
        {events.items.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.at')}</th>
                {!oneRecord && <th scope="col">{t('audit.record')}</th>}
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.details')}</th>
                <th scope="col">{t('audit.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {events.items.map((e) => (
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
                  {!oneRecord && (
                    <td className="small">
                      <button type="button" className="btn-link" onClick={() => openRecord(e.entityType, e.entityId)} title={t('audit.openRecord')}>
                        {t(`entity.${e.entityType}` as MessageKey)} <span className="mono">{e.entityId}</span>
                      </button>
                    </td>
                  )}
                  <td>
                    {name(e.actor)}
                    <div className="muted small">{(e.roles ?? []).map((r) => label('role', r)).join(', ')}</div>
                  </td>
                  <td>
                    {actionLabel(locale, e.action)}
                    {/* The action's code as recorded, for an auditor searching or quoting it: an id, not a word. */}
                    <div className="muted small mono" data-verbatim>
                      {e.action}
                    </div>
                    {e.reason && <div className="small">{e.reason}</div>}
                  </td>
                  <td>
                    {(e.before !== undefined || e.after !== undefined) && (
                      <details>
                        <summary>{t('audit.change')}</summary>
                        <ChangeTable before={e.before} after={e.after} />
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
        <LoadMore hasMore={events.hasMore} loading={events.loading} onMore={() => void events.more()} />
      </section>
      <PiiAccessLog />
    </>
  );
}
