import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api/client';
import type { KpiReport } from '../api/types';
import { Field } from '../components/Field';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { Accountability } from './reports/Accountability';
import { KpiPanels } from './reports/KpiPanels';
import { addMonths, isMonth, monthName, monthOf, monthQuery } from './reports/kpis';
import { MonthReport, StoredReports } from './reports/StoredReports';

/**
 * Reports (compliance_auditor, supervisor, admin and the committee's members; docs/reports.md):
 * the KPIs of a month as the API computes them now (GET /reports/kpis, the month's local
 * midnights in the institution's time zone) against the committee's targets, the accountable
 * KPIs per department, team and agent, that month's stored report, and every stored monthly and
 * weekly report with its CSV and JSON; supervisors and admins regenerate. The month is kept in
 * the address (?month=).
 */
export function ReportsPage() {
  const { t, tag } = useI18n();
  const [params, setParams] = useSearchParams();
  const current = monthOf(new Date());
  const asked = params.get('month') ?? '';
  const month = isMonth(asked) ? asked : current;
  const setMonth = (m: string) => isMonth(m) && setParams({ month: m }, { replace: true });
  const [refresh, setRefresh] = useState(0);
  const changed = useCallback(() => setRefresh((n) => n + 1), []);

  const kpis = useApi(() => api.get<KpiReport>(`/reports/kpis${query(monthQuery(month))}`), [month]);

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        actions={
          <>
            <Link className="btn" to={`/hot-issues?month=${month}`}>
              {t('nav.hotIssues')}
            </Link>
            <Link className="btn" to="/targets">
              {t('nav.targets')}
            </Link>
          </>
        }
      />
      <form className="card filters period-picker" onSubmit={(e) => e.preventDefault()} aria-label={t('reports.period')}>
        <Field label={t('reports.month')}>
          <input type="month" value={month} max={current} onChange={(e) => setMonth(e.target.value)} />
        </Field>
        <div className="action-buttons">
          <button type="button" className="btn" onClick={() => setMonth(addMonths(month, -1))}>
            {t('reports.previousMonth')}
          </button>
          <button type="button" className="btn" disabled={month >= current} onClick={() => setMonth(addMonths(month, 1))}>
            {t('reports.nextMonth')}
          </button>
        </div>
        {month === current && <p className="muted small period-note">{t('reports.monthToDate', { month: monthName(month, tag) })}</p>}
      </form>

      <MonthReport month={month} refresh={refresh} onChange={changed} />

      <ErrorNotice error={kpis.error} what={t('reports.kpis')} />
      {kpis.loading && !kpis.data && <Loading />}
      {kpis.data && (
        <div aria-busy={kpis.loading} data-testid="kpis">
          <KpiPanels report={kpis.data} />
          <Accountability report={kpis.data} period={monthQuery(month)} />
        </div>
      )}

      <StoredReports refresh={refresh} onChange={changed} />
    </>
  );
}
