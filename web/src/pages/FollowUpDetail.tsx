import { addressedTo } from '@domain/followups/rules.js';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { FollowUp } from '../api/types';
import { hasRole } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { Badge } from '../components/Badge';
import { Countdown } from '../components/Countdown';
import { formatDateTime, shortId } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { useDepartmentName } from '../hooks/useDirectory';
import { usePeople } from '../hooks/usePeople';
import { useI18n, type MessageKey } from '../i18n';
import { OutcomeForm } from './followup/OutcomeForm';

/**
 * One detractor follow-up (docs/followups.md): the facts of the decision — the complaint, the
 * scores, the masked verbatim, the deadline — and, for a supervisor while it is open, the outcome
 * form.
 */
export function FollowUpDetailPage() {
  const { id = '' } = useParams();
  const { t, tag } = useI18n();
  const user = useUser();
  const name = usePeople();
  const departmentName = useDepartmentName();
  const loaded = useApi(() => api.get<FollowUp>(`/follow-ups/${encodeURIComponent(id)}`), [id]);
  const [fresh, setFresh] = useState<FollowUp>();
  const f = fresh && fresh.id === id ? fresh : loaded.data;
  if (!f) {
    return (
      <>
        <PageHeader title={t('followUp.title')} />
        <ErrorNotice error={loaded.error} />
        {loaded.loading && <Loading />}
      </>
    );
  }
  const mine = user ? addressedTo(f.supervisorIds, user) || hasRole(user, 'supervisor') : false;
  return (
    <>
      <PageHeader
        title={t('followUp.heading', { complaint: shortId(f.complaintId) })}
        subtitle={
          <>
            <Link to="/inbox">{t('nav.inbox')}</Link> · <span className="mono">{f.id}</span>
          </>
        }
        actions={
          <>
            <Badge tone={f.status === 'open' ? 'warning' : 'success'}>{t(`followUp.status.${f.status}` as MessageKey)}</Badge>
            {hasRole(user, 'compliance_auditor', 'admin') && (
              <Link className="btn" to={`/audit?entityType=follow_up&entityId=${encodeURIComponent(f.id)}`}>
                {t('audit.title')}
              </Link>
            )}
            <button type="button" className="btn" onClick={loaded.reload}>
              {t('common.refresh')}
            </button>
          </>
        }
      />
      <div className="grid-2">
        <section className="card" aria-labelledby="followup-facts">
          <h2 id="followup-facts">{t('followUp.facts')}</h2>
          <dl className="kv">
            <div className="kv-row">
              <dt>{t('followUp.complaint')}</dt>
              <dd>
                <Link to={`/complaints/${f.complaintId}`} className="mono" data-testid="followup-complaint">
                  {shortId(f.complaintId)}
                </Link>
              </dd>
            </div>
            <div className="kv-row">
              <dt>{t('followUp.scores')}</dt>
              <dd data-testid="followup-scores">
                {f.nps != null && <span>NPS {f.nps} </span>}
                {f.csat != null && <span>CSAT {f.csat}</span>}
              </dd>
            </div>
            <div className="kv-row">
              <dt>{t('followUp.source')}</dt>
              <dd>
                {t(`followUp.source.${f.source}` as MessageKey)} · {formatDateTime(f.respondedAt, tag)}
              </dd>
            </div>
            <div className="kv-row">
              <dt>{t('followUp.verbatim')}</dt>
              <dd className="prewrap" data-testid="followup-verbatim">
                {f.verbatim ?? '—'}
              </dd>
            </div>
            <div className="kv-row">
              <dt>{t('followUp.department')}</dt>
              <dd>{departmentName(f.department)}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('followUp.supervisors')}</dt>
              <dd>{f.supervisorIds.length ? f.supervisorIds.map((s) => name(s)).join(', ') : t('followUp.everySupervisor')}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('followUp.due')}</dt>
              <dd>
                {formatDateTime(f.due, tag)} {f.status === 'open' && <Countdown deadline={f.due} state={f.dueState === 'overdue' ? 'breached' : f.dueState} />}
              </dd>
            </div>
          </dl>
        </section>
        <section className="card" aria-labelledby="followup-outcome">
          <h2 id="followup-outcome">{t('followUp.outcome')}</h2>
          {f.outcome ? (
            <dl className="kv" data-testid="followup-recorded">
              <div className="kv-row">
                <dt>{t('followUp.outcome')}</dt>
                <dd>{t(`followUp.outcome.${f.outcome.outcome}` as MessageKey)}</dd>
              </div>
              <div className="kv-row">
                <dt>{t('followUp.note')}</dt>
                <dd className="prewrap">{f.outcome.note}</dd>
              </div>
              <div className="kv-row">
                <dt>{t('followUp.recordedBy')}</dt>
                <dd>
                  {f.outcome.byName} · {formatDateTime(f.outcome.at, tag)}
                </dd>
              </div>
            </dl>
          ) : mine ? (
            <OutcomeForm followUp={f} onDone={setFresh} />
          ) : (
            <p className="muted">{t('followUp.supervisorRecords')}</p>
          )}
        </section>
      </div>
    </>
  );
}
