import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { Complaint } from '../api/types';
import { hasRole } from '../auth/session';
import { ReclassifyComplaintPanel } from './feedback/ReclassifyComplaintPanel';
import { useUser } from '../auth/SessionContext';
import { Badge, StatusBadge } from '../components/Badge';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi } from '../hooks/useApi';
import { usePeople } from '../hooks/usePeople';
import { useI18n } from '../i18n';
import { Actions } from './complaint/Actions';
import { Clocks, Ladder } from './complaint/Clocks';
import { CustomerDetails } from './complaint/CustomerDetails';
import { ownerText } from './complaint/owner';
import { ReassignPanel } from './complaint/Reassign';
import { RelatedRecords } from './complaint/Related';
import { RootCausePanel } from './complaint/RootCause';
import { Timeline } from './complaint/Timeline';
import { CallbacksSection } from './complaint/Callbacks';

/** One complaint: facts (the customer masked, shown on request), clocks, escalation, actions, timeline. */
export function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const { t, label, tag } = useI18n();
  const user = useUser();
  const name = usePeople();
  const loaded = useApi(() => api.get<Complaint>(`/complaints/${id}`), [id]);
  const c = loaded.data;
  if (!c) {
    return (
      <>
        <PageHeader title={t('complaint.title')} />
        <ErrorNotice error={loaded.error} />
        {loaded.loading && <Loading />}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('complaint.heading', { category: label('category', c.category), customer: c.customer.name })}
        subtitle={
          <>
            <Link to="/complaints">{t('complaints.title')}</Link> · <span className="mono">{c.id}</span>
          </>
        }
        actions={
          <>
            <StatusBadge kind="severity" value={c.severity} />
            <StatusBadge kind="complaintStatus" value={c.status} />
            {c.paused && <Badge tone="neutral">{t('complaint.paused')}</Badge>}
            {hasRole(user, 'compliance_auditor', 'admin') && (
              <Link className="btn" to={`/audit?entityType=complaint&entityId=${c.id}`}>
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
        <section className="card" aria-labelledby="facts">
          <h2 id="facts">{t('complaint.facts')}</h2>
          <p className="prewrap">{c.description}</p>
          <dl className="kv">
            <div className="kv-row">
              <dt>{t('complaint.customer')}</dt>
              <dd data-testid="customer">
                <CustomerDetails complaint={c} />
              </dd>
            </div>
            <div className="kv-row">
              <dt>{t('complaint.channel')}</dt>
              <dd>{label('channel', c.channel)}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('complaint.category')}</dt>
              <dd>{label('category', c.category)}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('complaint.received')}</dt>
              <dd>{formatDateTime(c.receivedAt, tag)}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('complaint.firstResponder')}</dt>
              <dd>{c.agentId ? name(c.agentId) : '—'}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('complaint.owner')}</dt>
              <dd data-testid="owner">{c.owner.kind === 'user' ? name(c.owner.id) : ownerText(c.owner, t, label)}</dd>
            </div>
            {c.escalatedTo && (
              <div className="kv-row">
                <dt>{t('complaint.escalatedTo')}</dt>
                <dd data-testid="escalated-to">
                  {c.escalationRecipients.length > 0 ? c.escalationRecipients.map((p) => name(p.userId)).join(', ') : ownerText(c.escalatedTo, t, label)}{' '}
                  <span className="muted small">({label('level', c.escalatedTo.kind === 'level' ? c.escalatedTo.id : String(c.escalationLevel))})</span>
                </dd>
              </div>
            )}
            <div className="kv-row">
              <dt>{t('complaint.reopenCount')}</dt>
              <dd>
                {c.reopenCount}
                {c.repeatOf.length > 0 && (
                  <>
                    {' '}
                    <Badge tone="warning">{t('complaint.repeat')}</Badge>{' '}
                    {c.repeatOf.map((r) => (
                      <Link key={r} to={`/complaints/${r}`} className="mono small">
                        {r.slice(0, 8)}{' '}
                      </Link>
                    ))}
                  </>
                )}
              </dd>
            </div>
          </dl>
          <h3>{t('complaint.escalation')}</h3>
          <Ladder complaint={c} />
        </section>
        <div className="stack">
          <Clocks complaint={c} />
          <Actions complaint={c} user={user} onDone={(next) => loaded.set(next)} />
          <ReassignPanel complaint={c} user={user} name={name} onDone={(next) => loaded.set(next)} />
          <RootCausePanel complaint={c} user={user} name={name} onDone={(next) => loaded.set(next)} />
          <ReclassifyComplaintPanel complaint={c} user={user} />
          <RelatedRecords complaint={c} />
          <CallbacksSection complaint={c} user={user} name={name} />
        </div>
      </div>
      <Timeline complaint={c} name={name} />
      {c.closedAt && <p className="muted">{t('complaint.closedAt', { at: formatDateTime(c.closedAt, tag) })}</p>}
    </>
  );
}
