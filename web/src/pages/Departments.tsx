import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../api/client';
import type { DepartmentNames } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { errorsByPath, focusFirstInvalid } from '../components/Field';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi, useCommand } from '../hooks/useApi';
import { resetDirectoryCache, useDirectory } from '../hooks/useDirectory';
import { useI18n } from '../i18n';

type Row = { id: string; zh: string; en: string };

/**
 * The departments' display names (PUT /api/v1/departments): every department of the staff
 * directory, and any named before, with its Chinese and English name. A department is named in
 * both languages or not at all (then its id shows); the server judges, the page checks the same
 * before sending.
 */
export function DepartmentsPage() {
  const { t, locale } = useI18n();
  const admin = hasRole(useUser(), 'admin');
  const directory = useDirectory();
  const names = useApi(() => api.get<DepartmentNames>('/departments'), []);
  const [rows, setRows] = useState<Row[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const save = useCommand((body: DepartmentNames) => api.put<DepartmentNames>('/departments', body));
  const server = save.error instanceof ApiError ? errorsByPath(t, save.error.errors, 'body.', locale === 'en') : {};

  useEffect(() => {
    if (!names.data || !directory) return;
    const named = new Map(names.data.departments.map((d) => [d.id, d.name]));
    const ids = [...new Set([...directory.departments.map((d) => d.id), ...named.keys()])].sort();
    setRows(ids.map((id) => ({ id, zh: named.get(id)?.zh ?? '', en: named.get(id)?.en ?? '' })));
  }, [names.data, directory]);

  const members = (id: string) => directory?.departments.find((d) => d.id === id)?.members ?? 0;
  // The server's errors point into the list it was sent (named rows only): map them back to rows.
  const sent = rows.filter((r) => r.zh.trim() || r.en.trim());
  const errorOf = (row: Row, field: 'zh' | 'en') => {
    const at = sent.indexOf(row);
    return local[`${row.id}.${field}`] ?? (at >= 0 ? (server[`departments.${at}.name.${field}`] ?? (field === 'zh' ? server[`departments.${at}.id`] : undefined)) : undefined);
  };
  const set = (i: number, field: 'zh' | 'en', value: string) => {
    setRows(rows.map((r, n) => (n === i ? { ...r, [field]: value } : r)));
    setSaved(false);
    setLocal({});
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    for (const r of sent) {
      if (!r.zh.trim()) found[`${r.id}.zh`] = t('departments.bothNames');
      if (!r.en.trim()) found[`${r.id}.en`] = t('departments.bothNames');
    }
    setLocal(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form.current);
      return;
    }
    const answer = await save.exec({ departments: sent.map((r) => ({ id: r.id, name: { zh: r.zh.trim(), en: r.en.trim() } })) });
    if (answer) {
      names.set(answer);
      resetDirectoryCache();
      setSaved(true);
    } else focusFirstInvalid(form.current);
  }

  return (
    <>
      <PageHeader title={t('departments.title')} subtitle={t('departments.subtitle')} />
      <ErrorNotice error={names.error} />
      {(!names.data || !directory) && names.loading && <Loading />}
      {names.data && directory && (
        <form ref={form} className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="departments-title">
          <div className="card-head">
            <h2 id="departments-title">{t('departments.list', { n: rows.length })}</h2>
            <Link className="small" to="/audit?entityType=policy&entityId=departments">
              {t('admin.history')}
            </Link>
          </div>
          {rows.length === 0 && <p className="muted">{t('departments.empty')}</p>}
          <table className="table table-cards" data-testid="department-names">
            <thead>
              <tr>
                <th scope="col">{t('departments.id')}</th>
                <th scope="col">{t('departments.nameZh')}</th>
                <th scope="col">{t('departments.nameEn')}</th>
                <th scope="col">{t('departments.members')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.id} data-department={r.id}>
                  <th scope="row" data-label={t('departments.id')}>
                    <code>{r.id}</code>
                  </th>
                  {(['zh', 'en'] as const).map((field) => {
                    const error = errorOf(r, field);
                    const label = `${r.id}: ${t(field === 'zh' ? 'departments.nameZh' : 'departments.nameEn')}`;
                    return (
                      <td key={field} data-label={t(field === 'zh' ? 'departments.nameZh' : 'departments.nameEn')} className={error ? 'field-error' : undefined}>
                        <input name={`${r.id}.${field}`} lang={field === 'zh' ? 'zh' : 'en'} aria-label={label} value={r[field]} readOnly={!admin} maxLength={100} aria-invalid={error ? true : undefined} aria-describedby={error ? `${r.id}-${field}-err` : undefined} onChange={(e) => set(i, field, e.target.value)} />
                        {error && (
                          <span className="error-text" id={`${r.id}-${field}-err`}>
                            {error}
                          </span>
                        )}
                      </td>
                    );
                  })}
                  <td data-label={t('departments.members')}>{members(r.id)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {admin && (
            <>
              <ErrorNotice error={save.error} />
              {saved && (
                <div className="notice notice-info" role="status">
                  {t('departments.saved')}
                </div>
              )}
              <div className="form-actions">
                <button type="submit" className="btn btn-primary" disabled={save.pending}>
                  {t('departments.save')}
                </button>
              </div>
            </>
          )}
        </form>
      )}
    </>
  );
}
