import { decisionCheck } from '@domain/erasure/rules.js';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api/client';
import type { Erasure } from '../api/types';
import { useUser } from '../auth/SessionContext';
import { Badge, StatusBadge } from '../components/Badge';
import { errorsByPath, Field } from '../components/Field';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi, useCommand } from '../hooks/useApi';
import { useI18n, type MessageKey } from '../i18n';
import { ErasureStatusBadge, HoldText } from './erasure/parts';

/** One erasure request: the facts a decision needs (customer, complaints and their states, holds), the decision, the proof. */
export function ErasureDetailPage() {
  const { id = '' } = useParams();
  const { t, tag } = useI18n();
  const loaded = useApi(() => api.get<Erasure>(`/erasures/${id}`), [id]);
  const e = loaded.data;
  if (!e) {
    return (
      <>
        <PageHeader title={t('erasure.title')} />
        <ErrorNotice error={loaded.error} />
        {loaded.loading && <Loading />}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('erasure.title')}
        subtitle={
          <>
            <Link to="/erasures">{t('erasures.title')}</Link> · <span className="mono">{e.id}</span>
          </>
        }
        actions={
          <>
            <ErasureStatusBadge status={e.status} />
            <Link className="btn" to={`/audit?entityType=erasure&entityId=${e.id}`}>
              {t('audit.title')}
            </Link>
            <button type="button" className="btn" onClick={loaded.reload}>
              {t('common.refresh')}
            </button>
          </>
        }
      />
      <div className="grid-2">
        <section className="card" aria-labelledby="erasure-facts">
          <h2 id="erasure-facts">{t('erasure.facts')}</h2>
          <dl className="kv">
            <Row name={t('erasure.customerRef')} value={e.customerRef} testId="erasure-customer" />
            <Row name={t('erasure.reason')} value={e.reason} />
            <Row name={t('erasure.origin')} value={t(`erasureOrigin.${e.origin}` as MessageKey)} />
            <Row name={t('erasure.requestedBy')} value={e.requestedBy.name} />
            <Row name={t('erasure.requested')} value={formatDateTime(e.requestedAt, tag)} />
            {e.checkedAt && <Row name={t('erasure.checkedAt')} value={formatDateTime(e.checkedAt, tag)} />}
          </dl>
          <h3>{t('erasure.holds')}</h3>
          {e.holds.length === 0 ? (
            <p className="muted">{t('erasure.noHolds')}</p>
          ) : (
            <ul className="plain-list" data-testid="erasure-holds">
              {e.holds.map((h) => (
                <li key={h.kind === 'legal_hold' ? h.holdId : h.complaintId}>
                  <Badge tone="warning">
                    <HoldText hold={h} />
                  </Badge>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('erasure.complaints')}</h3>
          {e.complaints.length === 0 ? (
            <p className="muted">{t('erasure.noComplaints')}</p>
          ) : (
            <ul className="plain-list" data-testid="erasure-complaints">
              {e.complaints.map((c) => (
                <li key={c.id} data-complaint={c.id}>
                  <Link to={`/complaints/${c.id}`} className="mono">
                    {c.id.slice(0, 8)}
                  </Link>{' '}
                  <StatusBadge kind="complaintStatus" value={c.status} /> <span className="muted small">{formatDateTime(c.receivedAt, tag)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="stack">
          <Decision erasure={e} onDone={(next) => loaded.set(next)} />
          {e.proof && <Proof proof={e.proof} />}
        </div>
      </div>
    </>
  );
}

function Row({ name, value, testId }: { name: string; value: string; testId?: string }) {
  return (
    <div className="kv-row">
      <dt>{name}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** The decision: shown once given; otherwise the form for a compliance auditor who is not the requester (the domain's four-eyes rule), with no answer preselected. */
function Decision({ erasure, onDone }: { erasure: Erasure; onDone: (e: Erasure) => void }) {
  const { t, tag } = useI18n();
  const user = useUser();
  const [choice, setChoice] = useState<'approve' | 'refuse'>();
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const run = useCommand(() => api.post<Erasure>(`/erasures/${erasure.id}/decision`, { approved: choice === 'approve', ...(comment.trim() ? { comment } : {}) }));
  const errors = { ...(run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {}), ...local };
  if (erasure.decision) {
    const d = erasure.decision;
    return (
      <section className="card" aria-labelledby="erasure-decision" data-testid="erasure-decision">
        <h2 id="erasure-decision">{t('erasure.decision')}</h2>
        <p>{t('erasure.decidedBy', { decision: t(d.approved ? 'erasure.approved' : 'erasure.refused'), by: d.by, at: formatDateTime(d.at, tag) })}</p>
        {d.comment && <p className="prewrap">{d.comment}</p>}
      </section>
    );
  }
  if (erasure.status !== 'awaiting_approval') return null;
  const allowed = decisionCheck('awaiting_approval', erasure.requestedBy.userId, { userId: user.userId, roles: user.roles }, true, undefined);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const problems: Record<string, string> = {};
    if (!choice) problems.approved = t('erasure.chooseFirst');
    if (choice === 'refuse' && comment.trim() === '') problems.comment = t('erasure.commentRequired');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const next = await run.exec();
    if (next) onDone(next);
  }
  return (
    <section className="card" aria-labelledby="erasure-decide">
      <h2 id="erasure-decide">{t('erasure.decide')}</h2>
      {!allowed.ok ? (
        <p className="muted">{erasure.requestedBy.userId === user.userId ? t('erasure.ownRequest') : t('erasure.notYours')}</p>
      ) : (
        <form className="command-form" onSubmit={(ev) => void submit(ev)} aria-labelledby="erasure-decide">
          <ErrorNotice error={run.error} />
          <fieldset className="group" aria-invalid={errors.approved ? true : undefined}>
            <legend>{t('erasure.choice')}</legend>
            {errors.approved && <span className="error-text">{errors.approved}</span>}
            <div className="radios">
              {(['approve', 'refuse'] as const).map((c) => (
                <label key={c} className="radio">
                  <input type="radio" name="erasure-decision" value={c} checked={choice === c} onChange={() => setChoice(c)} />
                  {t(c === 'approve' ? 'erasure.approve' : 'erasure.refuse')}
                </label>
              ))}
            </div>
          </fieldset>
          <Field label={t('erasure.comment')} hint={t('erasure.commentHint')} error={errors.comment} wide>
            <textarea name="comment" rows={3} value={comment} onChange={(ev) => setComment(ev.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={run.pending}>
              {t('erasure.confirm')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Proof({ proof }: { proof: NonNullable<Erasure['proof']> }) {
  const { t, tag } = useI18n();
  return (
    <section className="card" aria-labelledby="erasure-proof" data-testid="erasure-proof">
      <h2 id="erasure-proof">{t('erasure.proof')}</h2>
      <p>{proof.ok ? <Badge tone="success">{t('erasure.proof.ok')}</Badge> : <Badge tone="danger">{t('erasure.proof.failed')}</Badge>}</p>
      <dl className="kv">
        <Row name={t('erasure.proof.keys')} value={String(proof.dataKeysDestroyed.length)} />
        <Row name={t('erasure.proof.rows')} value={`${proof.rowsChecked} / ${proof.rowsStillReadable}`} />
        <Row name={t('erasure.proof.chains')} value={proof.chains.ok ? t('erasure.proof.chainsOk', { n: proof.chains.checked }) : t('erasure.proof.chainsBroken', { at: proof.chains.firstBroken ?? '?' })} />
        <Row name={t('erasure.proof.ledger')} value={proof.ledger} />
        <Row name={t('erasure.proof.executed')} value={formatDateTime(proof.executedAt, tag)} />
        <Row name={t('erasure.proof.verified')} value={formatDateTime(proof.verifiedAt, tag)} />
      </dl>
    </section>
  );
}
