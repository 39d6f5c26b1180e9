import { complaintInputRules } from '@domain/complaints/inputs.js';
import { assigneeRole, reassignRefusal } from '@domain/complaints/reassign.js';
import { checkForm, isRequired, type FieldProblem } from '@domain/field-rules.js';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import type { Complaint } from '../../api/types';
import type { SessionUser } from '../../auth/session';
import { errorsByPath, Field, focusFirstInvalid, RequiredNote } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { PersonSelect } from '../../components/Pickers';
import { useCommand } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

/**
 * A supervisor hands the complaint to another agent (docs/complaints.md "Reassigning"): shown
 * while the rule of domain/complaints/reassign.ts allows it (the same the workflow applies). The
 * agent is picked from the staff directory's agents, the reason is required, and a confirmation
 * says what will happen before anything is sent.
 */
export function ReassignPanel({ complaint: c, user, name, onDone }: { complaint: Complaint; user: SessionUser; name: (id: string) => string; onDone: (c: Complaint) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // The state alone: a placeholder agent and reason, so only who and when decide here.
  if (reassignRefusal(user, c, { toUserId: '\u0000', reason: '-' }) !== null) return null;
  return (
    <section className="card" aria-labelledby="reassign" data-testid="reassign">
      <h2 id="reassign">{t('reassign.title')}</h2>
      <p className="muted small">{t('reassign.current', { agent: name(c.agentId) })}</p>
      <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('reassign.open')}
      </button>
      {open && (
        <ReassignForm
          complaint={c}
          name={name}
          onDone={(next) => {
            setOpen(false);
            onDone(next);
          }}
        />
      )}
    </section>
  );
}

const rules = complaintInputRules.reassign;

function ReassignForm({ complaint, name, onDone }: { complaint: Complaint; name: (id: string) => string; onDone: (c: Complaint) => void }) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>();
  const [confirming, setConfirming] = useState(false);
  const run = useCommand(() => api.post<Complaint>(`/complaints/${complaint.id}/reassign`, { toUserId, reason }));
  const errors = checked ?? (run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {});

  /** The API's own field rules, and the agent who holds it already is no choice. */
  function check(): FieldProblem[] {
    const problems = checkForm(rules, { toUserId, reason });
    if (toUserId && toUserId === complaint.agentId) problems.push({ path: 'toUserId', code: 'same_owner', message: 'already holds it' });
    return problems;
  }

  function review(e: FormEvent) {
    e.preventDefault();
    const problems = check();
    run.clearError();
    if (problems.length > 0) {
      setChecked(errorsByPath(t, problems, ''));
      focusFirstInvalid(formRef.current);
      return;
    }
    setChecked(undefined);
    setConfirming(true);
  }

  async function send() {
    const c = await run.exec();
    if (c) onDone(c);
    else {
      setConfirming(false);
      focusFirstInvalid(formRef.current);
    }
  }

  return (
    <form ref={formRef} className="command-form" onSubmit={review} aria-label={t('reassign.title')} noValidate>
      <RequiredNote />
      {checked && Object.keys(checked).length > 0 && (
        <div className="notice notice-danger" role="alert">
          <strong>{t('form.fix', { n: Object.keys(checked).length })}</strong>
        </div>
      )}
      <ErrorNotice error={run.error} />
      <Field label={t('reassign.to')} error={errors.toUserId} required={isRequired(rules, 'toUserId')}>
        <PersonSelect
          name="toUserId"
          role={assigneeRole}
          value={toUserId}
          onChange={(v) => {
            setToUserId(v);
            setConfirming(false);
          }}
        />
      </Field>
      <Field label={t('input.reason')} error={errors.reason} required={isRequired(rules, 'reason')} wide>
        <textarea
          name="reason"
          rows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setConfirming(false);
          }}
        />
      </Field>
      {confirming ? (
        <div className="notice notice-warning" role="alertdialog" aria-labelledby="reassign-confirm" data-testid="reassign-confirm">
          <p id="reassign-confirm">{t('reassign.confirmText', { from: name(complaint.agentId), to: name(toUserId) })}</p>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" disabled={run.pending} onClick={() => void send()}>
              {t('reassign.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {t('reassign.review')}
          </button>
        </div>
      )}
    </form>
  );
}
