import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { Complaint, FollowUpList, SurveyResponse, SurveyResponseList } from '../../api/types';
import { hasRole, type SessionUser } from '../../auth/session';
import { errorsByPath, Field, Group, RequiredNote } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/Notice';
import { useApi, useCommand } from '../../hooks/useApi';
import { useI18n, type MessageKey } from '../../i18n';

/**
 * The complaint's voice-of-the-customer section (docs/followups.md): its answers (survey link and
 * callbacks, verbatims masked), its detractor follow-ups, and — on a closed complaint, for agents,
 * supervisors and the department's handlers — the "Record callback" form.
 */
export function CallbacksSection({ complaint, user, name }: { complaint: Complaint; user: SessionUser | null; name: (id: string) => string }) {
  const { t, tag } = useI18n();
  const answers = useApi(() => api.get<SurveyResponseList>(`/complaints/${complaint.id}/responses`), [complaint.id]);
  const followUps = useApi(() => api.get<FollowUpList>(`/complaints/${complaint.id}/follow-ups`), [complaint.id]);
  const [open, setOpen] = useState(false);
  const mayCall = complaint.status === 'closed' && hasRole(user, 'cs_agent', 'supervisor', 'business_handler');
  const items = answers.data?.items ?? [];
  const fus = followUps.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="callbacks">
      <h2 id="callbacks">{t('callback.section')}</h2>
      <ErrorNotice error={answers.error ?? followUps.error} />
      {items.length === 0 ? (
        <p className="muted">{t('callback.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="complaint-responses">
          {items.map((r) => (
            <li key={r.id}>
              <span className="muted small">{formatDateTime(r.respondedAt, tag)}</span> {answerText(r, t, name)}
              {r.verbatim && <span className="prewrap"> — {r.verbatim}</span>}
            </li>
          ))}
        </ul>
      )}
      {fus.length > 0 && (
        <>
          <h3>{t('callback.followUps')}</h3>
          <ul className="plain-list" data-testid="complaint-followups">
            {fus.map((f) => (
              <li key={f.id}>
                <Link to={`/follow-ups/${encodeURIComponent(f.id)}`}>{t(`followUp.status.${f.status}` as MessageKey)}</Link>{' '}
                {f.outcome ? t(`followUp.outcome.${f.outcome.outcome}` as MessageKey) : t('followUp.dueBy', { at: formatDateTime(f.due, tag) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {mayCall && (
        <>
          <button type="button" className={`btn ${open ? 'btn-primary' : ''}`} aria-expanded={open} onClick={() => setOpen(!open)} data-command="callback">
            {t('callback.record')}
          </button>
          {open && (
            <CallbackForm
              complaintId={complaint.id}
              onDone={() => {
                setOpen(false);
                answers.reload();
                followUps.reload();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function answerText(r: SurveyResponse, t: ReturnType<typeof useI18n>['t'], name: (id: string) => string): string {
  const who = r.source === 'callback' ? t('callback.by', { name: r.recordedBy ? name(r.recordedBy) : '—' }) : t('callback.byLink');
  if (!r.reached) return `${who}: ${t('callback.unreachableAfter', { attempts: r.attempts })}`;
  return `${who}: CSAT ${r.csat ?? '—'} · NPS ${r.nps ?? '—'}${r.detractor ? ` · ${t('callback.detractor')}` : ''}`;
}

const scale = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The callback form: reached (CSAT, NPS, what could be better) or unreachable (attempts); nothing preselected. */
function CallbackForm({ complaintId, onDone }: { complaintId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [reached, setReached] = useState<'yes' | 'no' | ''>('');
  const [csat, setCsat] = useState('');
  const [nps, setNps] = useState('');
  const [verbatim, setVerbatim] = useState('');
  const [attempts, setAttempts] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const body = () => (reached === 'yes' ? { reached: true, csat: Number(csat), nps: Number(nps), ...(verbatim.trim() ? { verbatim } : {}) } : { reached: false, attempts: Number(attempts) });
  const run = useCommand(() => api.post<SurveyResponse>(`/complaints/${complaintId}/callbacks`, body()));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!reached) m.reached = t('callback.reachedRequired');
    if (reached === 'yes' && !csat) m.csat = t('callback.scoreRequired');
    if (reached === 'yes' && !nps) m.nps = t('callback.scoreRequired');
    if (reached === 'no' && !(Number(attempts) >= 1)) m.attempts = t('callback.attemptsRequired');
    setMissing(m);
    if (Object.keys(m).length) return;
    if (await run.exec()) onDone();
  };
  return (
    <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={t('callback.record')} noValidate>
      <RequiredNote />
      <Group legend={t('callback.reached')} error={missing.reached} required>
        <div className="radios">
          <label className="radio">
            <input type="radio" name="reached" value="yes" checked={reached === 'yes'} onChange={() => setReached('yes')} data-reached="yes" />
            {t('callback.reachedYes')}
          </label>
          <label className="radio">
            <input type="radio" name="reached" value="no" checked={reached === 'no'} onChange={() => setReached('no')} data-reached="no" />
            {t('callback.reachedNo')}
          </label>
        </div>
      </Group>
      {reached === 'yes' && (
        <>
          <Field label={t('callback.csat')} hint={t('callback.csatHint')} error={missing.csat ?? errors.csat} required>
            <select value={csat} onChange={(e) => setCsat(e.target.value)} data-field="csat">
              <option value="">{t('callback.choose')}</option>
              {scale(1, 5).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('callback.nps')} hint={t('callback.npsHint')} error={missing.nps ?? errors.nps} required>
            <select value={nps} onChange={(e) => setNps(e.target.value)} data-field="nps">
              <option value="">{t('callback.choose')}</option>
              {scale(0, 10).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('callback.verbatim')} hint={t('callback.verbatimHint')} error={errors.verbatim} wide>
            <textarea value={verbatim} onChange={(e) => setVerbatim(e.target.value)} rows={3} maxLength={2000} />
          </Field>
        </>
      )}
      {reached === 'no' && (
        <Field label={t('callback.attempts')} error={missing.attempts ?? errors.attempts} required>
          <input type="number" inputMode="numeric" min={1} max={20} value={attempts} onChange={(e) => setAttempts(e.target.value)} />
        </Field>
      )}
      <ErrorNotice error={run.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={run.pending}>
          {t('callback.save')}
        </button>
      </div>
    </form>
  );
}
