import { currentVotes, tally } from '@domain/gates/review.js';
import { decisions } from '@domain/gates/stages.js';
import { durationUnits } from '@domain/duration.js';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import type { Decision, Review } from '../../api/types';
import { useUser } from '../../auth/SessionContext';
import { errorsByPath, Field, Group } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useCommand } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

const live = (r: Review) => r.status === 'open' || r.status === 'escalated';

/** Who may act on the review, judged from its roster snapshot (the API judges again). */
export function reviewRoles(review: Review, userId: string) {
  return {
    canVote: live(review) && review.eligible.includes(userId) && !review.recused.includes(userId),
    isChair: live(review) && review.chair === userId && review.submittedBy !== userId,
    recused: review.recused.includes(userId),
  };
}

function DecisionRadios({ name, value, onChange }: { name: string; value: Decision; onChange: (d: Decision) => void }) {
  const { label } = useI18n();
  return (
    <div className="radios">
      {decisions.map((d) => (
        <label key={d} className={`radio radio-${d}`}>
          <input type="radio" name={name} value={d} checked={value === d} onChange={() => onChange(d)} />
          {label('decision', d)}
        </label>
      ))}
    </div>
  );
}

/** A committee member votes (or revises the vote) with a comment. */
export function VoteForm({ initiativeId, review, onDone }: { initiativeId: string; review: Review; onDone: () => void }) {
  const { t, label } = useI18n();
  const user = useUser();
  const mine = currentVotes(review.votes).find((v) => v.userId === user.userId);
  const [decision, setDecision] = useState<Decision>(mine?.decision ?? 'approve');
  const [comment, setComment] = useState('');
  const vote = useCommand(() => api.post<Review>(`/initiatives/${initiativeId}/review/votes`, { decision, comment }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await vote.exec()) {
      setComment('');
      onDone();
    }
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="vote-title">
      <h2 id="vote-title">{mine ? t('vote.revise') : t('vote.title')}</h2>
      {mine && <p className="muted">{t('vote.current', { decision: label('decision', mine.decision) })}</p>}
      <ErrorNotice error={vote.error} />
      <Group legend={t('vote.decision')}>
        <DecisionRadios name="vote-decision" value={decision} onChange={setDecision} />
      </Group>
      <Field label={t('vote.comment')} wide>
        <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={vote.pending}>
          {t('vote.submit')}
        </button>
      </div>
    </form>
  );
}

/** The chair signs off: the committee's outcome, or an override with a reason. */
export function SignOffForm({ initiativeId, review, onDone }: { initiativeId: string; review: Review; onDone: () => void }) {
  const { t, label } = useI18n();
  const votes = currentVotes(review.votes);
  const committee = tally(votes, review.chair).outcome;
  const [decision, setDecision] = useState<Decision>(committee === 'tie_needs_chair' ? 'approve' : committee);
  const [comment, setComment] = useState('');
  const override = committee !== 'tie_needs_chair' && votes.length > 0 && decision !== committee;
  const ready = review.quorum.met || review.status === 'escalated';
  const signOff = useCommand(() => api.post(`/initiatives/${initiativeId}/review/signoff`, { decision, comment, ...(override ? { override: true } : {}) }));
  const errors = signOff.error instanceof ApiError ? errorsByPath(t, signOff.error.errors) : {};
  const [localError, setLocalError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (override && !comment.trim()) {
      setLocalError(t('signoff.reasonRequired'));
      return;
    }
    setLocalError(undefined);
    if (await signOff.exec()) onDone();
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="signoff-title">
      <h2 id="signoff-title">{t('signoff.title')}</h2>
      <p className="muted">
        {review.status === 'escalated' ? t('signoff.escalated') : ready ? t('signoff.ready') : t('signoff.waiting', { cast: review.quorum.cast, required: review.quorum.required })}{' '}
        {votes.length > 0 && t('signoff.committee', { outcome: committee === 'tie_needs_chair' ? t('review.tie') : label('decision', committee) })}
      </p>
      <ErrorNotice error={signOff.error} />
      <Group legend={t('signoff.decision')}>
        <DecisionRadios name="signoff-decision" value={decision} onChange={setDecision} />
      </Group>
      {override && <p className="notice notice-warning">{t('signoff.overrideWarning')}</p>}
      <Field label={override ? t('signoff.reason') : t('signoff.comment')} error={localError ?? errors.comment} wide>
        <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={signOff.pending || !ready}>
          {override ? t('signoff.submitOverride') : t('signoff.submit')}
        </button>
      </div>
    </form>
  );
}

/** The chair extends an escalated review once. */
export function ExtendForm({ initiativeId, onDone }: { initiativeId: string; onDone: () => void }) {
  const { t, label } = useI18n();
  const [amount, setAmount] = useState('2');
  const [unit, setUnit] = useState('business_day');
  const [reason, setReason] = useState('');
  const extend = useCommand(() => api.post(`/initiatives/${initiativeId}/review/extend`, { until: { amount: Number(amount), unit }, reason }));
  const errors = extend.error instanceof ApiError ? errorsByPath(t, extend.error.errors) : {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await extend.exec()) onDone();
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="extend-title">
      <h2 id="extend-title">{t('extend.title')}</h2>
      <p className="muted">{t('extend.hint')}</p>
      <ErrorNotice error={extend.error} />
      <div className="form-grid">
        <Field label={t('extend.amount')} error={errors['until.amount']}>
          <input type="number" min={1} value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t('extend.unit')} error={errors['until.unit']}>
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            {durationUnits.map((u) => (
              <option key={u} value={u}>
                {label('unit', u)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('extend.reason')} error={errors.reason} wide>
          <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={extend.pending}>
          {t('extend.submit')}
        </button>
      </div>
    </form>
  );
}
