import { useState } from 'react';
import type { KpiReport } from '../../api/types';
import { Field } from '../../components/Field';
import { useDepartmentName } from '../../hooks/useDirectory';
import { usePeople } from '../../hooks/usePeople';
import { useI18n, type MessageKey } from '../../i18n';
import { voiceDimensions, type VoiceDimension, type VoiceKpis } from '@domain/reports/voice.js';
import { npsPoints as points, percent, targetPercent } from './kpis';

/** Below this many answers a figure is shown as indicative: its interval is wide (docs/reports.md). */
const fewAnswers = 30;

/**
 * The voice of the customer of one period (kpis.voice): NPS with its promoters, passives and
 * detractors, CSAT, the callback coverage against its target, and a table per product, channel,
 * department or agent — every figure with its 95 % interval, so a reader sees how much a small
 * sample says. Absent in reports stored before surveys: nothing is shown.
 */
export function VoicePanels({ report, productName }: { report: KpiReport; productName: (id: string) => string }) {
  const { t, label } = useI18n();
  const departmentName = useDepartmentName();
  const personName = usePeople();
  const [dimension, setDimension] = useState<VoiceDimension>('product');
  const v: VoiceKpis | undefined = report.kpis.voice;
  if (!v) return null;
  // The target in force when the figures were computed (absent in reports stored before it).
  const coverageTarget = report.kpis.targets?.callbackCoverage;
  const coverageUnder = coverageTarget !== undefined && v.coverage.rate !== null && v.coverage.rate < coverageTarget;
  const range = (low: number | null, high: number | null, fmt: (n: number | null) => string) => (low === null || high === null ? '' : t('voice.range', { low: fmt(low), high: fmt(high) }));
  const unitName = (unit: string) =>
    unit === 'none'
      ? t('voice.none')
      : dimension === 'product'
        ? productName(unit)
        : dimension === 'channel'
          ? label('channel', unit)
          : dimension === 'department'
            ? departmentName(unit)
            : personName(unit);
  const table = v[dimension];
  const units = Object.keys(table.answers.byUnit);

  return (
    <section className="card" aria-labelledby="voice-title" data-testid="voice">
      <h2 id="voice-title" className="section-title">
        {t('voice.title')}
      </h2>
      <p className="muted small">{t('voice.note')}</p>
      <div className="stats">
        <div className="stat" data-kpi="nps">
          <span className="stat-value" data-testid="voice-nps">{points(v.nps.score)}</span>
          <span className="stat-label">{t('voice.nps')}</span>
          <span className="stat-sub">
            {v.nps.answers ? `${t('voice.npsMix', { promoters: v.nps.promoters, passives: v.nps.passives, detractors: v.nps.detractors })} ${range(v.nps.low, v.nps.high, points)}` : t('voice.noAnswers')}
          </span>
        </div>
        <div className="stat" data-kpi="csat">
          <span className="stat-value">{percent(v.csat.rate)}</span>
          <span className="stat-label">{t('voice.csat')}</span>
          <span className="stat-sub">
            {v.csat.answers ? `${t('voice.csatOf', { satisfied: v.csat.satisfied, answers: v.csat.answers, mean: v.csat.mean ?? '—' })} ${range(v.csat.low, v.csat.high, (n) => percent(n))}` : t('voice.noAnswers')}
          </span>
        </div>
        <div className={`stat ${coverageUnder ? 'stat-danger' : ''}`} data-kpi="coverage">
          <span className="stat-value">{percent(v.coverage.rate)}</span>
          <span className="stat-label">{coverageTarget === undefined ? t('voice.coverage') : t('reports.target', { name: t('voice.coverage'), target: targetPercent(coverageTarget) })}</span>
          <span className="stat-sub">
            {t('voice.coverageOf', { covered: v.coverage.covered, closed: v.coverage.closed, surveyed: v.coverage.surveyed, calledBack: v.coverage.calledBack, unreachable: v.coverage.unreachable })}
          </span>
        </div>
      </div>
      {(v.nps.answers > 0 && v.nps.answers < fewAnswers) && <p className="muted small" data-testid="voice-few">{t('voice.few', { n: fewAnswers })}</p>}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('voice.by')}>
        <Field label={t('voice.by')}>
          <select value={dimension} onChange={(e) => setDimension(e.target.value as VoiceDimension)}>
            {voiceDimensions.map((d) => (
              <option key={d} value={d}>
                {t(`voice.dimension.${d}` as MessageKey)}
              </option>
            ))}
          </select>
        </Field>
      </form>
      {units.length === 0 ? (
        <p className="empty">{t('voice.noAnswers')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t(`voice.dimension.${dimension}` as MessageKey)}>
          <table className="table" data-dimension={dimension}>
            <caption className="sr-only">{t(`voice.dimension.${dimension}` as MessageKey)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`voice.dimension.${dimension}` as MessageKey)}</th>
                <th scope="col" className="num">{t('voice.answers')}</th>
                <th scope="col" className="num">{t('voice.nps')}</th>
                <th scope="col" className="num">{t('voice.csat')}</th>
                <th scope="col" className="num">{t('voice.detractors')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((unit) => {
                const n = table.answers.byUnit[unit] ?? 0;
                return (
                  <tr key={unit} data-unit={unit}>
                    <th scope="row">
                      {unitName(unit)}
                      {n < fewAnswers && <span className="muted small"> · {t('voice.indicative')}</span>}
                    </th>
                    <td className="num">{n}</td>
                    <td className="num" data-voice="nps">
                      {points(table.nps.byUnit[unit] ?? null)} <span className="muted small">{range(table.npsLow.byUnit[unit] ?? null, table.npsHigh.byUnit[unit] ?? null, points)}</span>
                    </td>
                    <td className="num">
                      {percent(table.csat.byUnit[unit] ?? null)} <span className="muted small">{range(table.csatLow.byUnit[unit] ?? null, table.csatHigh.byUnit[unit] ?? null, (x) => percent(x))}</span>
                    </td>
                    <td className="num">{table.detractors.byUnit[unit] ?? 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
