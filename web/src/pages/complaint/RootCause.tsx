import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { Complaint } from '../../api/types';
import { hasRole, type SessionUser } from '../../auth/session';
import { errorsByPath, Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/Notice';
import { useCommand } from '../../hooks/useApi';
import { useTaxonomy } from '../../hooks/useTaxonomy';
import { useI18n } from '../../i18n';
import { RootCauseSelect } from './Actions';

/**
 * Why the complaint happened (docs/reports.md, "Root causes"): the cause its resolution named or a
 * supervisor corrected, its group and the product it lies in; a supervisor corrects it with a
 * reason, also once the complaint is closed.
 */
export function RootCausePanel({ complaint: c, user, name, onDone }: { complaint: Complaint; user: SessionUser; name: (id: string) => string; onDone: (c: Complaint) => void }) {
  const { t, tag } = useI18n();
  const { labelOf } = useTaxonomy();
  const [open, setOpen] = useState(false);
  const rc = c.rootCause;
  return (
    <section className="card" aria-labelledby="root-cause" data-testid="root-cause">
      <h2 id="root-cause">{t('rootCause.title')}</h2>
      {rc ? (
        <dl className="kv">
          <div className="kv-row">
            <dt>{t('rootCause.cause')}</dt>
            <dd data-code={rc.code}>
              {labelOf(rc.group)} › <strong>{labelOf(rc.code)}</strong>
            </dd>
          </div>
          {rc.initiativeId && (
            <div className="kv-row">
              <dt>{t('rootCause.product')}</dt>
              <dd>
                <Link to={`/initiatives/${rc.initiativeId}`}>{rc.initiativeId}</Link>
              </dd>
            </div>
          )}
          <div className="kv-row">
            <dt>{t('rootCause.named')}</dt>
            <dd>
              {t(rc.via === 'correction' ? 'rootCause.corrected' : 'rootCause.byResolution', { by: name(rc.by), at: formatDateTime(rc.at, tag) })}
              {rc.reason && <div className="muted small">{rc.reason}</div>}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t('rootCause.none')}</p>
      )}
      {hasRole(user, 'supervisor') && (
        <>
          <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('rootCause.correct')}
          </button>
          {open && (
            <CorrectionForm
              complaint={c}
              onDone={(next) => {
                setOpen(false);
                onDone(next);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function CorrectionForm({ complaint, onDone }: { complaint: Complaint; onDone: (c: Complaint) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState(complaint.rootCause?.code ?? '');
  const [product, setProduct] = useState(complaint.rootCause?.initiativeId ?? '');
  const [reason, setReason] = useState('');
  const run = useCommand(() => api.post<Complaint>(`/complaints/${complaint.id}/root-cause`, { code, ...(product.trim() ? { initiativeId: product.trim() } : {}), reason }));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    const c = await run.exec();
    if (c) onDone(c);
  }
  return (
    <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={t('rootCause.correct')}>
      <ErrorNotice error={run.error} />
      <Field label={t('rootCause.cause')} error={errors.code} wide>
        <RootCauseSelect value={code} onChange={setCode} />
      </Field>
      <Field label={`${t('rootCause.product')} (${t('form.optional')})`} error={errors.initiativeId}>
        <input name="initiativeId" value={product} onChange={(e) => setProduct(e.target.value)} />
      </Field>
      <Field label={t('input.reason')} error={errors.reason} wide>
        <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={run.pending}>
          {t('rootCause.save')}
        </button>
      </div>
    </form>
  );
}
