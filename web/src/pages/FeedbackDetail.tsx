import { categories, severities } from '@domain/complaints/types.js';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { Feedback, Initiative, Page } from '../api/types';
import { useUser } from '../auth/SessionContext';
import { hasRole } from '../auth/session';
import { Field } from '../components/Field';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { DepartmentSelect, PersonSelect } from '../components/Pickers';
import { useApi, useCommand } from '../hooks/useApi';
import { useDepartmentName, useDirectory } from '../hooks/useDirectory';
import { useI18n } from '../i18n';

/**
 * One feedback item (docs/feedback.md): its intake, its clock (an inquiry), its routing and
 * response (a suggestion), its credit (praise), its links and reclassification, and the actions
 * its status takes now (`allowed`; who may is checked by the API).
 */
export function FeedbackDetailPage() {
  const { id = '' } = useParams();
  const { t, label, tag } = useI18n();
  const user = useUser();
  const departmentName = useDepartmentName();
  const directory = useDirectory();
  const name = (userId: string) => directory?.people.find((p) => p.userId === userId)?.name ?? userId;
  const loaded = useApi(() => api.get<Feedback>(`/feedback/${id}`), [id]);
  const v = loaded.data;
  if (!v) return loaded.error ? <ErrorNotice error={loaded.error} /> : <Loading />;
  const row = (k: string, value: ReactNode) => (
    <div className="kv-row">
      <dt>{k}</dt>
      <dd>{value}</dd>
    </div>
  );
  const onDone = (next: Feedback | undefined) => next && loaded.set(next);
  return (
    <>
      <PageHeader
        title={t('feedback.heading', { kind: label('feedbackKind', v.kind), customer: v.customer.name })}
        subtitle={
          <>
            <Link to="/feedback">{t('feedback.title')}</Link> · <span className="mono">{v.id}</span>
          </>
        }
        actions={
          <>
            <span className="badge">{label('feedbackStatus', v.status)}</span>
            {hasRole(user, 'compliance_auditor', 'admin') && (
              <Link className="btn" to={`/audit?entityType=feedback&entityId=${v.id}`}>
                {t('audit.title')}
              </Link>
            )}
          </>
        }
      />
      <div className="grid-2">
        <section className="card" aria-labelledby="facts">
          <h2 id="facts">{t('complaint.facts')}</h2>
          <p className="prewrap">{v.description}</p>
          <dl className="kv">
            {row(t('complaint.customer'), `${v.customer.name} · ${v.customer.phone} · ${v.customer.ref}`)}
            {row(t('complaint.channel'), label('channel', v.channel))}
            {row(t('complaint.received'), formatDateTime(v.receivedAt, tag))}
            {row(t('feedback.loggedBy'), v.loggedBy.name)}
            {v.firstResponse && row(t('feedback.firstResponseDue'), `${formatDateTime(v.firstResponse.due, tag)} · ${label('feedbackClock', v.firstResponse.state)}`)}
            {v.answer && row(t('feedback.answer'), <span className="prewrap">{v.answer.text}</span>)}
            {v.routing && row(t('feedback.team'), `${departmentName(v.routing.department)}${v.routing.initiativeId ? ` · ${v.routing.initiativeId}` : ''}`)}
            {v.response && row(t('feedback.response'), <span className="prewrap">{v.response.text}</span>)}
            {v.credit && row(t('feedback.creditedTo'), v.credit.kind === 'person' ? v.credit.name : departmentName(v.credit.id))}
            {v.links.improvements.length > 0 &&
              row(
                t('feedback.improvements'),
                v.links.improvements.map((i) => (
                  <Link key={i} to={`/improvements/${encodeURIComponent(i)}`} className="mono small">
                    {i}{' '}
                  </Link>
                )),
              )}
            {v.links.initiatives.length > 0 &&
              row(
                t('feedback.initiatives'),
                v.links.initiatives.map((i) => (
                  <Link key={i} to={`/initiatives/${i}`} className="mono small">
                    {i}{' '}
                  </Link>
                )),
              )}
            {v.reclassified && row(t('feedback.reclassifiedTitle'), <Link to={`/complaints/${v.reclassified.complaintId}`}>{t('feedback.reclassifiedAsComplaint')}</Link>)}
            {v.reclassifiedFrom && row(t('feedback.fromComplaint'), <Link to={`/complaints/${v.reclassifiedFrom.complaintId}`}>{v.reclassifiedFrom.reason}</Link>)}
          </dl>
        </section>
        <div className="stack">
          <FeedbackActions item={v} onDone={onDone} />
          {v.kind === 'suggestion' && (v.status === 'routed' || v.status === 'responded') && hasRole(user, 'supervisor') && (
            <section className="card">
              <Link className="btn" to={`/improvements/new?kind=suggestion&sourceId=${v.id}&problem=${encodeURIComponent(v.description)}`}>
                {t('feedback.raiseImprovement')}
              </Link>
            </section>
          )}
          <p className="muted small">{v.archive ? t('feedback.archivedBy', { who: name(v.archive.by), at: formatDateTime(v.archive.at, tag) }) : ''}</p>
        </div>
      </div>
    </>
  );
}

function FeedbackActions({ item: v, onDone }: { item: Feedback; onDone: (next: Feedback | undefined) => void }) {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [department, setDepartment] = useState('');
  const [creditKind, setCreditKind] = useState<'person' | 'department'>('person');
  const [creditId, setCreditId] = useState('');
  const [initiativeId, setInitiativeId] = useState('');
  const [category, setCategory] = useState<string>('service');
  const [severity, setSeverity] = useState<string>('general');
  const [reason, setReason] = useState('');
  const run = useCommand((path: string, body: unknown) => api.post<Feedback>(`/feedback/${v.id}${path}`, body));
  const initiatives = useApi(() => (v.allowed.includes('link') ? api.get<Page<Initiative>>('/initiatives?limit=100') : Promise.resolve({ items: [] as Initiative[] } as Page<Initiative>)), [v.allowed.join()]);
  const go = (path: string, body: unknown) => void run.exec(path, body).then(onDone);
  if (v.allowed.length === 0) return null;
  return (
    <section className="card" aria-labelledby="actions">
      <h2 id="actions">{t('feedback.actions')}</h2>
      <ErrorNotice error={run.error} />
      {v.allowed.includes('answer') && (
        <form className="form" data-command="answer" onSubmit={(e) => (e.preventDefault(), go('/answer', { answer: text }))}>
          <Field label={t('feedback.answer')} required>
            <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <button type="submit" className="btn btn-primary" disabled={run.pending || !text.trim()}>
            {t('feedback.answerSubmit')}
          </button>
        </form>
      )}
      {v.allowed.includes('route') && (
        <form className="form" data-command="route" onSubmit={(e) => (e.preventDefault(), go('/route', { department }))}>
          <Field label={t('feedback.team')} required>
            <DepartmentSelect value={department} onChange={setDepartment} />
          </Field>
          <button type="submit" className="btn btn-primary" disabled={run.pending || !department}>
            {t('feedback.routeSubmit')}
          </button>
        </form>
      )}
      {v.allowed.includes('respond') && (
        <form className="form" data-command="respond" onSubmit={(e) => (e.preventDefault(), go('/respond', { response: text }))}>
          <Field label={t('feedback.response')} required>
            <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <button type="submit" className="btn btn-primary" disabled={run.pending || !text.trim()}>
            {t('feedback.respondSubmit')}
          </button>
        </form>
      )}
      {v.allowed.includes('link') && (
        <form className="form" data-command="link" onSubmit={(e) => (e.preventDefault(), go('/link', { initiativeId }))}>
          <Field label={t('feedback.initiatives')}>
            <select value={initiativeId} onChange={(e) => setInitiativeId(e.target.value)}>
              <option value="" disabled>
                {t('feedback.chooseInitiative')}
              </option>
              {(initiatives.data?.items ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="btn" disabled={run.pending || !initiativeId}>
            {t('feedback.linkSubmit')}
          </button>
        </form>
      )}
      {v.allowed.includes('credit') && (
        <form className="form" data-command="credit" onSubmit={(e) => (e.preventDefault(), go('/credit', { kind: creditKind, id: creditId }))}>
          <Field label={t('feedback.creditKind')}>
            <select value={creditKind} onChange={(e) => (setCreditKind(e.target.value as 'person' | 'department'), setCreditId(''))}>
              <option value="person">{t('feedback.creditPerson')}</option>
              <option value="department">{t('feedback.creditDepartment')}</option>
            </select>
          </Field>
          <Field label={t('feedback.creditedTo')} required>
            {creditKind === 'person' ? <PersonSelect value={creditId} onChange={setCreditId} /> : <DepartmentSelect value={creditId} onChange={setCreditId} />}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={run.pending || !creditId}>
            {t('feedback.creditSubmit')}
          </button>
        </form>
      )}
      {v.allowed.includes('archive') && (
        <form className="form" data-command="archive" onSubmit={(e) => (e.preventDefault(), go('/archive', text.trim() ? { note: text } : {}))}>
          <Field label={t('feedback.archiveNote')} hint={t('form.optional')}>
            <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <button type="submit" className="btn" disabled={run.pending}>
            {t('feedback.archiveSubmit')}
          </button>
        </form>
      )}
      {v.allowed.includes('reclassify') && (
        <details>
          <summary>{t('feedback.reclassify')}</summary>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              void run.exec('/reclassify', { reason, category, severity }).then((next) => next?.reclassified && navigate(`/complaints/${next.reclassified.complaintId}`));
            }}
          >
            <Field label={t('complaint.category')}>
              <select value={category} onChange={(e) => setCategory(e.target.value)}>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {label('category', c)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('complaint.severity')}>
              <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
                {severities.map((s) => (
                  <option key={s} value={s}>
                    {label('severity', s)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('feedback.reason')} required>
              <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
            <button type="submit" className="btn" disabled={run.pending || !reason.trim()}>
              {t('feedback.reclassifySubmit')}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}
