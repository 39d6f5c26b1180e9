import { currentVotes, tally } from '@domain/gates/review.js';
import type { Review } from '../../api/types';
import { Badge, StatusBadge } from '../../components/Badge';
import { ProvisionalMark } from '../complaint/Clocks';
import { Countdown } from '../../components/Countdown';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n';
import { committeeWords } from './committee-words';

/**
 * The live review: status, deadline, quorum, and per member of the roster snapshot what they
 * voted (latest revision), or that they are recused or still to vote.
 */
export function ReviewPanel({ review, name, current = false }: { review: Review; name: (id: string) => string; current?: boolean }) {
  const { t, label, tag } = useI18n();
  const latest = currentVotes(review.votes);
  const byUser = new Map(latest.map((v) => [v.userId, v]));
  const members = [...review.eligible, ...review.recused.filter((r) => !review.eligible.includes(r))];
  if (!members.includes(review.chair)) members.unshift(review.chair);
  const outcome = tally(latest, review.chair);
  const pct = review.quorum.required ? Math.min(100, Math.round((review.quorum.cast / review.quorum.required) * 100)) : 100;
  const deadlineState = review.status === 'escalated' ? 'breached' : review.status === 'decided' ? 'met' : review.remindedAt ? 'at_risk' : 'pending';

  return (
    <section className="card" aria-labelledby={`review-${review.id}`} data-testid={current ? 'live-review' : undefined}>
      <div className="card-head">
        <h2 id={`review-${review.id}`}>
          {t('review.title', { stage: label('stage', review.stage), version: review.version })}
        </h2>
        <StatusBadge kind="reviewStatus" value={review.status} />
      </div>
      <div className="review-facts">
        <div>
          <span className="fact-label">{t('review.deadline')}</span>
          <Countdown deadline={review.deadline} state={deadlineState} {...(review.decidedAt ? { metAt: review.decidedAt } : {})} />
          {review.provisional ? <ProvisionalMark /> : null}
        </div>
        <div>
          <span className="fact-label">{t('review.quorum')}</span>
          <div className="quorum">
            <div className="bar" role="progressbar" aria-label={t('review.quorum')} aria-valuemin={0} aria-valuemax={review.quorum.required} aria-valuenow={review.quorum.cast}>
              <span style={{ width: `${pct}%` }} className={review.quorum.met ? 'bar-met' : ''} />
            </div>
            <span>
              {t('review.quorumText', { cast: review.quorum.cast, required: review.quorum.required, eligible: review.eligible.length })}{' '}
              <Badge tone={review.quorum.met ? 'success' : 'warning'}>{review.quorum.met ? t('review.quorumMet') : t('review.quorumNotMet')}</Badge>
            </span>
          </div>
        </div>
        <div>
          <span className="fact-label">{t('review.committeeOutcome')}</span>
          {latest.length === 0 ? <span className="muted">{t('review.noVotes')}</span> : <span>{outcome.outcome === 'tie_needs_chair' ? t('review.tie') : label('decision', outcome.outcome)}</span>}
        </div>
        <div>
          <span className="fact-label">{t('review.submittedBy')}</span>
          <span>
            {name(review.submittedBy)} · {formatDateTime(review.openedAt, tag)}
          </span>
        </div>
      </div>
      {review.carriedComments && review.carriedComments.length > 0 && (
        <div className="notice notice-warning">
          <strong>{t('review.carried')}</strong>
          <ul>
            {review.carriedComments.map((c, i) => (
              <li key={i}>{committeeWords(c, t, label, name)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('review.members')}>
      <table className="table">
        <caption className="sr-only">{t('review.members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.member')}</th>
            <th scope="col">{t('review.vote')}</th>
            <th scope="col">{t('review.comment')}</th>
            <th scope="col">{t('review.when')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const v = byUser.get(m);
            const recused = review.recused.includes(m);
            return (
              <tr key={m} data-member={m}>
                <td>
                  {name(m)} {m === review.chair && <Badge tone="accent">{t('review.chair')}</Badge>}
                </td>
                <td>
                  {recused ? (
                    <Badge tone="neutral">{t('review.recused')}</Badge>
                  ) : v ? (
                    <>
                      <StatusBadge kind="decision" value={v.decision} />
                      {v.revision > 1 && <span className="muted small"> {t('review.revision', { n: v.revision })}</span>}
                    </>
                  ) : (
                    <span className="muted">{t('review.notVoted')}</span>
                  )}
                </td>
                <td className="prewrap">{v?.comment || <span className="muted">—</span>}</td>
                <td className="muted small">{v ? formatDateTime(v.at, tag) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      {review.status === 'decided' && (
        <p>
          {t('review.decided', { outcome: label('decision', review.outcome ?? ''), by: name(review.signedOffBy ?? ''), at: formatDateTime(review.decidedAt, tag) })}{' '}
          {review.override && <Badge tone="danger">{t('review.override')}</Badge>}
        </p>
      )}
      {review.status === 'decided' && review.signOffComment && (
        <blockquote className="signoff-comment" data-testid="signoff-comment">
          <span className="fact-label">{t('review.signOffComment')}</span>
          <p className="prewrap">{review.signOffComment}</p>
        </blockquote>
      )}
    </section>
  );
}
