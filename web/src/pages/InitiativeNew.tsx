import { businessLines } from '@domain/gates/stages.js';
import { initiativeInputRules } from '@domain/gates/inputs.js';
import { checkForm, isRequired } from '@domain/field-rules.js';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../api/client';
import type { Initiative } from '../api/types';
import { useUser } from '../auth/SessionContext';
import { errorsByPath, Field, focusFirstInvalid, RequiredNote } from '../components/Field';
import { PageHeader } from '../components/Layout';
import { ErrorNotice } from '../components/Notice';
import { useCommand } from '../hooks/useApi';
import { useI18n } from '../i18n';

const rules = initiativeInputRules.create;
const required = (path: string) => isRequired(rules, path);

/**
 * POST /api/v1/initiatives (product_owner): a new product or an upgrade, starting at research;
 * checked before sending by the rules the API's schema is built from (domain/gates/inputs.ts).
 */
export function InitiativeNewPage() {
  const { t, label } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', businessLine: 'banking', description: '', team: user.department ?? '' });
  const create = useCommand((body: typeof form) => api.post<Initiative>('/initiatives', body));
  const [checked, setChecked] = useState<Record<string, string>>();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = checked ?? (create.error instanceof ApiError ? errorsByPath(t, create.error.errors) : {});
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = checkForm(rules, form);
    create.clearError();
    if (problems.length > 0) {
      setChecked(errorsByPath(t, problems, ''));
      focusFirstInvalid(formRef.current);
      return;
    }
    setChecked(undefined);
    const created = await create.exec(form);
    if (created) navigate(`/initiatives/${created.id}`);
    else focusFirstInvalid(formRef.current);
  }

  return (
    <>
      <PageHeader title={t('initiatives.new')} subtitle={t('initiatives.newHint')} />
      <form ref={formRef} className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('initiatives.new')}>
        <RequiredNote />
        {checked && Object.keys(checked).length > 0 && (
          <div className="notice notice-danger" role="alert">
            <strong>{t('form.fix', { n: Object.keys(checked).length })}</strong>
          </div>
        )}
        <ErrorNotice error={create.error} />
        <div className="form-grid">
          <Field label={t('initiative.name')} error={errors.name} required={required('name')}>
            <input value={form.name} onChange={set('name')} />
          </Field>
          <Field label={t('initiative.businessLine')} error={errors.businessLine}>
            <select value={form.businessLine} onChange={set('businessLine')}>
              {businessLines.map((b) => (
                <option key={b} value={b}>
                  {label('businessLine', b)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('initiative.team')} error={errors.team} hint={t('initiative.teamHint')} required={required('team')}>
            <input value={form.team} onChange={set('team')} />
          </Field>
          <Field label={t('initiative.description')} error={errors.description} wide required={required('description')}>
            <textarea rows={4} value={form.description} onChange={set('description')} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.pending}>
            {t('initiatives.create')}
          </button>
        </div>
      </form>
    </>
  );
}
