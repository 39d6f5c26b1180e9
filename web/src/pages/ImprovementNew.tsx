import { effectivenessDimensions, improvementSourceKinds, type ImprovementSourceKind } from '@domain/improvements/types.js';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../api/client';
import type { Improvement, ImprovementOwners } from '../api/types';
import { errorsByPath, Field } from '../components/Field';
import { PageHeader } from '../components/Layout';
import { ErrorNotice } from '../components/Notice';
import { useApi, useCommand } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { useDepartmentName } from '../hooks/useDirectory';

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

/**
 * Raise an improvement action (docs/improvements.md). A source page (a hot issue, an incident, an
 * initiative's post-launch review) links here with its source and links in the address; the owner
 * is picked from the directory, by department.
 */
export function ImprovementNewPage() {
  const departmentName = useDepartmentName();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<ImprovementSourceKind | ''>((improvementSourceKinds as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as ImprovementSourceKind) : '');
  const [sourceId, setSourceId] = useState(params.get('sourceId') ?? '');
  const [sourceLabel, setSourceLabel] = useState(params.get('label') ?? '');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState(params.get('problem') ?? '');
  const [plan, setPlan] = useState('');
  const [department, setDepartment] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueInDays, setDueInDays] = useState('');
  const [dimension, setDimension] = useState(params.get('dimension') ?? '');
  const [value, setValue] = useState(params.get('value') ?? '');
  const links = { complaints: list(params.get('complaints')), initiatives: list(params.get('initiatives')), incidents: list(params.get('incidents')) };
  const owners = useApi(() => api.get<ImprovementOwners>('/improvements/owners'), []);
  const people = owners.data?.items ?? [];
  const departments = [...new Set(people.map((p) => p.department).filter((d): d is string => !!d))].sort();
  const run = useCommand(() =>
    api.post<Improvement>('/improvements', {
      source: { kind, ...(sourceId ? { id: sourceId } : {}), ...(sourceLabel ? { label: sourceLabel } : {}) },
      title,
      problem,
      plan,
      ownerDepartment: department,
      ownerId,
      dueInDays: Number(dueInDays),
      links,
      measure: dimension && value ? { dimension, value } : null,
    }),
  );
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await run.exec();
    if (done) void navigate(`/improvements/${encodeURIComponent(done.id)}`);
  };
  return (
    <>
      <PageHeader
        title={t('improvements.raise')}
        subtitle={<Link to="/improvements">{t('improvements.title')}</Link>}
      />
      <form className="card" onSubmit={(e) => void submit(e)} aria-label={t('improvements.raise')}>
        <div className="grid-2">
          <Field label={t('improvement.source')} error={errors['source.kind']} required>
            <select value={kind} onChange={(e) => setKind(e.target.value as ImprovementSourceKind)}>
              <option value="">{t('form.choose')}</option>
              {improvementSourceKinds.map((k) => (
                <option key={k} value={k}>
                  {label('improvementSource', k)}
                </option>
              ))}
            </select>
          </Field>
          {kind !== 'supervisor' && (
            <Field label={t('improvement.sourceId')} hint={t('improvement.sourceIdHint')} error={errors['source.id']} required>
              <input value={sourceId} maxLength={120} onChange={(e) => setSourceId(e.target.value)} />
            </Field>
          )}
          <Field label={`${t('improvement.sourceLabel')} (${t('form.optional')})`} error={errors['source.label']}>
            <input value={sourceLabel} maxLength={300} onChange={(e) => setSourceLabel(e.target.value)} />
          </Field>
          <Field label={t('improvement.titleField')} error={errors.title} required>
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </Field>
          <Field label={t('improvement.problem')} error={errors.problem} wide required>
            <textarea value={problem} rows={3} maxLength={5000} onChange={(e) => setProblem(e.target.value)} />
          </Field>
          <Field label={t('improvement.plan')} error={errors.plan} wide required>
            <textarea value={plan} rows={3} maxLength={5000} onChange={(e) => setPlan(e.target.value)} />
          </Field>
          <Field label={t('improvement.ownerDepartment')} error={errors.ownerDepartment} required>
            <select
              value={department}
              onChange={(e) => {
                setDepartment(e.target.value);
                setOwnerId('');
              }}
            >
              <option value="">{t('form.choose')}</option>
              {departments.map((d) => (
                <option key={d} value={d}>
                  {departmentName(d)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('improvement.owner')} error={errors.ownerId} required>
            <select value={ownerId} onChange={(e) => setOwnerId(e.target.value)} disabled={!department}>
              <option value="">{t('form.choose')}</option>
              {people
                .filter((p) => p.department === department)
                .map((p) => (
                  <option key={p.userId} value={p.userId}>
                    {p.name} ({p.userId})
                  </option>
                ))}
            </select>
          </Field>
          <Field label={t('improvement.dueInDays')} hint={t('improvement.dueHint')} error={errors.dueInDays} required>
            <input type="number" inputMode="numeric" min={1} max={250} value={dueInDays} onChange={(e) => setDueInDays(e.target.value)} />
          </Field>
          <Field label={`${t('improvement.measureDimension')} (${t('form.optional')})`} error={errors['measure.dimension']}>
            <select value={dimension} onChange={(e) => setDimension(e.target.value)}>
              <option value="">{t('improvement.noMeasure')}</option>
              {effectivenessDimensions.map((d) => (
                <option key={d} value={d}>
                  {label('improvementDimension', d)}
                </option>
              ))}
            </select>
          </Field>
          {dimension && (
            <Field label={t('improvement.measureValue')} error={errors['measure.value']} required>
              <input value={value} maxLength={200} onChange={(e) => setValue(e.target.value)} />
            </Field>
          )}
        </div>
        {(links.complaints.length > 0 || links.initiatives.length > 0 || links.incidents.length > 0) && (
          <p className="small muted">
            {t('improvement.linksFromSource', { n: links.complaints.length + links.initiatives.length + links.incidents.length })}
          </p>
        )}
        <ErrorNotice error={owners.error ?? run.error} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={run.pending}>
            {t('improvements.raise')}
          </button>
        </div>
      </form>
    </>
  );
}
