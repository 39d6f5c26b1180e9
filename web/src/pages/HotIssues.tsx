import { useMemo, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, query } from '../api/client';
import type { HotIssueItem, HotIssues, Initiative } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { Badge } from '../components/Badge';
import { Field } from '../components/Field';
import { formatDateTime, formatPeriod, shortId } from '../components/format';
import { PageHeader } from '../components/Layout';
import { MonthPicker } from '../components/MonthPicker';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { useI18n, type MessageKey } from '../i18n';
import { Chart, type ChartOption } from './reports/Chart';
import { addMonths, isMonth, monthName, monthOf, monthQuery, percent } from './reports/kpis';

type ListKey = 'rootCauseGroups' | 'rootCauses' | 'categories' | 'products';
/** Each list, its title and the complaint-list filter its drill-down sets. */
const lists: { key: ListKey; title: MessageKey; filter: string }[] = [
  { key: 'rootCauseGroups', title: 'hot.rootCauseGroups', filter: 'rootCauseGroup' },
  { key: 'rootCauses', title: 'hot.rootCauses', filter: 'rootCause' },
  { key: 'categories', title: 'hot.categories', filter: 'category' },
  { key: 'products', title: 'hot.products', filter: 'product' },
];
const blue = '#1f4e8c';
const grey = '#9aa5b1';

/**
 * Hot issues (GET /reports/hot-issues; docs/reports.md, "Hot issues"): the root causes, categories
 * and products that drew the most complaints in a month, against the month before of equal
 * length, with repeat shares and the worst on-time rates. Every bar drills down to the complaints
 * behind it — by a click on the chart, or by the link in the table under it.
 */
export function HotIssuesPage() {
  const mayRaise = hasRole(useUser(), 'supervisor');
  const { t, label, tag } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const current = monthOf(new Date());
  const asked = params.get('month') ?? '';
  const month = isMonth(asked) ? asked : current;
  const setMonth = (m: string) => isMonth(m) && setParams({ month: m }, { replace: true });
  const loaded = useApi(() => api.get<HotIssues>(`/reports/hot-issues${query({ ...monthQuery(month), limit: 10 })}`), [month]);
  const { labelOf } = useTaxonomy();
  const h = loaded.data;

  // Products are initiative ids: their names, when the reader may read initiatives.
  const productIds = (h?.products ?? []).map((p) => p.key);
  const names = useApi(
    async () => Object.fromEntries(await Promise.all(productIds.map(async (id) => [id, await api.get<Initiative>(`/initiatives/${id}`).then((i) => i.name, () => shortId(id))] as const))) as Record<string, string>,
    [productIds.join(',')],
  );
  const nameOf = (list: ListKey | 'rootCause' | 'category' | 'product', key: string) => {
    if (list === 'categories' || list === 'category') return label('category', key);
    if (list === 'products' || list === 'product') return names.data?.[key] ?? shortId(key);
    return labelOf(key);
  };
  const drill = (filter: string, key: string) => (h ? `/complaints${query({ [filter]: key, from: h.from, to: h.to })}` : '/complaints');

  const charts = useMemo(() => {
    if (!h) return undefined;
    return Object.fromEntries(
      lists.map(({ key }) => {
        const items = [...h[key]].reverse(); // a category y axis draws its first item lowest
        const option: ChartOption = {
          grid: { left: 170, right: 40, top: 30, bottom: 24 },
          legend: { top: 0 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: items.map((i) => nameOf(key, i.key)), axisLabel: { width: 160, overflow: 'truncate' } },
          series: [
            { name: t('hot.thisPeriod'), type: 'bar', barMaxWidth: 16, itemStyle: { color: blue }, data: items.map((i) => i.count), label: { show: true, position: 'right' } },
            { name: t('hot.previousPeriod'), type: 'bar', barMaxWidth: 16, itemStyle: { color: grey }, data: items.map((i) => i.previous) },
          ],
        };
        const words = h[key].map((i) => `${nameOf(key, i.key)}: ${i.count} (${t('hot.before', { n: i.previous })})`).join('; ');
        return [key, { option, words, height: Math.max(120, h[key].length * 44 + 60) }];
      }),
    ) as Record<ListKey, { option: ChartOption; words: string; height: number }>;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [h, t, names.data, labelOf]);

  return (
    <>
      <PageHeader
        title={t('hot.title')}
        subtitle={t('hot.subtitle')}
        actions={
          <Link className="btn" to={`/reports?month=${month}`}>
            {t('nav.reports')}
          </Link>
        }
      />
      <form className="card filters period-picker" onSubmit={(e) => e.preventDefault()} aria-label={t('reports.period')}>
        <Field label={t('reports.month')}>
          <MonthPicker value={month} max={current} onChange={setMonth} />
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
      <ErrorNotice error={loaded.error} what={t('hot.title')} />
      {loaded.loading && !h && <Loading />}
      {h && charts && (
        <div aria-busy={loaded.loading} data-testid="hot-issues">
          <p className="muted small period-line" data-testid="hot-period">
            {t('hot.periodLine', { period: formatPeriod(h.from, h.to, tag, h.timeZone), previous: formatPeriod(h.previousFrom, h.previousTo, tag, h.timeZone), at: formatDateTime(h.computedAt, tag) })}
          </p>
          <div className="stats">
            <Stat id="received" label={t('kpi.received')} value={String(h.received)} sub={t('hot.before', { n: h.previousReceived })} />
            <Stat id="repeatShare" label={t('hot.repeatShare')} value={percent(h.repeatShare)} />
            <Stat id="withoutRootCause" label={t('hot.withoutRootCause')} value={String(h.withoutRootCause)} {...(h.withoutRootCause > 0 ? { tone: 'warning' as const } : {})} />
          </div>
          <div className="chart-grid">
            {lists.map(({ key, title, filter }) => (
              <section key={key} className="card chart-card" aria-labelledby={`hot-${key}`} data-panel={`hot-${key}`}>
                <h2 id={`hot-${key}`} className="chart-title">
                  {t(title)}
                </h2>
                {h[key].length === 0 ? (
                  <p className="chart-empty">{t('hot.none')}</p>
                ) : (
                  <>
                    <Chart option={charts[key].option} label={charts[key].words} height={charts[key].height} onSelect={(i) => navigate(drill(filter, [...h[key]].reverse()[i]!.key))} />
                    <ItemTable items={h[key]} name={(k) => nameOf(key, k)} link={(k) => drill(filter, k)} caption={t(title)} {...(mayRaise ? { raise: (k: string) => raiseLink(filter, k, nameOf(key, k)) } : {})} />
                  </>
                )}
              </section>
            ))}
          </div>
          <section className="card" aria-labelledby="hot-worst" data-panel="hot-worst">
            <h2 id="hot-worst" className="chart-title">
              {t('hot.worstOnTime')}
            </h2>
            <p className="muted small">{t('hot.worstNote')}</p>
            {h.worstOnTime.length === 0 ? (
              <p className="chart-empty">{t('hot.noneSettled')}</p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <caption className="sr-only">{t('hot.worstOnTime')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('hot.dimension')}</th>
                      <th scope="col">{t('hot.item')}</th>
                      <th scope="col" className="num">
                        {t('kpi.resolutionInTime')}
                      </th>
                      <th scope="col" className="num">
                        {t('hot.settled')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.worstOnTime.map((i) => (
                      <tr key={`${i.dimension}:${i.key}`}>
                        <td>{t(`hot.dimension.${i.dimension}` as MessageKey)}</td>
                        <td>
                          <Link to={drill(i.dimension, i.key)}>{nameOf(i.dimension, i.key)}</Link>
                        </td>
                        <td className="num">{percent(i.resolutionOnTime)}</td>
                        <td className="num">{i.resolutionSettled}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      )}
    </>
  );
}

function Stat({ id, label, value, sub, tone }: { id: string; label: string; value: string; sub?: string; tone?: 'warning' }) {
  return (
    <div className={`stat ${tone ? `stat-${tone}` : ''}`} data-hot={id}>
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
      {sub && <span className="stat-sub">{sub}</span>}
    </div>
  );
}

/** The items of one list as a table: each a link to its complaints, with its trend, repeats and deadlines. */
/** The raise form, prefilled with this hot issue as the source and its dimension as the effect's measure (docs/improvements.md). */
function raiseLink(dimension: string, key: string, name: string): string | null {
  const sourceId = `${dimension}:${key}`;
  if (!/^[A-Za-z0-9_.:-]{1,120}$/.test(sourceId)) return null;
  const measured = ['rootCause', 'category', 'product'].includes(dimension);
  return `/improvements/new${query({ kind: 'hot_issue', sourceId, label: name, ...(measured ? { dimension, value: key } : {}) })}`;
}

function ItemTable({ items, name, link, caption, raise }: { items: HotIssueItem[]; name: (key: string) => string; link: (key: string) => string; caption: string; raise?: (key: string) => string | null }) {
  const { t } = useI18n();
  const trend = (i: HotIssueItem): ReactNode =>
    i.change === 0 ? (
      <span className="muted">±0</span>
    ) : (
      <Badge tone={i.change > 0 ? 'danger' : 'success'}>
        {i.change > 0 ? '▲' : '▼'} {Math.abs(i.change)}
        {i.changeRate !== null ? ` (${i.change > 0 ? '+' : '−'}${percent(Math.abs(i.changeRate), 0)})` : ''}
      </Badge>
    );
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hot.item')}</th>
            <th scope="col" className="num">
              {t('hot.count')}
            </th>
            <th scope="col">{t('hot.trend')}</th>
            <th scope="col" className="num">
              {t('hot.repeatShare')}
            </th>
            <th scope="col" className="num">
              {t('kpi.resolutionInTime')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.key} data-item={i.key}>
              <td>
                <Link to={link(i.key)}>{name(i.key)}</Link>
              </td>
              <td className="num">{i.count}</td>
              <td>{trend(i)}</td>
              <td className="num">{percent(i.repeatShare)}</td>
              <td className="num">{percent(i.resolutionOnTime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {raise && (
        <p className="small muted raise-from">
          {t('improvement.raiseFromThis')}:{' '}
          {items
            .filter((i) => raise(i.key))
            .map((i, n) => (
              <span key={i.key}>
                {n > 0 && ' · '}
                <Link to={raise(i.key)!} data-raise={i.key}>
                  {name(i.key)}
                </Link>
              </span>
            ))}
        </p>
      )}
    </div>
  );
}
