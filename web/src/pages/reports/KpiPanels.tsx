import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Initiative, KpiReport } from '../../api/types';
import { formatDateTime, formatPeriod, formatSpan, shortId } from '../../components/format';
import { useApi } from '../../hooks/useApi';
import { useI18n, type MessageKey } from '../../i18n';
import { Chart, type ChartOption } from './Chart';
import { gateCycleOverTarget } from '@domain/targets/targets.js';
import { durationUnit, hoursToMs, inUnit, percent, percentValue, targetPercent } from './kpis';
import { VoicePanels } from './VoicePanels';
import { FeedbackPanel } from './FeedbackPanel';

const blue = '#1f4e8c';
const green = '#2f8f5b';
const amber = '#c77c02';
const red = '#b42318';
const grey = '#9aa5b1';
const teal = '#2f8f83';
/** Escalation levels of a breach (1 supervisor, 2 department head, 3 chair): the ladder's names. */
const levelNames = ['cs_agent', 'supervisor', 'department_head', 'committee_chair'];

/**
 * The KPIs of one period (GET /reports/kpis): headline figures, the rates against the targets,
 * deadlines kept, volume by category / channel / severity / product, breaches by level, and the
 * gates' decisions and cycle times (elapsed and working hours). Every chart says its data in
 * words for screen readers (role img).
 */
export function KpiPanels({ report, productNames }: { report: KpiReport; productNames?: Record<string, string> }) {
  const { t, label, tag } = useI18n();
  const c = report.kpis.complaints;
  const g = report.kpis.gates;
  /** The targets in force when the KPIs were computed (the committee's; absent in old stored reports). */
  const tg = report.kpis.targets;
  const named = (key: MessageKey, target: number | undefined) => (target === undefined ? t(key) : t('reports.target', { name: t(key), target: targetPercent(target) }));
  const under = (rate: number | null, target: number | undefined) => target !== undefined && rate !== null && rate < target;
  const span = (hours: number | null) => {
    const ms = hoursToMs(hours);
    return ms === undefined ? '—' : ms > 0 && ms < 1000 ? t('time.underSecond') : formatSpan(ms, t);
  };

  // Products are initiative ids: show their names — from the caller's product list when given
  // (GET /reports/products), else each initiative (a reader of stored reports may read initiatives).
  const productIds = Object.keys(c.volume.byProduct).filter((k) => k !== 'none' && !productNames?.[k]);
  const names = useApi(
    async () =>
      Object.fromEntries(
        await Promise.all(productIds.map(async (id) => [id, await api.get<Initiative>(`/initiatives/${id}`).then((i) => i.name, () => shortId(id))] as const)),
      ) as Record<string, string>,
    [productIds.join(',')],
  );
  const productName = (id: string) => (id === 'none' ? t('kpi.noProduct') : (productNames?.[id] ?? names.data?.[id] ?? shortId(id)));

  const charts = useMemo(() => {
    const bar = (entries: [string, number][], color = blue): ChartOption => ({
      grid: { left: 44, right: 16, top: 24, bottom: entries.length > 4 ? 70 : 36 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: entries.map(([k]) => k), axisLabel: { interval: 0, rotate: entries.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: entries.map(([, v]) => v), itemStyle: { color }, barMaxWidth: 42, label: { show: true, position: 'top' } }],
    });
    const words = (entries: [string, number | string][]) => entries.map(([k, v]) => `${k}: ${v}`).join('; ');
    const labelled = (prefix: string, by: Record<string, number>) => Object.entries(by).map(([k, v]) => [label(prefix, k), v] as [string, number]);

    // Rates against the targets: a bar per rate, red when under its target.
    const rates: { key: MessageKey; rate: number | null; target?: number | undefined }[] = [
      { key: 'kpi.firstResponseRate', rate: c.firstResponse.rate, target: tg?.firstResponseOnTime },
      { key: 'kpi.resolutionInTime', rate: c.resolution.rate },
      { key: 'kpi.resolutionRate', rate: c.resolutionRate.rate, target: tg?.resolutionRate },
      { key: 'kpi.satisfactionRate', rate: c.satisfaction.rate, target: tg?.satisfaction },
      { key: 'kpi.reopenRate', rate: c.reopen.rate },
      { key: 'kpi.repeatRate', rate: c.repeat.rate },
    ];
    const rateName = (r: (typeof rates)[number]) => named(r.key, r.target);
    const shown = [...rates].reverse(); // a category y axis draws its first item lowest
    const rateOption: ChartOption = {
      grid: { left: 230, right: 56, top: 8, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)} %` : '—') },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: shown.map(rateName), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: shown.map((r) => ({ value: percentValue(r.rate), itemStyle: { color: under(r.rate, r.target) ? red : teal } })),
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? `${p.value.toFixed(1)} %` : t('kpi.noData')) },
        },
      ],
    };

    // Deadlines: met in time / late / still running, for the first response and the resolution.
    const clocks = [
      ['clockName.firstResponse', c.firstResponse],
      ['clockName.resolution', c.resolution],
    ] as const;
    const clockNames = clocks.map(([k]) => t(k)).reverse();
    const part = (name: string, color: string, pick: (x: (typeof clocks)[number][1]) => number) => ({
      name,
      type: 'bar',
      stack: 'all',
      barMaxWidth: 26,
      itemStyle: { color },
      label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: clocks.map(([, x]) => pick(x)).reverse(),
    });
    const deadlineOption: ChartOption = {
      grid: { left: 110, right: 20, top: 36, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: clockNames },
      series: [part(t('kpi.onTime'), green, (x) => x.onTime), part(t('kpi.late'), red, (x) => x.late), part(t('kpi.pending'), grey, (x) => x.pending)],
    };
    const deadlineWords = clocks
      .map(([k, x]) => `${t(k)}: ${t('kpi.onTime')} ${x.onTime}, ${t('kpi.late')} ${x.late}, ${t('kpi.pending')} ${x.pending}`)
      .join('; ');

    // Resolution in time by severity, each against its own target.
    const bySeverity = report.kpis.onTime?.resolution.bySeverity ?? {};
    const severityRows = Object.entries(bySeverity).map(([sev, rate]) => ({ name: label('severity', sev), rate, target: tg?.resolutionOnTime.bySeverity[sev] }));
    const severityOption: ChartOption = {
      grid: { left: 140, right: 56, top: 8, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)} %` : '—') },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: [...severityRows].reverse().map((r) => (r.target === undefined ? r.name : t('reports.target', { name: r.name, target: targetPercent(r.target) }))) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: [...severityRows].reverse().map((r) => ({ value: percentValue(r.rate), itemStyle: { color: under(r.rate, r.target) ? red : teal } })),
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? `${p.value.toFixed(1)} %` : t('kpi.noData')) },
        },
      ],
    };
    const severityWords = severityRows.map((r) => `${r.target === undefined ? r.name : t('reports.target', { name: r.name, target: targetPercent(r.target) })}: ${percent(r.rate)}`).join('; ');

    const levels = Object.entries(c.breaches.byLevel).map(([k, v]) => [label('level', levelNames[Number(k)] ?? k), v] as [string, number]);
    const products = Object.entries(c.volume.byProduct).map(([k, v]) => [productName(k), v] as [string, number]);
    const outcomes = labelled('decision', g.decisions.byOutcome);

    // Cycle times per stage, elapsed and working, in one readable unit.
    const cycle = (avg: { byStage: Record<string, number | null> }, working: { byStage: Record<string, number | null> }) => {
      const stages = Object.keys(avg.byStage);
      const { unit, factor } = durationUnit([...Object.values(avg.byStage), ...Object.values(working.byStage)]);
      const unitName = t(`unit.${unit}` as MessageKey);
      const option: ChartOption = {
        grid: { left: 54, right: 16, top: 36, bottom: 36 },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} ${unitName}` : '—') },
        xAxis: { type: 'category', data: stages.map((s) => label('stage', s)), axisLabel: { interval: 0 } },
        yAxis: { type: 'value', name: unitName, nameTextStyle: { align: 'right' } },
        series: [
          { name: t('kpi.elapsed'), type: 'bar', barMaxWidth: 30, itemStyle: { color: blue }, data: stages.map((s) => inUnit(avg.byStage[s] ?? null, factor)) },
          { name: t('kpi.working'), type: 'bar', barMaxWidth: 30, itemStyle: { color: amber }, data: stages.map((s) => inUnit(working.byStage[s] ?? null, factor)) },
        ],
      };
      const text = stages
        .map((s) => `${label('stage', s)}: ${t('kpi.elapsed')} ${span(avg.byStage[s] ?? null)}, ${t('kpi.working')} ${span(working.byStage[s] ?? null)}`)
        .join('; ');
      return { option, text };
    };

    return {
      rates: { option: rateOption, text: rates.map((r) => `${rateName(r)}: ${percent(r.rate)}`).join('; '), height: rates.length * 34 + 40 },
      severity: { option: severityOption, text: severityWords, rows: severityRows.length },
      deadlines: { option: deadlineOption, text: deadlineWords },
      volume: (
        [
          ['kpi.byCategory', labelled('category', c.volume.byCategory)],
          ['kpi.byChannel', labelled('channel', c.volume.byChannel)],
          ['kpi.bySeverity', labelled('severity', c.volume.bySeverity)],
          ['kpi.byProduct', products],
        ] as const
      ).map(([key, entries]) => ({ key, option: bar(entries), text: words(entries) })),
      levels: { option: bar(levels, red), text: words(levels) },
      outcomes: {
        option: {
          ...bar(outcomes),
          series: [
            {
              type: 'bar',
              barMaxWidth: 42,
              label: { show: true, position: 'top' },
              data: Object.keys(g.decisions.byOutcome).map((k) => ({ value: g.decisions.byOutcome[k], itemStyle: { color: k === 'approve' ? green : k === 'reject' ? red : amber } })),
            },
          ],
        } as ChartOption,
        text: words(outcomes),
      },
      reviewCycle: cycle(g.reviewCycle.avgHours, g.reviewCycle.avgWorkingHours),
      stageCycle: cycle(g.stageCycle.avgHours, g.stageCycle.avgWorkingHours),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report, t, label, names.data]);

  const complaintStats: Stat[] = [
    { key: 'received', label: t('kpi.received'), value: String(c.received) },
    {
      key: 'firstResponse',
      label: named('kpi.firstResponseRate', tg?.firstResponseOnTime),
      value: percent(c.firstResponse.rate),
      sub: t('kpi.settled', { onTime: c.firstResponse.onTime, settled: c.firstResponse.onTime + c.firstResponse.late }),
      ...(under(c.firstResponse.rate, tg?.firstResponseOnTime) ? { tone: 'danger' as const } : {}),
    },
    {
      key: 'resolutionRate',
      label: named('kpi.resolutionRate', tg?.resolutionRate),
      value: percent(c.resolutionRate.rate),
      sub: t('kpi.resolvedOf', { resolved: c.resolutionRate.resolved, received: c.received }),
      ...(under(c.resolutionRate.rate, tg?.resolutionRate) ? { tone: 'danger' as const } : {}),
    },
    { key: 'breaches', label: t('kpi.breaches'), value: String(c.breaches.total), sub: t('kpi.breachedComplaints', { n: c.breaches.complaints }), ...(c.breaches.total > 0 ? { tone: 'warning' as const } : {}) },
    {
      key: 'handlingTime',
      label: t('kpi.handlingTime'),
      value: span(c.handlingTime.avgHours),
      sub: t('kpi.handlingSub', { working: span(c.handlingTime.avgWorkingHours), n: c.handlingTime.closed }),
    },
  ];
  const gateStats: Stat[] = [
    { key: 'decided', label: t('kpi.decided'), value: String(g.decisions.decided), sub: t('kpi.submitted', { n: g.submitted }) },
    {
      key: 'overdue',
      label: t('kpi.reviewsOverdue'),
      value: String(g.overdue.reviews),
      sub: t('kpi.stillOpen', { n: g.overdue.stillOpen }),
      ...(g.overdue.stillOpen > 0 ? { tone: 'danger' as const } : {}),
    },
  ];

  const stagesCompleted = Object.values(g.stageCycle.count.byStage).reduce((a, b) => a + b, 0);

  return (
    <>
      <p className="muted small period-line" data-testid="kpi-period">
        {t('reports.periodLine', { period: formatPeriod(report.from, report.to, tag, report.timeZone), zone: report.timeZone, at: formatDateTime(report.computedAt, tag) })}
      </p>
      <h2 className="section-title">{t('reports.complaints')}</h2>
      <Stats stats={complaintStats} />
      <div className="chart-grid">
        <Panel id="kpi-rates" title={t('reports.rates')} note={t('reports.ratesNote')}>
          <Chart option={charts.rates.option} label={charts.rates.text} height={charts.rates.height} />
        </Panel>
        <Panel id="kpi-deadlines" title={t('reports.deadlines')} note={t('reports.deadlinesNote')}>
          <Chart option={charts.deadlines.option} label={charts.deadlines.text} height={170} />
        </Panel>
        {charts.severity.rows > 0 && (
          <Panel id="kpi-severity" title={t('reports.bySeverity')} note={t('reports.ratesNote')}>
            <Chart option={charts.severity.option} label={charts.severity.text} height={charts.severity.rows * 34 + 40} />
          </Panel>
        )}
        {charts.volume.map((v) => (
          <Panel key={v.key} id={v.key.replace('.', '-')} title={t(v.key)} empty={c.received === 0 ? t('kpi.noComplaints') : undefined}>
            <Chart option={v.option} label={v.text} />
          </Panel>
        ))}
        <Panel id="kpi-levels" title={t('kpi.breachesByLevel')} note={t('kpi.breachesNote', { total: c.breaches.total, n: c.breaches.complaints })} empty={c.received === 0 ? t('kpi.noComplaints') : undefined}>
          <Chart option={charts.levels.option} label={charts.levels.text} />
        </Panel>
        <Panel id="kpi-satisfaction" title={t('reports.quality')}>
          <dl className="kv">
            <Row name={t('kpi.satisfactionRate')} value={`${percent(c.satisfaction.rate)} · ${t('kpi.satisfiedOf', { satisfied: c.satisfaction.satisfied, feedback: c.satisfaction.feedback })}`} />
            <Row name={t('kpi.reopenRate')} value={`${percent(c.reopen.rate)} · ${t('kpi.count', { n: c.reopen.reopened })}`} />
            <Row name={t('kpi.repeatRate')} value={`${percent(c.repeat.rate)} · ${t('kpi.count', { n: c.repeat.repeats })}`} />
            <Row name={t('kpi.handlingTime')} value={`${span(c.handlingTime.avgHours)} · ${t('kpi.working')} ${span(c.handlingTime.avgWorkingHours)} · ${t('kpi.closedN', { n: c.handlingTime.closed })}`} />
          </dl>
        </Panel>
      </div>

      <VoicePanels report={report} productName={productName} />
      <FeedbackPanel report={report} />

      <h2 className="section-title">{t('reports.gates')}</h2>
      <Stats stats={gateStats} />
      <div className="chart-grid">
        <Panel
          id="kpi-decisions"
          title={t('kpi.decisions')}
          note={g.decisions.decided ? t('kpi.decisionsNote', { approval: percent(g.decisions.approvalRate), rework: percent(g.decisions.reworkRate), rejection: percent(g.decisions.rejectionRate), overridden: g.decisions.overridden }) : undefined}
          empty={g.decisions.decided === 0 ? t('kpi.noDecisions') : undefined}
        >
          <Chart option={charts.outcomes.option} label={`${charts.outcomes.text}; ${t('kpi.approvalRate')} ${percent(g.decisions.approvalRate)}, ${t('kpi.reworkRate')} ${percent(g.decisions.reworkRate)}, ${t('kpi.rejectionRate')} ${percent(g.decisions.rejectionRate)}`} />
        </Panel>
        <Panel
          id="kpi-review-cycle"
          title={t('kpi.reviewCycle')}
          note={
            g.reviewCycle.count.all
              ? `${t('kpi.reviewCycleNote', { n: g.reviewCycle.count.all, elapsed: span(g.reviewCycle.avgHours.all), working: span(g.reviewCycle.avgWorkingHours.all) })}${tg ? ` ${t(gateCycleOverTarget(g.reviewCycle.avgWorkingHours.all, tg) ? 'kpi.cycleOverTarget' : 'kpi.cycleTarget', { target: span(tg.gateReviewCycleWorkingHours) })}` : ''}`
              : undefined
          }
          empty={g.reviewCycle.count.all === 0 ? t('kpi.noDecisions') : undefined}
        >
          <Chart option={charts.reviewCycle.option} label={charts.reviewCycle.text} />
        </Panel>
        <Panel
          id="kpi-stage-cycle"
          title={t('kpi.stageCycle')}
          note={stagesCompleted ? t('kpi.stageCycleNote', { n: stagesCompleted }) : undefined}
          empty={stagesCompleted === 0 ? t('kpi.noStages') : undefined}
        >
          <Chart option={charts.stageCycle.option} label={charts.stageCycle.text} />
        </Panel>
      </div>
      {productIds.length > 0 && (
        <p className="muted small">
          {t('kpi.products')}{' '}
          {productIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Link to={`/initiatives/${id}`}>{productName(id)}</Link>
            </span>
          ))}
        </p>
      )}
    </>
  );
}

interface Stat {
  key: string;
  label: string;
  value: string;
  sub?: string;
  tone?: 'danger' | 'warning';
}

function Stats({ stats }: { stats: Stat[] }) {
  return (
    <div className="stats">
      {stats.map((s) => (
        <div key={s.key} className={`stat ${s.tone ? `stat-${s.tone}` : ''}`} data-kpi={s.key}>
          <span className="stat-value">{s.value}</span>
          <span className="stat-label">{s.label}</span>
          {s.sub && <span className="stat-sub">{s.sub}</span>}
        </div>
      ))}
    </div>
  );
}

/** A chart in a card; `empty` (nothing to plot in the period) replaces the chart by a sentence. */
function Panel({ id, title, note, empty, children }: { id: string; title: string; note?: string | undefined; empty?: string | undefined; children: ReactNode }) {
  return (
    <section className="card chart-card" aria-labelledby={id} data-panel={id}>
      <h3 id={id} className="chart-title">
        {title}
      </h3>
      {note && <p className="muted small chart-note">{note}</p>}
      {empty ? <p className="chart-empty">{empty}</p> : children}
    </section>
  );
}

function Row({ name, value }: { name: string; value: string }) {
  return (
    <div className="kv-row">
      <dt>{name}</dt>
      <dd className="num">{value}</dd>
    </div>
  );
}
