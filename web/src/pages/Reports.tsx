import { useMemo, useState } from 'react';
import { ApiError, api, download, query } from '../api/client';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading, Unavailable } from '../components/Notice';
import { Field } from '../components/Field';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { Chart, type ChartOption } from './reports/Chart';
import { asPercent, humanize, readKpis } from './reports/kpis';

const palette = ['#1f4e8c', '#2f8f83', '#d08a1c', '#b83a3a', '#6b5fb5', '#4d7ea8', '#7a8a99', '#a05c8c', '#5a9a3f'];
/** Targets from the service-quality plan (seed 004): 90 % answered within 24 h, 98 % resolved. */
const targets: Record<string, number> = { firstResponseWithin24h: 90, resolutionRate: 98 };

const monthOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;

/**
 * Reports (compliance_auditor, supervisor, admin): the complaint and gate KPIs as charts, and the
 * stored monthly / weekly reports as CSV or JSON downloads. Without report endpoints on this
 * server the page says so.
 */
export function ReportsPage() {
  const { t, label } = useI18n();
  const now = new Date();
  const [from, setFrom] = useState(`${monthOf(now)}-01`);
  const [to, setTo] = useState(`${monthOf(now)}-${String(now.getDate()).padStart(2, '0')}`);
  const [month, setMonth] = useState(monthOf(new Date(now.getFullYear(), now.getMonth() - 1, 1)));
  const [week, setWeek] = useState('');
  const [dlError, setDlError] = useState<Error>();
  const kpis = useApi(() => api.get<unknown>(`/reports/kpis${query({ from: new Date(`${from}T00:00:00`).toISOString(), to: new Date(`${to}T23:59:59`).toISOString() })}`), [from, to]);
  const read = useMemo(() => (kpis.data ? readKpis(kpis.data) : undefined), [kpis.data]);
  const name = (key: string) => {
    const l = label('kpi', key);
    return l === key ? humanize(key) : l;
  };

  const rateOption = useMemo<ChartOption | undefined>(() => {
    if (!read || read.rates.length === 0) return undefined;
    // Top to bottom in the document's order (a category y axis draws its first item lowest).
    const rates = [...read.rates].reverse();
    const rateName = (key: string) => (targets[key] !== undefined ? t('reports.target', { name: name(key), target: targets[key]! }) : name(key));
    return {
      color: palette,
      grid: { left: 200, right: 40, top: 10, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)} %` },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: rates.map((r) => rateName(r.key)), axisLabel: { width: 190, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: rates.map((r) => ({ value: Number(asPercent(r.value).toFixed(1)), itemStyle: { color: targets[r.key] !== undefined && asPercent(r.value) < targets[r.key]! ? '#b83a3a' : '#2f8f83' } })),
          label: { show: true, position: 'right', formatter: '{c} %' },
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [read, label]);

  async function get(path: string, file: string, accept: string) {
    setDlError(undefined);
    try {
      await download(path, file, accept);
    } catch (e) {
      setDlError(e as Error);
    }
  }

  const unavailable = kpis.error instanceof ApiError && kpis.error.unavailable;

  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <form className="card filters" onSubmit={(e) => e.preventDefault()} aria-label={t('reports.period')}>
        <Field label={t('reports.from')}>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('reports.to')}>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
      </form>
      {unavailable ? <Unavailable what={t('reports.kpis')} /> : <ErrorNotice error={kpis.error} />}
      {kpis.loading && !kpis.data && <Loading />}
      {read && (
        <>
          {read.figures.length > 0 && (
            <div className="stats">
              {read.figures.map((f) => (
                <div key={f.path} className="stat">
                  <span className="stat-value">{Number.isInteger(f.value) ? f.value : f.value.toFixed(1)}</span>
                  <span className="stat-label">{name(f.key)}</span>
                </div>
              ))}
            </div>
          )}
          <div className="chart-grid">
            {rateOption && (
              <section className="card" aria-labelledby="rates">
                <h2 id="rates">{t('reports.rates')}</h2>
                <Chart option={rateOption} label={read.rates.map((r) => `${name(r.key)} ${asPercent(r.value).toFixed(1)} %`).join('; ')} height={Math.max(200, read.rates.length * 34 + 40)} />
              </section>
            )}
            {read.breakdowns.map((b) => (
              <section key={b.path} className="card" aria-labelledby={`bd-${b.path}`}>
                <h2 id={`bd-${b.path}`}>{name(b.key)}</h2>
                <Chart
                  label={b.values.map(([k, v]) => `${k}: ${v}`).join('; ')}
                  option={{
                    color: palette,
                    grid: { left: 50, right: 20, top: 20, bottom: 60 },
                    tooltip: { trigger: 'axis' },
                    xAxis: { type: 'category', data: b.values.map(([k]) => labelAny(label, k)), axisLabel: { interval: 0, rotate: b.values.length > 4 ? 30 : 0 } },
                    yAxis: { type: 'value' },
                    series: [{ type: 'bar', data: b.values.map(([, v]) => v), itemStyle: { color: '#1f4e8c' }, barMaxWidth: 42 }],
                  }}
                />
              </section>
            ))}
          </div>
        </>
      )}
      <section className="card" aria-labelledby="downloads">
        <h2 id="downloads">{t('reports.downloads')}</h2>
        <ErrorNotice error={dlError} what={t('reports.downloads')} />
        <div className="download-row">
          <Field label={t('reports.month')}>
            <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
          </Field>
          <button type="button" className="btn" onClick={() => void get(`/reports/monthly/${month}`, `cxgov-monthly-${month}.csv`, 'text/csv')}>
            {t('reports.csv')}
          </button>
          <button type="button" className="btn" onClick={() => void get(`/reports/monthly/${month}`, `cxgov-monthly-${month}.json`, 'application/json')}>
            {t('reports.json')}
          </button>
        </div>
        <div className="download-row">
          <Field label={t('reports.week')}>
            <input type="week" value={week} onChange={(e) => setWeek(e.target.value)} />
          </Field>
          <button type="button" className="btn" disabled={!week} onClick={() => void get(`/reports/weekly/${week}`, `cxgov-weekly-${week}.csv`, 'text/csv')}>
            {t('reports.csv')}
          </button>
          <button type="button" className="btn" disabled={!week} onClick={() => void get(`/reports/weekly/${week}`, `cxgov-weekly-${week}.json`, 'application/json')}>
            {t('reports.json')}
          </button>
        </div>
      </section>
    </>
  );
}

/** A breakdown key may be a category, channel, severity, stage or level: label what we know. */
function labelAny(label: (p: string, v: string) => string, key: string): string {
  for (const prefix of ['category', 'channel', 'severity', 'stage', 'level', 'clockName']) {
    const l = label(prefix, key);
    if (l !== key) return l;
  }
  return key;
}
