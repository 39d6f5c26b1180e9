import { unitKinds, type UnitKind } from '@domain/reports/kpis.js';
import { targetMisses, type KpiTargets, type TargetedKpi } from '@domain/targets/targets.js';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api/client';
import type { KpiReport, KpiTargetFigures, UnitKpis } from '../../api/types';
import { Badge } from '../../components/Badge';
import { Field } from '../../components/Field';
import { formatSpan } from '../../components/format';
import { ErrorNotice, Loading } from '../../components/Notice';
import { useApi } from '../../hooks/useApi';
import { usePeople } from '../../hooks/usePeople';
import { useI18n, type MessageKey } from '../../i18n';
import { hoursToMs, percent, targetPercent } from './kpis';

/** The targets of a KPI document in the shape the domain rules judge with. */
function targetsOf(f: KpiTargetFigures): KpiTargets {
  const s = f.resolutionOnTime.bySeverity;
  return {
    firstResponseOnTime: f.firstResponseOnTime,
    resolutionRate: f.resolutionRate,
    resolutionOnTime: { general: s.general ?? 1, major: s.major ?? 1, urgent: s.urgent ?? 1 },
    satisfaction: f.satisfaction,
    gateReviewCycleWorkingHours: f.gateReviewCycleWorkingHours,
  };
}

const columns: { kpi: keyof UnitKpis; key: MessageKey; targeted?: TargetedKpi }[] = [
  { kpi: 'firstResponseOnTime', key: 'kpi.firstResponseRate', targeted: 'firstResponseOnTime' },
  { kpi: 'resolutionOnTime', key: 'kpi.resolutionInTime', targeted: 'resolutionOnTime' },
  { kpi: 'resolutionRate', key: 'kpi.resolutionRate', targeted: 'resolutionRate' },
  { kpi: 'satisfaction', key: 'kpi.satisfactionRate', targeted: 'satisfaction' },
  { kpi: 'reopenRate', key: 'kpi.reopenRate' },
  { kpi: 'repeatRate', key: 'kpi.repeatRate' },
];

/**
 * The accountable KPIs (docs/reports.md, "Accountable KPIs"): every complaint KPI per department,
 * team or agent, each unit's misses of the committee's targets marked (the domain's rule, the same
 * the API counts in `underTarget`). Drill-down: a team to its agents; a department or an agent to
 * the complaints behind its figures.
 */
export function Accountability({ report, period }: { report: KpiReport; period: { from: string; to: string } }) {
  const { t } = useI18n();
  const name = usePeople();
  const [kind, setKind] = useState<UnitKind>('department');
  const [team, setTeam] = useState<string>();
  const drilled = useApi(
    () => (team ? api.get<KpiReport>(`/reports/kpis${query({ ...period, groupBy: 'agent', team })}`) : Promise.resolve(undefined)),
    [team, period.from, period.to],
  );
  const shownKind: UnitKind = team ? 'agent' : kind;
  const table = team ? drilled.data?.kpis.accountability?.agent : report.kpis.accountability?.[kind];
  const tg = report.kpis.targets;
  if (!report.kpis.accountability || !tg) return null;
  const targets = targetsOf(tg);
  const units = table ? Object.keys(table.received.byUnit) : [];
  const unitName = (unit: string) => (unit === 'none' ? t('units.none') : shownKind === 'agent' ? name(unit) : unit);
  const complaintsOf = (unit: string) => `/complaints${query({ [shownKind === 'department' ? 'department' : shownKind === 'team' ? 'team' : 'agent']: unit, from: period.from, to: period.to })}`;
  const span = (hours: number | null | undefined) => {
    const ms = hoursToMs(hours ?? null);
    return ms === undefined ? '—' : formatSpan(ms, t);
  };

  return (
    <section className="card" aria-labelledby="accountability" data-testid="accountability">
      <h2 id="accountability" className="section-title">
        {t('units.title')}
      </h2>
      <p className="muted small">{t('units.note')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('units.title')}>
        <Field label={t('units.groupBy')}>
          <select
            value={kind}
            onChange={(e) => {
              setTeam(undefined);
              setKind(e.target.value as UnitKind);
            }}
          >
            {unitKinds.map((k) => (
              <option key={k} value={k}>
                {t(`units.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </Field>
        {team && (
          <p className="muted small" data-testid="units-drill">
            {t('units.agentsOf', { team })}{' '}
            <button type="button" className="btn btn-small" onClick={() => setTeam(undefined)}>
              {t('units.back')}
            </button>
          </p>
        )}
      </form>
      <ErrorNotice error={drilled.error} />
      {team && drilled.loading && <Loading />}
      {table && units.length === 0 && <p className="empty">{t('kpi.noComplaints')}</p>}
      {table && units.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-kind={shownKind}>
            <caption className="sr-only">{t(`units.kind.${shownKind}` as MessageKey)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`units.kind.${shownKind}` as MessageKey)}</th>
                <th scope="col" className="num">
                  {t('kpi.received')}
                </th>
                {columns.map((c) => (
                  <th key={c.kpi} scope="col" className="num">
                    {t(c.key)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('kpi.handlingTime')}
                </th>
                <th scope="col">{t('units.targets')}</th>
                <th scope="col">{t('units.drillDown')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((unit) => {
                const v = (k: keyof UnitKpis) => (table[k].byUnit as Record<string, number | null>)[unit] ?? null;
                const misses = targetMisses(
                  { firstResponseOnTime: v('firstResponseOnTime'), resolutionOnTime: v('resolutionOnTime'), resolutionOnTimeTarget: v('resolutionOnTimeTarget'), resolutionRate: v('resolutionRate'), satisfaction: v('satisfaction') },
                  targets,
                );
                return (
                  <tr key={unit} data-unit={unit} className={misses.length ? 'row-flagged' : undefined}>
                    <th scope="row">{unitName(unit)}</th>
                    <td className="num">{v('received')}</td>
                    {columns.map((c) => {
                      const missed = c.targeted !== undefined && misses.includes(c.targeted);
                      return (
                        <td key={c.kpi} className={`num ${missed ? 'cell-danger' : ''}`} data-unit-kpi={c.kpi}>
                          {percent(v(c.kpi))}
                          {c.kpi === 'resolutionOnTime' && v('resolutionOnTimeTarget') !== null && <span className="muted small"> / {targetPercent(v('resolutionOnTimeTarget')!)} %</span>}
                          {missed && <span className="sr-only"> ({t('units.under')})</span>}
                        </td>
                      );
                    })}
                    <td className="num">{span(v('handlingHours'))}</td>
                    <td data-testid="under-target">
                      {misses.length ? <Badge tone="danger">{t('units.underN', { n: misses.length })}</Badge> : <Badge tone="success">{t('units.onTarget')}</Badge>}
                    </td>
                    <td className="nowrap">
                      {shownKind === 'team' && unit !== 'none' ? (
                        <button type="button" className="btn btn-small" onClick={() => setTeam(unit)}>
                          {t('units.agents')}
                        </button>
                      ) : (
                        <Link to={complaintsOf(unit)}>{t('units.complaints')}</Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">{t('units.legend')}</p>
    </section>
  );
}
