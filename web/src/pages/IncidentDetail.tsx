import { incidentSteps } from '@domain/incidents/policy.js';
import { allowedIncidentCommands, incidentAccess } from '@domain/incidents/rules.js';
import type { IncidentCommand } from '@domain/incidents/types.js';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, query } from '../api/client';
import type { Incident, IncidentLinkedComplaint, Page } from '../api/types';
import { hasRole, type SessionUser } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { Badge } from '../components/Badge';
import { Countdown } from '../components/Countdown';
import { errorsByPath, Field } from '../components/Field';
import { formatDateTime, formatPeriod, shortId } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { usePaged } from '../components/Pager';
import { useApi, useCommand } from '../hooks/useApi';
import { usePeople } from '../hooks/usePeople';
import { useI18n, type MessageKey } from '../i18n';
import { IncidentStatusBadge, TriggerText } from './incident/parts';

/** One incident: its spike, the deadline of each step, owner, plan, review, the complaints linked, and what the reader may do now. */
export function IncidentDetailPage() {
  const { id = '' } = useParams();
  const { t, tag } = useI18n();
  const user = useUser();
  const name = usePeople();
  const loaded = useApi(() => api.get<Incident>(`/incidents/${id}`), [id]);
  const i = loaded.data;
  if (!i) {
    return (
      <>
        <PageHeader title={t('incident.title')} />
        <ErrorNotice error={loaded.error} />
        {loaded.loading && <Loading />}
      </>
    );
  }
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <>
      <PageHeader
        title={t('incident.title')}
        subtitle={
          <>
            <Link to="/incidents">{t('incidents.title')}</Link> · <span className="mono">{i.id}</span>
          </>
        }
        actions={
          <>
            <IncidentStatusBadge status={i.status} />
            {i.escalationLevel > 0 && <Badge tone="danger">{t(i.escalationLevel >= 2 ? 'incident.level2' : 'incident.level1')}</Badge>}
            {hasRole(user, 'supervisor') && (
              <Link
                className="btn"
                to={`/improvements/new${query({ kind: 'incident', sourceId: i.id, incidents: i.id, ...(i.trigger.dimension === 'channel' ? {} : { dimension: i.trigger.dimension, value: i.trigger.value }) })}`}
              >
                {t('improvement.raiseFromThis')}
              </Link>
            )}
            {hasRole(user, 'compliance_auditor', 'admin') && (
              <Link className="btn" to={`/audit?entityType=incident&entityId=${i.id}`}>
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
        <section className="card" aria-labelledby="incident-facts">
          <h2 id="incident-facts">{t('incident.facts')}</h2>
          <p data-testid="trigger">
            <TriggerText incident={i} />
          </p>
          <dl className="kv">
            <Row name={t('incident.window')} value={formatPeriod(i.trigger.windowFrom, i.trigger.windowTo, tag, zone)} />
            <Row name={t('incident.raised')} value={formatDateTime(i.raisedAt, tag)} />
            <Row name={t('incident.threshold')} value={t('incident.thresholdText', { count: i.trigger.count, threshold: i.trigger.threshold, baseline: i.trigger.baseline })} />
            <Row name={t('incident.owner')} value={i.owner ? name(i.owner.userId) : t('incident.noOwner')} testId="incident-owner" />
            {i.trigger.dimension === 'product' && (
              <div className="kv-row">
                <dt>{t('incident.dimension.product')}</dt>
                <dd>
                  <Link to={`/initiatives/${i.trigger.value}`}>{shortId(i.trigger.value)}</Link>
                </dd>
              </div>
            )}
            {i.chairUserId && <Row name={t('incident.chair')} value={name(i.chairUserId)} />}
          </dl>
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="incident-steps" data-testid="incident-steps">
            <h2 id="incident-steps">{t('incident.steps')}</h2>
            <dl className="kv">
              {incidentSteps.map((step) => {
                const s = i.steps[step];
                return (
                  <div className="kv-row" key={step} data-step={step}>
                    <dt>{t(`incident.step.${step}` as MessageKey)}</dt>
                    <dd>{s ? <Countdown deadline={s.deadline} state={s.state} {...(s.metAt ? { metAt: s.metAt } : {})} /> : <span className="muted">{t('incident.notStarted')}</span>}</dd>
                  </div>
                );
              })}
            </dl>
          </section>
          <IncidentActions incident={i} user={user} onDone={(next) => loaded.set(next)} />
        </div>
      </div>
      {i.plans.length > 0 && (
        <section className="card" aria-labelledby="incident-plan">
          <h2 id="incident-plan">{t('incident.plan')}</h2>
          {i.plans.map((p, n) => (
            <div key={p.at} className={n < i.plans.length - 1 ? 'muted' : undefined}>
              <p className="prewrap">{p.summary}</p>
              <ul>
                {p.actions.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
              <p className="muted small">{t('incident.byAt', { by: name(p.by), at: formatDateTime(p.at, tag) })}</p>
            </div>
          ))}
        </section>
      )}
      {i.review && (
        <section className="card" aria-labelledby="incident-review" data-testid="incident-review">
          <h2 id="incident-review">{t('incident.review')}</h2>
          <p className="prewrap">{i.review.summary}</p>
          <table className="table table-compact">
            <caption className="sr-only">{t('incident.findings')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('incident.finding')}</th>
                <th scope="col">{t('incident.action')}</th>
                <th scope="col">{t('incident.findingOwner')}</th>
                <th scope="col">{t('incident.due')}</th>
              </tr>
            </thead>
            <tbody>
              {i.review.findings.map((f) => (
                <tr key={f.finding}>
                  <td>{f.finding}</td>
                  <td>{f.action}</td>
                  <td>{f.owner ? name(f.owner) : '—'}</td>
                  <td>{f.due ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('incident.byAt', { by: name(i.review.by), at: formatDateTime(i.review.at, tag) })}</p>
        </section>
      )}
      <LinkedComplaints incident={i} />
    </>
  );
}

/** Complaints linked per page of the list below the incident. */
const complaintsPage = 20;

/**
 * The complaints linked to the incident: the count, then a page at a time from
 * GET /incidents/{id}/complaints (a mass incident links tens of thousands).
 */
function LinkedComplaints({ incident }: { incident: Incident }) {
  const { t, tag } = useI18n();
  const list = usePaged((cursor?: string) => api.get<Page<IncidentLinkedComplaint>>(`/incidents/${incident.id}/complaints${query({ limit: complaintsPage, cursor })}`), `${incident.id}:${incident.complaintCount}`);
  return (
    <section className="card" aria-labelledby="incident-complaints" data-testid="incident-complaints-section">
      <h2 id="incident-complaints">{t('incident.complaints', { n: incident.complaintCount })}</h2>
      <ErrorNotice error={list.error} />
      <ul className="plain-list" data-testid="incident-complaints">
        {list.items.map((c) => (
          <li key={c.id} data-complaint={c.id}>
            <Link to={`/complaints/${c.id}`} className="mono">
              {shortId(c.id)}
            </Link>{' '}
            <Badge tone={c.via === 'spike' ? 'danger' : 'info'}>{t(`incident.via.${c.via}` as MessageKey)}</Badge> <span className="muted small">{formatDateTime(c.at, tag)}</span>
          </li>
        ))}
      </ul>
      {list.loading && <Loading />}
      {list.items.length > 0 && (
        <p className="muted small" data-testid="incident-complaints-shown">
          {t('incident.complaintsShown', { shown: list.items.length, n: incident.complaintCount })}
        </p>
      )}
      {list.hasMore && (
        <div className="load-more">
          <button type="button" className="btn" onClick={() => void list.more()} disabled={list.loading} data-testid="incident-complaints-more">
            {t('incident.complaintsMore')}
          </button>
        </div>
      )}
    </section>
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

/** The commands of the incident the reader may give now: the domain's state table and access rule, as the workflow applies them. */
function IncidentActions({ incident, user, onDone }: { incident: Incident; user: SessionUser; onDone: (i: Incident) => void }) {
  const { t } = useI18n();
  const commands = allowedIncidentCommands(incident.status).filter((c) => incidentAccess(c, { userId: user.userId, name: user.name, roles: user.roles }, incident.owner).ok);
  const [open, setOpen] = useState<IncidentCommand>();
  const current = open && commands.includes(open) ? open : undefined;
  return (
    <section className="card" aria-labelledby="incident-actions">
      <h2 id="incident-actions">{t('actions.title')}</h2>
      {commands.length === 0 ? (
        <p className="muted">{incident.status === 'closed' ? t('incident.closed') : t('actions.none')}</p>
      ) : (
        <div className="action-buttons">
          {commands.map((c) => (
            <button key={c} type="button" className={`btn ${current === c ? 'btn-primary' : ''}`} aria-expanded={current === c} onClick={() => setOpen(current === c ? undefined : c)} data-command={c}>
              {t(`incident.command.${c}` as MessageKey)}
            </button>
          ))}
        </div>
      )}
      {current && (
        <IncidentForm
          key={current}
          command={current}
          incidentId={incident.id}
          onDone={(i) => {
            setOpen(undefined);
            onDone(i);
          }}
        />
      )}
    </section>
  );
}

const paths: Record<IncidentCommand, string> = { assign: '/owner', plan: '/plan', review: '/review' };

function IncidentForm({ command, incidentId, onDone }: { command: IncidentCommand; incidentId: string; onDone: (i: Incident) => void }) {
  const { t } = useI18n();
  const [v, setV] = useState<Record<string, string>>({});
  const [findings, setFindings] = useState([{ finding: '', action: '' }]);
  const set = (k: string, value: string) => setV({ ...v, [k]: value });
  const body = () => {
    if (command === 'assign') return { owner: { userId: (v.userId ?? '').trim(), name: v.name ?? '' }, ...(v.note ? { note: v.note } : {}) };
    if (command === 'plan') return { summary: v.summary ?? '', actions: (v.actions ?? '').split('\n').map((a) => a.trim()).filter(Boolean) };
    return { summary: v.summary ?? '', findings: findings.filter((f) => f.finding || f.action) };
  };
  const run = useCommand(() => api.post<Incident>(`/incidents/${incidentId}${paths[command]}`, body()));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    const i = await run.exec();
    if (i) onDone(i);
  }
  return (
    <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={t(`incident.command.${command}` as MessageKey)}>
      <ErrorNotice error={run.error} />
      {command === 'assign' && (
        <>
          <Field label={t('incident.ownerId')} error={errors['owner.userId']}>
            <input name="userId" value={v.userId ?? ''} onChange={(e) => set('userId', e.target.value)} />
          </Field>
          <Field label={t('incident.ownerName')} error={errors['owner.name']}>
            <input name="name" value={v.name ?? ''} onChange={(e) => set('name', e.target.value)} />
          </Field>
          <Field label={`${t('incident.note')} (${t('form.optional')})`} error={errors.note} wide>
            <textarea name="note" rows={2} value={v.note ?? ''} onChange={(e) => set('note', e.target.value)} />
          </Field>
        </>
      )}
      {command !== 'assign' && (
        <Field label={t('incident.summary')} error={errors.summary} wide>
          <textarea name="summary" rows={3} value={v.summary ?? ''} onChange={(e) => set('summary', e.target.value)} />
        </Field>
      )}
      {command === 'plan' && (
        <Field label={t('incident.actions')} hint={t('incident.actionsHint')} error={errors.actions} wide>
          <textarea name="actions" rows={3} value={v.actions ?? ''} onChange={(e) => set('actions', e.target.value)} />
        </Field>
      )}
      {command === 'review' && (
        <fieldset className="group">
          <legend>{t('incident.findings')}</legend>
          {errors.findings && <span className="error-text">{errors.findings}</span>}
          {findings.map((f, n) => (
            <div className="finding-row" key={n}>
              <Field label={t('incident.findingN', { n: n + 1 })} error={errors[`findings.${n}.finding`]}>
                <input value={f.finding} onChange={(e) => setFindings(findings.map((x, k) => (k === n ? { ...x, finding: e.target.value } : x)))} />
              </Field>
              <Field label={t('incident.actionN', { n: n + 1 })} error={errors[`findings.${n}.action`]}>
                <input value={f.action} onChange={(e) => setFindings(findings.map((x, k) => (k === n ? { ...x, action: e.target.value } : x)))} />
              </Field>
            </div>
          ))}
          <button type="button" className="btn btn-small" onClick={() => setFindings([...findings, { finding: '', action: '' }])}>
            {t('incident.addFinding')}
          </button>
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={run.pending}>
          {t('actions.confirm', { command: t(`incident.command.${command}` as MessageKey) })}
        </button>
      </div>
    </form>
  );
}
