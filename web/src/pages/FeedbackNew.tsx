import { complaintInputRules } from '@domain/complaints/inputs.js';
import { channels } from '@domain/complaints/types.js';
import { feedbackKinds } from '@domain/feedback/types.js';
import { checkForm, isRequired } from '@domain/field-rules.js';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../api/client';
import type { Feedback } from '../api/types';
import { errorsByPath, Field, focusFirstInvalid, RequiredNote } from '../components/Field';
import { PageHeader } from '../components/Layout';
import { ErrorNotice } from '../components/Notice';
import { useCommand } from '../hooks/useApi';
import { useI18n } from '../i18n';

// The complaint intake's own rules (domain/complaints/inputs.ts): the same fields, checked the same way.
const rules = complaintInputRules.intake;
const required = (path: string) => isRequired(rules, path);

/**
 * Logging an inquiry, a suggestion or praise (POST /api/v1/feedback, cs_agent): the complaint
 * intake's fields (channel, customer, product, description, receipt) and the kind.
 */
export function FeedbackNewPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [f, setF] = useState({ kind: 'inquiry', channel: 'hotline', ref: '', name: '', phone: '', idNumber: '', initiativeId: '', description: '', receivedAt: '' });
  const intake = useCommand((body: unknown) => api.post<Feedback>('/feedback', body));
  const [checked, setChecked] = useState<Record<string, string>>();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = checked ?? (intake.error instanceof ApiError ? errorsByPath(t, intake.error.errors) : {});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = checkForm(rules, { description: f.description, initiativeId: f.initiativeId.trim(), 'customer.ref': f.ref.trim(), 'customer.name': f.name, 'customer.phone': f.phone, 'customer.idNumber': f.idNumber });
    intake.clearError();
    if (problems.length > 0) {
      setChecked(errorsByPath(t, problems, ''));
      focusFirstInvalid(formRef.current);
      return;
    }
    setChecked(undefined);
    const created = await intake.exec({
      kind: f.kind,
      channel: f.channel,
      description: f.description,
      customer: { ref: f.ref.trim(), name: f.name, phone: f.phone, ...(f.idNumber.trim() ? { idNumber: f.idNumber.trim() } : {}) },
      ...(f.initiativeId.trim() ? { initiativeId: f.initiativeId.trim() } : {}),
      ...(f.receivedAt ? { receivedAt: new Date(f.receivedAt).toISOString() } : {}),
    });
    if (created) navigate(`/feedback/${created.id}`);
    else focusFirstInvalid(formRef.current);
  }

  return (
    <>
      <PageHeader title={t('feedback.new')} subtitle={t('feedback.newHint')} />
      <form ref={formRef} className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('feedback.new')}>
        <RequiredNote />
        {checked && Object.keys(checked).length > 0 && (
          <div className="notice notice-danger" role="alert">
            <strong>{t('form.fix', { n: Object.keys(checked).length })}</strong>
          </div>
        )}
        <ErrorNotice error={intake.error} />
        <h2>{t('feedback.what')}</h2>
        <div className="form-grid">
          <Field label={t('feedback.kind')} error={errors.kind}>
            <select name="kind" value={f.kind} onChange={set('kind')}>
              {feedbackKinds.map((k) => (
                <option key={k} value={k}>
                  {label('feedbackKind', k)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('complaint.channel')} error={errors.channel}>
            <select name="channel" value={f.channel} onChange={set('channel')}>
              {channels.map((c) => (
                <option key={c} value={c}>
                  {label('channel', c)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('intake.receivedAt')} error={errors.receivedAt} hint={t('intake.receivedAtHint')}>
            <input type="datetime-local" value={f.receivedAt} onChange={set('receivedAt')} />
          </Field>
          <Field label={t('intake.initiativeId')} error={errors.initiativeId} hint={t('form.optional')} required={required('initiativeId')}>
            <input name="initiativeId" value={f.initiativeId} onChange={set('initiativeId')} />
          </Field>
          <Field label={t('complaint.description')} error={errors.description} wide required={required('description')}>
            <textarea name="description" rows={4} value={f.description} onChange={set('description')} />
          </Field>
        </div>
        <h2>{t('intake.customer')}</h2>
        <p className="muted small">{t('intake.piiNote')}</p>
        <div className="form-grid">
          <Field label={t('intake.ref')} error={errors['customer.ref']} required={required('customer.ref')}>
            <input name="customer.ref" value={f.ref} onChange={set('ref')} autoComplete="off" />
          </Field>
          <Field label={t('intake.name')} error={errors['customer.name']} required={required('customer.name')}>
            <input name="customer.name" value={f.name} onChange={set('name')} autoComplete="off" />
          </Field>
          <Field label={t('intake.phone')} error={errors['customer.phone']} required={required('customer.phone')}>
            <input name="customer.phone" value={f.phone} onChange={set('phone')} inputMode="tel" autoComplete="off" />
          </Field>
          <Field label={t('intake.idNumber')} error={errors['customer.idNumber']} hint={t('form.optional')} required={required('customer.idNumber')}>
            <input name="customer.idNumber" value={f.idNumber} onChange={set('idNumber')} autoComplete="off" />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={intake.pending}>
            {t('feedback.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
