import { followUpOutcomes, type FollowUpOutcome } from '@domain/followups/types.js';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import type { FollowUp } from '../../api/types';
import { errorsByPath, Field, Group, RequiredNote } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useCommand } from '../../hooks/useApi';
import { useI18n, type MessageKey } from '../../i18n';

/** The supervisor's outcome of a follow-up: no answer preselected, the note required; errors next to their fields. */
export function OutcomeForm({ followUp, onDone }: { followUp: FollowUp; onDone: (f: FollowUp) => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<FollowUpOutcome | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<{ outcome?: string; note?: string }>({});
  const run = useCommand(() => api.post<FollowUp>(`/follow-ups/${encodeURIComponent(followUp.id)}/outcome`, { outcome, note }));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = { ...(outcome ? {} : { outcome: t('followUp.outcomeRequired') }), ...(note.trim() ? {} : { note: t('followUp.noteRequired') }) };
    setMissing(m);
    if (m.outcome || m.note) return;
    const done = await run.exec();
    if (done) onDone(done);
  };
  return (
    <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={t('followUp.recordOutcome')} noValidate>
      <RequiredNote />
      <Group legend={t('followUp.outcome')} error={missing.outcome ?? errors.outcome} required>
        <div className="radios">
          {followUpOutcomes.map((o) => (
            <label key={o} className="radio">
              <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => {
                  setOutcome(o);
                  setMissing((m) => ({ ...m, outcome: undefined }));
                }} aria-invalid={missing.outcome || errors.outcome ? true : undefined} data-outcome={o} />
              {t(`followUp.outcome.${o}` as MessageKey)}
            </label>
          ))}
        </div>
      </Group>
      <Field label={t('followUp.note')} hint={t('followUp.noteHint')} error={missing.note ?? errors.note} wide required>
        <textarea value={note} onChange={(e) => {
            setNote(e.target.value);
            if (e.target.value.trim()) setMissing((m) => ({ ...m, note: undefined }));
          }} rows={3} maxLength={2000} />
      </Field>
      <ErrorNotice error={run.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={run.pending}>
          {t('followUp.recordOutcome')}
        </button>
      </div>
    </form>
  );
}
