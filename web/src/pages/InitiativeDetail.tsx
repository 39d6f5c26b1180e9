import { isGateStage, isTerminalStatus } from '@domain/gates/stages.js';
import { FromReviewItem } from './improvement/FromReviewItem';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { Initiative, Review } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { StatusBadge } from '../components/Badge';
import { Field } from '../components/Field';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi, useCommand } from '../hooks/useApi';
import { usePeople } from '../hooks/usePeople';
import { useI18n, type MessageKey } from '../i18n';
import { Deliverables } from './initiative/Deliverables';
import { ExtendForm, reviewRoles, SignOffForm, VoteForm } from './initiative/ReviewActions';
import { ReviewPanel } from './initiative/ReviewPanel';
import { StageTrack } from './initiative/StageTrack';
import { ProductVoice } from './initiative/ProductVoice';
import { SubmissionForm } from './initiative/SubmissionForm';

/**
 * One initiative: the stage track, the live review (votes, recusals, quorum, deadline) with the
 * actions open to the signed-in user, the submission form of the current stage for its team, and
 * every past version's deliverables and decision.
 */
export function InitiativeDetailPage() {
  const { id = '' } = useParams();
  const { t, label, tag } = useI18n();
  const user = useUser();
  const name = usePeople();
  const loaded = useApi(() => api.get<Initiative>(`/initiatives/${id}`), [id]);
  const i = loaded.data;

  if (!i) {
    return (
      <>
        <PageHeader title={t('initiative.title')} />
        <ErrorNotice error={loaded.error} />
        {loaded.loading && <Loading />}
      </>
    );
  }

  const review = i.review;
  const roles = review ? reviewRoles(review, user.userId) : undefined;
  const canSubmit =
    hasRole(user, 'product_owner') && (i.status === 'in_progress' || i.status === 'changes_requested') && isGateStage(i.stage) && !review && (!user.department || user.department === i.team);
  const canWithdraw = hasRole(user, 'product_owner') && !isTerminalStatus(i.status) && (i.owner === user.userId || user.department === i.team);
  const past = i.reviews.filter((r) => r.id !== review?.id).slice().reverse();
  // The review whose decision asked for this rework: its deliverables prefill the next version.
  const changesAsked = i.status === 'changes_requested' ? [...i.reviews].reverse().find((r) => r.stage === i.stage && r.outcome === 'request_changes') : undefined;
  const liveReview = !!review && (review.status === 'open' || review.status === 'escalated');
  const hasActions = !!(roles?.canVote || roles?.isChair || (roles?.recused && liveReview) || canWithdraw);

  return (
    <>
      <PageHeader
        title={i.name}
        subtitle={
          <>
            <Link to="/initiatives">{t('initiatives.title')}</Link> · {label('businessLine', i.businessLine)} · {i.team}
          </>
        }
        actions={
          <>
            <StatusBadge kind="initiativeStatus" value={i.status} />
            {hasRole(user, 'compliance_auditor', 'admin') && (
              <Link className="btn" to={`/audit?entityType=initiative&entityId=${i.id}`}>
                {t('audit.title')}
              </Link>
            )}
            <button type="button" className="btn" onClick={loaded.reload}>
              {t('common.refresh')}
            </button>
          </>
        }
      />
      <StageTrack initiative={i} />
      {review && <ReviewPanel review={review} name={name} current />}
      {review && (
        // Open, and above the vote and sign-off forms: a decision is made on what was submitted.
        <details className="card" open={Boolean(roles?.canVote || roles?.isChair)} data-testid="live-deliverables">
          <summary>{t('review.deliverables', { version: review.version })}</summary>
          <Deliverables value={review.deliverables} />
        </details>
      )}
      <div className={hasActions ? 'grid-2' : undefined}>
        <section className="card" aria-labelledby="overview">
          <h2 id="overview">{t('initiative.overview')}</h2>
          <p className="prewrap">{i.description}</p>
          <dl className="kv">
            <div className="kv-row">
              <dt>{t('initiative.owner')}</dt>
              <dd>{i.ownerName ? `${i.ownerName} (${i.owner})` : name(i.owner)}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('initiative.stage')}</dt>
              <dd>{label('stage', i.stage)}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('common.created')}</dt>
              <dd>{formatDateTime(i.createdAt, tag)}</dd>
            </div>
            {i.withdrawal && (
              <div className="kv-row">
                <dt>{t('initiative.withdrawn')}</dt>
                <dd>
                  {name(i.withdrawal.by)} · {formatDateTime(i.withdrawal.at, tag)} · {i.withdrawal.reason}
                </dd>
              </div>
            )}
            {i.postLaunch && (
              <div className="kv-row">
                <dt>{t('initiative.postLaunch')}</dt>
                <dd>
                  {t('initiative.postLaunchText', { n: i.postLaunch.linkedComplaints, threshold: i.postLaunch.threshold, end: formatDateTime(i.postLaunch.windowEnd, tag) })}
                  {i.postLaunch.reviewItem && <StatusBadge kind="clock" value="breached" />}
                  {i.postLaunch.reviewItem?.nps && (
                    <span className="small" data-testid="review-cause">
                      {' '}
                      {t('productVoice.raisedByDrop', { previous: i.postLaunch.reviewItem.nps.previous, current: i.postLaunch.reviewItem.nps.current, drop: i.postLaunch.reviewItem.nps.drop })}
                    </span>
                  )}
                  {i.postLaunch.reviewItem?.decision && <PostLaunchDecision decision={i.postLaunch.reviewItem.decision} />}
                  {i.postLaunch.reviewItem && <FromReviewItem initiativeId={i.id} itemId={i.postLaunch.reviewItem.id} />}
                </dd>
              </div>
            )}
          </dl>
          {i.requestedChanges && i.requestedChanges.length > 0 && (
            <div className="notice notice-warning" data-testid="requested-changes">
              <strong>{t('initiative.requestedChanges')}</strong>
              {changesAsked ? <CommitteeWords review={changesAsked} /> : (
                <ul>
                  {i.requestedChanges.map((c, n) => (
                    <li key={n}>{c}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>
        {hasActions && (
          <div className="stack">
            {review && roles?.canVote && <VoteForm initiativeId={i.id} review={review} onDone={loaded.reload} />}
            {review && roles?.recused && (review.status === 'open' || review.status === 'escalated') && <p className="notice notice-info">{t('review.youAreRecused')}</p>}
            {review && roles?.isChair && <SignOffForm initiativeId={i.id} review={review} onDone={loaded.reload} />}
            {review && roles?.isChair && review.status === 'escalated' && !review.extension && <ExtendForm initiativeId={i.id} onDone={loaded.reload} />}
            {canWithdraw && <WithdrawForm initiativeId={i.id} onDone={loaded.reload} />}
          </div>
        )}
      </div>

      {i.postLaunch && <ProductVoice initiativeId={i.id} />}
      {canSubmit && isGateStage(i.stage) && <SubmissionForm key={`${i.stage}-${i.reviews.length}`} initiativeId={i.id} stage={i.stage} onDone={loaded.reload} {...(changesAsked ? { previous: { version: changesAsked.version, deliverables: changesAsked.deliverables } } : {})} />}
      {past.length > 0 && (
        <section aria-labelledby="history">
          <h2 id="history" className="section-title">
            {t('initiative.history')}
          </h2>
          {past.map((r) => (
            <details key={r.id} className="card">
              <summary>
                {t('review.title', { stage: label('stage', r.stage), version: r.version })} · <StatusBadge kind="reviewStatus" value={r.status} />{' '}
                {r.outcome && <StatusBadge kind="decision" value={r.outcome} />} <span className="muted small">{formatDateTime(r.decidedAt ?? r.withdrawnAt ?? r.openedAt, tag)}</span>
              </summary>
              <ReviewPanel review={r} name={name} />
              <h3>{t('review.deliverables', { version: r.version })}</h3>
              <Deliverables value={r.deliverables} />
            </details>
          ))}
        </section>
      )}
    </>
  );
}

function WithdrawForm({ initiativeId, onDone }: { initiativeId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const withdraw = useCommand(() => api.post(`/initiatives/${initiativeId}/withdraw`, { reason }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await withdraw.exec()) onDone();
  }
  if (!open) {
    return (
      <div className="card">
        <button type="button" className="btn btn-danger-outline" onClick={() => setOpen(true)}>
          {t('withdraw.open')}
        </button>
      </div>
    );
  }
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('withdraw.title')}</h2>
      <ErrorNotice error={withdraw.error} />
      <Field label={t('withdraw.reason')} wide>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-danger" disabled={withdraw.pending}>
          {t('withdraw.submit')}
        </button>
      </div>
    </form>
  );
}

/**
 * The committee's words on a decision that asked for changes, under each member's name with the
 * decision in the reader's language, and the chair's sign-off comment last.
 */
function CommitteeWords({ review }: { review: Review }) {
  const { t, label } = useI18n();
  const name = usePeople();
  // A member's latest vote counts (a revision replaces the one before).
  const latest = [...new Map(review.votes.map((v) => [v.userId, v])).values()].filter((v) => v.comment.trim() || v.decision !== 'approve');
  return (
    <ul className="committee-words">
      {latest.map((v) => (
        <li key={v.userId}>
          <strong>{name(v.userId)}</strong> · {label('decision', v.decision)}
          {v.comment.trim() && <span className="prewrap">: {v.comment}</span>}
        </li>
      ))}
      {review.signOffComment && (
        <li>
          <strong>{name(review.signedOffBy ?? review.chair)}</strong> · {t('review.signOffComment')}: <span className="prewrap">{review.signOffComment}</span>
        </li>
      )}
    </ul>
  );
}

type ReviewItemDecision = NonNullable<NonNullable<NonNullable<Initiative['postLaunch']>['reviewItem']>['decision']>;

/** The committee meeting's decision on the post-launch review item, linked to the meeting and the action a fix raised. */
function PostLaunchDecision({ decision: d }: { decision: ReviewItemDecision }) {
  const { t, tag } = useI18n();
  const name = usePeople();
  return (
    <p className="decision-facts" data-testid="post-launch-decision">
      <strong>{t(`meeting.decision.post_launch_${d.decision}` as MessageKey)}</strong>
      {d.decidedBy && ` · ${name(d.decidedBy)}`}
      {d.decidedAt && ` · ${formatDateTime(d.decidedAt, tag)}`}
      {d.comment && <span className="prewrap">: {d.comment}</span>}
      {d.meetingId && (
        <>
          {' · '}
          <Link to={`/meetings/${d.meetingId}`}>{t('initiative.decidedAtMeeting')}</Link>
        </>
      )}
      {d.actionId && (
        <>
          {' · '}
          <Link to={`/improvements/${encodeURIComponent(d.actionId)}`}>{t('initiative.fixAction')}</Link>
        </>
      )}
    </p>
  );
}
