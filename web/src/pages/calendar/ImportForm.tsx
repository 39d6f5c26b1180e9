import { importRefusals, type YearImport } from '@domain/calendar/import-rules.js';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import type { CalendarYear } from '../../api/types';
import { errorsByPath, Field } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useCommand } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

interface Row {
  key: number;
  name: string;
  from: string;
  to: string;
}

let nextKey = 1;
const row = (p: { name: string; from: string; to: string } = { name: '', from: '', to: '' }): Row => ({ key: nextKey++, ...p });

/**
 * The import of a year's official schedule (PUT /calendar/years/{year}, admin): holiday periods and
 * make-up working days as the notice lists them. The import rules (domain/calendar/import-rules.ts)
 * judge the form before it is sent; the server applies the same rules and has the last word.
 */
export function ImportForm({ year, shown, onImported }: { year: number; shown: CalendarYear; onImported: (y: CalendarYear) => void }) {
  const { t, locale } = useI18n();
  const [source, setSource] = useState('');
  const [holidays, setHolidays] = useState<Row[]>(() => [row()]);
  const [workdays, setWorkdays] = useState<{ key: number; date: string }[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState<number>();
  const send = useCommand((body: YearImport) => api.put<CalendarYear>(`/calendar/years/${year}`, body));
  const server = send.error instanceof ApiError ? errorsByPath(t, send.error.errors, 'body.', locale === 'en') : {};
  const errors = { ...server, ...local };
  const min = `${year}-01-01`;
  const max = `${year}-12-31`;

  const doc = (): YearImport => ({
    source,
    holidays: holidays.map(({ name, from, to }) => ({ name, from, to })),
    workdays: workdays.map((w) => w.date),
  });

  function prefill() {
    setHolidays(shown.holidays.length ? shown.holidays.map((p) => row({ name: p.name, from: p.from, to: p.to })) : [row()]);
    setWorkdays(shown.workdays.map((date) => ({ key: nextKey++, date })));
    if (shown.source) setSource(shown.source);
    setLocal({});
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(undefined);
    send.clearError();
    const refusals = importRefusals(year, doc());
    const found: Record<string, string> = {};
    for (const r of refusals) {
      const key = r.path.join('.');
      found[key] = found[key] ? `${found[key]}; ${r.message}` : r.message;
    }
    setLocal(found);
    if (refusals.length > 0) return;
    const imported = await send.exec(doc());
    if (imported) {
      setDone(imported.version ?? undefined);
      onImported(imported);
    }
  }

  const setHoliday = (key: number, patch: Partial<Row>) => setHolidays(holidays.map((h) => (h.key === key ? { ...h, ...patch } : h)));

  return (
    <form className="card form import-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="import-title">
      <div className="card-head">
        <h2 id="import-title">{t('calendar.import.title', { year })}</h2>
        <button type="button" className="btn btn-small" onClick={prefill}>
          {t('calendar.import.prefill')}
        </button>
      </div>
      <p className="muted small">{t('calendar.import.hint')}</p>
      {Object.keys(local).length > 0 && (
        <div className="notice notice-danger" role="alert">
          <strong>{t('calendar.import.invalid')}</strong>
        </div>
      )}
      <ErrorNotice error={send.error} />
      {done !== undefined && (
        <div className="notice notice-info" role="status">
          {t('calendar.import.done', { year, version: done })}
        </div>
      )}
      <div className="form-grid">
        <Field label={t('calendar.import.source')} error={errors.source} wide>
          <input value={source} onChange={(e) => setSource(e.target.value)} maxLength={500} />
        </Field>
      </div>

      <h3>{t('calendar.holidays')}</h3>
      {errors.holidays && <p className="error-text">{errors.holidays}</p>}
      <ol className="import-rows">
        {holidays.map((h, i) => (
          <li key={h.key} className={`import-row ${errors[`holidays.${i}`] ? 'field-error' : ''}`}>
            <Field label={t('calendar.import.name')} error={errors[`holidays.${i}.name`]}>
              <input value={h.name} onChange={(e) => setHoliday(h.key, { name: e.target.value })} maxLength={100} />
            </Field>
            <Field label={t('calendar.from')} error={errors[`holidays.${i}.from`]}>
              <input type="date" min={min} max={max} value={h.from} onChange={(e) => setHoliday(h.key, { from: e.target.value })} />
            </Field>
            <Field label={t('calendar.to')} error={errors[`holidays.${i}.to`]}>
              <input type="date" min={min} max={max} value={h.to} onChange={(e) => setHoliday(h.key, { to: e.target.value })} />
            </Field>
            <button type="button" className="btn btn-small btn-danger-outline" aria-label={t('calendar.import.removeHoliday', { n: i + 1 })} onClick={() => setHolidays(holidays.filter((x) => x.key !== h.key))}>
              {t('calendar.import.remove')}
            </button>
            {errors[`holidays.${i}`] && <p className="error-text import-row-error">{errors[`holidays.${i}`]}</p>}
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-small" onClick={() => setHolidays([...holidays, row()])}>
        {t('calendar.import.addHoliday')}
      </button>

      <h3>{t('calendar.workdays')}</h3>
      {workdays.length === 0 && <p className="muted small">{t('calendar.none')}</p>}
      <ol className="import-rows">
        {workdays.map((w, i) => (
          <li key={w.key} className="import-row">
            <Field label={t('calendar.import.workday', { n: i + 1 })} error={errors[`workdays.${i}`]}>
              <input type="date" min={min} max={max} value={w.date} onChange={(e) => setWorkdays(workdays.map((x) => (x.key === w.key ? { ...x, date: e.target.value } : x)))} />
            </Field>
            <button type="button" className="btn btn-small btn-danger-outline" aria-label={t('calendar.import.removeWorkday', { n: i + 1 })} onClick={() => setWorkdays(workdays.filter((x) => x.key !== w.key))}>
              {t('calendar.import.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-small" onClick={() => setWorkdays([...workdays, { key: nextKey++, date: '' }])}>
        {t('calendar.import.addWorkday')}
      </button>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={send.pending}>
          {t('calendar.import.submit')}
        </button>
      </div>
    </form>
  );
}
