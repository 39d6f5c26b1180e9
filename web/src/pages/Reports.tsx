import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api/client';
import type { KpiReport, ReportProducts } from '../api/types';
import { useUser } from '../auth/SessionContext';
import { Field } from '../components/Field';
import { PageHeader } from '../components/Layout';
import { MonthPicker } from '../components/MonthPicker';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { useReader } from '../hooks/useReader';
import { useI18n } from '../i18n';
import { Accountability } from './reports/Accountability';
import { KpiPanels } from './reports/KpiPanels';
import { addMonths, isMonth, monthName, monthOf, monthQuery } from './reports/kpis';
import { MonthReport, StoredReports } from './reports/StoredReports';

/**
 * Reports (docs/reports.md "Who reads what"). Every staff role reads the KPIs of a month, scoped by
 * the API: a product owner those of their team's products, agents and handlers the institution's
 * figures; each reader may narrow them to one product (a picker of GET /reports/products, kept in
 * the address as ?product=). The period rule (which date a complaint is counted by) is said next
 * to the figures. The full readers (compliance_auditor, supervisor, admin and the committee's
 * members) also see the accountable KPIs per department, team and agent, that month's stored
 * report, every stored monthly and weekly report with its CSV and JSON (supervisors and admins
 * regenerate) and the links to the hot issues and targets. The KPIs are those the API computes now
 * (GET /reports/kpis, the month's local midnights in the institution's time zone) against the
 * committee's targets. The month is kept in the address (?month=).
 */
export function ReportsPage() {
  const { t, tag } = useI18n();
  const [params, setParams] = useSearchParams();
  const current = monthOf(new Date());
  const asked = params.get('month') ?? '';
  const month = isMonth(asked) ? asked : current;
  const product = params.get('product') ?? '';
  const setFilter = (m: string, p: string) => setParams(p ? { month: m, product: p } : { month: m }, { replace: true });
  const setMonth = (m: string) => isMonth(m) && setFilter(m, product);
  const [refresh, setRefresh] = useState(0);
  const changed = useCallback(() => setRefresh((n) => n + 1), []);
  const full = useReader(useUser());

  const products = useApi(() => api.get<ReportProducts>('/reports/products'), []);
  const productNames = Object.fromEntries((products.data?.items ?? []).map((p) => [p.id, p.name]));
  // A product the reader may not filter by (an old link) is not asked for: the reader's own scope is shown.
  const chosen = products.data?.items.some((p) => p.id === product) ? product : '';
  const kpis = useApi(
    () => (products.data ? api.get<KpiReport>(`/reports/kpis${query({ ...monthQuery(month), ...(chosen ? { product: chosen } : {}) })}`) : Promise.resolve(undefined)),
    [month, chosen, products.data],
  );
  const own = products.data?.scope === 'own';

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        actions={
          full ? (
            <>
              <Link className="btn" to={`/hot-issues?month=${month}`}>
                {t('nav.hotIssues')}
              </Link>
              <Link className="btn" to="/targets">
                {t('nav.targets')}
              </Link>
            </>
          ) : undefined
        }
      />
      <form className="card filters period-picker" onSubmit={(e) => e.preventDefault()} aria-label={t('reports.period')}>
        <Field label={t('reports.month')}>
          <MonthPicker value={month} max={current} onChange={setMonth} />
        </Field>
        <Field label={t('reports.product')}>
          <select value={chosen} disabled={!products.data} onChange={(e) => setFilter(month, e.target.value)}>
            <option value="">{own ? t('reports.allMyProducts') : t('reports.allProducts')}</option>
            {(products.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
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

      {full && <MonthReport month={month} refresh={refresh} onChange={changed} />}

      <section className="card period-rule" aria-labelledby="period-rule" data-testid="period-rule">
        <h2 id="period-rule" className="section-title">
          {t('reports.periodRuleTitle')}
        </h2>
        <p>{t('reports.periodRuleComplaints')}</p>
        <p>{t('reports.periodRuleGates')}</p>
        {kpis.data && <p className="muted small">{t('reports.periodRuleZone', { zone: kpis.data.timeZone })}</p>}
        {products.data && !full && <p className="muted small">{own ? t('reports.scopeOwn') : t('reports.scopeInstitution')}</p>}
        {own && products.data?.items.length === 0 && <p className="muted small">{t('reports.noProducts')}</p>}
      </section>

      <ErrorNotice error={products.error} what={t('reports.product')} />
      <ErrorNotice error={kpis.error} what={t('reports.kpis')} />
      {(kpis.loading || products.loading) && !kpis.data && <Loading />}
      {kpis.data && (
        <div aria-busy={kpis.loading} data-testid="kpis">
          <KpiPanels report={kpis.data} productNames={productNames} />
          {full && <Accountability report={kpis.data} period={monthQuery(month)} />}
        </div>
      )}

      {full && <StoredReports refresh={refresh} onChange={changed} />}
    </>
  );
}
