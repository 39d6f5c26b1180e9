import { customerRevealRules } from '@domain/complaints/customer-reveal.js';
import { checkForm } from '@domain/field-rules.js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import type { Complaint, CustomerRevealed } from '../../api/types';
import { Badge } from '../../components/Badge';
import { errorsByPath, Field, focusFirstInvalid, RequiredNote } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/Notice';
import { useCommand } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

/**
 * The complaint's customer (docs/complaints.md "The customer: masked until shown"): masked as every
 * answer carries it; those the API offers it to (`customer.reveal`) press Show — with a reason when
 * it is not their own complaint — and see the clear details with a note that the view was
 * recorded, until they hide them again or leave the page. Nothing is kept beyond this component.
 */
export function CustomerDetails({ complaint: c }: { complaint: Complaint }) {
  const { t, tag } = useI18n();
  const customer = c.customer;
  const [shown, setShown] = useState<CustomerRevealed>();
  const [asking, setAsking] = useState(false);
  const showRef = useRef<HTMLButtonElement>(null);
  const hideRef = useRef<HTMLButtonElement>(null);
  const run = useCommand((reason?: string) => api.post<CustomerRevealed>(`/complaints/${c.id}/customer/reveal`, reason === undefined ? {} : { reason }));

  // Another complaint, or corrected details: what was shown no longer stands.
  useEffect(() => {
    setShown(undefined);
    setAsking(false);
  }, [c.id, customer.name, customer.phone, customer.idNumber, customer.email]);

  async function show(reason?: string) {
    const answer = await run.exec(reason);
    if (!answer) return;
    setAsking(false);
    setShown(answer);
    // After the view changes, keyboard users land on the way back.
    requestAnimationFrame(() => hideRef.current?.focus());
  }
  function hide() {
    setShown(undefined);
    requestAnimationFrame(() => showRef.current?.focus());
  }

  const ref = <span className="muted small">({customer.ref})</span>;
  if (customer.erased || customer.unreadable) {
    return (
      <>
        {customer.erased ? <Badge tone="neutral">{t('complaint.erased')}</Badge> : <Badge tone="danger">{t('complaint.unreadable')}</Badge>} {ref}
      </>
    );
  }
  const values = shown ? shown.customer : customer;
  const offer = customer.reveal;
  return (
    <>
      <span data-testid="customer-values" data-shown={shown ? 'true' : 'false'}>
        {values.name} · {values.phone}
        {values.idNumber ? ` · ${values.idNumber}` : ''}
        {values.email ? ` · ${values.email}` : ''}
      </span>{' '}
      {ref} {!shown && <Badge tone="neutral">{t('complaint.masked')}</Badge>}{' '}
      {offer && !shown && !asking && (
        <button
          ref={showRef}
          type="button"
          className="btn btn-small"
          disabled={run.pending}
          onClick={() => (offer.reasonRequired ? setAsking(true) : void show())}
        >
          {t('customer.show')}
        </button>
      )}
      {shown && (
        <button ref={hideRef} type="button" className="btn btn-small" onClick={hide}>
          {t('customer.hide')}
        </button>
      )}
      {shown && (
        <p className="muted small" role="status" data-testid="customer-shown-note">
          {shown.revealed.length > 0 ? t('customer.shownNote', { at: formatDateTime(shown.at, tag) }) : t('customer.nothingShown')}
        </p>
      )}
      {!asking && !shown && <ErrorNotice error={run.error} />}
      {asking && (
        <ReasonForm
          pending={run.pending}
          error={run.error}
          onSubmit={(reason) => void show(reason)}
          onCancel={() => {
            run.clearError();
            setAsking(false);
            requestAnimationFrame(() => showRef.current?.focus());
          }}
        />
      )}
    </>
  );
}

/** The reason asked of someone showing a complaint that is not their own; checked by the API's own rule before sending. */
function ReasonForm({ pending, error, onSubmit, onCancel }: { pending: boolean; error: Error | undefined; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>();
  const errors = checked ?? (error instanceof ApiError ? errorsByPath(t, error.errors) : {});

  useEffect(() => formRef.current?.querySelector('textarea')?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    // Required here, though optional in the rule: only the complaint's own agent may leave it out.
    const problems = reason.trim() === '' ? [{ path: 'reason', code: 'required' as const, message: 'must not be empty' }] : checkForm(customerRevealRules, { reason });
    if (problems.length > 0) {
      setChecked(errorsByPath(t, problems, ''));
      focusFirstInvalid(formRef.current);
      return;
    }
    setChecked(undefined);
    onSubmit(reason);
  }

  return (
    <form ref={formRef} className="command-form" onSubmit={submit} aria-label={t('customer.showForm')} noValidate>
      <RequiredNote />
      <ErrorNotice error={error} />
      <Field label={t('customer.reasonLabel')} hint={t('customer.reasonHint')} error={errors.reason} wide required>
        <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t('customer.show')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
