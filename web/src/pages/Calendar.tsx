import { datesBetween } from '@domain/calendar/dates.js';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { CalendarDocument, CalendarYear } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { Badge } from '../components/Badge';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { announceCalendarChange } from '../components/CalendarBanner';
import { ImportForm } from './calendar/ImportForm';
import { YearGrid, YearLegend } from './calendar/YearGrid';

/** A local date 'YYYY-MM-DD' in the reader's language (no zone: it is a calendar day). */
export function formatDay(date: string, tag: string, withYear = true): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(tag, { ...(withYear ? { year: 'numeric' } : {}), month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

const isYear = (s: string) => /^\d{4}$/.test(s) && Number(s) >= 2000 && Number(s) <= 2199;

/**
 * The business calendar (GET /calendar, /calendar/years/{year}; docs/calendar.md): which years
 * have an official holiday schedule and the warning when the days ahead lack one, a year's
 * holidays and make-up working days with the institution's overrides, and — for administrators —
 * the import of a year's official schedule. The year is kept in the address (?year=).
 */
export function CalendarPage() {
  const { t, tag } = useI18n();
  const user = useUser();
  const admin = hasRole(user, 'admin');
  const [params, setParams] = useSearchParams();
  const calendar = useApi(() => api.get<CalendarDocument>('/calendar'), []);
  const asked = params.get('year') ?? '';
  const thisYear = calendar.data ? Number(calendar.data.coverage.today.slice(0, 4)) : new Date().getFullYear();
  const year = isYear(asked) ? Number(asked) : thisYear;
  const setYear = (y: number) => isYear(String(y)) && setParams({ year: String(y) }, { replace: true });
  const schedule = useApi(() => api.get<CalendarYear>(`/calendar/years/${year}`), [year]);

  const imported = useCallback(
    (y: CalendarYear) => {
      schedule.set(y);
      calendar.reload();
      announceCalendarChange();
    },
    [schedule, calendar],
  );

  const doc = calendar.data;
  const s = schedule.data?.year === year ? schedule.data : undefined;
  const missing = doc?.warning?.missingYears ?? [];
  const dayCount = (from: string, to: string) => datesBetween(from, to).length;

  return (
    <>
      <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle')} />
      <ErrorNotice error={calendar.error} />
      {doc?.warning && !admin /* administrators see the banner above every page */ && (
        <div className="notice notice-warning" role="status" data-testid="calendar-warning">
          <strong>{t('calendar.banner', { years: doc.warning.missingYears.join(', '), from: formatDay(doc.warning.firstProvisionalDay, tag) })}</strong>
        </div>
      )}
      {doc && (
        <div className="stats" data-testid="calendar-coverage">
          <div className="stat">
            <span className="stat-value">{doc.coverage.lastCoveredYear}</span>
            <span className="stat-label">{t('calendar.coveredUntil')}</span>
          </div>
          <div className={`stat ${doc.warning ? 'stat-warning' : ''}`}>
            <span className="stat-value small-value">{formatDay(doc.coverage.provisionalFrom, tag)}</span>
            <span className="stat-label">{t('calendar.provisionalFrom')}</span>
          </div>
          <div className={`stat ${doc.coverage.horizon.provisionalDays > 0 ? 'stat-warning' : ''}`}>
            <span className="stat-value">{doc.coverage.horizon.provisionalDays}</span>
            <span className="stat-label">{t('calendar.provisionalAhead', { n: doc.coverage.horizon.days })}</span>
          </div>
          <div className="stat">
            <span className="stat-value small-value">
              {doc.timeZone} · {doc.endOfBusinessDay}
            </span>
            <span className="stat-label">{t('calendar.businessDay')}</span>
          </div>
          <div className="stat">
            <span className="stat-value small-value">{t('calendar.overridesCount', { holidays: doc.extraHolidays.length, workdays: doc.extraWorkdays.length })}</span>
            <span className="stat-label">{t('calendar.overrides')}</span>
          </div>
        </div>
      )}

      <form className="card filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('calendar.year')}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[...new Set([...(doc?.years.map((y) => y.year) ?? []), thisYear - 1, thisYear, thisYear + 1, thisYear + 2, year, ...missing])]
              .sort((a, b) => a - b)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </label>
        <div className="action-buttons">
          <button type="button" className="btn" onClick={() => setYear(year - 1)}>
            {t('calendar.prevYear')}
          </button>
          <button type="button" className="btn" onClick={() => setYear(year + 1)}>
            {t('calendar.nextYear')}
          </button>
        </div>
      </form>

      <ErrorNotice error={schedule.error} />
      {!s && schedule.loading && <Loading />}
      {s && (
        <section className="card" aria-labelledby="year-title" aria-busy={schedule.loading} data-origin={s.origin}>
          <div className="card-head year-head">
            <h2 id="year-title">{s.year}</h2>
            {s.origin === 'package' && <Badge tone="info">{t('calendar.origin.package', { source: s.source ?? '' })}</Badge>}
            {s.origin === 'imported' && <Badge tone="success">{t('calendar.origin.imported', { version: s.version ?? '', source: s.source ?? '', by: s.importedBy ?? '', at: formatDateTime(s.importedAt, tag) })}</Badge>}
          </div>
          {s.origin === 'none' && (
            <div className="notice notice-warning" data-testid="year-provisional">
              {t('calendar.origin.none', { year: s.year })}
            </div>
          )}
          <YearLegend />
          <YearGrid schedule={s} />

          <div className="grid-2 year-lists">
            <div>
              <h3>{t('calendar.holidays')}</h3>
              {s.holidays.length === 0 ? (
                <p className="muted">{t('calendar.none')}</p>
              ) : (
                <div className="table-scroll" tabIndex={0} role="region" aria-label={t('calendar.holidays')}>
                  <table className="table" data-testid="holiday-table">
                    <caption className="sr-only">{t('calendar.holidays')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('calendar.period')}</th>
                        <th scope="col">{t('calendar.from')}</th>
                        <th scope="col">{t('calendar.to')}</th>
                        <th scope="col">{t('calendar.days')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.holidays.map((p) => (
                        <tr key={p.from}>
                          <td>{tag.startsWith('en') && p.englishName ? p.englishName : p.name}</td>
                          <td>{formatDay(p.from, tag, false)}</td>
                          <td>{formatDay(p.to, tag, false)}</td>
                          <td className="num">{dayCount(p.from, p.to)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
            <div>
              <h3>{t('calendar.workdays')}</h3>
              {s.workdays.length === 0 ? (
                <p className="muted">{t('calendar.none')}</p>
              ) : (
                <ul className="plain-list" data-testid="workday-list">
                  {s.workdays.map((d) => (
                    <li key={d}>{formatDay(d, tag)}</li>
                  ))}
                </ul>
              )}
              {(s.overrides.extraHolidays.length > 0 || s.overrides.extraWorkdays.length > 0) && (
                <>
                  <h3>{t('calendar.overrides')}</h3>
                  <ul className="plain-list">
                    {s.overrides.extraHolidays.map((d) => (
                      <li key={d}>
                        {formatDay(d, tag)} · {t('calendar.extraHoliday')}
                      </li>
                    ))}
                    {s.overrides.extraWorkdays.map((d) => (
                      <li key={d}>
                        {formatDay(d, tag)} · {t('calendar.extraWorkday')}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          </div>

          {s.history.length > 0 && (
            <details className="history">
              <summary>{t('calendar.history')}</summary>
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t('calendar.history')}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('calendar.version')}</th>
                      <th scope="col">{t('calendar.source')}</th>
                      <th scope="col">{t('calendar.importedBy')}</th>
                      <th scope="col">{t('calendar.importedAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.history.map((h) => (
                      <tr key={h.version}>
                        <td className="num">{h.version}</td>
                        <td>{h.source}</td>
                        <td>{h.importedBy}</td>
                        <td className="nowrap">{formatDateTime(h.importedAt, tag)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </section>
      )}

      {admin && s && <ImportForm key={year} year={year} shown={s} onImported={imported} />}
    </>
  );
}
