import { allowedImprovementCommands, improvementAccess } from '@domain/improvements/rules.js';
import type { ImprovementCommand } from '@domain/improvements/types.js';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api/client';
import type { Improvement } from '../api/types';
import { hasRole, type SessionUser } from '../auth/session';
import { useUser } from '../auth/SessionContext';
import { errorsByPath, Field } from '../components/Field';
import { formatDateTime, shortId } from '../components/format';
import { PageHeader } from '../components/Layout';
import { ErrorNotice, Loading } from '../components/Notice';
import { useApi, useCommand } from '../hooks/useApi';
import { usePeople } from '../hooks/usePeople';
import { useI18n, type MessageKey } from '../i18n';
import { ImprovementBadges } from './improvement/parts';
import { useDepartmentName } from '../hooks/useDirectory';

/** Where a source record is shown, when it has a page. */
function sourceLink(a: Improvement): string | null {
  if (a.source.kind === 'incident') return `/incidents/${a.source.id}`;
  if (a.source.kind === 'post_launch_review') return `/initiatives/${a.source.id.replace(/-plr$/, '')}`;
  if (a.source.kind === 'hot_issue') return '/hot-issues';
  return null;
}

/** One improvement action: its facts, timeline, progress with evidence, and what the reader may do now. */
export function ImprovementDetailPage() {
  const { id = '' } = useParams();
  const { t, label, tag } = useI18n();
  const user = useUser();
  const name = usePeople();
  const loaded = useApi(() => api.get<Improvement>(`/improvements/${encodeURIComponent(id)}`), [id]);
  const [fresh, setFresh] = useState<Improvement>();
  const a = fresh && fresh.id === id && fresh.version >= (loaded.data?.version ?? 0) ? fresh : loaded.data;
  if (!a) {
    return (
      <>
        <PageHeader title={t('improvement.title')} />
        <ErrorNotice error={loaded.error} />
        {loaded.loading && <Loading />}
      </>
    );
  }
  const link = sourceLink(a);
  const timeline = [
    { at: a.raisedAt, text: t('improvement.event.raised', { by: a.raisedBy.name }) },
    ...a.progress.map((p) => ({ at: p.at, text: `${t('improvement.event.progress', { by: name(p.by) })}: ${p.note}`, evidence: p.evidence })),
    ...a.completions.map((c) => ({ at: c.at, text: `${t('improvement.event.completed', { by: name(c.by) })}: ${c.summary}`, evidence: c.evidence })),
    ...a.verifications.map((v) => ({ at: v.at, text: v.decision === 'verified' ? t('improvement.event.verified', { by: name(v.by) }) : `${t('improvement.event.sentBack', { by: name(v.by) })}: ${v.reason ?? ''}` })),
    ...(a.effectiveness ? [{ at: a.effectiveness.at, text: `${t('improvement.event.effectiveness')}: ${label('improvementVerdict', a.effectiveness.verdict)}` }] : []),
  ].sort((x, y) => x.at.localeCompare(y.at));
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={
          <>
            <Link to="/improvements">{t('improvements.title')}</Link> · <span className="mono">{a.id}</span>
          </>
        }
        actions={
          <>
            <ImprovementBadges action={a} />
            {hasRole(user, 'compliance_auditor', 'admin') && (
              <Link className="btn" to={`/audit?entityType=improvement&entityId=${encodeURIComponent(a.id)}`}>
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
        <section className="card" aria-labelledby="improvement-facts">
          <h2 id="improvement-facts">{t('improvement.facts')}</h2>
          <Facts action={a} />
          <dl className="kv">
            <div className="kv-row">
              <dt>{t('improvement.source')}</dt>
              <dd data-testid="improvement-source">
                {label('improvementSource', a.source.kind)}
                {a.source.label ? ` — ${a.source.label}` : ''} {link ? <Link to={link}>{a.source.id}</Link> : <span className="mono">{a.source.id}</span>}
              </dd>
            </div>
            <div className="kv-row">
              <dt>{t('improvement.verifier')}</dt>
              <dd>{a.verifierId ? name(a.verifierId) : t('improvement.supervisors')}</dd>
            </div>
            {a.measure && (
              <div className="kv-row">
                <dt>{t('improvement.measure')}</dt>
                <dd>
                  {label('improvementDimension', a.measure.dimension)}: {a.measure.value}
                </dd>
              </div>
            )}
            {a.effectiveness && (
              <div className="kv-row">
                <dt>{t('improvement.effectiveness')}</dt>
                <dd data-testid="improvement-effectiveness">
                  {label('improvementVerdict', a.effectiveness.verdict)}
                  {a.effectiveness.before && a.effectiveness.after ? ` (${t('improvement.beforeAfter', { before: a.effectiveness.before.count, after: a.effectiveness.after.count })})` : ''}
                </dd>
              </div>
            )}
            {!a.effectiveness && a.effectivenessAt && (
              <div className="kv-row">
                <dt>{t('improvement.effectivenessAt')}</dt>
                <dd>{formatDateTime(a.effectivenessAt, tag)}</dd>
              </div>
            )}
          </dl>
          <Linked action={a} />
        </section>
        {user && <ImprovementActions action={a} user={user} onDone={setFresh} />}
      </div>
      <section className="card" aria-labelledby="improvement-timeline">
        <h2 id="improvement-timeline">{t('improvement.timeline')}</h2>
        <ol className="plain-list" data-testid="improvement-timeline">
          {timeline.map((e, n) => (
            <li key={n}>
              <span className="muted small">{formatDateTime(e.at, tag)}</span> {e.text}
              {'evidence' in e && e.evidence && e.evidence.length > 0 && (
                <ul>
                  {e.evidence.map((x) => (
                    <li key={x.url}>
                      <a href={x.url} target="_blank" rel="noreferrer noopener">
                        {x.note || x.url}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The facts of the action: shown on the page and again in each decision form. */
function Facts({ action: a }: { action: Improvement }) {
  const departmentName = useDepartmentName();
  const { t, tag } = useI18n();
  return (
    <dl className="kv">
      <div className="kv-row">
        <dt>{t('improvement.problem')}</dt>
        <dd className="prewrap">{a.problem}</dd>
      </div>
      <div className="kv-row">
        <dt>{t('improvement.plan')}</dt>
        <dd className="prewrap">{a.plan}</dd>
      </div>
      <div className="kv-row">
        <dt>{t('improvement.owner')}</dt>
        <dd data-testid="improvement-owner">
          {a.owner.name} · {departmentName(a.ownerDepartment)}
        </dd>
      </div>
      <div className="kv-row">
        <dt>{t('improvement.due')}</dt>
        <dd>{formatDateTime(a.due, tag)}</dd>
      </div>
    </dl>
  );
}

function Linked({ action: a }: { action: Improvement }) {
  const { t } = useI18n();
  const groups = [
    { key: 'improvement.linkedComplaints' as MessageKey, ids: a.links.complaints, to: (x: string) => `/complaints/${x}` },
    { key: 'improvement.linkedInitiatives' as MessageKey, ids: a.links.initiatives, to: (x: string) => `/initiatives/${x}` },
    { key: 'improvement.linkedIncidents' as MessageKey, ids: a.links.incidents, to: (x: string) => `/incidents/${x}` },
  ].filter((g) => g.ids.length > 0);
  if (groups.length === 0) return null;
  return (
    <>
      {groups.map((g) => (
        <p key={g.key} className="small">
          {t(g.key)}:{' '}
          {g.ids.map((x, n) => (
            <span key={x}>
              {n > 0 && ', '}
              <Link to={g.to(x)} className="mono">
                {shortId(x)}
              </Link>
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

/** The commands the reader may give now: the domain's state table and access rule, as the workflow applies them. */
function ImprovementActions({ action, user, onDone }: { action: Improvement; user: SessionUser; onDone: (a: Improvement) => void }) {
  const { t } = useI18n();
  const commands = allowedImprovementCommands(action.status).filter((c) => improvementAccess(c, { userId: user.userId, name: user.name, roles: user.roles }, { ownerId: action.owner.userId, verifierId: action.verifierId }).ok);
  const [open, setOpen] = useState<ImprovementCommand>();
  const current = open && commands.includes(open) ? open : undefined;
  return (
    <section className="card" aria-labelledby="improvement-actions">
      <h2 id="improvement-actions">{t('actions.title')}</h2>
      {commands.length === 0 ? (
        <p className="muted">{action.status === 'closed' ? t('improvement.closedNote') : t('actions.none')}</p>
      ) : (
        <div className="action-buttons">
          {commands.map((c) => (
            <button key={c} type="button" className={`btn ${current === c ? 'btn-primary' : ''}`} aria-expanded={current === c} onClick={() => setOpen(current === c ? undefined : c)} data-command={c}>
              {t(`improvement.command.${c}` as MessageKey)}
            </button>
          ))}
        </div>
      )}
      {current && (
        <CommandForm
          key={current}
          command={current}
          action={action}
          onDone={(a) => {
            setOpen(undefined);
            onDone(a);
          }}
        />
      )}
    </section>
  );
}

const paths: Record<ImprovementCommand, string> = { progress: '/progress', complete: '/complete', verify: '/verify', send_back: '/send-back' };

function CommandForm({ command, action, onDone }: { command: ImprovementCommand; action: Improvement; onDone: (a: Improvement) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [links, setLinks] = useState([{ url: '', note: '' }]);
  const [dueInDays, setDueInDays] = useState('');
  const evidence = () => links.filter((l) => l.url.trim() !== '').map((l) => ({ url: l.url.trim(), note: l.note.trim() }));
  const body = () => {
    if (command === 'progress') return { note, evidence: evidence() };
    if (command === 'complete') return { summary: note, evidence: evidence() };
    if (command === 'send_back') return { reason: note, dueInDays: Number(dueInDays) };
    return {};
  };
  const run = useCommand(() => api.post<Improvement>(`/improvements/${encodeURIComponent(action.id)}${paths[command]}`, body()));
  const errors = run.error instanceof ApiError ? errorsByPath(t, run.error.errors) : {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await run.exec();
    if (done) onDone(done);
  };
  const textLabel = command === 'progress' ? 'improvement.note' : command === 'complete' ? 'improvement.summary' : 'improvement.reason';
  const textError = command === 'progress' ? errors.note : command === 'complete' ? errors.summary : errors.reason;
  return (
    <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={t(`improvement.command.${command}` as MessageKey)}>
      {(command === 'verify' || command === 'send_back') && <Facts action={action} />}
      {command !== 'verify' && (
        <Field label={t(textLabel)} error={textError} wide required>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={5000} />
        </Field>
      )}
      {command === 'send_back' && (
        <Field label={t('improvement.newDueInDays')} hint={t('improvement.dueHint')} error={errors.dueInDays} required>
          <input type="number" inputMode="numeric" min={1} max={250} value={dueInDays} onChange={(e) => setDueInDays(e.target.value)} />
        </Field>
      )}
      {(command === 'progress' || command === 'complete') &&
        links.map((l, n) => (
          <div key={n} className="grid-2">
            <Field label={t('improvement.evidenceUrl', { n: n + 1 })} error={errors[`evidence.${n}.url`] ?? (n === 0 ? errors.evidence : undefined)} required={command === 'complete' && n === 0}>
              <input type="url" value={l.url} placeholder="https://" onChange={(e) => setLinks(links.map((x, i) => (i === n ? { ...x, url: e.target.value } : x)))} />
            </Field>
            <Field label={t('improvement.evidenceNote', { n: n + 1 })} error={errors[`evidence.${n}.note`]}>
              <input value={l.note} maxLength={500} onChange={(e) => setLinks(links.map((x, i) => (i === n ? { ...x, note: e.target.value } : x)))} />
            </Field>
          </div>
        ))}
      {(command === 'progress' || command === 'complete') && links.length < 20 && (
        <button type="button" className="btn" onClick={() => setLinks([...links, { url: '', note: '' }])}>
          {t('improvement.addEvidence')}
        </button>
      )}
      {command === 'verify' && <p>{t('improvement.verifyConfirm')}</p>}
      <ErrorNotice error={run.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={run.pending}>
          {t(`improvement.command.${command}` as MessageKey)}
        </button>
      </div>
    </form>
  );
}
