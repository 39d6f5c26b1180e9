import { commentRequired, currentVotes, tally } from '@domain/gates/review.js';
import { decisions } from '@domain/gates/stages.js';
import { durationUnits } from '@domain/duration.js';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import type { Decision, Review } from '../../api/types';
import { useUser } from '../../auth/SessionContext';
import { errorsByPath, Field, fieldMessage, focusFirstInvalid, Group, RequiredNote } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useCommand } from '../../hooks/useApi';
import { usePeople } from '../../hooks/usePeople';
import { useI18n, type MessageKey, type Translate } from '../../i18n';

const live = (r: Review) => r.status === 'open' || r.status === 'escalated';

/** Who may act on the review, judged from its roster snapshot (the API judges again). */
export function reviewRoles(review: Review, userId: string) {
  return {
    canVote: live(review) && review.eligible.includes(userId) && !review.recused.includes(userId),
    isChair: live(review) && review.chair === userId && review.submittedBy !== userId,
    recused: review.recused.includes(userId),
  };
}

function DecisionRadios({ name, value, onChange, invalid }: { name: string; value: Decision | undefined; onChange: (d: Decision) => void; invalid?: boolean }) {
  const { label } = useI18n();
  return (
    <div className="radios">
      {decisions.map((d) => (
        <label key={d} className={`radio radio-${d}`}>
          <input type="radio" name={name} value={d} checked={value === d} onChange={() => onChange(d)} aria-invalid={invalid ? true : undefined} />
          {label('decision', d)}
        </label>
      ))}
    </div>
  );
}

/**
 * The form's own check before sending: a decision chosen (never preselected), and the comment that
 * domain/gates/review.ts `commentRequired` asks for (request changes, reject).
 */
function checkDecision(t: Translate, decision: Decision | undefined, comment: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!decision) out.decision = fieldMessage(t, { path: 'decision', message: '', code: 'choice' });
  if (commentRequired(decision) && !comment.trim()) out.comment = t('vote.commentRequired');
  return out;
}

/** A committee member votes (or revises the vote) with a comment. */
export function VoteForm({ initiativeId, review, onDone }: { initiativeId: string; review: Review; onDone: () => void }) {
  const { t, label } = useI18n();
  const user = useUser();
  const formRef = useRef<HTMLFormElement>(null);
  const mine = currentVotes(review.votes).find((v) => v.userId === user.userId);
  const [decision, setDecision] = useState<Decision>();
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const vote = useCommand(() => api.post<Review>(`/initiatives/${initiativeId}/review/votes`, { decision, comment }));
  const errors = { ...(vote.error instanceof ApiError ? errorsByPath(t, vote.error.errors) : {}), ...checked };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = checkDecision(t, decision, comment);
    setChecked(problems);
    vote.clearError();
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    if (await vote.exec()) {
      setComment('');
      setDecision(undefined);
      onDone();
    }
  }

  return (
    <form ref={formRef} className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="vote-title" noValidate data-testid="vote-form">
      <h2 id="vote-title">{mine ? t('vote.revise') : t('vote.title')}</h2>
      {mine && <p className="muted">{t('vote.current', { decision: label('decision', mine.decision) })}</p>}
      <RequiredNote />
      <ErrorNotice error={vote.error} />
      <Group legend={t('vote.decision')} error={errors.decision} required>
        <DecisionRadios name="vote-decision" value={decision} onChange={setDecision} invalid={!!errors.decision} />
      </Group>
      <Field label={t('vote.comment')} wide error={errors.comment} required={commentRequired(decision)} hint={t('vote.commentHint')}>
        <textarea name="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={vote.pending}>
          {t('vote.submit')}
        </button>
      </div>
    </form>
  );
}

/**
 * The chair signs off: the committee's outcome, or an override with a reason. Nothing is chosen
 * in advance; before it is sent the form says what will happen, and who has not voted.
 */
export function SignOffForm({ initiativeId, review, onDone }: { initiativeId: string; review: Review; onDone: () => void }) {
  const { t, label } = useI18n();
  const name = usePeople();
  const formRef = useRef<HTMLFormElement>(null);
  const votes = currentVotes(review.votes);
  const committee = tally(votes, review.chair).outcome;
  const [decision, setDecision] = useState<Decision>();
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const override = decision !== undefined && committee !== 'tie_needs_chair' && votes.length > 0 && decision !== committee && review.status !== 'escalated';
  const ready = review.quorum.met || review.status === 'escalated';
  const signOff = useCommand(() => api.post(`/initiatives/${initiativeId}/review/signoff`, { decision, comment, ...(override ? { override: true } : {}) }));
  const [checked, setChecked] = useState<Record<string, string>>({});
  const errors = { ...(signOff.error instanceof ApiError ? errorsByPath(t, signOff.error.errors) : {}), ...checked };
  const voted = new Set(votes.map((v) => v.userId));
  const notVoted = review.eligible.filter((m) => !voted.has(m) && !review.recused.includes(m) && m !== review.chair);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = checkDecision(t, decision, comment);
    if (override && !comment.trim()) problems.comment = t('signoff.reasonRequired');
    setChecked(problems);
    signOff.clearError();
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    if (await signOff.exec()) onDone();
    else setConfirming(false);
  }

  return (
    <form ref={formRef} className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="signoff-title" noValidate data-testid="signoff-form">
      <h2 id="signoff-title">{t('signoff.title')}</h2>
      <p className="muted">
        {review.status === 'escalated' ? t('signoff.escalated') : ready ? t('signoff.ready') : t('signoff.waiting', { cast: review.quorum.cast, required: review.quorum.required })}{' '}
        {votes.length > 0 && t('signoff.committee', { outcome: committee === 'tie_needs_chair' ? t('review.tie') : label('decision', committee) })}
      </p>
      <RequiredNote />
      <ErrorNotice error={signOff.error} />
      <Group legend={t('signoff.decision')} error={errors.decision} required>
        <DecisionRadios
          name="signoff-decision"
          value={decision}
          onChange={(d) => {
            setDecision(d);
            setConfirming(false);
          }}
          invalid={!!errors.decision}
        />
      </Group>
      {override && <p className="notice notice-warning">{t('signoff.overrideWarning')}</p>}
      <Field label={override ? t('signoff.reason') : t('signoff.comment')} error={errors.comment} wide required={override || commentRequired(decision)}>
        <textarea
          name="comment"
          rows={3}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setConfirming(false);
          }}
        />
      </Field>
      {confirming && decision && (
        <div className="notice notice-warning" role="alert" data-testid="signoff-confirm">
          <strong>{t(`signoff.will.${decision}` as MessageKey, { stage: label('stage', review.stage) })}</strong>
          {notVoted.length > 0 && <p>{t('signoff.notVoted', { n: notVoted.length, names: notVoted.map(name).join(t('common.listSeparator')) })}</p>}
        </div>
      )}
      <div className="form-actions">
        {confirming && (
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={signOff.pending || !ready}>
          {confirming ? t('signoff.confirm') : override ? t('signoff.submitOverride') : t('signoff.submit')}
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
