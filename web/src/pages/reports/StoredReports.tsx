import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, download, query } from '../../api/client';
import type { Page, ReportKind, ReportSummary, StoredReport } from '../../api/types';
import { hasRole } from '../../auth/session';
import { useUser } from '../../auth/SessionContext';
import { Badge } from '../../components/Badge';
import { Field } from '../../components/Field';
import { formatDateTime, formatPeriod } from '../../components/format';
import { Empty, ErrorNotice, Loading } from '../../components/Notice';
import { LoadMore, usePaged } from '../../components/Pager';
import { useApi } from '../../hooks/useApi';
import { usePeople } from '../../hooks/usePeople';
import { useI18n } from '../../i18n';
import { monthEnded, monthName } from './kpis';

/** Regenerating is for supervisors and admins (api/routes/reports.ts); auditors read the trail. */
function useRights() {
  const user = useUser();
  return { regenerate: hasRole(user, 'supervisor', 'admin'), audit: hasRole(user, 'compliance_auditor', 'admin') };
}

/** POST /reports/{kind}/{period}/regenerate, one at a time, remembering which period runs. */
function useRegenerate(onDone: (report: StoredReport) => void) {
  const [running, setRunning] = useState<string>();
  const [error, setError] = useState<Error>();
  const run = useCallback(
    async (kind: ReportKind, period: string) => {
      setRunning(`${kind}/${period}`);
      setError(undefined);
      try {
        onDone(await api.post<StoredReport>(`/reports/${kind}/${period}/regenerate`, {}));
      } catch (e) {
        setError(e as Error);
      } finally {
        setRunning(undefined);
      }
    },
    [onDone],
  );
  return { run, running, error };
}

function useDownload() {
  const [error, setError] = useState<Error>();
  const get = async (r: { kind: ReportKind; period: string }, format: 'csv' | 'json') => {
    setError(undefined);
    try {
      await download(`/reports/${r.kind}/${r.period}`, `cxgov-${r.kind}-${r.period}.${format}`, format === 'csv' ? 'text/csv' : 'application/json');
    } catch (e) {
      setError(e as Error);
    }
  };
  return { get, error };
}

function Downloads({ report, onGet }: { report: ReportSummary; onGet: (r: ReportSummary, f: 'csv' | 'json') => void }) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => onGet(report, 'csv')} aria-label={t('reports.downloadCsv', { period: report.period })}>
        CSV
      </button>
      <button type="button" className="btn btn-small" onClick={() => onGet(report, 'json')} aria-label={t('reports.downloadJson', { period: report.period })}>
        JSON
      </button>
    </>
  );
}

/**
 * The stored monthly report of the month on screen: when and by whom it was made, its CSV and
 * JSON, regenerate; or, when none is stored (404), why and what can be done.
 */
export function MonthReport({ month, refresh, onChange }: { month: string; refresh: number; onChange: () => void }) {
  const { t, tag } = useI18n();
  const rights = useRights();
  const person = usePeople();
  const stored = useApi(() => api.get<StoredReport>(`/reports/monthly/${month}`).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))), [month, refresh]);
  const done = useCallback(
    (r: StoredReport) => {
      if (r.period === month) stored.set(r);
      onChange();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [month, onChange],
  );
  const regen = useRegenerate(done);
  const dl = useDownload();
  const ended = monthEnded(month);
  const name = monthName(month, tag);
  const running = regen.running === `monthly/${month}`;
  const r = stored.data;

  return (
    <section className="card" aria-labelledby="month-report" data-testid="month-report">
      <div className="card-head">
        <h2 id="month-report">{t('reports.monthReport', { month: name })}</h2>
        {r && (
          <div className="action-buttons">
            <Downloads report={r} onGet={(x, f) => void dl.get(x, f)} />
            {rights.regenerate && (
              <button type="button" className="btn btn-small" disabled={running} onClick={() => void regen.run('monthly', month)}>
                {running ? t('reports.generating') : t('reports.regenerate')}
              </button>
            )}
          </div>
        )}
      </div>
      <ErrorNotice error={stored.error} />
      <ErrorNotice error={regen.error} what={t('reports.regenerate')} />
      <ErrorNotice error={dl.error} what={t('reports.download')} />
      {stored.loading && stored.data === undefined && <Loading />}
      {r && (
        <p className="small" data-testid="month-report-status">
          <Badge tone="success">{t('reports.stored')}</Badge> {t('reports.generatedLine', { at: formatDateTime(r.generatedAt, tag), by: r.generatedBy === 'schedule' ? t('reports.bySchedule') : person(r.generatedBy) })}
        </p>
      )}
      {r === null && (
        <div className="notice notice-info" role="status" data-testid="month-report-status">
          <strong>{ended ? t('reports.notGenerated', { month: name }) : t('reports.notEnded', { month: name })}</strong>
          <p>{ended ? (rights.regenerate ? t('reports.notGeneratedCan') : t('reports.notGeneratedAsk')) : t('reports.notEndedText')}</p>
          {ended && rights.regenerate && (
            <p>
              <button type="button" className="btn btn-primary" disabled={running} onClick={() => void regen.run('monthly', month)}>
                {running ? t('reports.generating') : t('reports.generate')}
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** GET /reports?kind=: the stored reports, newest period first, with downloads and regenerate. */
export function StoredReports({ refresh, onChange }: { refresh: number; onChange: () => void }) {
  const { t, tag } = useI18n();
  const rights = useRights();
  const person = usePeople();
  const [kind, setKind] = useState<ReportKind>('monthly');
  const list = usePaged((cursor?: string) => api.get<Page<ReportSummary>>(`/reports${query({ kind, limit: 12, cursor })}`), `${kind}:${refresh}`);
  const regen = useRegenerate(onChange);
  const dl = useDownload();

  return (
    <section className="card table-card" aria-labelledby="stored-reports" data-testid="stored-reports">
      <div className="card-head card-pad">
        <h2 id="stored-reports">{t('reports.stored.title')}</h2>
        <Field label={t('reports.kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as ReportKind)}>
            <option value="monthly">{t('reports.kind.monthly')}</option>
            <option value="weekly">{t('reports.kind.weekly')}</option>
          </select>
        </Field>
      </div>
      <div className="card-pad">
        <ErrorNotice error={list.error} />
        <ErrorNotice error={regen.error} what={t('reports.regenerate')} />
        <ErrorNotice error={dl.error} what={t('reports.download')} />
      </div>
      {list.loading && list.items.length === 0 ? (
        <div className="card-pad">
          <Loading />
        </div>
      ) : list.items.length === 0 ? (
        <Empty>{t('reports.none', { kind: t(`reports.kind.${kind}`) })}</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('reports.col.period')}</th>
              <th scope="col">{t('reports.col.covers')}</th>
              <th scope="col">{t('reports.col.generated')}</th>
              <th scope="col">{t('reports.col.by')}</th>
              <th scope="col">
                <span className="sr-only">{t('reports.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((r) => {
              const running = regen.running === `${r.kind}/${r.period}`;
              return (
                <tr key={`${r.kind}/${r.period}`} data-period={r.period}>
                  <th scope="row" className="nowrap">
                    {r.kind === 'monthly' ? monthName(r.period, tag) : r.period}
                    <div className="muted small mono">{r.period}</div>
                  </th>
                  <td className="small">
                    {formatPeriod(r.from, r.to, tag, r.timeZone)}
                    <div className="muted">{r.timeZone}</div>
                  </td>
                  <td className="small nowrap">{formatDateTime(r.generatedAt, tag)}</td>
                  <td>{r.generatedBy === 'schedule' ? t('reports.bySchedule') : person(r.generatedBy)}</td>
                  <td>
                    <div className="action-buttons row-actions">
                      <Downloads report={r} onGet={(x, f) => void dl.get(x, f)} />
                      {rights.regenerate && (
                        <button type="button" className="btn btn-small" disabled={running} onClick={() => void regen.run(r.kind, r.period)} aria-label={running ? undefined : t('reports.regenerateOf', { period: r.period })}>
                          {running ? t('reports.generating') : t('reports.regenerate')}
                        </button>
                      )}
                      {rights.audit && (
                        <Link className="btn btn-small btn-ghost" to={`/audit?${new URLSearchParams({ entityType: 'report', entityId: `${r.kind}:${r.period}` })}`}>
                          {t('reports.auditTrail')}
                        </Link>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={() => void list.more()} />
    </section>
  );
}
